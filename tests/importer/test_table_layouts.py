"""read() on invented tables from a generator of layouts (``evaluation/table_layouts.py``).

The generator invents tables as bulletins publish them (rows of counties, stations, months or
years; columns of pollutants, shares and noise levels; units in the header, a row of units or
the caption; total rows, change columns and rows, empty cells; measures as rows) and renders
each as a paste gives it. These tests hold the layouts it reads, so that a rule for one
document's table cannot break a layout silently; ``DEBUG=1 .venv/bin/python -m
evaluation.table_layouts`` prints the whole measure.
"""

import pytest

from evaluation import table_layouts as layouts
from importer import pipeline
from importer.figures import is_unit
from importer.table_cells import units_into_labels


def _figures(text):
    return [f for f in pipeline.read(text).figures if not f.derived]


def _share_read(grid, rendering, transposed):
    document = pipeline.read(layouts.bulletin(grid, rendering, transposed))
    result = layouts.read_cells(grid, document)
    return sum(1 for _cell, match in result if match) / len(result)


# A column of units: each row's unit, written once beside its label. -------------------------


def test_a_column_of_units_beside_measures_as_rows_gives_each_row_its_unit():
    text = "\n".join(
        [
            "棠汀市2023年环境空气质量状况",
            "表1 2023年棠汀市各监测站主要污染物浓度",
            "| 项目 | 单位 | 岚坪站 | 桐渚站 |",
            "|---|---|---|---|",
            "| 二氧化氮 | μg/m³ | 24 | 31 |",
            "| CO | mg/m³ | 0.9 | 1.1 |",
            "| 综合指数 | — | 3.12 | 3.47 |",
        ]
    )
    got = {(f.value_text, f.unit_code, f.indicator, f.qualifier) for f in _figures(text)}
    assert got == {
        ("24", "ug/m3", "no2", "岚坪站"),
        ("31", "ug/m3", "no2", "桐渚站"),
        ("0.9", "mg/m3", "co", "岚坪站"),
        ("1.1", "mg/m3", "co", "桐渚站"),
        ("3.12", "index", "air-quality-composite-index", "岚坪站"),
        ("3.47", "index", "air-quality-composite-index", "桐渚站"),
    }


def test_a_column_of_units_without_its_heading_between_a_label_and_years():
    # Tab-separated, the unit column's heading written as "计量单位", a year per column.
    text = "\n".join(
        [
            "萍埠市2022年地表水环境质量状况",
            "表1 萍埠市地表水水质断面比例",
            "指标\t计量单位\t2022年\t2021年",
            "Ⅰ～Ⅲ类水质断面比例\t%\t86.4\t81.8",
            "劣Ⅴ类水质断面比例\t%\t0.0\t4.5",
        ]
    )
    got = {(f.value_text, f.unit_code, f.indicator, f.period_start.year) for f in _figures(text)}
    assert got == {
        ("86.4", "percent", "water-good-sections-ratio", 2022),
        ("81.8", "percent", "water-good-sections-ratio", 2021),
        ("0.0", "percent", "water-inferior-v-ratio", 2022),
        ("4.5", "percent", "water-inferior-v-ratio", 2021),
    }


def test_a_column_headed_units_of_bodies_is_no_column_of_units():
    # 单位 naming the bodies inspected, no measure's unit: the column stays.
    header = ("单位", "检查次数")
    rows = (("1", ("禾桥镇", "12"), (0, 10)), ("2", ("松岭街道", "9"), (11, 22)))
    assert units_into_labels(header, rows, is_unit) == (header, rows)


def test_a_single_unit_cell_without_the_heading_is_no_column_of_units():
    # One "%" under a column with no name of units could be a lone mark: two rows at least.
    header = ("备注", "2023年")
    rows = (("优良天数比例", ("%", "91.2"), (0, 10)), ("综合指数", ("", "3.4"), (11, 20)))
    assert units_into_labels(header, rows, is_unit) == (header, rows)


# The generator's layouts that read whole. ------------------------------------------------------

GRIDS = layouts.grids(60, seed=7)
ROWS_OF_UNITS = [g for g in GRIDS if "units:row" in g.features]


@pytest.mark.parametrize("rendering", ["markdown", "tabs", "html"])
def test_measures_as_rows_with_a_column_of_units_read_nine_cells_in_ten(rendering):
    # Turned round, a table with a row of units has a column of units (9% read before it was
    # taken for one; what is left is change columns and rows, not units).
    shares = [_share_read(grid, rendering, True) for grid in ROWS_OF_UNITS]
    assert sum(shares) / len(shares) >= 0.9, shares


@pytest.mark.parametrize("rendering", ["markdown", "tabs", "html"])
def test_generated_tables_in_grid_renderings_read_nine_cells_in_ten(rendering):
    read = total = 0
    for grid in GRIDS[:20]:
        for transposed in (False, True):
            document = pipeline.read(layouts.bulletin(grid, rendering, transposed))
            result = layouts.read_cells(grid, document)
            read += sum(1 for _cell, match in result if match)
            total += len(result)
    assert read / total >= 0.9

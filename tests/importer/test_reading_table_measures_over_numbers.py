"""read() on a station table copied one cell per line whose header holds, in this order, the
headings of its word columns (区域, 点位名称), measures merged over the numbers (PM2.5(μg/m3),
优良率(%)) and the numbers' own names (本周浓度, 与上周相比…, 截至…): each number is of the measure
over it, a column compared with another period (与上周相比) a change. A change right after a level
of the table's own period (本周) is of that period, not of the year so far a later column states.
A one-level header is read as before.

Invented tables (other places, other numbers).
"""

import pytest

from importer import pipeline

HEADER = [
    "所在区域",
    "点位名称",
    "PM2.5(μg/m3)",
    "优良率(%)",
    "本周浓度",
    "与上周相比(%)",
    "截至2月2日",
    "本周优良率",
    "与上周相比(百分点)",
    "截至2月2日",
]
ROWS = [
    ["章贡区", "一中", "28", "-6.7", "35.2", "100", "0", "91.4"],
    ["南康区", "公园", "31", "3.3", "38.0", "85.7", "-14.3", "88.6"],
    ["赣县区", "水厂", "25", "-10.7", "33.1", "100", "14.3", "94.3"],
]


def text(barred):
    cells = HEADER + [cell for row in ROWS for cell in row]
    lines = [f"{cell} |" if barred else cell for cell in cells]
    return "\n".join(
        [
            "赣州市环境空气质量周报",
            "2031年第5周(2031年1月27日~2031年2月2日)各点位监测结果如下:",
            *lines,
        ]
    )


def of_row(document, region):
    return {
        str(f.value): (f.indicator, f.kind, str(f.period_start), str(f.period_end))
        for f in document.figures
        if f.region is not None and f.region.name == region and not f.derived
    }


@pytest.mark.parametrize("barred", [False, True])
def test_numbers_under_measures_merged_after_the_word_columns(barred):
    got = of_row(pipeline.read(text(barred)), "章贡区")
    week = ("2031-01-27", "2031-02-02")
    assert got["28"] == ("pm25", "level", *week)
    assert got["-6.7"] == ("pm25", "change", *week)
    assert got["35.2"] == ("pm25", "level", "2031-01-01", "2031-02-02")
    assert got["91.4"] == ("air-good-days-ratio", "level", "2031-01-01", "2031-02-02")


def test_a_one_level_header_after_the_word_columns_reads_as_before():
    cells = ["所在区域", "点位名称", "PM2.5(μg/m3)", "PM10(μg/m3)"]
    cells += [
        "章贡区",
        "一中",
        "28",
        "51",
        "南康区",
        "公园",
        "31",
        "60",
        "赣县区",
        "水厂",
        "25",
        "47",
    ]
    document = pipeline.read("赣州市2031年1月各点位空气质量\n" + "\n".join(cells))
    got = of_row(document, "南康区")
    assert got["31"][0] == "pm25" and got["60"][0] == "pm10"

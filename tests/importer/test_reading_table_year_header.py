"""read() on a table whose columns are headed by bare years ("项目 | 2018 | 2019", a row of
years under a tab): the row of years is the header, not a row of values, and each column's
cells are of its year. Values under a header of names that happen to read as ascending years
stay values.

Invented tables (other places, other numbers).
"""

from importer import pipeline


def by_year(document):
    return {
        (f.indicator, f.period_start.year if f.period_start else None): str(f.value)
        for f in document.figures
        if not f.derived
    }


def test_a_table_in_bars_under_a_row_of_bare_years():
    text = "\n".join(
        [
            "某市2019年环境质量公报",
            "表1 主要污染物年均浓度(单位:微克/立方米)",
            "| 项目 | 2018 | 2019 |",
            "| 二氧化硫 | 12 | 10 |",
            "| 二氧化氮 | 31 | 29 |",
        ]
    )
    assert by_year(pipeline.read(text)) == {
        ("so2", 2018): "12",
        ("so2", 2019): "10",
        ("no2", 2018): "31",
        ("no2", 2019): "29",
    }


def test_a_table_in_tabs_under_bare_years_and_a_change():
    text = "\n".join(
        [
            "某市2020年环境质量公报",
            "主要指标对比",
            "指标\t2019\t2020\t变化(%)",
            "优良天数比例(%)\t84.1\t88.5\t4.4",
            "PM2.5(微克/立方米)\t39\t35\t-10.3",
        ]
    )
    document = pipeline.read(text)
    assert by_year(document)[("pm25", 2019)] == "39"
    assert by_year(document)[("air-good-days-ratio", 2019)] == "84.1"
    assert "2019" not in {str(f.value) for f in document.figures}


def test_values_like_ascending_years_under_a_header_of_measures_stay_values():
    # Counts that happen to read as years, in the first row under the columns' names.
    text = "\n".join(
        [
            "某市2031年信访办理情况",
            "| 区县 | 受理件数 | 回访件数 |",
            "| 东区 | 1998 | 2003 |",
            "| 西区 | 1205 | 1311 |",
        ]
    )
    values = {str(f.value) for f in pipeline.read(text).figures}
    assert {"1998", "2003", "1205", "1311"} <= values

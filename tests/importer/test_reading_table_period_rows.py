"""read() on tables whose rows are periods, not places: a row per day of the month (1, 2, 3 …
under 日期), per month (1 … 12 under 月份) or per year (2019, 2018 under 年度), copied one cell
per line. Each cell is of its row's period (a day of the table's month and year) and of its
column's measure; a trailing word cell (首要污染物, 类别) the rows leave empty is no column of
numbers; a copy cut off inside a row keeps the cells it has. Row numbers of places or stations
(序号 1, 2, 3) stay no period.

Invented tables (other places, other numbers).
"""

from datetime import date

from importer import pipeline


def cells(document):
    return sorted(
        (f.period_start, f.period_end, f.indicator or "", str(f.value))
        for f in document.figures
        if not f.derived and "|" not in f.quote and "\n" in f.quote
    )


def day(d, month=4, year=2021):
    return date(year, month, d)


def test_a_day_per_row_one_cell_per_line_with_an_empty_pollutant_cell_most_days():
    text = "\n".join(
        [
            "某某县2021年4月环境质量月报",
            "本月我县每日空气质量监测数据如下表。",
            "2021年4月某某县空气质量日报统计",
            "日期",
            "SO2",
            "NO2",
            "PM10",
            "PM2.5",
            "AQI",
            "类别",
            "首要",
            "污染物",
            "1",
            "7",
            "19",
            "62",
            "38",
            "56",
            "PM10",
            "2",
            "6",
            "14",
            "41",
            "22",
            "41",
            "3",
            "8",
            "23",
            "47",
            "29",
            "47",
            "4",
            "5",
            "12",
            "36",
            "18",
            "36",
        ]
    )
    document = pipeline.read(text)
    got = cells(document)
    rows = [
        (1, ("7", "19", "62", "38")),
        (2, ("6", "14", "41", "22")),
        (3, ("8", "23", "47", "29")),
        (4, ("5", "12", "36", "18")),
    ]
    expected = sorted(
        (day(d), day(d), code, value)
        for d, values in rows
        for code, value in zip(("so2", "no2", "pm10", "pm25"), values, strict=True)
    )
    assert [c for c in got if c[2]] == expected
    # The index of each day too, of its own day.
    aqi = sorted((c[0], c[3]) for c in got if not c[2])
    assert aqi == [(day(1), "56"), (day(2), "41"), (day(3), "47"), (day(4), "36")]


def test_days_of_a_table_cut_off_inside_a_row_keep_the_whole_cells_the_copy_kept():
    text = "\n".join(
        [
            "乙县2019年11月环境空气质量状况",
            "日期",
            "PM10",
            "PM2.5",
            "O3",
            "1",
            "55",
            "31",
            "88",
            "2",
            "49",
            "27",
            "92",
            "3",
            "61",
            "35",
            "84",
            "4",
            "58",
            "33",
        ]
    )
    document = pipeline.read(text)
    got = [(c[0], c[2], c[3]) for c in cells(document)]
    assert (date(2019, 11, 4), "pm10", "58") in got
    assert (date(2019, 11, 3), "o3", "84") in got
    # The very last cell may be cut inside its digits ("33" of "331"): no figure.
    assert (date(2019, 11, 4), "pm25", "33") not in got
    assert len(got) == 10


def test_a_year_per_row_under_a_two_level_header():
    text = "\n".join(
        [
            "丙市2019年城区道路交通噪声监测结果",
            "表2 城区道路交通噪声年际对比",
            "年度",
            "路段长度(千米)",
            "车流量",
            "(辆/小时)",
            "等效声级dB(A)",
            "Leq",
            "L10",
            "2019",
            "126.4",
            "2150",
            "67.3",
            "70.1",
            "2018",
            "126.4",
            "2284",
            "67.9",
            "70.8",
        ]
    )
    document = pipeline.read(text)
    by_year = sorted(
        (f.period_start.year, str(f.value), f.unit)
        for f in document.figures
        if not f.derived and f.period_start is not None
    )
    assert (2018, "67.9", "dB(A)") in by_year
    assert (2018, "2284", "辆/小时") in by_year
    assert (2019, "67.3", "dB(A)") in by_year
    assert all(value not in ("2018", "2019") for _year, value, _unit in by_year)


def test_two_years_of_a_small_comparison_table_are_a_table():
    text = "\n".join(
        [
            "丁市2022年降水监测",
            "2022年全市酸雨频率为31.2%,降水pH年均值为5.48。",
            "表4 降水状况年际对比",
            "年度",
            "酸雨频率(%)",
            "pH年均值",
            "2022年",
            "31.2",
            "5.48",
            "2021年",
            "36.7",
            "5.31",
        ]
    )
    document = pipeline.read(text)
    found = sorted(
        (f.period_start.year, f.indicator, str(f.value)) for f in document.figures if not f.derived
    )
    assert (2021, "acid-rain-frequency", "36.7") in found
    assert (2021, "precipitation-ph", "5.31") in found


def test_serial_numbers_of_stations_are_no_days():
    text = "\n".join(
        [
            "戊县2021年4月环境空气质量",
            "序号",
            "点位",
            "PM10",
            "PM2.5",
            "1",
            "县政府",
            "52",
            "30",
            "2",
            "第二中学",
            "47",
            "26",
            "3",
            "工业园",
            "66",
            "41",
        ]
    )
    document = pipeline.read(text)
    figures = [f for f in document.figures if not f.derived]
    assert sorted(str(f.value) for f in figures) == ["26", "30", "41", "47", "52", "66"]
    assert all((f.period_start, f.period_end) == (day(1), day(30)) for f in figures)


def test_a_month_per_row_under_its_heading_is_that_month_of_the_tables_year():
    # One cell per line: the heading, the names, then each month's label and values.
    rows = ("1 96 71", "2 83 60", "3 74 48", "4 66 39")
    cells = ["月份", "PM10(μg/m3)", "PM2.5(μg/m3)", *(c for row in rows for c in row.split())]
    text = "\n".join(["己市2018年环境空气质量年报", "表5 2018年己市各月主要污染物浓度", *cells])
    document = pipeline.read(text)
    got = sorted(
        (f.period_start, f.period_end, f.indicator, str(f.value))
        for f in document.figures
        if not f.derived
    )
    assert (date(2018, 3, 1), date(2018, 3, 31), "pm25", "48") in got
    assert (date(2018, 1, 1), date(2018, 1, 31), "pm10", "96") in got
    assert len(got) == 8


def test_months_of_a_table_captioned_with_an_earlier_year_are_of_that_year():
    rows = ("1月 4.6", "2月 5.3", "3月 6.1")
    cells = ["月份", "降尘(吨/平方千米·月)", *(c for row in rows for c in row.split())]
    lines = [
        "庚县2020年环境状况公报",
        "2020年全县空气质量持续改善。",
        "表2 2019年庚县逐月降尘监测结果",
    ]
    text = "\n".join([*lines, *cells])
    document = pipeline.read(text)
    got = sorted((f.period_start, str(f.value)) for f in document.figures if not f.derived)
    assert got == [(date(2019, 1, 1), "4.6"), (date(2019, 2, 1), "5.3"), (date(2019, 3, 1), "6.1")]

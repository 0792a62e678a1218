"""read() on the place of a station's row: a station named by a place is of that place where
the table's stations are named so; among a city's stations named after sites, one named after
a district's office is still the city's. Invented tables, in the style of city bulletins.
"""

from importer import pipeline


def _places(document):
    return {(str(f.value), getattr(f.region, "name", f.region)) for f in document.figures}


def test_a_citys_pipe_table_of_stations_one_named_after_a_districts_office():
    document = pipeline.read(
        "九江市中心城区2023年5月环境空气质量公告\n"
        "本市城区共设4个空气监测点位,5月逐日监测,结果见下表。\n"
        "中心城区5月份空气质量监测结果统计表 单位:μg/m³\n"
        "| 点位 | SO2 | NO2 | PM10 |\n"
        "| 濂溪区卫计委 | 6 | 19 | 44 |\n"
        "| 十里公园 | 5 | 17 | 38 |\n"
        "| 市图书馆 | 7 | 22 | 41 |\n"
        "| 气象站 | 4 | 15 | 36 |\n"
    )
    assert ("19", "九江市") in _places(document)
    assert not any(place == "濂溪区" for _value, place in _places(document))


def test_a_citys_table_one_cell_a_line_one_station_named_after_a_districts_office():
    cells = [
        "点位", "SO2", "NO2", "PM10",
        "十里公园", "5", "17", "38",
        "濂溪区卫计委", "6", "19", "44",
        "市图书馆", "7", "22", "41",
    ]  # fmt: skip
    document = pipeline.read(
        "九江市2023年5月环境空气质量公告\n"
        "5月份本市各点位的逐日均值汇总如下表(单位:μg/m³)。\n"
        + " |\n".join(cells)
        + " |\n"
    )
    assert not any(place == "濂溪区" for _value, place in _places(document))


def test_stations_each_named_by_their_county_keep_their_counties():
    document = pipeline.read(
        "九江市2023年5月县(市)环境空气质量\n"
        "2023年5月各县(市)点位监测结果如下表。单位:μg/m³\n"
        "| 点位 | SO2 | NO2 | PM10 |\n"
        "| 武宁县城关站 | 6 | 19 | 44 |\n"
        "| 修水县城关站 | 5 | 17 | 38 |\n"
        "| 永修县城关站 | 7 | 22 | 41 |\n"
    )
    assert ("19", "武宁县") in _places(document)
    assert ("17", "修水县") in _places(document)

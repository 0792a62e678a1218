"""read() on tables whose copy lost cells or lines: rows laid out by what their cells hold.

Invented tables in the style of municipal bulletins (other places, other numbers).
"""

from datetime import date
from decimal import Decimal

from importer import pipeline


def cells_of(document, place):
    return sorted(
        (str(f.value), f.indicator)
        for f in document.figures
        if f.region is not None and f.region.name == place and not f.derived
    )


def test_rankings_side_by_side_flattened_into_one_line_with_tied_ranks_left_out():
    # Two rankings (rank | county | value) side by side, the whole table on one line; the
    # copy dropped the rank of a tie (澄江市 under the first, 华宁县 under the second).
    line = " | ".join(
        [
            "表2 2025年4月各县(市、区)空气质量排名 优良天数比例(%)排名",
            "PM2.5月均浓度(μg/m3)排名",
            *("1", "通海县", "96.7%", "1", "华宁县", "18"),
            *("2", "江川区", "93.3%", "2", "易门县", "20"),
            *("3", "易门县", "90.0%", "3", "通海县", "21"),
            *("澄江市", "90.0%", "华宁县", "21"),
            *("5", "红塔区", "86.7%", "5", "红塔区", "24"),
        ]
    )
    document = pipeline.read(
        "玉溪市2025年4月环境空气质量通报\n各县(市、区)排名情况见表2。\n" + line + " |"
    )
    assert cells_of(document, "澄江市") == [("90.0", "air-good-days-ratio")]
    assert cells_of(document, "华宁县") == [("18", "pm25"), ("21", "pm25")]
    assert cells_of(document, "通海县") == [("21", "pm25"), ("96.7", "air-good-days-ratio")]
    assert len(document.figures) == 10  # no rank is a figure
    for figure in document.figures:
        # PM2.5月均浓度 names no month: the caption's April is every cell's.
        assert (figure.period_start, figure.period_end) == (date(2025, 4, 1), date(2025, 4, 30))


def test_a_row_that_lost_an_empty_cell_is_laid_out_by_its_cells_kinds():
    # One cell per line; 江川区's rank cell was empty and vanished: its two numbers still
    # go under PM2.5 and the ratio (the percent sign says which is which).
    cells = [
        "区县", "PM2.5浓度(μg/m³)", "优良天数比例(%)", "排名",
        "红塔区", "27", "91.2%", "5",
        "江川区", "25", "93.0%",
        "通海县", "22", "95.5%", "1",
        "易门县", "24", "94.1%", "2",
        "华宁县", "28", "90.4%", "6",
        "澄江市", "23", "94.1%", "2",
    ]  # fmt: skip
    document = pipeline.read("玉溪市2025年一季度各区县空气质量\n" + "\n".join(cells))
    assert cells_of(document, "江川区") == [("25", "pm25"), ("93.0", "air-good-days-ratio")]
    assert cells_of(document, "易门县") == [("24", "pm25"), ("94.1", "air-good-days-ratio")]
    assert len(document.figures) == 12  # two measures of six counties, no rank


def test_a_shortened_row_that_could_be_read_two_ways_is_left_out():
    # 江川区 kept one of its two day counts: it may be either column, so it gives nothing.
    cells = [
        "区县", "优良天数(天)", "轻度污染天数(天)",
        "红塔区", "80", "9",
        "江川区", "84",
        "通海县", "86", "3",
        "易门县", "83", "6",
    ]  # fmt: skip
    document = pipeline.read("玉溪市2025年一季度各区县空气质量天数\n" + "\n".join(cells))
    assert cells_of(document, "江川区") == []
    assert [value for value, _code in cells_of(document, "通海县")] == ["3", "86"]
    assert len(document.figures) == 6


def test_a_zone_with_its_district_in_brackets_is_of_the_district():
    cells = [
        "区县", "综合指数",
        "红塔区", "3.12",
        "玉溪高新区 (江川区)", "3.40",
        "通海县", "2.95",
    ]  # fmt: skip
    document = pipeline.read("玉溪市2025年3月各区县空气质量综合指数\n" + "\n".join(cells))
    figure = next(f for f in document.figures if f.value == Decimal("3.40"))
    assert figure.region.name == "江川区"


def test_a_long_city_list_quotes_each_value_from_its_own_item():
    text = (
        "云岭省2025年1-6月空气质量\n"
        "16个州市PM10平均浓度由低至高依次为:迪庆州(18微克/立方米)、怒江州(22微克/立方米)、"
        "丽江市(25微克/立方米)、普洱市(25微克/立方米)、西双版纳州(27微克/立方米)、"
        "临沧市(29微克/立方米)、保山市(31微克/立方米)、大理州(32微克/立方米)、"
        "楚雄州(33微克/立方米)、玉溪市(34微克/立方米)、曲靖市(38微克/立方米)"
        "和昭通市(40微克/立方米)。"
    )
    document = pipeline.read(text)
    quotes = {f.region.name: f.quote for f in document.figures if f.value == Decimal("25")}
    assert quotes["丽江市"].startswith("丽江市(25")
    assert quotes["普洱市"].startswith("普洱市(25")  # not cut inside the item before it


def test_a_two_level_header_over_a_pollutant_its_changes_and_a_group_of_cities_merged_over_rows():
    # Cells end with " |"; "|||" closes the upper header row, "||" the lower one, "|" each
    # data row. The first column (a group of cities) is merged over its rows: only the first
    # row of the group has it, and it is no header.
    upper = ["区域", "州市", "PM10", "优良天数比例", "重污染天数"]
    lower = [
        "浓度(μg/m3)", "同比 2024年", "同比 五年均值",
        "实测值(%)", "同比 2024年(百分点)", "同比 五年均值(百分点)",
        "重污染天数", "同比2024年(天)",
    ]  # fmt: skip
    rows = [
        ["滇中地区", "玉溪市", "36", "-8.1%", "-11.2%", "93.4", "1.2", "2.5", "0", "-1"],
        ["曲靖市", "41", "-5.3%", "-6.0%", "90.1", "-0.8", "1.4", "1", "0"],
        ["楚雄州", "33", "2.2%", "-3.9%", "95.6", "0.4", "-1.1", "0", "0"],
        ["大理州", "30", "-1.0%", "-4.4%", "96.2", "0.6", "1.8", "0", "0"],
    ]
    lines = [f"{cell} |" for cell in upper] + ["|||"] + [f"{cell} |" for cell in lower] + ["||"]
    for row in rows:
        lines += [f"{cell} |" for cell in row] + ["|"]
    document = pipeline.read(
        "云岭省2025年1-6月空气质量\n表3 2025年1-6月各州市PM10、优良天数比例变化\n"
        + "\n".join(lines)
        + "\n数据来源:云岭省生态环境监测中心。"
    )
    got = {(str(f.value), f.region.name): (f.indicator, f.kind) for f in document.figures}
    assert got[("36", "玉溪市")] == ("pm10", "level")
    assert got[("-8.1", "玉溪市")] == ("pm10", "change")
    assert got[("-3.9", "楚雄彝族自治州")] == ("pm10", "change")  # 同比五年均值 is PM10's
    assert got[("93.4", "玉溪市")] == ("air-good-days-ratio", "level")
    assert got[("-0.8", "曲靖市")] == ("air-good-days-ratio", "change")
    assert got[("1", "曲靖市")] == ("heavy-pollution-days", "level")
    assert not any(f.region.name == "滇中地区" for f in document.figures)
    # The text ends with "0 |", "0 |": the last cell is no repeated headline.
    assert len(document.figures) == 32


def test_as_many_values_as_the_places_listed_before_them_are_theirs_in_order():
    document = pipeline.read(
        "云岭省2025年上半年空气质量\n"
        "2025年上半年,昆明、曲靖、玉溪优良天数比例分别为98.9%、95.6%、97.2%;"
        "昆明、曲靖、玉溪轻度污染天数比例1.1%、4.4%、2.8%;曲靖中度污染天数比例为1.1%。"
    )
    got = {(f.region.name, str(f.value)) for f in document.figures if not f.derived}
    assert {("昆明市", "1.1"), ("曲靖市", "4.4"), ("玉溪市", "2.8")} <= got
    # Each value once, of its own city (not 1.1 of all three); 曲靖's 中度 share is 曲靖's.
    ones = sorted(f.region.name for f in document.figures if f.value == Decimal("1.1"))
    assert ones == ["昆明市", "曲靖市"]


def test_a_column_counted_in_ten_thousands_and_autonomous_counties_by_their_short_names():
    cells = [
        "县区", "网格数(个)", "覆盖面积(km2)", "覆盖人口(万人)", "Leq(分贝A)",
        "红塔区", "110", "40.2", "31.06", "52.3",
        "峨山县", "96", "8.40", "3.12", "49.1",
        "新平县", "101", "9.75", "4.08", "50.6",
    ]  # fmt: skip
    document = pipeline.read(
        "玉溪市2025年城市区域声环境质量\n表2 各县区区域昼间噪声监测情况\n"
        + "\n".join(f"{c} |" for c in cells)
    )
    got = {(f.region.name, str(f.value)): f.unit for f in document.figures}
    assert got[("峨山彝族自治县", "3.12")] == "万人"  # people, in ten thousands
    assert got[("新平彝族傣族自治县", "9.75")] == "km2"
    assert len(document.figures) == 12


def test_a_row_of_units_under_the_names_gives_one_to_each_column_in_order():
    cells = [
        "表1 2025年玉溪市环境空气质量状况",
        "时间", "PM10", "NO2", "CO", "(第95百分位数)", "PM2.5", "优良天数", "综合指数",
        "μg/m3", "μg/m3", "mg/m3", "μg/m3",
        "2025年", "41", "17", "0.9", "24", "341", "2.85",
    ]  # fmt: skip
    document = pipeline.read("玉溪市2025年环境质量公报\n" + "\n".join(cells))
    got = {str(f.value): (f.unit, f.indicator) for f in document.figures}
    assert got["41"] == ("μg/m3", "pm10")
    assert got["17"] == ("μg/m3", "no2")
    assert got["0.9"] == ("mg/m3", "co")
    assert got["24"] == ("μg/m3", "pm25")
    assert got["341"][0] == "天"  # not a third μg/m3 glued to the last name


def test_a_decimal_cell_whose_leading_zero_the_copy_lost():
    cells = [
        "断面名称", "溶解氧(mg/L)", "氨氮(mg/L)", "总磷(mg/L)",
        "抚仙湖湖心", "8.12", "0.11", "0.02",
        "星云湖出口", "6.40", ".09", "0.13",
        "杞麓湖湖心", "5.95", "0.38", "0.21",
    ]  # fmt: skip
    document = pipeline.read("玉溪市2025年3月重点湖泊水质\n" + "\n".join(cells))
    values = sorted(f.value for f in document.figures if "星云湖" in f.qualifier)
    assert values == [Decimal("0.09"), Decimal("0.13"), Decimal("6.40")]


def test_a_value_said_in_its_own_clause_after_the_places_it_is_of():
    document = pipeline.read(
        "云岭省2025年空气质量\n"
        "2025年,优良天数最多的是迪庆、怒江和丽江等3市,为365天;"
        "PM2.5浓度最高的是昭通和曲靖市,为31微克/立方米;最低的是迪庆州,为12微克/立方米。"
    )
    days = sorted(f.region.name for f in document.figures if f.value == Decimal("365"))
    assert days == ["丽江市", "怒江傈僳族自治州", "迪庆藏族自治州"]
    highest = sorted(f.region.name for f in document.figures if f.value == Decimal("31"))
    assert highest == ["昭通市", "曲靖市"]
    lowest = [f.region.name for f in document.figures if f.value == Decimal("12")]
    assert lowest == ["迪庆藏族自治州"]  # one place, one figure


def test_rows_one_to_a_line_with_bars_between_cells_and_a_column_per_station():
    # Stations across (river, then its section), parameters down, units in the row labels;
    # a words-only row of classes above and below the numbers.
    rows = [
        "水系 | 青溪河 | 青溪河 | 白沙江 | 白沙江 |",
        "断面 | 上桥 | 下闸 | 渡口 | 入湖口 |",
        "目标类别 | Ⅲ | Ⅲ | Ⅳ | Ⅳ |",
        "pH | 7 | 8 | 7 | 8 |",
        "溶解氧 (mg/L) | 8.6 | 7.9 | 6.1 | 5.8 |",
        "氨氮 (mg/L) | 0.21 | 0.35 | 0.72 | 0.91 |",
        "总磷 (mg/L) | 0.05 | 0.06 | 0.12 | 0.14 |",
        "评价结果 | Ⅱ | Ⅲ | Ⅲ | Ⅳ |",
    ]
    document = pipeline.read(
        "江州市2025年5月河流水质月报\n表1 2025年5月主要河流断面水质监测结果\n" + "\n".join(rows)
    )
    assert len(document.figures) == 16  # four parameters of four stations, no class
    ammonia = [f for f in document.figures if f.quote.startswith("氨氮")]
    assert sorted(str(f.value) for f in ammonia) == ["0.21", "0.35", "0.72", "0.91"]
    assert {f.unit for f in ammonia} == {"mg/L"}
    入湖口 = next(f for f in document.figures if f.value == Decimal("0.14"))
    assert "入湖口" in 入湖口.qualifier  # the station is the column's
    assert (入湖口.period_start, 入湖口.period_end) == (date(2025, 5, 1), date(2025, 5, 31))
    assert sorted(str(f.value) for f in document.figures if f.unit == "") == ["7", "7", "8", "8"]


def test_rows_with_bars_between_cells_and_a_row_per_city():
    rows = [
        "城市 | PM2.5(μg/m³) | 优良天数比例(%)",
        "江州市 | 31 | 88.2",
        "临川市 | 27 | 91.5",
        "全省 | 29 | 90.1",
    ]
    document = pipeline.read("2025年1-6月各市环境空气质量\n" + "\n".join(rows))
    got = {(str(f.value), f.indicator) for f in document.figures}
    assert got == {
        ("31", "pm25"), ("88.2", "air-good-days-ratio"),
        ("27", "pm25"), ("91.5", "air-good-days-ratio"),
        ("29", "pm25"), ("90.1", "air-good-days-ratio"),
    }  # fmt: skip


def test_a_line_with_bars_in_prose_is_no_table_row():
    document = pipeline.read(
        "江州市2025年4月空气质量\n"
        "首页 | 环境质量 | 空气质量\n"
        "2025年4月,江州市优良天数比例为93.3%,PM2.5平均浓度为28微克/立方米。\n"
    )
    assert sorted(str(f.value) for f in document.figures) == ["28", "93.3"]


def test_a_row_per_class_with_its_stations_listed_in_one_long_cell():
    rows = [
        "水质类别 | 断面名称 | 断面数 | 所占比例(%) |",
        "Ⅱ类 | 东渡、石门、青龙闸、白马渡口、黄泥坝、三河口、新塘水厂、南湖出口、老鸦滩、渔梁 | 10 | 47.6 |",
        "Ⅲ类 | 上坪、龙潭、北溪桥、湾里、枫林 | 5 | 23.8 |",
        "Ⅳ类 | 沙洲、小港、石桥 | 3 | 14.3 |",
        "劣Ⅴ类 | 下浦、泥河口、西塘 | 3 | 14.3 |",
    ]
    document = pipeline.read(
        "江州省水质自动监测周报(2025年第12周)\n"
        "对全省21个水质自动站的监测结果进行综合评价,结果见下表。\n" + "\n".join(rows)
    )
    got = sorted((str(f.value), f.indicator or "") for f in document.figures)
    # The shares of the four classes; the counts beside them are their numerators.
    assert got == [
        ("14.3", ""),
        ("14.3", "water-inferior-v-ratio"),
        ("23.8", ""),
        ("47.6", ""),
    ]


def test_a_cell_listing_measures_with_their_values_gives_one_figure_each():
    # The city is merged over its two sections (written once), and the cell under 主要超标项目
    # lists each pollutant over its limit with how many times over.
    rows = [
        "责任城市 | 交接断面 | 水质目标 | 水质类别 | 主要超标项目 | 备注",
        "江州 | 石门桥 | Ⅲ | Ⅳ | 总磷/0.4、氨氮/0.2 | —",
        " | 白沙渡 | Ⅲ | 劣Ⅴ | 氨氮/1.6、总磷/0.9、化学需氧量/0.3 | 其他指标达Ⅳ类",
        "临川 | 龙口 | Ⅱ | Ⅱ | — | —",
    ]
    document = pipeline.read(
        "江州省2025年5月重点河流水质状况\n全省跨市河流交接断面达标率为80.0%。\n"
        "表2 2025年5月跨市河流交接断面水质状况\n" + "\n".join(rows)
    )
    table = [f for f in document.figures if f.value != Decimal("80.0")]
    assert sorted(str(f.value) for f in table) == ["0.2", "0.3", "0.4", "0.9", "1.6"]
    # 白沙渡's row is the city's above it, not the document's.
    assert {f.region.name for f in table} == {"江州区"}
    assert {f.unit for f in table} == {""}
    ammonia = next(f for f in table if f.value == Decimal("1.6"))
    assert "氨氮" in ammonia.proposed[0]


def test_a_remark_or_a_list_of_stations_is_no_compound_cell():
    from importer.table_cells import compound_items

    assert compound_items("氨氮/1.3、总磷/0.6") == [("氨氮", "1.3"), ("总磷", "0.6")]
    assert compound_items("COD:12") == [("COD", "12")]
    assert compound_items("氨氮低于3mg/L,总磷低于0.35mg/L") == []
    assert compound_items("林山、土桥、金西水厂") == []
    assert compound_items("佛山→广州") == []
    assert compound_items("12/15") == []


def test_a_copy_cut_off_inside_the_last_row_keeps_the_cells_it_has():
    # One cell per line; the text stops inside 青岚县's row, inside its third number.
    cells = [
        "区县", "PM10(μg/m³)", "PM2.5(μg/m³)", "NO2(μg/m³)", "优良天数比例(%)",
        "白石区", "52", "31.4", "20", "88.5",
        "枫桥区", "48", "29.8", "18", "90.2",
        "青岚县", "45", "2",
    ]  # fmt: skip
    document = pipeline.read("江州市2025年1-6月各区县空气质量\n" + "\n".join(cells))
    last = [str(f.value) for f in document.figures if f.quote.startswith("青岚县")]
    # 45 under PM10; "2" may be the start of "27.6" (its column has decimals): left out.
    assert last == ["45"]
    assert len(document.figures) == 9


def test_a_cut_off_last_cell_shaped_like_its_column_is_kept():
    cells = [
        "区县", "PM2.5(μg/m³)", "优良天数比例(%)", "同比(百分点)",
        "白石区", "31.4", "88.5", "-1.2",
        "枫桥区", "29.8", "90.2", "0.6",
        "青岚县", "27.6", "93.1",
    ]  # fmt: skip
    document = pipeline.read("江州市2025年1-6月各区县空气质量\n" + "\n".join(cells))
    last = sorted(str(f.value) for f in document.figures if f.quote.startswith("青岚县"))
    assert last == ["27.6", "93.1"]


def test_a_total_row_a_sentence_already_stated_is_one_figure():
    cells = [
        "县市", "网格数(个)", "监测面积(km2)", "覆盖人口(万人)",
        "白石市", "96", "31.2", "20.45",
        "青岚县", "88", "12.6", "6.30",
        "全州", "184", "43.8", "26.75",
    ]  # fmt: skip
    document = pipeline.read(
        "江州自治州2025年声环境质量\n"
        "2025年,全州2个县市开展区域昼间噪声监测,覆盖人口26.75万人。\n"
        "表1 2025年区域昼间噪声监测情况\n" + "\n".join(f"{c} |" for c in cells)
    )
    people = [f for f in document.figures if f.value == Decimal("26.75")]
    assert len(people) == 1 and "覆盖人口26.75万人" in people[0].quote
    assert len([f for f in document.figures if f.value == Decimal("184")]) == 1


def test_a_row_label_on_its_own_line_over_a_list_of_places_with_values_in_brackets():
    # A two-column ranking (measure | the three worst places) pasted one cell per line: the
    # label line names the measure, unitless or not, of each value in the list under it.
    lines = [
        "污染物 |",
        "排名后3位的区县 |",
        "综合指数 |",
        "红塔区(4.61)、经开区(4.38)、通海县(4.12) |",
        "PM2.5 |",
        "通海县(41µg/m3)、高新区(39µg/m3)、红塔区(37µg/m3) |",
    ]
    document = pipeline.read(
        "玉溪市2025年3月环境空气质量\n"
        "2025年3月,玉溪市PM2.5平均浓度为33微克/立方米。\n"
        "各区县后3位排名情况\n" + "\n".join(lines)
    )
    got = {(str(f.value), f.indicator, f.region.name) for f in document.figures}
    assert ("4.61", "air-quality-composite-index", "红塔区") in got
    assert ("4.12", "air-quality-composite-index", "通海县") in got
    # A development zone is no county: of the city, the zone kept as the qualifier.
    assert ("4.38", "air-quality-composite-index", "玉溪市") in got
    zone = next(f for f in document.figures if f.value == Decimal("39"))
    assert (zone.indicator, zone.region.name) == ("pm25", "玉溪市")
    assert "高新区" in zone.qualifier
    assert len(document.figures) == 7


def test_a_cell_of_the_second_ranking_side_by_side_is_quoted_from_its_own_place():
    rows = [
        "排名 | 县区 | 优良天数比例(%) | 排名 | 县区 | PM2.5浓度(μg/m³)",
        "1 | 通海县 | 96.1% | 1 | 华宁县 | 19",
        "2 | 华宁县 | 94.4% | 2 | 通海县 | 21",
        "3 | 江川区 | 92.2% | 3 | 江川区 | 23",
    ]
    document = pipeline.read("玉溪市2025年4月各县区空气质量排名\n" + "\n".join(rows))
    pm25 = {f.region.name: f.quote for f in document.figures if f.indicator == "pm25"}
    assert pm25["通海县"].startswith("通海县 | 21")
    assert pm25["华宁县"].startswith("华宁县 | 19")
    ratio = {f.region.name: f.quote for f in document.figures if f.indicator != "pm25"}
    assert ratio["华宁县"].startswith("华宁县 | 94.4%")


def test_a_caption_unit_is_not_an_index_column_s():
    rows = [
        "| 县区 | PM10 | PM2.5 | 综合指数 |",
        "| --- | --- | --- | --- |",
        "| 红塔区 | 48 | 27 | 3.62 |",
        "| 江川区 | 44 | 25 | 3.30 |",
    ]
    document = pipeline.read(
        "玉溪市2025年环境质量公报\n表1 2025年各县区污染物年均浓度(单位:微克/立方米)\n"
        + "\n".join(rows)
    )
    got = {str(f.value): (f.unit, f.indicator) for f in document.figures}
    assert got["48"] == ("微克/立方米", "pm10")
    assert got["3.62"] == ("", "air-quality-composite-index")


def test_an_upper_header_whose_first_cell_heads_the_row_labels_and_a_zone_class_s_levels():
    # Tab-separated, the labels' heading (功能区) merged down over both header rows: the copy
    # kept it in the upper row and dropped the lower row's empty first cell.
    rows = [
        "功能区\t昼间\t\t夜间",
        "\tLeq dB(A)\t达标率(%)\tLeq dB(A)\t达标率(%)",
        "1类区\t51.6\t100\t42.9\t75.0",
        "2类区\t54.8\t100\t45.7\t87.5",
    ]
    document = pipeline.read(
        "玉溪市2025年第二季度声环境质量\n2025年第二季度,全市功能区声环境监测结果见下表。\n"
        + "\n".join(rows)
    )
    got = {str(f.value): f for f in document.figures}
    assert "夜间" in got["42.9"].proposed[0]  # under 夜间, not 昼间
    assert got["75.0"].indicator == "noise-functional-compliance-night"
    assert got["100"].indicator == "noise-functional-compliance-day"
    # A zone class's equivalent level is that zone's, not the city's day or night level.
    assert got["51.6"].indicator is None and "昼间" in got["51.6"].proposed[0]
    assert got["42.9"].indicator is None


def test_a_year_cell_dates_its_row_with_the_months_of_the_table():
    rows = [
        "县区 | 年份 | PM2.5(μg/m³) | 优良天数比例(%)",
        "红塔区 | 2025年 | 26 | 94.1",
        " | 2024年 | 29 | 91.7",
        "通海县 | 2025年 | 22 | 96.0",
        " | 2024年 | 24 | 95.3",
    ]
    document = pipeline.read(
        "玉溪市2025年1-6月空气质量\n2025年1-6月,各县区空气质量与上年同期对比见下表。\n"
        + "\n".join(rows)
    )
    got = {str(f.value): f for f in document.figures}
    assert (got["29"].region.name, got["29"].period_start, got["29"].period_end) == (
        "红塔区",
        date(2024, 1, 1),
        date(2024, 6, 30),
    )
    assert (got["26"].period_start, got["26"].period_end) == (date(2025, 1, 1), date(2025, 6, 30))


def test_a_note_s_unit_is_the_permanganate_index_s_too():
    rows = [
        "水源地 | 所在县区 | pH | 溶解氧 | 高锰酸盐指数 | 氨氮",
        "东湖水库 | 红塔区 | 7.7 | 8.4 | 1.8 | 0.09",
        "西岭水库 | 江川区 | 7.5 | 7.6 | 2.2 | 0.12",
    ]
    document = pipeline.read(
        "玉溪市2025年5月饮用水水源地水质\n2025年5月,各水源地水质监测结果见下表。\n"
        + "\n".join(rows)
        + "\n注:除pH无量纲外,其余单位均为mg/L。"
    )
    got = {str(f.value): f for f in document.figures}
    assert got["1.8"].unit == "mg/L" and got["0.09"].unit == "mg/L"
    assert got["7.7"].unit == ""
    assert got["2.2"].region.name == "江川区"  # the county column places the row


def test_columns_aligned_with_spaces_under_a_row_of_names_and_a_row_of_units():
    lines = [
        "县区        PM2.5     PM10     优良天数",
        "           (μg/m³)   (μg/m³)   (天)",
        "红塔区       26        44       169",
        "江川区       24        40       171",
    ]
    document = pipeline.read("玉溪市2025年上半年空气质量\n表1 各县区空气质量\n" + "\n".join(lines))
    got = {str(f.value): (f.unit, f.indicator) for f in document.figures}
    assert got["26"] == ("μg/m³", "pm25")
    assert got["44"] == ("μg/m³", "pm10")
    assert got["169"] == ("天", "air-good-days")
    assert len(document.figures) == 6


def test_year_columns_take_the_measure_of_the_caption_and_the_unit_of_a_note_below():
    rows = [
        "州市 | 2024年 | 2025年 | 变化率(%)",
        "玉溪市 | 28 | 26 | -7.1",
        "曲靖市 | 31 | 29 | -6.5",
    ]
    document = pipeline.read(
        "云岭省2025年各州市空气质量\n表2 各州市PM2.5浓度年际变化\n"
        + "\n".join(rows)
        + "\n单位:微克/立方米"
    )
    got = {(str(f.value), f.region.name): f for f in document.figures}
    before = got[("28", "玉溪市")]
    assert (before.indicator, before.unit, before.period_start) == (
        "pm25",
        "微克/立方米",
        date(2024, 1, 1),
    )
    assert got[("-6.5", "曲靖市")].kind == "change"
    assert len(document.figures) == 6


def test_a_caption_unit_in_a_copy_with_one_cell_per_line_is_no_index_s():
    cells = [
        "单位:微克/立方米",
        "县区", "SO2", "PM2.5", "综合指数",
        "红塔区", "9", "27", "3.12",
        "江川区", "8", "24", "2.95",
    ]  # fmt: skip
    document = pipeline.read(
        "玉溪市2025年环境空气质量\n表3 2025年各县区空气质量\n" + "\n".join(cells)
    )
    got = {str(f.value): (f.unit, f.indicator) for f in document.figures}
    assert got["27"] == ("微克/立方米", "pm25")
    assert got["3.12"] == ("", "air-quality-composite-index")


def test_a_station_s_levels_in_a_row_of_a_zone_class_written_without_区():
    rows = [
        "| 功能区类别 | 监测点位 | 昼间等效声级 | 夜间等效声级 |",
        "| --- | --- | --- | --- |",
        "| 1类 | 东湖小区 | 50.8 | 42.6 |",
        "| 4a类 | 环城路 | 64.1 | 55.9 |",
    ]
    document = pipeline.read(
        "玉溪市2025年第三季度功能区声环境质量\n2025年第三季度,全市功能区声环境监测结果如下表。\n"
        + "\n".join(rows)
        + "\n注:单位为dB(A)。"
    )
    assert len(document.figures) == 4
    assert all(f.indicator is None and f.unit == "dB(A)" for f in document.figures)


def test_a_place_column_right_after_the_label_places_the_site_the_label_names():
    rows = [
        "单位名称 | 所在县区 | 化学需氧量(mg/L) | 氨氮(mg/L) | 是否达标",
        "东城污水处理厂 | 红塔区 | 18 | 0.52 | 达标",
        "西岭食品有限公司 | 江川区 | 45 | 3.1 | 达标",
    ]
    document = pipeline.read(
        "玉溪市2025年5月重点排污单位监督性监测结果\n表1 重点排污单位废水监测结果\n"
        + "\n".join(rows)
    )
    plant = next(f for f in document.figures if f.value == Decimal("18"))
    assert plant.region.name == "红塔区"
    assert "东城污水处理厂" in plant.qualifier
    assert plant.quote.startswith("东城污水处理厂 | 红塔区")


def test_an_english_table_names_its_districts_by_their_pinyin_alone():
    rows = [
        "| District | PM2.5 (μg/m3) | Good days ratio (%) |",
        "| --- | --- | --- |",
        "| Hongta | 26 | 94.0 |",
        "| Jiangchuan | 23 | 95.6 |",
    ]
    document = pipeline.read(
        "Air quality in Yuxi, first half of 2025\n"
        "The table below shows the air quality of each district of Yuxi in the first half of "
        "2025.\n" + "\n".join(rows)
    )
    got = {(str(f.value), f.region.name) for f in document.figures}
    assert ("26", "红塔区") in got and ("95.6", "江川区") in got


def test_a_column_of_the_same_time_last_year_is_the_table_s_period_a_year_earlier():
    rows = [
        "指标 | 本月 | 上年同期 | 同比变化",
        "优良天数比例(%) | 96.7 | 93.3 | 3.4个百分点",
        "PM2.5(μg/m³) | 23 | 26 | -11.5%",
    ]
    document = pipeline.read(
        "玉溪市2025年5月环境空气质量\n表1 2025年5月全市空气质量主要指标\n" + "\n".join(rows)
    )
    got = {str(f.value): f for f in document.figures}
    assert (got["26"].period_start, got["26"].period_end) == (date(2024, 5, 1), date(2024, 5, 31))
    assert (got["23"].period_start, got["23"].period_end) == (date(2025, 5, 1), date(2025, 5, 31))
    assert got["-11.5"].kind == "change"

"""read() on tables in the layouts editors paste: columns aligned with spaces, rows holding
words as well as numbers, headers on two lines.

Invented tables in the style of daily and monthly bulletins (other places, other numbers).
"""

from importer import pipeline


def values_by_place(document):
    return {
        f.region.name: str(f.value)
        for f in document.figures
        if f.region is not None and not f.derived
    }


def test_a_daily_index_table_aligned_with_single_spaces_under_a_header_on_two_lines():
    # A pollutant and a grade in each row, "空气质量" over "级别 状况" on the next line.
    text = "\n".join(
        [
            "据监测,3月5日部分城市空气质量如下:",
            "城市名称 污染指数 首要污染物 空气质量",
            "级别 状况",
            "郑州 71 可吸入颗粒物 Ⅱ 良",
            "洛阳 44 ━━━━ Ⅰ 优",
            "开封 58 可吸入颗粒物 Ⅱ 良",
            "南阳 39 ━━━━ Ⅰ 优",
        ]
    )
    document = pipeline.read(text)
    assert values_by_place(document) == {
        "郑州市": "71",
        "洛阳市": "44",
        "开封市": "58",
        "南阳市": "39",
    }
    assert all(f.unit == "" for f in document.figures)  # an index: no grade, no unit


def test_an_aqi_table_aligned_with_wide_spaces_keeps_only_the_index_column():
    text = "\n".join(
        [
            "2024年11月8日各市环境空气质量日报",
            "城市    AQI    首要污染物    级别    类别",
            "株洲    86     PM2.5         二级    良",
            "湘潭    104    PM2.5         三级    轻度污染",
            "衡阳    47     —             一级    优",
        ]
    )
    document = pipeline.read(text)
    assert values_by_place(document) == {"株洲市": "86", "湘潭市": "104", "衡阳市": "47"}


def test_a_station_table_aligned_with_spaces_keeps_its_stations_as_qualifiers():
    text = "\n".join(
        [
            "2023年某县地表水自动站监测结果",
            "站点 水质类别 溶解氧(mg/L) 氨氮(mg/L)",
            "甲桥站 Ⅱ 8.1 0.21",
            "乙渡站 Ⅲ 7.4 0.46",
            "丙口站 Ⅱ 8.6 0.18",
        ]
    )
    document = pipeline.read(text)
    # The station names the row; its class, a word of the row, goes with it.
    cells = sorted((f.qualifier.split()[0], str(f.value), f.unit) for f in document.figures)
    assert cells == [
        ("丙口站", "0.18", "mg/L"),
        ("丙口站", "8.6", "mg/L"),
        ("乙渡站", "0.46", "mg/L"),
        ("乙渡站", "7.4", "mg/L"),
        ("甲桥站", "0.21", "mg/L"),
        ("甲桥站", "8.1", "mg/L"),
    ]


def test_english_lines_with_spaces_are_no_table():
    text = "\n".join(
        [
            "Air quality report",
            "Beijing recorded 12 heavy days",
            "Shanghai recorded 3 heavy days",
            "Tianjin recorded 9 heavy days",
        ]
    )
    document = pipeline.read(text)
    assert sorted(str(f.value) for f in document.figures) == ["12", "3", "9"]
    assert not any(any(r.startswith("表格") for r in f.reasons) for f in document.figures)


def test_cells_below_the_detection_limit_keep_the_columns_but_give_no_figure():
    # One cell per line, units glued to the names, a form's filler after the last name.
    cells = [
        "表2 某县饮用水源水质(年均值)",
        "水源名称", "锌mg/L", "氟化物mg/L", "汞mg/L", "粪大肠菌群个/升", "以下空白",
        "东坑水库", "<0.05", "0.21", "<0.00004", "410",
        "西岙水库", "0.06", "0.17", "<0.00004", "95",
    ]  # fmt: skip
    document = pipeline.read("2022年某县环境质量公报\n" + "\n".join(cells))
    got = sorted((f.qualifier.split()[0], str(f.value), f.unit) for f in document.figures)
    assert got == [
        ("东坑水库", "0.21", "mg/L"),
        ("东坑水库", "410", "个/升"),
        ("西岙水库", "0.06", "mg/L"),
        ("西岙水库", "0.17", "mg/L"),
        ("西岙水库", "95", "个/升"),
    ]


def test_detection_limits_written_with_an_l_or_in_words_in_rows_with_bars():
    rows = [
        "监测点 | 铅(mg/L) | 镉(mg/L) | 石油类(mg/L)",
        "上游取水口 | 0.002L | 未检出 | 0.02",
        "下游取水口 | 0.003 | 0.0005L | 0.01L",
        "水厂进水口 | 0.002L | 未检出 | 0.03",
    ]
    document = pipeline.read("2023年某市水源地监测\n" + "\n".join(rows))
    got = sorted((f.qualifier.split()[0], str(f.value)) for f in document.figures)
    assert got == [("上游取水口", "0.02"), ("下游取水口", "0.003"), ("水厂进水口", "0.03")]


def test_a_station_table_of_dose_rates_by_statistic_with_units_on_lines_of_their_own():
    # One cell per line, each statistic's unit on the line under it, a remarks column the
    # rows left empty (and the copy dropped), the issuing office's dated line above.
    cells = [
        "某市辐射环境质量月报",
        "2021年第5期",
        "监测中心 二〇二一年六月八日",
        "2021年5月对甲站、乙站两个国控点进行了常规监测,结果见下表。",
        "表1 电离辐射监测结果",
        "点位名称", "监测天数",
        "最大值", "(单位:nGy/h)", "最小值", "(单位:nGy/h)", "平均值", "(单位:nGy/h)",
        "是否正常",
        "甲站", "31", "118.20", "86.45", "97.31",
        "乙站", "31", "131.07", "95.66", "104.52",
    ]  # fmt: skip
    document = pipeline.read("\n".join(cells))
    got = sorted(
        (f.qualifier, str(f.value), f.unit, f.indicator, f.proposed and f.proposed[0])
        for f in document.figures
    )
    assert got == [
        ("乙站", "104.52", "nGy/h", "radiation-dose-rate", None),
        ("乙站", "131.07", "nGy/h", None, "环境γ辐射空气吸收剂量率最大值"),
        ("乙站", "95.66", "nGy/h", None, "环境γ辐射空气吸收剂量率最小值"),
        ("甲站", "118.20", "nGy/h", None, "环境γ辐射空气吸收剂量率最大值"),
        ("甲站", "86.45", "nGy/h", None, "环境γ辐射空气吸收剂量率最小值"),
        ("甲站", "97.31", "nGy/h", "radiation-dose-rate", None),
    ]
    for figure in document.figures:  # May, not the month the office signed in
        assert (figure.period_start.month, figure.period_end.month) == (5, 5)


def test_a_maximum_column_is_no_level_of_the_measure():
    rows = [
        "监测点 | PM2.5日均浓度(μg/m³) | 最大值(μg/m³) | 最小值(μg/m³)",
        "甲站 | 31 | 88 | 9",
        "乙站 | 27 | 74 | 6",
    ]
    document = pipeline.read("某县2024年3月空气质量\n" + "\n".join(rows))
    by_value = {str(f.value): f for f in document.figures}
    assert by_value["31"].indicator == "pm25"
    assert by_value["88"].indicator is None and by_value["6"].indicator is None


def test_a_one_row_table_of_the_quarter_repeats_the_sentence_before_it_once():
    text = "\n".join(
        [
            "某镇空气自动监测,第二季度有效监测天数91天,其中优40天,良44天,轻度污染7天。",
            "空气质量监测数据统计表",
            "月份 |", "有效天数 |", "优天数 |", "良天数 |", "轻度污染天数 |", "首要污染物 |",
            "||||",
            "4-6 |", "91 |", "40 |", "44 |", "7 |", "O3 |",
        ]
    )  # fmt: skip
    document = pipeline.read(text)
    values = sorted(str(f.value) for f in document.figures)
    assert values == ["40", "44", "7"]  # each once; 91 days monitored is no figure


def test_cells_ending_with_bars_under_a_city_merged_over_its_counties_rows():
    # An HTML table copied a cell a line, " |" after each; 市 merged over its rows, so the
    # rows under the first lost that cell; a bar alone is an empty cell inside a row and
    # closes a row once every column has a cell; "||" closes the rows that lost one.
    lines = [
        "附表:2022年上半年县级水源地取水情况",
        "市名称 |", "县名称 |", "水源地名称 |", "取水量 (万吨) |", "主要超标项目 |", "水质类别 |",
        "|",
        "绵阳市 |", "江油市 |", "江油市城北水源地 |", "312.50 |", "|", "Ⅲ |",
        "|",
        "三台县 |", "三台县涪江水源地 |", "停用 |", "|", "Ⅲ |",
        "||",
        "盐亭县 |", "盐亭县弥江水源地 |", "96.80 |", "|", "Ⅱ |",
        "||",
        "遂宁市 |", "射洪市 |", "射洪市南门水源地 |", "150.20 |", "|", "Ⅲ |",
        "|",
    ]  # fmt: skip
    document = pipeline.read("2022年某省县级城市饮用水水源水质状况\n" + "\n".join(lines))
    got = sorted((f.region.name, str(f.value), f.unit) for f in document.figures)
    assert got == [
        ("射洪市", "150.20", "万吨"),
        ("江油市", "312.50", "万吨"),
        ("盐亭县", "96.80", "万吨"),
    ]


def test_a_grouping_by_its_short_name_in_a_row_is_the_grouping_a_sentence_names_in_full():
    rows = [
        "区域 | PM2.5(μg/m³) | 达标天数比例",
        "全省 | 24 | 93.1%",
        "长三角 | 27 | 90.6%",
    ]
    text = "\n".join(
        ["某省2024年5月空气质量", *rows, "长三角地区空气质量达标天数比例平均为90.6%。"]
    )
    document = pipeline.read(text)
    shares = [f for f in document.figures if str(f.value) == "90.6"]
    assert [f.region.name for f in shares] == ["长三角地区"]  # one figure, not two


def _by_statistic(document):
    return sorted(
        (f.qualifier.split()[0], str(f.value), f.unit, f.proposed and f.proposed[0])
        for f in document.figures
    )


def test_measures_each_heading_a_small_table_of_statistics_one_cell_per_line():
    # The copy put each measure's nested header (最大值, 最小值, 平均值) among the row's cells.
    cells = [
        "2 电磁辐射监测结果",
        "点位名称", "监测天数", "综合电场强度(单位:V/m)", "是否达标",
        "市监测站楼顶", "31",
        "最大值", "最小值", "平均值", "2.95", "0.41", "1.37",
        "功率密度(单位:μW/cm2)",
        "最大值", "最小值", "平均值", "2.31", "0.05", "0.50",
        "监测动态:",
    ]  # fmt: skip
    document = pipeline.read(
        "某市辐射环境质量月报\n2023年6月对市监测站楼顶电磁辐射国控点进行了监测。\n"
        + "\n".join(cells)
    )
    got = _by_statistic(document)
    assert [(value, unit) for _q, value, unit, _p in got] == [
        ("0.05", "μW/cm2"),
        ("0.41", "V/m"),
        ("0.50", "μW/cm2"),
        ("1.37", "V/m"),
        ("2.31", "μW/cm2"),
        ("2.95", "V/m"),
    ]
    assert {q for q, *_rest in got} == {"市监测站楼顶"}
    assert all(f.indicator is None for f in document.figures)


def test_statistics_nested_under_measures_for_two_stations():
    cells = [
        "点位名称", "电场强度(V/m)", "磁感应强度(μT)",
        "甲变电站", "最大值", "平均值", "3.10", "1.22",
        "最大值", "平均值", "0.84", "0.31",
        "乙变电站", "最大值", "平均值", "2.06", "0.97",
        "最大值", "平均值", "0.52", "0.20",
    ]  # fmt: skip
    document = pipeline.read("2023年某市输变电设施周边电磁环境监测\n" + "\n".join(cells))
    got = {(f.qualifier.split()[0], str(f.value)): f.unit for f in document.figures}
    assert got[("甲变电站", "3.10")] == "V/m"
    assert got[("乙变电站", "0.97")] == "V/m"
    assert ("乙变电站", "0.52") in got and ("甲变电站", "0.31") in got


def test_rows_aligned_with_single_spaces_that_lost_an_empty_cell_are_laid_by_their_words():
    # 洛阳 and 南阳 have no primary pollutant: the copy dropped that cell, not a dash.
    text = "\n".join(
        [
            "据监测,4月2日部分城市空气质量如下:",
            "城市 污染指数 首要污染物 级别 状况",
            "郑州 71 可吸入颗粒物 Ⅱ 良",
            "洛阳 44 Ⅰ 优",
            "开封 58 可吸入颗粒物 Ⅱ 良",
            "南阳 39 Ⅰ 优",
            "新乡 62 可吸入颗粒物 Ⅱ 良",
        ]
    )
    document = pipeline.read(text)
    assert values_by_place(document) == {
        "郑州市": "71",
        "洛阳市": "44",
        "开封市": "58",
        "南阳市": "39",
        "新乡市": "62",
    }


def test_a_ranking_aligned_with_single_spaces_keeps_no_rank():
    text = "\n".join(
        [
            "各市空气质量排名",
            "排名 城市 AQI 首要污染物",
            "1 海口 22 —",
            "2 三亚 25 —",
            "3 儋州 31 —",
            "4 琼海 40 PM10",
        ]
    )
    document = pipeline.read(text)
    assert values_by_place(document) == {
        "海口市": "22",
        "三亚市": "25",
        "儋州市": "31",
        "琼海市": "40",
    }


def test_a_long_name_run_into_its_index_in_a_table_of_words_and_numbers():
    # A fixed-width copy leaves no space after a name as wide as its column: "乌鲁木齐87".
    text = "\n".join(
        [
            "据监测,11月8日部分城市空气质量如下:",
            "城市 污染指数 首要污染物 空气质量",
            "级别 状况",
            "兰州 112 可吸入颗粒物 Ⅲ1 轻微污染",
            "西宁 76 可吸入颗粒物 Ⅱ 良",
            "乌鲁木齐87 可吸入颗粒物 Ⅱ 良",
            "银川 64 二氧化硫 Ⅱ 良",
            "拉萨 41 ━━━━ Ⅰ 优",
        ]
    )
    document = pipeline.read(text)
    assert values_by_place(document) == {
        "兰州市": "112",
        "西宁市": "76",
        "乌鲁木齐市": "87",
        "银川市": "64",
        "拉萨市": "41",
    }


def test_a_long_name_run_into_its_first_number_in_a_table_of_numbers():
    text = "\n".join(
        [
            "2030年1-6月各市环境空气质量",
            "城市 PM2.5(μg/m³) PM10(μg/m³) 优良天数比例(%)",
            "鄂州 38 62 81.3",
            "呼伦贝尔19 40 96.7",
            "黄冈 35 58 84.0",
            "咸宁 31 51 88.4",
        ]
    )
    document = pipeline.read(text)
    got = {(f.region.name, str(f.value)) for f in document.figures if f.region is not None}
    assert {("呼伦贝尔市", "19"), ("呼伦贝尔市", "40"), ("呼伦贝尔市", "96.7")} <= got
    assert ("咸宁市", "88.4") in got


def test_station_labels_ending_in_digits_are_not_split_where_a_row_is_short():
    # Each station is numbered in its label; 测点3 lost its empty cell, no number was run in.
    text = "\n".join(
        [
            "2030年5月城区功能区噪声监测结果",
            "测点 昼间 夜间",
            "测点1 54.2 45.1",
            "测点2 56.8 47.3",
            "测点3 52.9",
            "测点4 55.0 46.2",
        ]
    )
    values = {str(f.value) for f in pipeline.read(text).figures}
    assert "3" not in values and "1" not in values

"""read() on invented bulletins: when and where each figure is, where a text's own wording
(a river system it reports on, "this year" without a date line, a year in Chinese digits)
says it."""

from datetime import date
from decimal import Decimal

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region


def period(figure):
    return figure.period_start, figure.period_end


def year(value):
    return date(value, 1, 1), date(value, 12, 31)


# Places: a river's basin or water system -----------------------------------------------------


@pytest.mark.parametrize(
    ("province", "sentence", "basin"),
    [
        ("江西省", "赣江流域水质总体为优,Ⅰ~Ⅲ类水质断面占95.2%。", "赣江流域"),
        ("黑龙江省", "从各水系看,嫩江水系水质良好,优良断面比例同比上升7.7个百分点。", "嫩江水系"),
        ("四川省", "本季度沱江流域32个断面中,Ⅰ~Ⅲ类断面比例为90.6%。", "沱江流域"),
    ],
)
def test_a_provinces_own_river_basin_or_water_system_is_the_place_of_its_figures(
    province, sentence, basin
):
    document = pipeline.read(
        f"2023年{province}地表水环境质量状况\n"
        f"2023年,全省地表水优良断面比例为88.4%,同比上升1.1个百分点。{sentence}"
    )
    said = {Decimal("88.4"), Decimal("1.1")}
    figure = next(f for f in document.figures if f.value not in said and not f.derived)
    assert region(one(document, "88.4")) == province
    assert region(figure) == basin


@pytest.mark.parametrize("words", ["七大流域", "四水流域", "主要水系", "地下水含水系统"])
def test_a_count_of_basins_or_a_word_ending_so_names_no_basin(words):
    document = pipeline.read(
        f"2023年湖南省地表水环境质量状况\n2023年,全省{words}断面水质优良比例为93.3%。"
    )
    assert region(one(document, "93.3")) == "湖南省"


# Periods: English "this year" with no date line ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "In the first half of this year, the city's good air rate was 81.7 percent.",
        "In the first quarter of this year, the city's good air rate was 81.7 percent.",
        "The city's good air rate was 81.7 percent in the first four months of this year.",
        "As of the end of May this year, the city had 81.7 percent good air days.",
    ],
)
def test_this_year_without_a_date_line_is_of_no_known_period(sentence):
    # nor is the paragraph after it, which states no period of its own
    document = pipeline.read(
        "Wuxi air keeps improving\n"
        "Wuxi recorded 296 days of good air quality in 2022, the bureau said.\n\n"
        f"{sentence}\n\n"
        "Good water sections made up 95.5 percent, up 2.1 percentage points.\n"
    )
    assert period(one(document, "296")) == year(2022)
    assert period(one(document, "81.7")) == (None, None)
    assert period(one(document, "95.5")) == (None, None)


def test_this_year_under_a_date_line_is_of_the_year_of_publication():
    document = pipeline.read(
        "Wuxi air keeps improving\nUpdated: 2023-07-12 09:30\n"
        "Wuxi recorded 296 days of good air quality in 2022, the bureau said.\n\n"
        "In the first half of this year, the city's good air rate was 81.7 percent.\n"
    )
    assert period(one(document, "81.7")) == (date(2023, 1, 1), date(2023, 6, 30))
    document = pipeline.read(
        "Wuxi air keeps improving\nUpdated: 2023-07-12 09:30\n"
        "In the first half of this year, the city's good air rate was 81.7 percent.\n\n"
        "Good water sections made up 95.5 percent, up 2.1 percentage points.\n"
    )
    assert period(one(document, "95.5")) == (date(2023, 1, 1), date(2023, 6, 30))


# Periods: a year in Chinese digits ----------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("《二〇二二年宁夏生态环境状况公报》发布", 2022),
        ("二○一九年度通辽市环境质量公报", 2019),
        ("一九九八年贵州省环境状况公报", 1998),
    ],
)
def test_a_year_in_chinese_digits_is_the_documents_year(title, expected):
    document = pipeline.read(f"{title}\n全年城市空气质量优良天数比例为91.2%。")
    assert period(one(document, "91.2")) == year(expected)


def test_chinese_numerals_that_are_no_year_stay_as_written():
    document = pipeline.read("2023年空气质量公报\n二〇二三年有二十三个监测点,优良天数比例为91.2%。")
    assert period(one(document, "91.2")) == year(2023)
    assert not [f for f in document.figures if f.value == Decimal("23") and not f.derived]


def test_a_date_written_wholly_in_chinese_digits_is_left_to_the_date_lines():
    document = pipeline.read(
        "某县环境质量月报\n日期: 2019-06-03\n县环境监测站    二○一九年五月二十日\n"
        "2019年5月,全县空气质量优良天数比例为91.2%。"
    )
    assert document.date == date(2019, 6, 3)


# Places: a city named with its own counties ----------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "衢州市监测网共设8个点位,其中衢州市区5个,江山市、常山县、开化县各设1个,"
        "分别为江山市政府站、常山县中学站和开化县公园站。",
        "江山市、常山县和开化县各设1个断面(江山市大桥、常山县码头、开化县水厂),"
        "衢州市区设3个,衢州市共设6个断面。",
        "江山市、常山县、开化县各设1个点位。",  # its counties alone: still the city
    ],
)
def test_a_city_named_with_its_own_counties_is_the_documents_place(opening):
    report = pipeline.read(
        f"一、监测概况\n{opening}\n(一)河流\n"
        "2023年,12个河流监测断面中Ⅰ~Ⅲ类断面占91.7%。\n2023年,我市空气质量优良天数为331天。"
    )
    assert report.region.name == "衢州市"
    assert region(one(report, "91.7")) == "衢州市"


# Periods: "过去五年" against the date line ---------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "years"),
    [("过去五年", 5), ("近5年来", 5), ("十年来", 10), ("这三年", 3)],
)
def test_a_span_of_recent_years_ends_the_year_before_the_date_line(span, years):
    document = pipeline.read(
        "全省湿地保护成效明显\n发布时间:2024-01-16 09:12\n"
        f"{span},全省累计修复湿地82.6万亩,湿地保护率由41.3%提高到49.5%。"
        "全省国家重要湿地达到14处。"
    )
    assert period(one(document, "82.6")) == year(2023)
    assert period(one(document, "49.5")) == year(2023)
    assert period(one(document, "41.3")) == year(2023 - years)
    assert period(one(document, "14")) == year(2023)


def test_a_span_of_recent_years_without_a_date_line_is_of_no_known_period():
    document = pipeline.read(
        "全省湿地保护成效明显\n过去五年,全省累计修复湿地82.6万亩,湿地保护率由41.3%提高到49.5%。"
    )
    assert period(one(document, "82.6")) == (None, None)
    assert period(one(document, "41.3")) == (None, None)


# Periods: a standard's year, a table's years, the year the body names most ---------------------


@pytest.mark.parametrize(
    "opening",
    [
        "上半年城区空气质量优良天数为170天,均符合(GB3095-2012)二级标准。",
        "上半年城区空气质量优良天数为170天,均符合(HJ 633-2012)二级标准。",
        "上半年城区空气质量优良天数为170天。\n年份 | 优良天数 | PM10\n2020年 | 173 | 50\n2021年 | 170 | 54",
    ],
)
def test_neither_a_standards_year_nor_a_tables_rows_date_the_document(opening):
    # the year the text's own sentences name does
    document = pipeline.read(
        f"一、环境空气质量\n{opening}\n"
        "二、地表水\n2021年上半年,3个断面水质均符合GB 3838-2002Ⅱ类标准,达标率为100%。"
    )
    half = (date(2021, 1, 1), date(2021, 6, 30))
    assert period(one(document, "100")) == half
    assert half in {period(f) for f in document.figures if f.value == Decimal("170")}


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2022上半年", (date(2022, 1, 1), date(2022, 6, 30))),
        ("2022一季度", (date(2022, 1, 1), date(2022, 3, 31))),
        ("2022 第三季度", (date(2022, 7, 1), date(2022, 9, 30))),
        ("2022前三季度", (date(2022, 1, 1), date(2022, 9, 30))),
        ("依据GB3095-2012上半年", (date(2023, 1, 1), date(2023, 6, 30))),  # a standard's number
    ],
)
def test_a_year_written_bare_before_a_part_of_it_dates_that_part(label, expected):
    document = pipeline.read(
        f"2023年某县环境质量状况\n{label},全县城区空气质量优良天数比例为93.4%。"
    )
    assert period(one(document, "93.4")) == expected


# Periods: "其中" breaks down the figure just stated --------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "months"),
    [
        ("2024年1-9月全市共受理投诉8650件,9月受理投诉912件。", (9, 9)),
        ("2024年9月全市共受理投诉912件,1-9月累计受理8650件。", (1, 9)),
    ],
)
def test_of_which_breaks_down_the_figure_stated_just_before(lead, months):
    document = pipeline.read(f"投诉受理情况\n{lead}其中电话投诉466件,网络投诉318件。")
    expected = (date(2024, months[0], 1), date(2024, months[1], 30))
    assert period(one(document, "466")) == expected
    assert period(one(document, "318")) == expected


# Periods: 上月 against the date line -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2023-03-09", (date(2023, 2, 1), date(2023, 2, 28))), ("2024-01-05", (date(2023, 12, 1), date(2023, 12, 31)))],
)
def test_last_month_is_the_month_before_the_date_line(published, expected):
    document = pipeline.read(
        f"上月全市饮用水源水质全部达标\n发布时间:{published} 10:00\n"
        "记者从市生态环境局获悉,上月,全市各个饮用水源取水口的达标率为100%,"
        "环境空气优良天数比例较上月提高3.2个百分点。"
    )
    assert period(one(document, "100")) == expected
    assert period(one(document, "3.2")) == expected


def test_last_month_without_a_date_line_is_of_no_known_period():
    document = pipeline.read(
        "上月全市饮用水源水质全部达标\n上月,全市各个饮用水源取水口的达标率为100%。"
    )
    assert period(one(document, "100")) == (None, None)


# Places: the English name of 京津冀及周边地区 ---------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Beijing, Tianjin and Hebei and the surrounding area", "京津冀及周边地区"),
        ("Beijing-Tianjin-Hebei and its surrounding region", "京津冀及周边地区"),
        ("the Beijing-Tianjin-Hebei region", "京津冀地区"),
    ],
)
def test_the_english_names_of_the_northern_grouping(written, expected):
    document = pipeline.read(
        f"Air quality in November\nIn November, {written} saw 58.2 percent good days.\n"
    )
    assert region(one(document, "58.2")) == expected


# Places: a breakdown by place after 集中在 --------------------------------------------------------------


@pytest.mark.parametrize(
    "breakdown",
    [
        "举报主要集中在宿州市(212件),占31.5%,淮北市(97件),占14.4%。",
        "投诉较多地集中于宿州市212件,占比31.5%;淮北市97件,占比14.4%。",
        "举报主要集中在宿州市(212件),占31.5%淮北市(97件),占14.4%。",  # the copy lost the comma
    ],
)
def test_places_each_with_its_figures_after_concentrated_in_are_their_places(breakdown):
    document = pipeline.read(f"2024年5月安徽省环保举报情况\n2024年5月,全省共接到举报673件。{breakdown}")
    assert region(one(document, "673")) == "安徽省"
    assert region(one(document, "31.5")) == "宿州市"
    assert region(one(document, "97")) == "淮北市"
    assert region(one(document, "14.4")) == "淮北市"


def test_where_what_was_measured_lies_is_still_not_the_figures_place():
    document = pipeline.read(
        "2023年吉林省生态状况\n2023年,全省生态质量优的县域面积占27.7%,主要分布在延边州和白山市。"
    )
    assert region(one(document, "27.7")) == "吉林省"


# Periods: a sampling date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["表1 采样时间:2023.5.16 分析时间:2023.5.18", "采样日期:2023-05-16", "监测时间：2023年5月16日"],
)
def test_a_sampling_date_dates_the_month_of_the_measurements(line):
    document = pipeline.read(
        "某市饮用水源水质监测结果\n"
        f"{line}\n"
        "| 项目 | 一水源 | 二水源 |\n| 溶解氧(mg/L) | 7.46 | 8.13 |\n| 氨氮(mg/L) | 0.27 | 0.35 |\n"
    )
    assert period(one(document, "7.46")) == (date(2023, 5, 1), date(2023, 5, 31))


# Places: 中国 at the head of a name a copy garbled -----------------------------------------------------


@pytest.mark.parametrize("garbled", ["中国福利彩票市", "中国移动通信市"])
def test_china_heading_a_citys_garbled_name_is_not_the_country(garbled):
    document = pipeline.read(
        f"{garbled}中心城区2023年5月环境空气质量公告\n"
        "2023年5月,我市中心城区PM2.5均值为24μg/m3。\n"
        "| 点位 | PM2.5 |\n| 章贡区监测站 | 26 |\n| 人民公园 | 22 |"
    )
    assert region(one(document, "24")) == "赣州市"  # the city of the one county it names


def test_china_before_a_city_of_china_is_still_the_country():
    document = pipeline.read("2023年全国城市空气质量\n2023年,中国城市PM2.5平均浓度为30μg/m3。")
    assert region(one(document, "30")) == "全国"


@pytest.mark.parametrize(
    "opening",
    ["2023年某某市中心城区开展了空气质量监测,共设点位4个。", "2023年,本报告统计了市中心城区的4个点位。"],
)
def test_a_city_centre_report_naming_one_county_in_a_station_is_of_its_city(opening):
    document = pipeline.read(
        f"目 录\n{opening}\n"
        "| 点位 | PM2.5 | PM10 |\n| 南康区实验中学 | 26 | 51 |\n| 人民公园 | 22 | 47 |"
    )
    assert document.region.name == "赣州市"


def test_a_county_report_naming_its_own_station_stays_the_countys():
    document = pipeline.read(
        "目 录\n2023年县城开展了空气质量监测,共设点位2个。\n"
        "| 点位 | PM2.5 | PM10 |\n| 南康区实验中学 | 26 | 51 |\n| 南康区人民公园 | 22 | 47 |"
    )
    assert document.region.name == "南康区"


# Places: 全市 is a city ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2023年全国城市空气质量\n2023年,全国城市优良天数比例为86.5%。全市PM2.5浓度为31μg/m3。",
        "2023年湖北省生态环境状况\n2023年,全省优良天数比例为86.5%。全市PM2.5浓度为31μg/m3。",
    ],
)
def test_the_whole_city_is_never_the_country_or_a_province(text):
    document = pipeline.read(text)
    assert region(one(document, "86.5")) in ("全国", "湖北省")
    assert region(one(document, "31")) not in ("全国", "湖北省")


@pytest.mark.parametrize(("title", "place"), [("2023年北京市", "北京市"), ("2023年宜昌市", "宜昌市")])
def test_the_whole_city_of_a_city_report_is_its_city(title, place):
    document = pipeline.read(f"{title}空气质量\n2023年,全市PM2.5浓度为31μg/m3。")
    assert region(one(document, "31")) == place


@pytest.mark.parametrize("ranked", ["连续五年位居全省首位,较上年提高了3.2", "全省排名第2,较上年提高了3.2"])
def test_where_a_city_is_ranked_is_no_place_of_its_figures(ranked):
    document = pipeline.read(f"2023年衢州市环境状况公报\n2023年,生态环境状况指数为91.6,{ranked}。")
    assert region(one(document, "3.2")) == "衢州市"

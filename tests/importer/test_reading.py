"""read() on bulletins written for these tests, one failure mode each (issue 17's list).

The texts are invented in the style of real bulletins: other places, other sentences, other
numbers. Each test states what a careful reader extracts and fails if the pipeline files a
figure under the wrong indicator, kind, period or place.
"""

import io
import zipfile
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from importer import pipeline
from importer.decode import docx_text


def read(text, **kwargs):
    return pipeline.read(text, **kwargs)


def facts(document, *, derived=False):
    return [
        (str(f.value), f.unit, f.indicator, f.kind)
        for f in document.figures
        if f.derived == derived
    ]


def one(document, value):
    found = [f for f in document.figures if f.value == Decimal(value) and not f.derived]
    assert len(found) == 1, (value, [(str(f.value), f.quote) for f in document.figures])
    return found[0]


# 1. A figure is never forced into the nearest indicator with the same kind of unit. --------


def test_a_pollutant_missing_from_the_catalogue_is_proposed_not_filed_as_pm25():
    catalogue = SimpleNamespace(
        entries=[
            SimpleNamespace(
                code="pm25",
                name_zh="细颗粒物",
                name_en="PM2.5",
                aliases_zh=("PM2.5",),
                aliases_en=(),
                category="air",
                unit_family="concentration",
            )
        ]
    )
    document = read(
        "榆川市2024年环境质量简报\n2024年,全市二氧化硫年均浓度为9微克/立方米,细颗粒物年均浓度为31微克/立方米。",
        catalogue=catalogue,
    )
    so2 = one(document, "9")
    assert so2.indicator is None
    assert so2.proposed[1] == "微克/立方米" and "二氧化硫" in so2.proposed[0]
    assert one(document, "31").indicator == "pm25"


def test_a_satisfaction_rate_and_people_sent_are_not_air_quality():
    document = read(
        "榆川市生态环境局工作动态\n2024年,全市公众生态环境满意度为91.3%。局里派出2人参加培训。"
    )
    assert one(document, "91.3").indicator == "public-satisfaction"
    assert all(f.indicator != "air-good-days-ratio" for f in document.figures)
    # people sent to a training are no figure at all
    assert [str(f.value) for f in document.figures] == ["91.3"]


# 2. Enumerations: each value bound to its own subject, in order. ---------------------------


def test_an_enumeration_binds_each_value_to_its_subject_in_order():
    document = read(
        "2024年,青禾市二氧化硫、二氧化氮、可吸入颗粒物和臭氧浓度分别为6、21、48和139微克/立方米。"
    )
    assert facts(document) == [
        ("6", "微克/立方米", "so2", "level"),
        ("21", "微克/立方米", "no2", "level"),
        ("48", "微克/立方米", "pm10", "level"),
        ("139", "微克/立方米", "o3", "level"),
    ]


def test_a_second_list_of_changes_takes_the_subjects_of_the_first():
    document = read(
        "2024年,青禾市PM2.5、PM10平均浓度分别为27、52微克/立方米,同比分别下降6.9%、3.7%。"
    )
    assert facts(document) == [
        ("27", "微克/立方米", "pm25", "level"),
        ("52", "微克/立方米", "pm10", "level"),
        ("-6.9", "%", "pm25", "change"),
        ("-3.7", "%", "pm10", "change"),
    ]


# 3. Changes, targets, 持平, and the level a change implies. ----------------------------------


def test_changes_keep_their_sign_and_kind_and_imply_a_derived_previous_level():
    document = read(
        "2023年,松原县优良天数比例为88.2%,同比上升1.7个百分点;PM2.5平均浓度为31微克/立方米,同比下降5.8%。"
    )
    assert facts(document) == [
        ("88.2", "%", "air-good-days-ratio", "level"),
        ("1.7", "个百分点", "air-good-days-ratio", "change"),
        ("31", "微克/立方米", "pm25", "level"),
        ("-5.8", "%", "pm25", "change"),
    ]
    derived = {(str(f.value), f.indicator, f.period_end) for f in document.figures if f.derived}
    assert derived == {
        ("86.5", "air-good-days-ratio", date(2022, 12, 31)),
        ("33", "pm25", date(2022, 12, 31)),
    }


def test_flat_is_a_change_of_zero_in_the_unit_of_its_subject():
    document = read("2023年,松原县二氧化硫平均浓度为8微克/立方米,同比持平。")
    assert ("0", "%", "so2", "change") in facts(document)


def test_a_target_is_kept_as_a_target():
    document = read(
        "根据方案,到2025年,松原县PM2.5浓度降到28微克/立方米以内,优良天数比例目标为90%。"
    )
    kinds = {(str(f.value), f.indicator, f.kind) for f in document.figures}
    assert ("28", "pm25", "target") in kinds
    assert ("90", "air-good-days-ratio", "target") in kinds


# 4. Totals and denominators are context, not achievements. ---------------------------------


def test_denominators_are_not_figures():
    document = read(
        "2024年,柳岸市11个国控断面中,水质优良(Ⅰ～Ⅲ类)断面比例为90.9%。全年有效天数(366天)中,优良天数为330天。"
    )
    assert facts(document) == [
        ("90.9", "%", "water-good-sections-ratio", "level"),
        ("330", "天", "air-good-days", "level"),
    ]


# 5. Periods become real date ranges (or unknown), never another figure's year. -------------


def period(document, value):
    figure = one(document, value)
    return figure.period_start, figure.period_end


def test_periods_of_the_year_resolve_against_the_documents_year():
    document = read(
        "长汀市2024年上半年环境质量通报\n"
        "上半年,全市优良天数比例为91.0%。一季度,PM2.5平均浓度为41微克/立方米。"
        "1—5月,受理信访举报件126件。1至10月份,查处环境违法案件37件。全年,森林覆盖率为66.2%。"
    )
    assert period(document, "91.0") == (date(2024, 1, 1), date(2024, 6, 30))
    assert period(document, "41") == (date(2024, 1, 1), date(2024, 3, 31))
    assert period(document, "126") == (date(2024, 1, 1), date(2024, 5, 31))
    assert period(document, "37") == (date(2024, 1, 1), date(2024, 10, 31))
    assert period(document, "66.2") == (date(2024, 1, 1), date(2024, 12, 31))
    assert (document.period_start, document.period_end) == (date(2024, 1, 1), date(2024, 6, 30))


def test_so_far_this_year_ends_at_the_publication_date():
    document = read(
        "长汀市环境执法情况\n发布时间:2024-09-12\n今年截至目前,全市共查处环境违法案件58件。"
    )
    assert period(document, "58") == (date(2024, 1, 1), date(2024, 9, 12))


def test_a_five_year_plan_and_an_undated_figure():
    document = read(
        "白塔县监测站完成升级,投入资金约1200万元。\n“十四五”期间,白塔县累计完成造林面积3.2万亩。"
    )
    assert period(document, "3.2") == (date(2021, 1, 1), date(2025, 12, 31))
    assert period(document, "1200") == (None, None)


# 6. Units and numbers. --------------------------------------------------------------------


def test_units_indices_and_numerals():
    document = read(
        "2024年,白塔市环境空气质量综合指数为3.86,一氧化碳浓度为1.1毫克/立方米,"
        "区域声环境昼间平均等效声级为53.9dB(A),降水pH年均值为5.62,"
        "能源消费总量1.85亿吨标准煤,新能源装机容量420万千瓦,检查企业1200余家次,"
        "新建空气自动监测站十一个,完成整改两项,处理信访件２３件。"
    )
    got = {(str(f.value), f.unit, f.indicator, f.approximate) for f in document.figures}
    assert ("3.86", "", "air-quality-composite-index", False) in got
    assert ("1.1", "毫克/立方米", "co", False) in got
    assert ("53.9", "dB(A)", "noise-day", False) in got
    assert ("5.62", "", "precipitation-ph", False) in got
    assert ("1.85", "亿吨标准煤", "energy-consumption", False) in got
    assert ("420", "万千瓦", "renewable-capacity", False) in got
    assert ("1200", "家次", "inspections", True) in got
    assert any(f.value == 11 and f.unit == "个" for f in document.figures)
    assert any(f.value == 2 and f.unit == "项" for f in document.figures)
    assert ("23", "件", "petitions", False) in got


# 7. Places: named, or 全市/全省 resolved against the document's own region. -----------------


def test_places_named_and_the_documents_own_region():
    document = read(
        "宜春市2024年生态环境状况公报\n"
        "2024年,全市优良天数比例为92.6%。其中,袁州区优良天数比例为94.1%。"
    )
    assert document.region.name == "宜春市"
    assert one(document, "92.6").region.name == "宜春市"
    assert one(document, "94.1").region.name == "袁州区"


def test_a_table_of_sibling_counties_is_about_the_city_they_share():
    document = read(
        "2024年各区县环境空气质量排名\n"
        "| 区县 | 综合指数 | 优良天数比例(%) |\n|---|---|---|\n"
        "| 雁峰区 | 3.41 | 90.2 |\n| 石鼓区 | 3.56 | 88.7 |\n| 南岳区 | 2.98 | 95.1 |"
    )
    assert document.region.name == "衡阳市"
    assert one(document, "90.2").region.name == "雁峰区"


def test_a_publisher_named_inside_a_reporters_sentence_starts_at_its_place():
    document = read(
        "春季空气质量稳中向好\n近日,记者从三明市生态环境局获悉,今年一季度全市优良天数比例为99.4%。"
    )
    assert document.publisher == "三明市生态环境局"
    assert one(document, "99.4").region.name == "三明市"


def test_a_city_list_binds_each_value_to_its_city():
    document = read(
        "2024年1—6月,优良天数比例排名靠前的城市为:丽水市98.9%、舟山市97.8%、台州市96.1%。"
    )
    bound = [(str(f.value), f.region.name, f.indicator) for f in document.figures]
    assert bound == [
        ("98.9", "丽水市", "air-good-days-ratio"),
        ("97.8", "舟山市", "air-good-days-ratio"),
        ("96.1", "台州市", "air-good-days-ratio"),
    ]


# 8. Metadata: title, date, publisher from the text; never navigation. ---------------------


def test_navigation_above_the_title_is_not_the_title():
    document = read(
        "首页 > 新闻中心 > 环境质量\n"
        "手机版 无障碍 English 繁体\n"
        "相关阅读:某某市召开年度工作会议\n"
        "南溪县2024年第一季度空气质量通报\n"
        "来源:南溪县生态环境局 2024-04-15 10:21\n"
        "一季度,全县优良天数比例为87.9%。"
    )
    assert document.title == "南溪县2024年第一季度空气质量通报"
    assert document.date == date(2024, 4, 15)
    assert "南溪县生态环境局" in document.publisher
    assert one(document, "87.9").period_end == date(2024, 3, 31)


def test_front_matter_gives_title_date_and_publisher():
    document = read(
        "---\ntitle: 东坪市2023年环境状况公报\ndate: 2024-06-05\npublisher: 东坪市生态环境局\n---\n"
        "# 大气环境\n\n2023年,全市PM2.5年均浓度为24微克/立方米。\n"
    )
    assert document.title == "东坪市2023年环境状况公报"
    assert document.date == date(2024, 6, 5)
    assert document.publisher == "东坪市生态环境局"
    assert one(document, "24").indicator == "pm25"


def test_the_original_title_line_is_used_when_there_is_no_title():
    document = read(
        "本报讯 近日,记者从市生态环境局获悉,2023年全市优良天数比例为89.4%,同比上升2.2个百分点。\n"
        "原标题:青峰市空气质量持续向好\n"
    )
    assert document.title == "青峰市空气质量持续向好"


# 9. English reports. -----------------------------------------------------------------------


def test_an_english_report():
    document = read(
        "Clearer skies over Lanzhou\n"
        "The share of days with good air quality reached 84.3 percent in 2023, up 2.7 percentage "
        "points year-on-year, while the PM2.5 concentration fell 6.1 percent to 31 micrograms per "
        "cubic meter. Heavily polluted days dropped to ten days."
    )
    got = {(str(f.value), f.unit, f.indicator, f.kind) for f in document.figures if not f.derived}
    assert ("84.3", "%", "air-good-days-ratio", "level") in got
    assert ("2.7", "percentage points", "air-good-days-ratio", "change") in got
    assert ("-6.1", "%", "pm25", "change") in got
    assert ("31", "μg/m³", "pm25", "level") in got
    assert ("10", "days", "heavy-pollution-days", "level") in got
    assert one(document, "84.3").period_end == date(2023, 12, 31)


def test_english_counts_of_days_whose_unit_the_clause_already_said():
    document = read(
        "Anhui's air improves again\n"
        "The number of days on which air quality was rated \u201cexcellent\u201d or \u201cgood\u201d "
        "was 301, up by 17 compared to 2022, while the number of heavily polluted days stood at "
        "4, down by 3."
    )
    got = {(str(f.value), f.unit, f.indicator, f.kind) for f in document.figures if not f.derived}
    assert ("301", "days", "air-good-days", "level") in got
    assert ("17", "days", "air-good-days", "change") in got
    assert ("4", "days", "heavy-pollution-days", "level") in got
    assert ("-3", "days", "heavy-pollution-days", "change") in got
    assert one(document, "301").period_start == date(2023, 1, 1)
    assert one(document, "301").region.name == "安徽省"


def test_an_english_sentence_opening_with_its_year_dates_figures_in_the_region_of_the_title():
    document = read(
        "Ningxia Hui Autonomous Region: a cleaner year\n"
        "In 2022, the region's share of days with good air quality was 83.6 percent, and the "
        "PM10 concentration was 61 micrograms per cubic meter."
    )
    ratio, pm10 = one(document, "83.6"), one(document, "61")
    assert (ratio.indicator, ratio.unit) == ("air-good-days-ratio", "%")
    assert (pm10.indicator, pm10.unit) == ("pm10", "μg/m³")
    for figure in (ratio, pm10):
        assert (figure.period_start, figure.period_end) == (date(2022, 1, 1), date(2022, 12, 31))
        assert figure.region.name == "宁夏回族自治区"


def test_english_days_named_by_their_kind_pct_points_and_a_year_before_the_subject():
    document = read(
        "Shanxi's cleaner year\n"
        "In 2023 the province logged 247 good-air days and 7 heavily polluted days, and its good "
        "air ratio rose 3.4 pct points."
    )
    got = {(str(f.value), f.unit, f.indicator, f.kind) for f in document.figures if not f.derived}
    assert ("247", "days", "air-good-days", "level") in got
    assert ("7", "days", "heavy-pollution-days", "level") in got
    assert ("3.4", "percentage points", "air-good-days-ratio", "change") in got
    assert one(document, "247").period_start == date(2023, 1, 1)
    assert one(document, "247").region.name == "山西省"


def test_an_english_change_said_after_its_number_and_a_year_that_is_no_list_item():
    document = read(
        "Gansu's air\n"
        "Gansu recorded 318 good-air days in 2023, 14 more than a year earlier, and 5 heavily "
        "polluted days, 2 fewer than in 2022."
    )
    got = {(str(f.value), f.unit, f.indicator, f.kind) for f in document.figures if not f.derived}
    assert got == {
        ("318", "days", "air-good-days", "level"),
        ("14", "days", "air-good-days", "change"),
        ("5", "days", "heavy-pollution-days", "level"),
        ("-2", "days", "heavy-pollution-days", "change"),
    }


# 10. Tables: each cell bound to its row and column, the row as its quote. -------------------


def test_a_table_pasted_one_cell_per_line():
    document = read(
        "表1 2024年5月各县空气质量\n城市\nPM2.5浓度(微克/立方米)\n优良天数比例(%)\n"
        "桐乡\n21\n96.8\n海盐\n19\n100\n平湖\n23\n93.5\n"
    )
    cells = [(str(f.value), f.indicator, f.region.name) for f in document.figures]
    assert ("21", "pm25", "桐乡市") in cells
    assert ("100", "air-good-days-ratio", "海盐县") in cells
    assert len(cells) == 6
    figure = one(document, "23")
    assert figure.quote.startswith("平湖") and figure.period_end == date(2024, 5, 31)


def test_a_markdown_and_an_html_table():
    markdown = read(
        "2024年各区噪声\n\n| 区 | 昼间达标率(%) | 夜间达标率(%) |\n|---|---|---|\n"
        "| 鼓楼区 | 95.0 | 81.3 |\n| 台江区 | 90.0 | 75.0 |\n"
    )
    cells = {(str(f.value), f.indicator, f.region.name) for f in markdown.figures}
    assert ("81.3", "noise-functional-compliance-night", "鼓楼区") in cells
    assert ("90.0", "noise-functional-compliance-day", "台江区") in cells
    html = read(
        "<html><body><h1>2024年水质</h1><p>全市水质情况如下。</p><table>"
        "<tr><th>城市</th><th>Ⅰ～Ⅲ类断面比例(%)</th></tr>"
        "<tr><td>福州市</td><td>97.2</td></tr><tr><td>厦门市</td><td>88.9</td></tr>"
        "</table></body></html>"
    )
    cells = {(str(f.value), f.indicator, f.region.name) for f in html.figures}
    assert cells == {
        ("97.2", "water-good-sections-ratio", "福州市"),
        ("88.9", "water-good-sections-ratio", "厦门市"),
    }


def test_a_change_column_is_the_change_of_the_measure_in_the_column_before_it():
    document = read(
        "2023年湘中片区各市空气质量\n"
        "| 城市 | 综合指数 | 变化率(%) | PM2.5浓度(μg/m³) | 同比(%) | 优良天数比例(%) |\n"
        "|---|---|---|---|---|---|\n"
        "| 衡阳市 | 3.62 | -4.2 | 36 | -5.3 | 88.5 |\n"
        "| 岳阳市 | 3.91 | 1.8 | 40 | 2.6 | 84.1 |"
    )
    got = {(str(f.value), f.region.name): (f.indicator, f.kind) for f in document.figures}
    assert got[("3.62", "衡阳市")] == ("air-quality-composite-index", "level")
    assert got[("-4.2", "衡阳市")] == ("air-quality-composite-index", "change")
    assert got[("36", "衡阳市")] == ("pm25", "level")
    assert got[("-5.3", "衡阳市")] == ("pm25", "change")
    assert got[("2.6", "岳阳市")] == ("pm25", "change")
    assert got[("84.1", "岳阳市")] == ("air-good-days-ratio", "level")


def test_a_table_of_measures_by_year_dates_its_change_column_by_the_latest_year():
    document = read(
        "吉阳市2024年环境质量公报\n"
        "表2 主要指标对比\n"
        "| 指标 | 2023年 | 2024年 | 变化 |\n|---|---|---|---|\n"
        "| 细颗粒物浓度(微克/立方米) | 44 | 40 | -9.1% |\n"
        "| 优良天数比例(%) | 79.5 | 83.1 | 3.6个百分点 |"
    )
    pm25_change, ratio_change = one(document, "-9.1"), one(document, "3.6")
    assert (pm25_change.indicator, pm25_change.kind) == ("pm25", "change")
    assert (ratio_change.indicator, ratio_change.kind, ratio_change.unit) == (
        "air-good-days-ratio",
        "change",
        "个百分点",
    )
    for figure in (pm25_change, ratio_change, one(document, "40")):
        assert figure.period_start == date(2024, 1, 1)
    assert one(document, "44").period_start == date(2023, 1, 1)


def test_a_tables_unit_in_its_caption_and_a_column_compared_with_last_year():
    document = read(
        "临川市2024年环境质量公报\n"
        "表1 2024年各区县空气质量（单位：微克/立方米）\n"
        "| 区县 | PM2.5 | 二氧化氮 |\n|---|---|---|\n"
        "| 青江区 | 33 | 24 |\n| 白溪县 | 29 | 18 |\n"
        "表2 2024年各区县优良天数比例\n"
        "| 区县 | 优良天数比例(%) | 比上年(百分点) |\n|---|---|---|\n"
        "| 青江区 | 88.8 | 2.5 |"
    )
    pm25, no2 = one(document, "33"), one(document, "18")
    assert (pm25.indicator, pm25.unit, pm25.region.name) == ("pm25", "微克/立方米", "青江区")
    assert (no2.indicator, no2.unit, no2.region.name) == ("no2", "微克/立方米", "白溪县")
    change = one(document, "2.5")
    assert (change.indicator, change.kind) == ("air-good-days-ratio", "change")
    assert change.period_start == date(2024, 1, 1)


def test_a_table_of_water_classes_takes_its_unit_from_the_caption():
    document = read(
        "2024年各县地表水水质类别比例(%)\n"
        "| 县 | Ⅰ～Ⅲ类 | Ⅳ类 | 劣Ⅴ类 |\n|---|---|---|---|\n"
        "| 泰和县 | 93.8 | 6.2 | 0 |"
    )
    good, worst = one(document, "93.8"), one(document, "0")
    assert (good.indicator, good.unit, good.region.name) == (
        "water-good-sections-ratio",
        "%",
        "泰和县",
    )
    assert (worst.indicator, worst.unit) == ("water-inferior-v-ratio", "%")


def test_a_docx_table_is_read_as_rows():
    body = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>城市</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>PM10(微克/立方米)</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>泉州市</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>45</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>漳州市</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>51</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>2024年颗粒物</w:t></w:r></w:p>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    text = docx_text(buffer.getvalue())
    assert "泉州市\t45" in text
    cells = {(str(f.value), f.indicator, f.region.name) for f in read(text).figures}
    assert cells == {("45", "pm10", "泉州市"), ("51", "pm10", "漳州市")}


# 11. Every figure says why. ----------------------------------------------------------------


def test_each_figure_gives_its_reasons():
    document = read("宜春市2024年生态环境状况公报\n2024年,全市优良天数比例为92.6%。")
    reasons = " ".join(one(document, "92.6").reasons)
    assert "优良天数比例" in reasons and "2024年" in reasons and "宜春市" in reasons


def test_traditional_and_full_width_text_is_read_and_quoted_as_written():
    document = read("2024年,全市細顆粒物平均濃度為２８微克/立方米。")
    figure = one(document, "28")
    assert figure.indicator == "pm25"
    assert "濃度為２８" in figure.quote


def test_pinyin_glosses_and_spaces_inside_words_do_not_hide_figures():
    document = read(
        "2023年,全市優良天數(shù)比例為90.1%,較上年提高了1.2個(gè)百分點(diǎn)。"
        "地表水水質(zhì)優良比例為88.0%。\n"
        "PM2.5 平均浓 度为 29 微克/立方米,同比下 降 3.3%,优良天数比 例上升 2.1 个百分 点。"
    )
    got = {(str(f.value), f.unit, f.indicator) for f in document.figures if not f.derived}
    assert ("1.2", "个百分点", "air-good-days-ratio") in got
    assert ("29", "微克/立方米", "pm25") in got
    assert ("-3.3", "%", "pm25") in got
    assert ("2.1", "个百分点", "air-good-days-ratio") in got
    assert {reason for _text, reason in ((r.text, r.reason) for r in document.removed)} >= {
        "pinyin gloss",
        "space inside a word",
    }


def test_a_span_over_two_years_and_a_heating_season():
    document = read(
        "2023—2024年秋冬季,临河市PM2.5平均浓度为52微克/立方米。"
        "2023年11月—2024年2月,临河市重污染天数为9天。"
    )
    assert period(document, "52") == (date(2023, 10, 1), date(2024, 3, 31))
    assert period(document, "9") == (date(2023, 11, 1), date(2024, 2, 29))


def test_a_figure_after_a_colon_is_read_but_not_the_minutes_of_a_time():
    document = read(
        "发布时间 2024-03-02 09:45\n2023年全市空气质量优良率:93.4%,有效监测天数为365天。"
    )
    assert facts(document) == [("93.4", "%", "air-good-days-ratio", "level")]


def test_an_enumeration_of_cities_by_short_name_binds_each_value_to_its_city():
    document = read(
        "2024年,PM2.5平均浓度最低的3个城市依次是丽江、普洱和临沧,分别为12、15和16微克/立方米;"
        "浓度最高的3个城市依次是昭通、曲靖和红河,分别为33、31和29微克/立方米。"
    )
    bound = [(str(f.value), f.region.name, f.indicator) for f in document.figures]
    assert bound == [
        ("12", "丽江市", "pm25"),
        ("15", "普洱市", "pm25"),
        ("16", "临沧市", "pm25"),
        ("33", "昭通市", "pm25"),
        ("31", "曲靖市", "pm25"),
        ("29", "红河哈尼族彝族自治州", "pm25"),
    ]


def test_an_index_change_tenths_and_counts_of_classes():
    document = read(
        "2023年,全市生态环境状况指数EI值为71.3,较上一年度提高了0.8。"
        "全市12个断面中,Ⅱ类水质断面9个、Ⅲ类3个。餐饮油烟投诉占全部投诉超过6成。\n"
        "注:1.评价依据为相关标准。"
    )
    got = {(str(f.value), f.unit, f.indicator, f.kind) for f in document.figures if not f.derived}
    assert got == {
        ("71.3", "", "eco-index", "level"),
        ("0.8", "", "eco-index", "change"),
        ("6", "成", None, "level"),
    }


def test_a_sentence_that_only_ranks_places_continues_the_subject_before_it():
    document = read(
        "二氧化氮浓度最低的是丽水市,为14微克/立方米。11市同比改善,改善幅度最大的是舟山市,为21%。"
    )
    assert facts(document) == [
        ("14", "微克/立方米", "no2", "level"),
        ("-21", "%", "no2", "change"),
    ]
    assert one(document, "-21").region.name == "舟山市"


def test_a_change_column_keeps_its_sign():
    document = read(
        "2024年各区PM2.5\n\n| 区 | 浓度(微克/立方米) | 同比变化(%) |\n|---|---|---|\n"
        "| 思明区 | 18 | -5.3 |\n| 湖里区 | 21 | +2.0 |\n"
    )
    got = {(str(f.value), f.unit, f.indicator, f.kind, f.region.name) for f in document.figures}
    assert ("-5.3", "%", "pm25", "change", "思明区") in got
    assert ("2.0", "%", "pm25", "change", "湖里区") in got


def test_a_text_about_my_city_is_about_the_city_it_names_not_a_province_in_company_names():
    document = read(
        "本报讯 记者从市生态环境局获悉,今年以来我市共查处环境违法案件63起。"
        "其中,对江西某某化工有限公司、江西某某建材有限公司依法查封。\n"
        "萍乡市生态环境局表示,将继续保持执法高压态势。"
    )
    assert document.region.name == "萍乡市"
    assert one(document, "63").region.name == "萍乡市"


def test_a_threshold_crossed_is_no_figure_but_names_what_follows():
    document = read("2023年,全国重污染天数比例首次降到1%以内,达到0.8%。")
    assert facts(document) == [("0.8", "%", "heavy-pollution-days-ratio", "level")]


# 12. Tables by place × measure, transposed tables, stations and totals. --------------------


def test_a_provincial_table_by_city_with_a_units_row_a_rank_and_a_total_row():
    document = read(
        "湖南省2024年1—6月城市环境空气质量状况\n"
        "表1 2024年上半年各市环境空气质量\n"
        "城市\t二氧化硫\t二氧化氮\t一氧化碳\t臭氧\t综合指数\t排名\t优良天数比例\n"
        "\t微克/立方米\t微克/立方米\t毫克/立方米\t微克/立方米\t\t\t%\n"
        "岳阳\t7\t21\t1.0\t139\t3.71\t2\t86.2\n"
        "常德\t9\t24\t1.2\t151\t4.02\t4\t81.9\n"
        "全省\t8\t22\t1.1\t144\t3.85\t—\t84.0\n"
    )
    got = {
        (str(f.value), f.region.name): (f.indicator, f.unit, f.kind, f.period_end)
        for f in document.figures
    }
    end = date(2024, 6, 30)
    assert got[("7", "岳阳市")] == ("so2", "微克/立方米", "level", end)
    assert got[("1.2", "常德市")] == ("co", "毫克/立方米", "level", end)
    assert got[("151", "常德市")] == ("o3", "微克/立方米", "level", end)
    assert got[("3.71", "岳阳市")] == ("air-quality-composite-index", "", "level", end)
    assert got[("84.0", "湖南省")] == ("air-good-days-ratio", "%", "level", end)
    assert got[("144", "湖南省")][0] == "o3"
    assert ("2", "岳阳市") not in got and ("4", "常德市") not in got  # ranks are no figures
    assert len(document.figures) == 18


def test_a_noise_table_of_stations_pasted_one_cell_per_line():
    document = read(
        "攸县2024年声环境质量状况\n"
        "表2 各功能区监测点位等效声级\n单位：dB(A)\n"
        "点位名称\n功能区类别\n昼间\n夜间\n"
        "县环境监测站\n1类\n52.6\n43.4\n"
        "东城小学\n1类\n54.1\n—\n"
        "工业园北门\n3类\n61.8\n52.2\n"
        "迎宾大道\n4a类\n66.0\n57.3\n"
    )
    cells = [(str(f.value), f.unit, f.region.name, f.qualifier) for f in document.figures]
    assert ("52.6", "dB(A)", "攸县", "县环境监测站 1类") in cells
    assert ("54.1", "dB(A)", "攸县", "东城小学 1类") in cells
    assert ("57.3", "dB(A)", "攸县", "迎宾大道 4a类") in cells
    assert len(cells) == 7  # the empty cell is no figure and shifts nothing
    night = one(document, "52.2")
    assert night.indicator is None and "夜间" in night.proposed[0]
    assert night.quote.startswith("工业园北门")


def test_a_table_with_a_column_per_city_binds_each_cell_to_its_column():
    document = read(
        "湖南省2024年生态环境状况公报\n"
        "表3 部分城市主要指标\n"
        "指标\t株洲\t湘潭\t衡阳\t全省\n"
        "PM2.5(微克/立方米)\t33\t36\t31\t34\n"
        "优良天数比例(%)\t86.5\t84.1\t90.7\t87.3\n"
    )
    got = {(str(f.value), f.region.name): f.indicator for f in document.figures}
    assert got == {
        ("33", "株洲市"): "pm25",
        ("36", "湘潭市"): "pm25",
        ("31", "衡阳市"): "pm25",
        ("34", "湖南省"): "pm25",
        ("86.5", "株洲市"): "air-good-days-ratio",
        ("84.1", "湘潭市"): "air-good-days-ratio",
        ("90.7", "衡阳市"): "air-good-days-ratio",
        ("87.3", "湖南省"): "air-good-days-ratio",
    }


def test_a_merged_header_over_year_columns():
    document = read(
        "2024年各市空气质量年际比较\n"
        "| 城市 | PM2.5浓度(μg/m³) | | 优良天数比例(%) | |\n"
        "| | 2024年 | 2023年 | 2024年 | 2023年 |\n|---|---|---|---|---|\n"
        "| 娄底 | 35 | 38 | 87.4 | 85.0 |\n| 邵阳 | 32 | 33 | 91.2 | 89.9 |\n"
    )
    got = {
        (str(f.value), f.region.name): (f.indicator, f.unit, f.period_start.year)
        for f in document.figures
    }
    assert got[("38", "娄底市")] == ("pm25", "μg/m³", 2023)
    assert got[("35", "娄底市")] == ("pm25", "μg/m³", 2024)
    assert got[("89.9", "邵阳市")] == ("air-good-days-ratio", "%", 2023)
    assert len(got) == 8


def test_a_table_of_zone_classes_keeps_equal_values_of_different_rows():
    document = read(
        "醴陵市2024年声环境质量\n"
        "| 功能区 | 断面数 | 昼间达标率(%) | 夜间达标率(%) |\n|---|---|---|---|\n"
        "| 1类 | 4 | 100 | 75.0 |\n| 2类 | 6 | 100 | 87.5 |\n| 3类 | 2 | 100 | 100 |\n"
        "全市功能区昼间达标率为100%,夜间为87.5%。"
    )
    day = [f for f in document.figures if f.indicator == "noise-functional-compliance-day"]
    assert [(str(f.value), f.qualifier) for f in day] == [
        ("100", "1类"),
        ("100", "2类"),
        ("100", "3类"),
        ("100", ""),
    ]
    assert all(f.region.name == "醴陵市" for f in document.figures)
    assert not [f for f in document.figures if f.value in (4, 6, 2)]  # counts of sections
    night = [f for f in document.figures if f.quote.startswith("全市")][1]
    assert (str(night.value), night.indicator) == ("87.5", "noise-functional-compliance-night")


def test_a_table_copied_with_pipes_a_row_number_and_a_two_level_header():
    cells = (
        "序号 |\n城市 |\n优良天数 |\n污染天数 |\n平均浓度 |\n综合指数 |\n"
        "优 |\n良 |\n中度 |\n重度 |\nSO2 |\nCO |\nPM2.5 |\n||||\n"
        "1 |\n宜昌 |\n12 |\n15 |\n3 |\n1 |\n8 |\n0.9 |\n37 |\n4.11 |\n"
        "2 |\n荆州 |\n9 |\n17 |\n4 |\n2 |\n10 |\n1.1 |\n42 |\n4.56 |\n"
    )
    document = read(
        "湖北省2024年1月城市空气质量\n表1 各市空气质量\n"
        + cells
        + "注:浓度单位:除CO为毫克/立方米外,其余均为微克/立方米。"
    )
    got = {(str(f.value), f.region.name): (f.indicator, f.unit) for f in document.figures}
    assert got[("12", "宜昌市")] == ("air-excellent-days", "天")
    assert got[("2", "荆州市")] == ("heavy-pollution-days", "天")
    assert got[("8", "宜昌市")] == ("so2", "微克/立方米")
    assert got[("1.1", "荆州市")] == ("co", "毫克/立方米")
    assert got[("42", "荆州市")] == ("pm25", "微克/立方米")
    assert got[("4.56", "荆州市")] == ("air-quality-composite-index", "")
    good = one(document, "15")
    assert (good.indicator, good.unit, good.proposed[0]) == (None, "天", "良天数")
    assert len(document.figures) == 16  # no row number is a figure


def test_a_table_of_stations_with_a_pipe_line_between_cells_and_an_empty_cell():
    lines = [
        "序号", "站点", "水质类别", "pH", "溶解氧(mg/L)", "主要污染指标",
        "1", "甲河口", "Ⅱ", "7.42", "8.1", "",
        "2", "乙河桥", "Ⅳ", "7.05", "5.6", "总磷,氨氮",
        "3", "丙水库", "Ⅲ", "7.80", "7.3", "",
    ]  # fmt: skip
    document = read("长江流域某周水质\n" + "\n|\n".join(lines).replace("\n|\n\n|\n", "\n|\n|\n"))
    got = [(str(f.value), f.unit, f.qualifier) for f in document.figures]
    assert got == [
        ("7.42", "", "甲河口 Ⅱ"),
        ("8.1", "mg/L", "甲河口 Ⅱ"),
        ("7.05", "", "乙河桥 Ⅳ 总磷,氨氮"),
        ("5.6", "mg/L", "乙河桥 Ⅳ 总磷,氨氮"),
        ("7.80", "", "丙水库 Ⅲ"),
        ("7.3", "mg/L", "丙水库 Ⅲ"),
    ]


# Work reports: counts of what was done, said before what they count. -----------------------


def test_a_count_of_what_was_done_is_a_figure_and_a_count_that_introduces_is_not():
    document = read(
        "澜沧县2024年生态环境工作总结\n"
        "2024年,全县完成了37个行政村生活污水治理,新成立4个县级执法大队。"
        "全县52个乡镇中,已有41个乡镇实现污水全收集处理。"
        "全县11个国控断面水质优良比例为90.9%。"
    )
    villages = one(document, "37")
    assert villages.unit == "个" and villages.indicator == "villages-sewage-treated"
    assert one(document, "41").indicator == "towns-full-sewage-collection"
    assert one(document, "4").indicator == "enforcement-teams-established"
    values = [str(f.value) for f in document.figures]
    assert "52" not in values and "11" not in values  # context: they only introduce
    assert one(document, "90.9").indicator == "water-good-sections-ratio"


def test_a_sentence_opening_with_a_plan_year_states_targets_throughout():
    document = read(
        "青禾市环境保护规划摘要\n"
        "2023年,全市优良天数比例为88.1%。"
        "到2027年,全市细颗粒物浓度控制在27微克/立方米以内,优良天数比例达到92%。"
    )
    assert one(document, "88.1").kind == "level"
    assert (one(document, "27").kind, one(document, "92").kind) == ("target", "target")
    # The plan's year is not the document's period.
    assert document.period_start == date(2023, 1, 1)


def test_values_under_an_assessment_label_are_targets():
    document = read(
        "青禾市2024年空气质量考核\n"
        "2023年,甲县优良天数为301天。"
        "2024年各县空气质量考核指标为,甲县优良天数310天,细颗粒物浓度为29微克/立方米。"
    )
    assert one(document, "301").kind == "level"
    assert (one(document, "310").kind, one(document, "29").kind) == ("target", "target")


def test_up_to_a_day_without_its_year_is_of_the_documents_year():
    document = read("2025年青禾市生态环境执法情况\n截至11月20日,全市共立案查处环境违法案件63件。")
    cases = one(document, "63")
    assert (cases.period_start, cases.period_end) == (date(2025, 1, 1), date(2025, 11, 20))
    assert cases.period_label == "截至11月20日"


def test_a_noise_table_whose_cells_end_with_a_bar_and_day_and_night_rates_in_prose():
    table = (
        "城镇 |\n监测月份 |\n平均等效声级(分贝) |\n评价结果 | |\n等级 |\n质量状况 | ||||\n"
        "市城区 |\n6月 |\n55.9 |\n二级 |\n较好 |\n"
        "平昌 |\n5月 |\n52.4 |\n二级 |\n较好 |\n"
        "全市 |\n—— |\n54.6 |\n二级 |\n较好 |\n"
    )
    document = read(
        "巴中市2024年声环境质量状况\n"
        + table
        + "2024年,全市功能区声环境昼夜间达标率分别为96.3%和88.9%。"
    )
    levels = {(str(f.value), f.region.name, f.qualifier) for f in document.figures if f.unit}
    assert ("55.9", "巴中市", "6月 二级 较好") in levels  # 市城区: the city's own district
    assert ("52.4", "平昌县", "5月 二级 较好") in levels
    assert ("54.6", "巴中市", "二级 较好") in levels
    assert not [f for f in document.figures if f.value in (5, 6)]  # months are no figures
    assert facts(document)[-2:] == [
        ("96.3", "%", "noise-functional-compliance-day", "level"),
        ("88.9", "%", "noise-functional-compliance-night", "level"),
    ]


# 13. City lists in prose: tables in sentences. --------------------------------------------


def test_a_long_city_list_keeps_its_measure_to_the_last_city():
    document = read(
        "湖北省2024年空气质量状况\n"
        "2024年,17个市州PM2.5平均浓度由低至高依次为:神农架林区(18微克/立方米)、恩施州"
        "(25微克/立方米)、十堰市(29微克/立方米)、咸宁市(33微克/立方米)、黄冈市(36微克/立方米)、"
        "宜昌市(39微克/立方米)、荆门市(40微克/立方米)、襄阳市(44微克/立方米)和荆州市(45微克/立方米)。"
    )
    bound = [(str(f.value), f.indicator, f.region.name) for f in document.figures]
    assert bound[0] == ("18", "pm25", "神农架林区")
    assert bound[-2:] == [("44", "pm25", "襄阳市"), ("45", "pm25", "荆州市")]
    assert {indicator for _v, indicator, _r in bound} == {"pm25"}


def test_one_value_said_of_several_places_is_a_figure_for_each():
    document = read(
        "湖北省2024年第二季度跨市界断面水质\n"
        "与上年同期相比,荆州、荆门达标率下降5.2个百分点。"
        "孝感、黄冈、咸宁和随州等4个城市达标率为100%;武汉、黄石等9个城市达标率在80%以上。"
        "其中,4月、5月、6月达标率分别为88.1%、90%和86.4%。"
    )
    down = [(f.region.name, f.kind) for f in document.figures if f.value == Decimal("-5.2")]
    assert down == [("荆州市", "change"), ("荆门市", "change")]
    full = [f.region.name for f in document.figures if f.value == 100]
    assert full == ["孝感市", "黄冈市", "咸宁市", "随州市"]
    months = [
        (str(f.value), f.period_start.month) for f in document.figures if f.quote[:2] == "其中"
    ]
    assert months == [("88.1", 4), ("90", 5), ("86.4", 6)]


def test_two_ranking_tables_side_by_side_bind_each_value_to_the_place_before_it():
    cells = [
        "质量排名", "县(市、区)", "CWQI", "变化排名", "县(市、区)", "△CWQI", "说明",
        "1", "石门县", "2.1307", "1", "桃源县", "-12.41", "优于二类",
        "2", "慈利县", "2.2518", "2", "汉寿县", "-9.86", "|",
        "3", "桑植县", "2.3092", "3", "石门县", "-7.05", "优于二类",
    ]  # fmt: skip
    document = read(
        "常德市2024年1-6月各县地表水质量排名\n"
        + "\n".join(f"{c} |" if c != "|" else c for c in cells)
    )
    got = [(str(f.value), f.region.name, f.kind) for f in document.figures]
    assert got == [
        ("2.1307", "石门县", "level"),
        ("-12.41", "桃源县", "change"),
        ("2.2518", "慈利县", "level"),
        ("-9.86", "汉寿县", "change"),
        ("2.3092", "桑植县", "level"),
        ("-7.05", "石门县", "change"),
    ]  # no rank is a figure


def test_a_station_table_with_day_and_night_sub_rows_and_a_cut_unit():
    cells = [
        "序号", "监测点位", "监测数值(dB", "功能区", "类别", "达标情况",
        "1", "县政务中心", "昼间等效声级Ld", "45.1", "1", "达标", "夜间等效声级Ln", "41.0", "达标",
        "2", "县第一中学", "昼间等效声级Ld", "48.3", "2", "达标", "夜间等效声级Ln", "43.6", "达标",
        "3", "县交通局", "昼间等效声级Ld", "53.9", "2", "达标", "夜间等效声级Ln", "47.2", "达标",
    ]  # fmt: skip
    document = read("弥渡县2024年第三季度声环境功能区监测\n" + "\n\n".join(cells))
    got = [(str(f.value), f.unit, f.region.name, f.qualifier.split()[0]) for f in document.figures]
    assert got == [
        ("45.1", "dB", "弥渡县", "县政务中心"),
        ("41.0", "dB", "弥渡县", "县政务中心"),
        ("48.3", "dB", "弥渡县", "县第一中学"),
        ("43.6", "dB", "弥渡县", "县第一中学"),
        ("53.9", "dB", "弥渡县", "县交通局"),
        ("47.2", "dB", "弥渡县", "县交通局"),
    ]  # the classes (1, 2) are no figures
    night = one(document, "47.2")
    assert night.indicator is None and "夜间" in night.proposed[0]


def test_last_years_value_in_brackets_and_two_periods_side_by_side():
    cells = [
        "2024年6月及同期", "2024年1—6月及同期",
        "区县", "综合指数", "排名", "区县", "综合指数", "排名",
        "嵊州市", "3.05(3.41)", "12(20)", "新昌县", "3.62(3.70)", "15(18)",
        "新昌县", "3.11(3.30)", "14(16)", "嵊州市", "3.71(3.94)", "19(25)",
        "柯桥区", "3.48(3.52)", "22(21)", "柯桥区", "4.02(4.10)", "30(33)",
    ]  # fmt: skip
    document = read("绍兴市2024年6月环境空气质量通报\n" + "\n".join(f"{c} |" for c in cells))
    got = {
        (str(f.value), f.region.name): (f.indicator, f.period_start, f.period_end)
        for f in document.figures
    }
    assert got[("3.05", "嵊州市")] == (
        "air-quality-composite-index",
        date(2024, 6, 1),
        date(2024, 6, 30),
    )
    assert got[("3.41", "嵊州市")][1:] == (date(2023, 6, 1), date(2023, 6, 30))
    assert got[("3.62", "新昌县")][1:] == (date(2024, 1, 1), date(2024, 6, 30))
    assert got[("3.70", "新昌县")][1:] == (date(2023, 1, 1), date(2023, 6, 30))
    assert len(got) == 12  # ranks, in brackets or not, are no figures


def test_a_row_label_left_on_the_line_before_its_list():
    document = read(
        "淄博市2024年5月空气质量\n污染因子 |\n排名后3位区县 |\n"
        "PM10 |\n高新区(71µg/m3)、淄川区(66µg/m3)、张店区(64µg/m3) |\n"
        "CO |\n临淄区(1.1mg/m3)、张店区(0.9mg/m3) |"
    )
    got = [(str(f.value), f.indicator, f.region.name) for f in document.figures]
    assert ("66", "pm10", "淄川区") in got and ("64", "pm10", "张店区") in got
    assert ("0.9", "co", "张店区") in got
    assert {indicator for _v, indicator, _r in got} == {"pm10", "co"}


def test_an_html_table_with_merged_header_cells():
    html = read(
        "<html><body><h1>福建省2024年城市空气质量</h1><p>各市空气质量如下。</p><table>"
        "<tr><th rowspan='2'>城市</th><th colspan='2'>PM2.5(μg/m³)</th>"
        "<th rowspan='2'>优良天数比例(%)</th></tr>"
        "<tr><th>2024年</th><th>2023年</th></tr>"
        "<tr><td>福州市</td><td>21</td><td>23</td><td>98.1</td></tr>"
        "<tr><td>厦门市</td><td>19</td><td>20</td><td>99.2</td></tr>"
        "<tr><td>全省</td><td colspan='2'>20</td><td>98.0</td></tr>"
        "</table></body></html>"
    )
    got = {(str(f.value), f.region.name, f.period_start.year): f.indicator for f in html.figures}
    assert got == {
        ("21", "福州市", 2024): "pm25",
        ("23", "福州市", 2023): "pm25",
        ("98.1", "福州市", 2024): "air-good-days-ratio",
        ("19", "厦门市", 2024): "pm25",
        ("20", "厦门市", 2023): "pm25",
        ("99.2", "厦门市", 2024): "air-good-days-ratio",
        ("20", "福建省", 2024): "pm25",  # a merged data cell is not repeated
        ("98.0", "福建省", 2024): "air-good-days-ratio",
    }


def test_a_table_aligned_with_spaces():
    document = read(
        "浙江省2024年各市空气质量\n"
        "城市  PM2.5(微克/立方米)  优良天数比例(%)\n"
        "湖州  28  85.4\n丽水  21  97.0\n全省  26  89.1\n"
        "PM2.5 was 26 in 2024."
    )
    got = {(str(f.value), f.region.name): f.indicator for f in document.figures}
    assert got == {
        ("28", "湖州市"): "pm25",
        ("85.4", "湖州市"): "air-good-days-ratio",
        ("21", "丽水市"): "pm25",
        ("97.0", "丽水市"): "air-good-days-ratio",
        ("26", "浙江省"): "pm25",
        ("89.1", "浙江省"): "air-good-days-ratio",
    }


def test_stations_named_by_province_and_county_are_of_the_county():
    cells = [
        "序号", "水系", "点位名称", "pH", "溶解氧(mg/L)",
        "1", "嫩江", "黑龙江讷河", "7.21", "9.4",
        "2", "嫩江", "吉林大安", "7.55", "8.8",
        "3", "松花江", "吉林榆树", "7.02", "8.1",
    ]  # fmt: skip
    document = read("全国主要流域重点断面水质周报\n" + "\n".join(cells))
    got = [(str(f.value), f.region.name) for f in document.figures]
    assert got == [
        ("7.21", "讷河市"),
        ("9.4", "讷河市"),
        ("7.55", "大安市"),
        ("8.8", "大安市"),
        ("7.02", "榆树市"),
        ("8.1", "榆树市"),
    ]


def test_places_listed_in_brackets_are_members_of_the_group_the_figure_is_of():
    document = read(
        "伊犁州2024年声环境质量\n"
        "2024年,伊犁州8个县市中,有3个县市(霍城县、察布查尔县和尼勒克县)城市区域声环境质量为好,"
        "占37.5%。"
    )
    assert one(document, "37.5").region.name == "伊犁哈萨克自治州"


def test_places_listed_after_an_index_take_the_index_without_a_unit():
    document = read("2024年,全省综合指数为3.71,长沙市4.02,株洲市3.86,湘潭市3.97。")
    got = [(str(f.value), f.indicator, f.region.name) for f in document.figures]
    assert got[1:] == [
        ("4.02", "air-quality-composite-index", "长沙市"),
        ("3.86", "air-quality-composite-index", "株洲市"),
        ("3.97", "air-quality-composite-index", "湘潭市"),
    ]


def test_a_table_of_cities_regional_noise_headed_by_leq():
    document = read(
        "江西省2024年城市区域声环境质量\n城市\t昼间Leq(dB(A))\t夜间Leq(dB(A))\n"
        "南昌\t55.1\t46.2\n九江\t54.3\t45.0\n"
    )
    got = {(str(f.value), f.region.name): f.indicator for f in document.figures}
    assert got == {
        ("55.1", "南昌市"): "noise-day",
        ("46.2", "南昌市"): "noise-night",
        ("54.3", "九江市"): "noise-day",
        ("45.0", "九江市"): "noise-night",
    }


def test_a_header_wrapped_over_lines_and_columns_that_write_no_unit():
    document = read(
        "江西省2024年各设区市空气质量\n"
        "城市\n细颗粒物\n(PM2.5)\n可吸入颗粒物\n(PM10)\n优良天数比例(%)\n"
        "南昌\n31\n52\n90.4\n九江\n34\n57\n88.0\n赣州\n27\n45\n96.2\n"
    )
    got = {(str(f.value), f.region.name): (f.indicator, f.unit) for f in document.figures}
    assert got[("31", "南昌市")] == ("pm25", "")  # the unit is the editor's to give
    assert got[("57", "九江市")] == ("pm10", "")
    assert got[("96.2", "赣州市")] == ("air-good-days-ratio", "%")
    assert "单位：表格未写明" in " ".join(one(document, "31").reasons)


def test_a_pollutant_in_a_word_column_does_not_name_the_count_after_it():
    cells = [
        "城市", "首要污染物", "超标天数", "PM2.5浓度(μg/m³)", "达标情况",
        "玉溪", "PM2.5", "1", "22", "达标",
        "曲靖", "PM2.5", "1", "25", "达标",
        "昭通", "臭氧", "2", "28", "达标",
        "普洱", "PM10", "4", "33", "达标",
    ]  # fmt: skip
    document = read("云岭省2025年各州市环境空气质量\n" + "\n".join(f"{c} |" for c in cells))
    got = {(str(f.value), f.region.name): (f.unit, f.indicator) for f in document.figures}
    assert got[("2", "昭通市")][0] == "天"  # days over the standard, not ozone
    assert got[("4", "普洱市")][0] == "天"
    assert got[("28", "昭通市")] == ("μg/m³", "pm25")
    assert len(got) == 8


def test_small_counts_and_classes_are_data_and_ranks_only_under_a_rank_heading():
    from importer.segment import _numbers_rows

    def column(values, ranked=False):
        clean = [cell for value in values for cell in ("某市", value)]
        return _numbers_rows(clean, list(range(0, len(clean), 2)), 1, ranked)

    assert column(["1", "2", "3", "4"])  # row numbers
    assert column(["1", "2", "2", "4"], ranked=True)  # ranks with a tie
    assert column(["1", "3", "5", "7"], ranked=True)  # ranks of every other row
    assert not column(["1", "2", "2", "4"])  # classes 1, 2, 2, 4 under no rank heading
    assert not column(["0", "0", "1", "2"], ranked=True)  # heavy-pollution days
    assert not column(["0", "0", "0", "0"], ranked=True)  # a column of zeros
    assert not column(["1", "1", "1", "2", "2", "2"], ranked=True)  # a few small counts


def test_a_ranking_with_ties_is_read_one_place_a_row():
    cells = [
        "排名", "城市", "综合指数", "PM2.5浓度(μg/m³)", "优良天数比例(%)",
        "1", "玉溪", "2.71", "22", "98.6",
        "2", "曲靖", "2.95", "25", "97.3",
        "3", "昭通", "3.12", "28", "95.1",
        "3", "普洱", "3.12", "27", "94.2",
        "5", "文山", "3.41", "30", "92.0",
        "6", "丽江", "3.55", "31", "91.4",
    ]  # fmt: skip
    document = read("云岭省2025年各州市环境空气质量排名\n" + "\n".join(f"{c} |" for c in cells))
    got = {(str(f.value), f.region.name): f.indicator for f in document.figures}
    assert got[("3.12", "普洱市")] == "air-quality-composite-index"
    assert got[("27", "普洱市")] == "pm25"
    assert got[("91.4", "丽江市")] == "air-good-days-ratio"
    assert len(got) == 18  # three measures of six cities, no rank among them


def test_a_noise_table_with_row_numbers_under_its_caption_and_a_class_column():
    cells = [
        "序号", "监测点位", "功能区类别", "昼间", "夜间",
        "1", "县文化馆", "1", "51.2", "42.3",
        "2", "城东社区", "1", "53.4", "44.0",
        "3", "北街小学", "2", "54.6", "45.1",
        "4", "南站路口", "2", "55.0", "46.2",
        "5", "工业园", "3", "58.9", "49.7",
        "6", "迎春路", "4", "64.8", "55.2",
    ]  # fmt: skip
    document = read(
        "溪口县2025年声环境质量\n表1 功能区声环境监测结果(单位:dB(A))\n"
        + "\n".join(f"{c} |" for c in cells)
    )
    levels = [(str(f.value), f.qualifier) for f in document.figures if f.value > 10]
    assert levels[:2] == [("51.2", "县文化馆"), ("42.3", "县文化馆")]
    assert levels[-1] == ("55.2", "迎春路")
    assert len(levels) == 12  # six stations, day and night
    assert len(document.figures) == 12  # the classes (1, 2, 3, 4) are no figures
    night = [f for f in document.figures if f.value == Decimal("49.7")][0]
    assert "夜间" in night.proposed[0]


def test_a_bar_alone_after_every_row_marks_the_row_and_is_no_empty_cell():
    rows = [
        ["排名", "城市", "综合指数", "PM2.5浓度(μg/m³)", "优良天数比例(%)"],
        ["1", "玉溪", "2.71", "22", "98.6"],
        ["2", "曲靖", "2.95", "25", "97.3"],
        ["3", "昭通", "3.12", "28", "95.1"],
        ["3", "普洱", "3.12", "27", "94.2"],
    ]
    document = read(
        "云岭省2025年各州市环境空气质量排名\n"
        + "\n".join("\n".join(f"{c} |" for c in row) + "\n|" for row in rows)
    )
    got = {(str(f.value), f.region.name): f.indicator for f in document.figures}
    assert got[("2.71", "玉溪市")] == "air-quality-composite-index"
    assert got[("22", "玉溪市")] == "pm25"
    assert got[("94.2", "普洱市")] == "air-good-days-ratio"
    assert len(got) == 12


def test_day_and_night_levels_whose_unit_the_text_gives_before_the_table():
    document = read(
        "溪口县2025年声环境质量\n各功能区监测结果见下表,等效声级单位为分贝。\n"
        "功能区\t点位数\t昼间\t夜间\n1类区\t4\t51.2\t42.3\n2类区\t6\t54.6\t45.1\n3类区\t3\t58.9\t49.7\n"
    )
    got = [(str(f.value), f.qualifier) for f in document.figures]
    assert got == [
        ("51.2", "1类区"),
        ("42.3", "1类区"),
        ("54.6", "2类区"),
        ("45.1", "2类区"),
        ("58.9", "3类区"),
        ("49.7", "3类区"),
    ]  # the counts of points are no figures


def test_measures_counted_back_are_those_said_before_not_the_last_lists():
    document = read(
        "2031年8月,松原县二氧化硫、二氧化氮浓度均值分别为7、29微克/立方米,一氧化碳日均值第95百分位数为"
        "0.9毫克/立方米;这3项指标同比分别下降12.5%、9.4%、10.0%。"
    )
    changes = [(str(f.value), f.indicator) for f in document.figures if f.kind == "change"]
    assert changes == [("-12.5", "so2"), ("-9.4", "no2"), ("-10.0", "co")]

"""read() on reports written for these tests: English reports (China Daily and Xinhua style),
places, approximate counts and periods. Invented texts, in the style of real ones.
"""

from datetime import date
from decimal import Decimal

from importer import pipeline


def read(text, **kwargs):
    return pipeline.read(text, **kwargs)


def one(document, value):
    found = [f for f in document.figures if f.value == Decimal(value) and not f.derived]
    assert len(found) == 1, (value, [(str(f.value), f.quote) for f in document.figures])
    return found[0]


# English reports: numbers, the catalogue's English names, places and periods. -------------

ENGLISH_REPORT = """Weifang sees cleaner air in first half
Updated: 2025-07-20 10:15

In the first half of this year, the proportion of days with good air quality in Weifang reached 81.6 %, up 2.7 percent year-on-year, according to the department of ecology and environment of Shandong province.
The average PM2.5 concentration was 38 micrograms per cubic meter, a drop of 5.8 percent year-on-year, while PM10 was down 3 micrograms per cubic meter.
The city recorded ten days of heavy pollution, two fewer than a year earlier, and 147 good air days.
In the Beijing-Tianjin-Hebei region, the share of days with good air quality stood at 66.2 percent from January to May.
Surface water sections of Grade I-III accounted for 88.4 percent in 2024, and forest coverage reached 24.3 percent.
Authorities received more than 1,200 complaints and handled about 1.2 million tons of solid waste last year.
Miyun District saw 347 days of good air quality in 2024.
By 2027, emissions of the city should drop by more than 10 percent, and boilers below 35 tons will be phased out.
"""


def test_an_english_report_its_numbers_names_places_and_periods():
    document = read(ENGLISH_REPORT)
    assert document.language == "en" and document.date == date(2025, 7, 20)
    half = (date(2025, 1, 1), date(2025, 6, 30))
    ratio = one(document, "81.6")
    assert (ratio.unit, ratio.indicator, ratio.kind) == ("%", "air-good-days-ratio", "level")
    assert (ratio.region.name, (ratio.period_start, ratio.period_end)) == ("潍坊市", half)
    assert (one(document, "2.7").kind, one(document, "2.7").value) == ("change", Decimal("2.7"))
    pm25 = one(document, "38")
    assert (pm25.unit, pm25.indicator) == ("μg/m³", "pm25")
    assert (one(document, "-5.8").kind, one(document, "-5.8").indicator) == ("change", "pm25")
    assert (one(document, "-3").indicator, one(document, "-3").unit) == ("pm10", "μg/m³")
    heavy = one(document, "10")
    assert (heavy.unit, heavy.indicator, heavy.kind) == ("days", "heavy-pollution-days", "level")
    assert (one(document, "-2").kind, one(document, "-2").indicator) == (
        "change",
        "heavy-pollution-days",
    )
    assert one(document, "147").indicator == "air-good-days"
    region = one(document, "66.2")
    assert region.region.name == "京津冀地区"
    assert (region.period_start, region.period_end) == (date(2025, 1, 1), date(2025, 5, 31))
    water = one(document, "88.4")
    assert water.indicator == "water-good-sections-ratio"
    assert (water.period_start, water.period_end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert one(document, "24.3").indicator == "forest-cover"
    complaints = one(document, "1200")
    assert (complaints.unit, complaints.approximate, complaints.indicator) == (
        "complaints",
        True,
        "petitions",
    )
    waste = one(document, "1.2")
    assert (waste.unit, waste.approximate) == ("million tons", True)
    assert (waste.period_start, waste.period_end) == (date(2024, 1, 1), date(2024, 12, 31))
    miyun = one(document, "347")
    assert (miyun.unit, miyun.indicator, miyun.region.name) == ("days", "air-good-days", "密云区")
    planned = one(document, "-10")
    assert (planned.kind, planned.approximate, planned.period_end) == (
        "target",
        True,
        date(2027, 12, 31),
    )
    assert not [f for f in document.figures if f.value == 35]  # a limit qualifying boilers


def test_english_quarters_and_last_year_are_said_from_the_day_of_publication():
    document = read(
        "Province reports quarterly air data\nPub Date:2024-04-18 09:00\n\n"
        "In the first quarter of this year, the proportion of days with good air quality in "
        "Hunan province was 84.1%. Last year, the average concentration of PM2.5 was 37 "
        "micrograms per cubic meter. In the first three quarters of last year, 1,050 complaints "
        "were handled."
    )
    quarter = one(document, "84.1")
    assert (quarter.period_start, quarter.period_end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert quarter.region.name == "湖南省"
    last = one(document, "37")
    assert (last.period_start, last.period_end) == (date(2023, 1, 1), date(2023, 12, 31))
    nine = one(document, "1050")
    assert (nine.period_start, nine.period_end) == (date(2023, 1, 1), date(2023, 9, 30))


def test_an_english_date_line_gives_no_figures():
    document = read(
        "Jiangsu air quality\n(Xinhua) 17:02, January 18, 2022\n\n"
        "The percentage of days with good air quality in Jiangsu reached 82.4 percent in 2021."
    )
    assert [str(f.value) for f in document.figures if not f.derived] == ["82.4"]


# Places: 全区/全省/本市 against the publisher, the title and the opening. -------------------


def test_quanqu_is_the_autonomous_region_its_publisher_names():
    document = read(
        "上半年我区空气质量持续改善\n发布时间：2024-07-10\n来源：宁夏回族自治区生态环境厅 2024-07-10\n\n"
        "1—6月，我区优良天数比例为78.4%，全区PM2.5平均浓度为29微克/立方米。"
    )
    assert document.publisher == "宁夏回族自治区生态环境厅"
    assert document.region.name == "宁夏回族自治区"
    assert {f.region.name for f in document.figures} == {"宁夏回族自治区"}
    ratio = one(document, "78.4")
    assert (ratio.period_start, ratio.period_end) == (date(2024, 1, 1), date(2024, 6, 30))


def test_quanqu_is_a_district_when_no_autonomous_region_is_named():
    document = read(
        "城区空气质量通报\n来源：南宁市青秀区生态环境局\n\n2023年，全区优良天数比例为95.1%。"
    )
    assert document.region.name == "青秀区"
    assert one(document, "95.1").region.name == "青秀区"


def test_a_county_branch_of_a_city_bureau_is_the_county():
    document = read(
        "索引号: | 11330424/2023-00001 | 成文日期: | 2023-11-09 |\n"
        "嘉兴市生态环境局海盐分局环境信访情况(2023年10月)\n\n"
        "2023年10月,我局共受理群众各类环境信访37件。"
    )
    assert document.region.name == "海盐县"
    complaints = one(document, "37")
    assert complaints.region.name == "海盐县"
    assert (complaints.period_start, complaints.period_end) == (
        date(2023, 10, 1),
        date(2023, 10, 31),
    )


# Approximate counts keep their number and say they are approximate. -----------------------


def test_approximate_counts_in_chinese():
    document = read(
        "2023年，全市共受理环境信访投诉1200余件，检查企业1.2万余家，罚款300余万元，"
        "出动执法人员近3万人次，立案1500多件，优良天数比例为90%左右，约有2000家企业完成整改。"
    )
    written = {
        f.approximate_text: (str(f.value), f.unit) for f in document.figures if not f.derived
    }
    assert written == {
        "1200余件": ("1200", "件"),
        "1.2万余家": ("1.2", "万家"),
        "300余万元": ("300", "万元"),
        "近3万人次": ("3", "万人次"),
        "1500多件": ("1500", "件"),
        "90%左右": ("90", "%"),
        "约有2000家": ("2000", "家"),
    }
    assert all(f.approximate for f in document.figures)


# Periods: real ranges, resolved against the publication date, or honest unknowns. ----------


def test_chinese_periods_resolved_against_the_publication_date():
    document = read(
        "某市生态环境局通报\n发布时间：2024-09-05\n\n"
        "今年上半年，全市优良天数比例为85.1%。一季度，PM2.5平均浓度为41微克/立方米。"
        "1至10月份，查处案件45起。今年截至目前，全市优良天数为200天。去年同期，优良天数为190天。"
        "自今年5月开展专项行动以来，截至8月底，全市检查企业2600家。"
        "今年优良天数比去年增加10天。“十四五”期间，全市淘汰燃煤锅炉58台。"
    )

    def span(value):
        figure = one(document, value)
        return figure.period_start, figure.period_end

    assert span("85.1") == (date(2024, 1, 1), date(2024, 6, 30))
    assert span("41") == (date(2024, 1, 1), date(2024, 3, 31))
    assert span("45") == (date(2024, 1, 1), date(2024, 10, 31))
    assert span("200") == (date(2024, 1, 1), date(2024, 9, 5))
    assert span("190") == (date(2023, 1, 1), date(2023, 9, 5))  # the same period last year
    assert span("2600") == (date(2024, 5, 1), date(2024, 8, 31))
    change = one(document, "10")
    assert change.kind == "change" and span("10") == (date(2024, 1, 1), date(2024, 12, 31))
    assert span("58") == (date(2021, 1, 1), date(2025, 12, 31))


def test_so_far_this_year_without_a_publication_date_is_unknown():
    document = read("今年以来，全市共立案查处环境违法案件72件。")
    cases = one(document, "72")
    assert (cases.period_start, cases.period_end) == (None, None)


def test_the_country_in_the_name_of_a_channel_is_not_the_place():
    document = read(
        "德清县2024年3月环境信访情况\n\n"
        "2024年3月，德清县共受理环境信访25件，其中全国生态环境信访投诉举报管理平台转来6件，"
        "12345热线转来19件。"
    )
    assert one(document, "6").region.name == "德清县"


def test_a_line_run_into_the_next_and_a_count_that_looks_like_a_year():
    # The copy joined two lines ("year-on-yearIn June"); 1940 counts sections, it is no year.
    document = read(
        "Water quality bulletin\n"
        "From January to June of 2020, in 1940 national sections, the proportion of sections "
        "with good water quality (Class I-III) was 80.1%, up 5.6 percentage points "
        "year-on-yearIn June, among the 1940 national sections, the proportion of sections "
        "with good water quality (Class I-III) was 71.4%."
    )
    half = one(document, "80.1")
    assert (half.period_start, half.period_end) == (date(2020, 1, 1), date(2020, 6, 30))
    june = one(document, "71.4")
    assert (june.period_start, june.period_end) == (date(2020, 6, 1), date(2020, 6, 30))


def test_a_campaign_since_a_month_until_a_day_is_the_documents_period():
    document = read(
        "今年环保专项行动查处违法企业900余家\n"
        "http://www.example.org 2025年09月02日10:20 新华网\n"
        "记者2日获悉,自今年5月生态环境部等部门联合开展专项行动以来,截至8月底,"
        "全国已出动执法人员35万人次,检查企业12万余家。"
        "专项行动中,全国共挂牌督办环境案件2630起。"
    )
    assert (document.period_start, document.period_end) == (date(2025, 5, 1), date(2025, 8, 31))
    staff = one(document, "35")
    assert (staff.period_start, staff.period_end) == (date(2025, 5, 1), date(2025, 8, 31))
    cases = one(document, "2630")
    assert (cases.period_start, cases.period_end) == (date(2025, 5, 1), date(2025, 8, 31))


def test_made_up_of_is_a_share_not_a_rise():
    document = read(
        "Noise complaints in 2024\nNoise from building sites made up 41.2% of the complaints, "
        "up 3.1 percentage points on the year before."
    )
    assert one(document, "41.2").kind == "level"
    assert one(document, "3.1").kind == "change"


def test_an_english_place_named_after_the_figure_and_regions_of_the_country():
    document = read(
        "Noise complaints by region\nIn 2024, 58.1% of all noise complaints were received in "
        "eastern China, and the share of days with good air quality was 71.2 percent in "
        "Shijiazhuang. Seventy-eight days were heavily polluted in the western region."
    )
    assert one(document, "58.1").region.name == "东部地区"
    assert one(document, "71.2").region.name == "石家庄市"
    days = one(document, "78")
    assert (days.unit, days.indicator, days.region.name) == (
        "days",
        "heavy-pollution-days",
        "西部地区",
    )


def test_a_headline_about_the_nation_is_about_the_country():
    document = read(
        "Nation to widen checks on rivers\nBy A REPORTER | China Daily | Updated: 2025-08-28 09:29\n"
        "A photo taken in Daba village of Fengjie county shows an orchard.\n"
        "The share of surface water rated at Grade III or better reached 90.4 percent in 2024."
    )
    assert document.region.name == "全国"
    assert one(document, "90.4").region.name == "全国"

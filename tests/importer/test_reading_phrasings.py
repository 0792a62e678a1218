"""read() on the same facts phrased the many ways Chinese bulletins phrase them.

Each fact of the national standard set (the six pollutants, good days and their share, heavy
pollution days, the composite index, surface-water class shares, drinking-water compliance,
noise by day and by night, enforcement cases and fines, petitions) is stated in several
phrasings: the subject before or after the number, enumerations (分别, 和/及/以及, full- and
half-width punctuation), changes (同比下降, 较上年减少, 降幅为, x%的降幅), targets (力争,
控制在…以内, 目标为, 确保…不低于) and periods (上半年, 一季度, 1—5月, 前三季度…). Every
phrasing must give the same figures: value (signed for a change), indicator and kind.

The facts are invented (our own numbers, in real prefecture-level cities); no sentence comes
from a bulletin. Phrasings the importer does not read yet are marked xfail (strict), so that
reading one is noticed and the mark removed.
"""

from datetime import date
from decimal import Decimal

import pytest

from importer import pipeline

SO2, NO2, PM10, PM25, CO, O3 = "so2", "no2", "pm10", "pm25", "co", "o3"
GOOD_DAYS, GOOD_RATIO = "air-good-days", "air-good-days-ratio"
HEAVY_DAYS, COMPOSITE = "heavy-pollution-days", "air-quality-composite-index"
WATER_GOOD, WATER_INFERIOR = "water-good-sections-ratio", "water-inferior-v-ratio"
DRINKING, NOISE_DAY, NOISE_NIGHT = "drinking-water-compliance", "noise-day", "noise-night"
CASES, FINES, PETITIONS = "enforcement-cases", "fines", "petitions"
RESOLVED, INSPECTIONS = "petitions-resolved-ratio", "inspections"

# Phrasings not read yet: a list of the six pollutants whose values carry no unit, a nil share
# written 0 without its %, a nil count written 零, and an approximate count in Chinese numerals.
KNOWN = {
    "six-pollutants-unit-unsaid",
    "nil-share-without-unit",
    "nil-days-in-chinese",
    "cases-about-a-hundred",
}


def phrasings(*groups):
    """(id, text, expected) triples, the city and year put in each text."""
    for name, city, text, expected in groups:
        yield pytest.param(
            text.format(city=city),
            expected,
            id=name,
            marks=[pytest.mark.xfail(strict=True)] if name in KNOWN else [],
        )


LEVELS = list(
    phrasings(
        # the subject before the number, with and without 为/达到, full- and half-width brackets
        (
            "pm25-is",
            "绵阳市",
            "2031年,{city}PM2.5年均浓度为35微克/立方米。",
            [("35", PM25, "level")],
        ),
        ("pm25-bare", "绵阳市", "2031年,{city}PM2.5浓度35微克/立方米。", [("35", PM25, "level")]),
        (
            "pm25-named-half-width",
            "绵阳市",
            "2031年,{city}细颗粒物(PM2.5)平均浓度达到35μg/m³。",
            [("35", PM25, "level")],
        ),
        (
            "pm25-named-full-width",
            "绵阳市",
            "2031年，{city}细颗粒物（PM2.5）平均浓度达到35μg/m³。",
            [("35", PM25, "level")],
        ),
        (
            "pm25-colon",
            "绵阳市",
            "2031年{city}空气质量主要指标:PM2.5:35μg/m3。",
            [("35", PM25, "level")],
        ),
        (
            "pm25-number-first",
            "绵阳市",
            "2031年,{city}录得35微克/立方米的PM2.5年均值。",
            [("35", PM25, "level")],
        ),
        (
            "codes-and-colons",
            "绵阳市",
            "2031年,{city}PM2.5:35μg/m3,PM10:58μg/m3,NO2:24μg/m3。",
            [("35", PM25, "level"), ("58", PM10, "level"), ("24", NO2, "level")],
        ),
        (
            "codes-and-full-width-colons",
            "遂宁市",
            "2031年，{city}PM2.5：29μg/m3；PM10：47μg/m3。",
            [("29", PM25, "level"), ("47", PM10, "level")],
        ),
        (
            "pm25-named-after-number",
            "乐山市",
            "2031年,{city}录得31微克/立方米的细颗粒物平均浓度,同比下降3微克/立方米。",
            [("31", PM25, "level"), ("-3", PM25, "change")],
        ),
        (
            "so2-is",
            "洛阳市",
            "2031年,{city}二氧化硫年均浓度为9微克/立方米。",
            [("9", SO2, "level")],
        ),
        (
            "pm10-named",
            "洛阳市",
            "2031年,{city}可吸入颗粒物平均浓度为68微克/立方米。",
            [("68", PM10, "level")],
        ),
        (
            "pm10-annual-value",
            "洛阳市",
            "2031年,{city}PM10年均值为68微克/立方米。",
            [("68", PM10, "level")],
        ),
        (
            "co-percentile",
            "九江市",
            "2031年,{city}一氧化碳日均值第95百分位浓度为1.1毫克/立方米。",
            [("1.1", CO, "level")],
        ),
        (
            "o3-percentile",
            "九江市",
            "2031年,{city}臭氧日最大8小时平均第90百分位浓度为152微克/立方米。",
            [("152", O3, "level")],
        ),
        ("o3-code", "九江市", "2031年,{city}O3-8h浓度152μg/m³。", [("152", O3, "level")]),
        (
            "no2-code-in-brackets",
            "九江市",
            "2031年,{city}二氧化氮(NO2)年均浓度为27微克/立方米。",
            [("27", NO2, "level")],
        ),
        # good days and their share
        (
            "good-days",
            "九江市",
            "2031年,{city}空气质量优良天数为301天。",
            [("301", GOOD_DAYS, "level")],
        ),
        (
            "good-days-and-ratio",
            "九江市",
            "2031年,{city}优良天数301天,优良天数比例为82.5%。",
            [("301", GOOD_DAYS, "level"), ("82.5", GOOD_RATIO, "level")],
        ),
        (
            "good-rate",
            "九江市",
            "2031年,{city}空气质量优良率82.5%。",
            [("82.5", GOOD_RATIO, "level")],
        ),
        (
            "good-ratio-reached",
            "九江市",
            "2031年,{city}环境空气质量优良天数比例达到82.5%。",
            [("82.5", GOOD_RATIO, "level")],
        ),
        (
            "good-days-share-of",
            "九江市",
            "2031年,{city}全年空气质量优良天数达301天,占比82.5%。",
            [("301", GOOD_DAYS, "level"), ("82.5", GOOD_RATIO, "level")],
        ),
        # heavy pollution days, the composite index
        (
            "heavy-days-occurred",
            "九江市",
            "2031年,{city}发生重度及以上污染天气4天。",
            [("4", HEAVY_DAYS, "level")],
        ),
        ("heavy-days-is", "九江市", "2031年,{city}重污染天数为4天。", [("4", HEAVY_DAYS, "level")]),
        (
            "heavy-days-number-first",
            "九江市",
            "2031年,{city}出现4天重度污染天气。",
            [("4", HEAVY_DAYS, "level")],
        ),
        (
            "heavy-days-named-after-number-fewer",
            "南充市",
            "2031年,{city}全年出现6天重污染天气,同比减少2天。",
            [("6", HEAVY_DAYS, "level"), ("-2", HEAVY_DAYS, "change")],
        ),
        (
            "heavy-days-chinese-two",
            "襄阳市",
            "2031年,{city}PM2.5等六项指标浓度均达到国家二级标准,重污染天数为两天。",
            [("2", HEAVY_DAYS, "level")],
        ),
        (
            "heavy-days-chinese-eleven",
            "襄阳市",
            "2031年,{city}发生重度污染十一天。",
            [("11", HEAVY_DAYS, "level")],
        ),
        (
            "nil-days-in-chinese",
            "德阳市",
            "2031年,{city}重度及以上污染天数为零。",
            [("0", HEAVY_DAYS, "level")],
        ),
        (
            "cases-about-a-hundred",
            "宜宾市",
            "2031年,{city}共检查企业1200余家次,立案查处环境违法案件近百件。",
            [("1200", INSPECTIONS, "level"), ("100", CASES, "level")],
        ),
        (
            "composite",
            "九江市",
            "2031年,{city}环境空气质量综合指数为4.12。",
            [("4.12", COMPOSITE, "level")],
        ),
        # water
        (
            "water-class-share",
            "襄阳市",
            "2031年,{city}地表水Ⅰ～Ⅲ类水质断面比例为92.3%。",
            [("92.3", WATER_GOOD, "level")],
        ),
        (
            "water-good-and-inferior",
            "襄阳市",
            "2031年,{city}国考断面水质优良比例为92.3%,劣Ⅴ类水质断面比例为0。",
            [("92.3", WATER_GOOD, "level"), ("0", WATER_INFERIOR, "level")],
        ),
        (
            "water-class-takes-up",
            "襄阳市",
            "2031年,{city}13个国考断面中,Ⅰ～Ⅲ类水质断面占92.3%。",
            [("92.3", WATER_GOOD, "level")],
        ),
        (
            "water-good-bracketed-definition",
            "襄阳市",
            "2031年,{city}水质优良(达到或优于Ⅲ类)断面比例为92.3%,同比上升7.7个百分点。",
            [("92.3", WATER_GOOD, "level"), ("7.7", WATER_GOOD, "change")],
        ),
        (
            "drinking-is",
            "襄阳市",
            "2031年,{city}集中式饮用水水源地水质达标率为100%。",
            [("100", DRINKING, "level")],
        ),
        (
            "drinking-kept",
            "襄阳市",
            "2031年,{city}县级以上集中式饮用水水源地水质达标率保持100%。",
            [("100", DRINKING, "level")],
        ),
        (
            "drinking-bare",
            "襄阳市",
            "2031年,{city}饮用水水源地水质达标率100%。",
            [("100", DRINKING, "level")],
        ),
        # enforcement and petitions
        (
            "cases-and-fines",
            "襄阳市",
            "2031年,{city}查处环境违法案件128件,罚款金额1530万元。",
            [("128", CASES, "level"), ("1530", FINES, "level")],
        ),
        (
            "decisions-and-confiscations",
            "襄阳市",
            "2031年,{city}共下达行政处罚决定书128份,罚没款1530万元。",
            [("128", CASES, "level"), ("1530", FINES, "level")],
        ),
        (
            "cases-filed-and-penalty",
            "襄阳市",
            "2031年,{city}立案查处环境违法案件128起,处罚金额1530万元。",
            [("128", CASES, "level"), ("1530", FINES, "level")],
        ),
        (
            "cases-handled-fined",
            "襄阳市",
            "2031年,{city}办理行政处罚案件128件,罚款1530万元。",
            [("128", CASES, "level"), ("1530", FINES, "level")],
        ),
        (
            "cases-in-total",
            "襄阳市",
            "2031年,{city}共处罚案件128件,罚款共计1530万元。",
            [("128", CASES, "level"), ("1530", FINES, "level")],
        ),
        (
            "petitions-and-resolved",
            "襄阳市",
            "2031年,{city}共受理环境信访投诉2145件,办结率100%。",
            [("2145", PETITIONS, "level"), ("100", RESOLVED, "level")],
        ),
        (
            "petitions-received",
            "襄阳市",
            "2031年,{city}共接到群众信访投诉举报2145件。",
            [("2145", PETITIONS, "level")],
        ),
        (
            "petitions-down",
            "襄阳市",
            "2031年,{city}受理群众信访举报2145件,同比下降8.1%。",
            [("2145", PETITIONS, "level"), ("-8.1", PETITIONS, "change")],
        ),
        (
            "inspections-about",
            "襄阳市",
            "2031年,{city}检查企业1200余家次。",
            [("1200", INSPECTIONS, "level")],
        ),
        (
            "inspections-after-staff",
            "襄阳市",
            "2031年,{city}共出动执法人员3000人次,检查企业1200余家次。",
            [("1200", INSPECTIONS, "level")],
        ),
    )
)

ENUMERATIONS = list(
    phrasings(
        (
            "respectively-one-unit",
            "宜昌市",
            "2031年,{city}二氧化硫、二氧化氮、可吸入颗粒物浓度分别为8、25、61微克/立方米。",
            [("8", SO2, "level"), ("25", NO2, "level"), ("61", PM10, "level")],
        ),
        (
            "respectively-each-unit-and",
            "宜昌市",
            "2031年,{city}二氧化硫、二氧化氮和可吸入颗粒物年均浓度分别为8微克/立方米、25微克/立方米和61微克/立方米。",
            [("8", SO2, "level"), ("25", NO2, "level"), ("61", PM10, "level")],
        ),
        (
            "respectively-codes",
            "宜昌市",
            "2031年,{city}SO2、NO2、PM10、PM2.5年均浓度分别为8、25、61、39μg/m3。",
            [
                ("8", SO2, "level"),
                ("25", NO2, "level"),
                ("61", PM10, "level"),
                ("39", PM25, "level"),
            ],
        ),
        (
            "a-is-x-b-is-y",
            "宜昌市",
            "2031年,{city}PM2.5年均浓度为39微克/立方米,PM10为61微克/立方米。",
            [("39", PM25, "level"), ("61", PM10, "level")],
        ),
        (
            "a-is-x-b-is-y-full-width",
            "宜昌市",
            "2031年，{city}PM2.5为39微克/立方米，PM10为61微克/立方米，二氧化氮为25微克/立方米。",
            [("39", PM25, "level"), ("61", PM10, "level"), ("25", NO2, "level")],
        ),
        (
            "respectively-down-he",
            "宜昌市",
            "2031年,{city}PM2.5、PM10浓度分别同比下降4.9%和6.2%。",
            [("-4.9", PM25, "change"), ("-6.2", PM10, "change")],
        ),
        (
            "and-respectively-down",
            "宜昌市",
            "2031年,{city}PM2.5和PM10平均浓度分别下降4.9%、6.2%。",
            [("-4.9", PM25, "change"), ("-6.2", PM10, "change")],
        ),
        (
            "list-with-ji",
            "宜昌市",
            "2031年,{city}二氧化硫、二氧化氮及臭氧浓度分别为8、25、140微克/立方米。",
            [("8", SO2, "level"), ("25", NO2, "level"), ("140", O3, "level")],
        ),
        (
            "list-with-yiji",
            "宜昌市",
            "2031年,{city}细颗粒物以及可吸入颗粒物年均浓度分别为39微克/立方米和61微克/立方米。",
            [("39", PM25, "level"), ("61", PM10, "level")],
        ),
        (
            "six-pollutants-unit-unsaid",
            "宜昌市",
            "2031年,{city}PM2.5、PM10、SO2、NO2浓度分别为33、55、7、24。",
            [
                ("33", PM25, "level"),
                ("55", PM10, "level"),
                ("7", SO2, "level"),
                ("24", NO2, "level"),
            ],
        ),
        (
            "nil-share-without-unit",
            "宜昌市",
            "2031年,{city}地表水Ⅰ～Ⅲ类水质断面比例、劣Ⅴ类水质断面比例分别为93.8%和0。",
            [("93.8", WATER_GOOD, "level"), ("0", WATER_INFERIOR, "level")],
        ),
        (
            "noise-day-night-respectively",
            "宜昌市",
            "2031年,{city}区域声环境昼间、夜间平均等效声级分别为54.3分贝和45.1分贝。",
            [("54.3", NOISE_DAY, "level"), ("45.1", NOISE_NIGHT, "level")],
        ),
        (
            "noise-night-said-after-day",
            "宜昌市",
            "2031年,{city}区域声环境昼间平均等效声级为54.3分贝,夜间为45.1分贝。",
            [("54.3", NOISE_DAY, "level"), ("45.1", NOISE_NIGHT, "level")],
        ),
        (
            "noise-day-night-values",
            "宜昌市",
            "2031年,{city}城市区域环境噪声昼间平均值54.3dB(A),夜间平均值45.1dB(A)。",
            [("54.3", NOISE_DAY, "level"), ("45.1", NOISE_NIGHT, "level")],
        ),
    )
)

PM25_41 = ("41", PM25, "level")

CHANGES = list(
    phrasings(
        (
            "yoy-down",
            "襄阳市",
            "2031年,{city}PM2.5年均浓度为41微克/立方米,同比下降6.8%。",
            [PM25_41, ("-6.8", PM25, "change")],
        ),
        (
            "less-than-last-year",
            "襄阳市",
            "2031年,{city}PM2.5年均浓度为41微克/立方米,较上年减少6.8%。",
            [PM25_41, ("-6.8", PM25, "change")],
        ),
        (
            "improved-on-a-year",
            "襄阳市",
            "2031年,{city}PM2.5年均浓度为41微克/立方米,比2030年同期改善6.8%。",
            [PM25_41, ("-6.8", PM25, "change")],
        ),
        (
            "fall-is",
            "襄阳市",
            "2031年,{city}PM2.5年均浓度为41微克/立方米,降幅为6.8%。",
            [PM25_41, ("-6.8", PM25, "change")],
        ),
        (
            "fall-named-after",
            "襄阳市",
            "2031年,{city}PM2.5年均浓度为41微克/立方米,实现6.8%的降幅。",
            [PM25_41, ("-6.8", PM25, "change")],
        ),
        (
            "fall-named-after-compared",
            "襄阳市",
            "2031年,{city}PM2.5年均浓度较上年实现6.8%的降幅。",
            [("-6.8", PM25, "change")],
        ),
        (
            "rise-in-points-named-after",
            "襄阳市",
            "2031年,{city}优良天数比例为85.2%,实现2.4个百分点的增幅。",
            [("85.2", GOOD_RATIO, "level"), ("2.4", GOOD_RATIO, "change")],
        ),
        (
            "yoy-down-alone",
            "襄阳市",
            "2031年,{city}PM2.5年均浓度同比下降6.8%。",
            [("-6.8", PM25, "change")],
        ),
        (
            "yoy-up-alone",
            "襄阳市",
            "2031年,{city}PM2.5年均浓度同比上升6.8%。",
            [("6.8", PM25, "change")],
        ),
        (
            "points-up",
            "襄阳市",
            "2031年,{city}优良天数比例为85.2%,同比上升2.4个百分点。",
            [("85.2", GOOD_RATIO, "level"), ("2.4", GOOD_RATIO, "change")],
        ),
        (
            "points-raised",
            "襄阳市",
            "2031年,{city}优良天数比例为85.2%,较上年提高2.4个百分点。",
            [("85.2", GOOD_RATIO, "level"), ("2.4", GOOD_RATIO, "change")],
        ),
        (
            "points-down-alone",
            "襄阳市",
            "2031年,{city}优良天数比例同比下降2.4个百分点。",
            [("-2.4", GOOD_RATIO, "change")],
        ),
        (
            "days-fewer",
            "襄阳市",
            "2031年,{city}重污染天数为3天,同比减少5天。",
            [("3", HEAVY_DAYS, "level"), ("-5", HEAVY_DAYS, "change")],
        ),
        (
            "days-fewer-in-chinese-numerals",
            "宜宾市",
            "2031年,{city}重污染天数为两天,同比减少一天。",
            [("2", HEAVY_DAYS, "level"), ("-1", HEAVY_DAYS, "change")],
        ),
        (
            "days-more",
            "襄阳市",
            "2031年,{city}优良天数为311天,比上年增加9天。",
            [("311", GOOD_DAYS, "level"), ("9", GOOD_DAYS, "change")],
        ),
        (
            "index-improved",
            "九江市",
            "2031年,{city}空气质量综合指数4.12,同比改善3.5%。",
            [("4.12", COMPOSITE, "level"), ("-3.5", COMPOSITE, "change")],
        ),
        (
            "flat",
            "襄阳市",
            "2031年,{city}PM2.5年均浓度为41微克/立方米,与上年持平。",
            [PM25_41, ("0", PM25, "change")],
        ),
    )
)

TARGETS = list(
    phrasings(
        (
            "strive-within",
            "襄阳市",
            "2032年,{city}力争PM2.5年均浓度控制在38微克/立方米以内。",
            [("38", PM25, "target")],
        ),
        (
            "target-is",
            "襄阳市",
            "2032年,{city}PM2.5年均浓度目标为38微克/立方米。",
            [("38", PM25, "target")],
        ),
        (
            "ensure-not-below",
            "襄阳市",
            "2032年,{city}确保优良天数比例不低于86%。",
            [("86", GOOD_RATIO, "target")],
        ),
        (
            "ratio-not-below",
            "襄阳市",
            "2032年,{city}优良天数比例不低于86%。",
            [("86", GOOD_RATIO, "target")],
        ),
        (
            "not-more-and-not-above",
            "自贡市",
            "2032年,{city}重污染天数不超过2天,PM2.5年均浓度不高于34微克/立方米。",
            [("2", HEAVY_DAYS, "target"), ("34", PM25, "target")],
        ),
        (
            "strive-reach",
            "襄阳市",
            "2032年,{city}力争地表水Ⅰ～Ⅲ类水质断面比例达到95%。",
            [("95", WATER_GOOD, "target")],
        ),
        (
            "days-within",
            "襄阳市",
            "2032年,{city}重污染天数控制在3天以内。",
            [("3", HEAVY_DAYS, "target")],
        ),
    )
)


def _figures(text):
    return {
        (format(f.value.normalize(), "f"), f.indicator, f.kind)
        for f in pipeline.read(text).figures
        if not f.derived
    }


@pytest.mark.parametrize(("text", "expected"), LEVELS + ENUMERATIONS + CHANGES + TARGETS)
def test_every_phrasing_of_a_fact_gives_its_figures(text, expected):
    found = _figures(text)
    missing = [
        e for e in expected if (format(Decimal(e[0]).normalize(), "f"), e[1], e[2]) not in found
    ]
    assert not missing, (missing, sorted(found, key=str))


# Periods: the same figure under every way a bulletin names its months ------------------------

PERIODS = [
    ("上半年", date(2031, 1, 1), date(2031, 6, 30)),
    ("下半年", date(2031, 7, 1), date(2031, 12, 31)),
    ("一季度", date(2031, 1, 1), date(2031, 3, 31)),
    ("第一季度", date(2031, 1, 1), date(2031, 3, 31)),
    ("三季度", date(2031, 7, 1), date(2031, 9, 30)),
    ("前三季度", date(2031, 1, 1), date(2031, 9, 30)),
    ("1—5月", date(2031, 1, 1), date(2031, 5, 31)),
    ("1-5月", date(2031, 1, 1), date(2031, 5, 31)),
    ("1~11月", date(2031, 1, 1), date(2031, 11, 30)),
    ("1至10月份", date(2031, 1, 1), date(2031, 10, 31)),
    ("1月至8月", date(2031, 1, 1), date(2031, 8, 31)),
    ("全年", date(2031, 1, 1), date(2031, 12, 31)),
    ("12月份", date(2031, 12, 1), date(2031, 12, 31)),
    ("12月", date(2031, 12, 1), date(2031, 12, 31)),
]


@pytest.mark.parametrize(("words", "start", "end"), PERIODS, ids=[p[0] for p in PERIODS])
def test_every_way_of_naming_the_months_gives_the_period(words, start, end):
    document = pipeline.read(f"2031年{words},济宁市PM2.5平均浓度为41微克/立方米。")
    figures = [f for f in document.figures if not f.derived]
    assert [(f.indicator, f.period_start, f.period_end) for f in figures] == [(PM25, start, end)]


def test_a_change_on_the_same_period_last_year_keeps_the_periods_months():
    document = pipeline.read("2031年1—5月,济宁市PM2.5平均浓度为41微克/立方米,比去年同期下降4.7%。")
    change = next(f for f in document.figures if f.kind == "change")
    assert (change.value, change.period_start, change.period_end) == (
        Decimal("-4.7"),
        date(2031, 1, 1),
        date(2031, 5, 31),
    )


def test_a_standard_named_after_a_concentration_is_no_measure_of_the_number():
    document = pipeline.read("2031年,德阳市PM2.5年均浓度低于35微克/立方米的国家二级标准。")
    assert [f.indicator for f in document.figures if f.value == 35] in ([], [None])


def test_the_minutes_of_a_time_are_no_figure():
    document = pipeline.read("2031年5月10日10:30,眉山市PM2.5浓度为35μg/m3。")
    assert [(str(f.value), f.indicator) for f in document.figures] == [("35", PM25)]


def test_a_bound_all_places_share_is_no_target():
    document = pipeline.read("2031年,内江市各县(市、区)优良天数比例均不低于80%。")
    assert [f for f in document.figures if f.kind == "target"] == []


def test_days_allowed_or_ranked_in_chinese_numerals_are_no_figures():
    document = pipeline.read("2031年,泸州市重污染天数为3天,应急响应在两天内启动,第三天解除。")
    assert [str(f.value) for f in document.figures if f.unit == "天"] == ["3"]


# The level compared with, in brackets after its time ----------------------------------------


def _read(text):
    return [
        (str(f.value), f.indicator, f.kind, f.period_start, f.period_end)
        for f in pipeline.read(text).figures
        if not f.derived
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2031年1-9月,遂宁市NO2平均浓度为28微克/立方米,较2030年1-9月(31微克/立方米)下降9.7%。",
            [
                ("31", NO2, "level", date(2030, 1, 1), date(2030, 9, 30)),
                ("-9.7", NO2, "change", date(2031, 1, 1), date(2031, 9, 30)),
            ],
        ),
        (
            "2031年,乐山市优良天数比例为90.1%,比2030年(87.0%)提高3.1个百分点。",
            [
                ("87.0", GOOD_RATIO, "level", date(2030, 1, 1), date(2030, 12, 31)),
                ("3.1", GOOD_RATIO, "change", date(2031, 1, 1), date(2031, 12, 31)),
            ],
        ),
        (
            "2031年上半年,南充市重污染天数为4天,与2030年上半年(9天)相比减少5天。",
            [
                ("9", HEAVY_DAYS, "level", date(2030, 1, 1), date(2030, 6, 30)),
                ("-5", HEAVY_DAYS, "change", date(2031, 1, 1), date(2031, 6, 30)),
            ],
        ),
    ],
    ids=["months-pollutant", "year-share", "half-year-days-compared"],
)
def test_a_level_in_brackets_after_the_time_compared_with_is_that_times(text, expected):
    found = _read(text)
    assert not [e for e in expected if e not in found], found


def test_a_time_before_a_measure_of_its_own_still_names_that_measure():
    found = _read("2031年,资阳市PM2.5浓度为33微克/立方米;2030年优良天数为300天。")
    assert ("300", GOOD_DAYS, "level", date(2030, 1, 1), date(2030, 12, 31)) in found


# The year of a target dates the target only ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "start", "end"),
    [
        (
            "2031年1-6月,宜宾市PM10浓度为70微克/立方米,未达到2031年目标68微克/立方米;"
            "PM2.5浓度为41微克/立方米。",
            "41",
            date(2031, 1, 1),
            date(2031, 6, 30),
        ),
        (
            "2031年前三季度,泸州市优良天数比例为88.5%,完成2031年度考核目标,"
            "PM2.5浓度为30微克/立方米。",
            "30",
            date(2031, 1, 1),
            date(2031, 9, 30),
        ),
        (
            "2031年一季度,达州市SO2浓度为12微克/立方米,优于2031年省定目标(15微克/立方米),"
            "NO2浓度为26微克/立方米。",
            "26",
            date(2031, 1, 1),
            date(2031, 3, 31),
        ),
    ],
    ids=["missed-target", "target-of-the-year-met", "target-in-brackets"],
)
def test_a_targets_year_does_not_date_the_levels_after_it(text, value, start, end):
    found = [(s, e) for v, _i, kind, s, e in _read(text) if v == value and kind == "level"]
    assert found == [(start, end)]


def test_a_year_naming_no_target_still_dates_what_follows():
    found = _read("2031年1-6月,广安市PM10浓度为60微克/立方米;2030年PM2.5浓度为45微克/立方米。")
    assert ("45", PM25, "level", date(2030, 1, 1), date(2030, 12, 31)) in found


# Sites named in prose ------------------------------------------------------------------------


def test_two_sites_sharing_a_value_are_two_figures():
    text = (
        "2031年1-6月,雁江区国控站点北湖公园点位NO2浓度为35微克/立方米,O3浓度为120微克/立方米。\n"
        "2031年1-6月,雁江区市控站点南山子站NO2浓度为35微克/立方米,O3浓度为118微克/立方米。"
    )
    assert [v for v, i, *_ in _read(text) if i == NO2] == ["35", "35"]


def test_a_value_said_again_without_a_site_is_one_figure():
    text = (
        "2031年,德阳市NO2浓度为35微克/立方米。\n"
        "二、大气环境\n"
        "2031年,德阳市NO2浓度为35微克/立方米,同比持平。"
    )
    assert [v for v, i, kind, *_ in _read(text) if i == NO2 and kind == "level"] == ["35"]


# A flat share is flat in percentage points, whatever it is compared with ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2031年5月,内江、眉山优良天数比例与上月持平。",
            [("0", "个百分点", GOOD_RATIO, "内江市"), ("0", "个百分点", GOOD_RATIO, "眉山市")],
        ),
        (
            "2031年上半年,雅安市地表水优良水质断面比例较上年同期持平。",
            [("0", "个百分点", WATER_GOOD, "雅安市")],
        ),
        (
            "2031年3月,巴中市重污染天数与上月相比持平。",
            [("0", "天", HEAVY_DAYS, "巴中市")],
        ),
        # a concentration flat is a change of 0 per cent
        ("2031年5月,广元市PM2.5浓度与上月持平。", [("0", "%", PM25, "广元市")]),
    ],
    ids=["share-last-month", "share-same-period", "days-compared", "concentration"],
)
def test_a_flat_measure_keeps_the_unit_of_its_changes(text, expected):
    found = [
        (str(f.value), f.unit, f.indicator, f.region and f.region.name)
        for f in pipeline.read(text).figures
        if f.kind == "change"
    ]
    assert sorted(found) == sorted(expected)


# Heavy-pollution days said to be none -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2031年,攀枝花市未出现重污染天气。",
        "2031年8月,攀枝花市轻度污染5天,中度污染1天,无重度及以上污染天数。",
        "2031年,攀枝花市全年無一出現重污染天,優良天數比例為95.1%。",
        "2031年上半年,攀枝花市未发生重度污染天气。",
    ],
    ids=["not-seen", "closing-a-list", "traditional", "not-happened"],
)
def test_heavy_pollution_days_said_to_be_none_are_a_level_of_0(text):
    found = [
        (str(f.value), f.unit, f.kind)
        for f in pipeline.read(text).figures
        if f.indicator == HEAVY_DAYS
    ]
    assert found == [("0", "天", "level")]


@pytest.mark.parametrize(
    "text",
    [
        "2031年,攀枝花市未启动重污染天气预警,未出现酸雨。",
        "2031年,攀枝花市重污染天数为0天,未出现重污染天气。",
    ],
    ids=["a-warning-not-issued", "said-with-its-number"],
)
def test_none_said_of_no_days_or_beside_its_number_adds_no_figure(text):
    found = [str(f.value) for f in pipeline.read(text).figures if f.indicator == HEAVY_DAYS]
    assert found in ([], ["0"])
    assert len(found) == ("0天" in text)


# The year of the bulletin a text presents ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "《二〇三一年遂宁市生态环境状况公报》发布\n遂宁市优良天数比例为90.1%,PM2.5平均浓度为30微克/立方米。",
        "6月5日,2032年遂宁市六五环境日新闻发布会上,市生态环境局介绍了《2031遂宁市生态环境状况公报》。"
        "全市优良天数比例为90.1%,PM2.5平均浓度为30微克/立方米。",
        "6月4日,遂宁市召开2032年新闻发布会,发布《2031年度遂宁市环境质量公报》。"
        "全市优良天数比例为90.1%,PM2.5平均浓度为30微克/立方米。",
    ],
    ids=["year-in-chinese-digits", "year-without-nian", "year-of-the-bulletin"],
)
def test_a_text_presenting_a_bulletin_is_of_the_bulletins_year(text):
    document = pipeline.read(text)
    assert (document.period_start, document.period_end) == (date(2031, 1, 1), date(2031, 12, 31))
    assert {(f.period_start, f.period_end) for f in document.figures} == {
        (date(2031, 1, 1), date(2031, 12, 31))
    }


def test_a_work_report_named_by_its_year_does_not_date_the_text():
    document = pipeline.read(
        "2032年遂宁市召开会议,学习《2032年政府工作报告》。全市优良天数比例为90.1%。"
    )
    assert document.period_end == date(2032, 12, 31)


# A list of classes: each value is its class's share, not the measure of several classes ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2031年,全市地表水30个断面中,Ⅰ类、Ⅱ类和Ⅲ类水质断面分别占10.0%、50.0%和30.0%。",
            [("10.0", None), ("50.0", None), ("30.0", None)],
        ),
        (
            "2031年,近岸海域20个点位中,一类、二类、三类和劣四类海水分别占40.0%、30.0%、20.0%和10.0%。",
            [("40.0", None), ("30.0", None), ("20.0", None), ("10.0", None)],
        ),
        (
            "2031年,全省地下水80个监测点中,水质为良好级、较好级和较差级的点位分别占20.0%、35.0%和45.0%。",
            [("20.0", None), ("35.0", None), ("45.0", None)],
        ),
        # classes spanning the good ones, and the worst class, keep their indicators
        (
            "2031年,全市地表水Ⅰ~Ⅲ类、Ⅳ~Ⅴ类和劣Ⅴ类水质断面分别占85.0%、12.0%和3.0%。",
            [("85.0", WATER_GOOD), ("12.0", None), ("3.0", WATER_INFERIOR)],
        ),
    ],
    ids=["surface-water", "coastal", "groundwater-grades", "ranges-of-classes"],
)
def test_each_class_of_a_list_is_its_own_share(text, expected):
    found = [(str(f.value), f.indicator) for f in pipeline.read(text).figures if not f.derived]
    assert found == expected


# A measure compared with an average: the good-day share above the country's is its own -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2031年,全省优良天数比例为93.0%,高于全国平均水平6.0个百分点。",
            ("6.0", "air-good-days-ratio-above-national"),
        ),
        (
            "2031年,全省空气质量优良天数比例93.0%,比全国平均水平高6.0个百分点。",
            ("6.0", "air-good-days-ratio-above-national"),
        ),
        (
            "2031年,全省地表水优良水质断面比例为95.0%,高于全国平均水平7.1个百分点。",
            ("7.1", WATER_GOOD),
        ),
        (
            "2031年,全省主要河流Ⅰ~Ⅲ类水质比例95.0%,比全国平均水平高7.1个百分点。",
            ("7.1", WATER_GOOD),
        ),
        ("2031年,江油市PM2.5平均浓度为30微克/立方米,较全省均值低3微克/立方米。", ("-3", PM25)),
        ("2031年,江油市PM2.5平均浓度为30微克/立方米,低于全省平均水平3微克/立方米。", ("-3", PM25)),
    ],
    ids=[
        "air-above",
        "air-said-first",
        "water-above",
        "water-said-first",
        "lower-said-first",
        "lower",
    ],
)
def test_a_difference_from_an_average_is_a_change_of_its_measure(text, expected):
    found = [(str(f.value), f.indicator) for f in pipeline.read(text).figures if f.kind == "change"]
    assert found == [expected]


# Grades in quotation marks, heavy pollution as its two grades -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2031年,德阳市“重度污染”和“严重污染”天数占比为1.2%。",
            ("1.2", "heavy-pollution-days-ratio"),
        ),
        ("2031年,德阳市重度、严重污染天数比例为1.2%。", ("1.2", "heavy-pollution-days-ratio")),
        ("2031年,德阳市「重度及以上污染」天数为4天。", ("4", HEAVY_DAYS)),
        # one grade of the two is no heavy pollution of its own
        ("2031年,德阳市“严重污染”天数为1天。", ("1", None)),
    ],
    ids=["two-grades-quoted", "two-grades-listed", "corner-quotes", "one-grade"],
)
def test_grades_read_through_quotation_marks(text, expected):
    found = [(str(f.value), f.indicator) for f in pipeline.read(text).figures if not f.derived]
    assert found == [expected]


# A comparison closed by a semicolon dates no figure after it -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2031年1-9月,全市优良天数比例和PM2.5浓度均同比改善;重污染天数比例为0.5%。",
            ("0.5", "level"),
        ),
        (
            "2031年,广元市二氧化硫和二氧化氮浓度同比下降;臭氧浓度为150微克/立方米。",
            ("150", "level"),
        ),
        ("2031年,同比减少最多的是江油市,为12天。", ("-12", "change")),
    ],
    ids=["share-after", "concentration-after", "comparison-then-place"],
)
def test_a_comparison_before_a_semicolon_is_no_change_after_it(text, expected):
    found = [(str(f.value), f.kind) for f in pipeline.read(text).figures if not f.derived]
    assert found == [expected]


# Sections of good water, however the share is worded ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2031年,遂宁市30个地表水断面中,优良水质断面24个,占80.0%。",
        "2031年,遂宁市省级考核断面优良水质占比80.0%。",
        "2031年,遂宁市国控断面中优良水质断面比例为80.0%。",
    ],
    ids=["count-then-share", "share-of-sections", "share-named"],
)
def test_good_water_sections_however_worded(text):
    found = [(str(f.value), f.indicator) for f in pipeline.read(text).figures if not f.derived]
    assert found == [("80.0", WATER_GOOD)]


# Past a target or a task: a change of the measure done, and no level of last year ---------------


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("2031年,全省完成造林120万亩,超出年度任务20.0%。", ("120", "20.0")),
        ("2031年,全市PM2.5平均浓度为31微克/立方米,好于年度目标4微克/立方米。", ("31", "-4")),
    ],
    ids=["past-a-task", "better-than-target"],
)
def test_a_figure_past_its_target_is_a_change_of_the_measure_done(text, measure):
    figures = pipeline.read(text).figures
    level, change = measure
    indicators = {str(f.value): f.indicator for f in figures if not f.derived}
    assert set(indicators) == {level, change}
    assert indicators[change] == indicators[level]
    assert not [f for f in figures if f.derived]


# A plan's list after 将 or 计划: every item is to come -----------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2032年,全省将完成造林绿化150万亩,新建污水管网300公里,治理黑臭水体20个。", "target"),
        ("2032年,全市计划新建充电桩500个,改造污水管网80公里。", "target"),
        ("2031年,全省完成造林绿化150万亩,新建污水管网300公里,治理黑臭水体20个。", "level"),
    ],
    ids=["will-complete", "plans-to-build", "done"],
)
def test_every_item_of_a_plan_is_a_target(text, kind):
    assert {f.kind for f in pipeline.read(text).figures if not f.derived} == {kind}


# Dust fall whatever the copy left of its unit ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("2031年,城区降尘量为4.9t/km2月。", "t/km2·月"),
        ("2031年,城区空气降尘量为2.1吨/平方千米?月。", "吨/平方千米·月"),
        ("2031年,城区降尘量为3.2吨/平方公里/月。", "吨/平方公里/月"),
        ("2031年,城区降尘量为3.2吨/平方公里·月。", "吨/平方公里·月"),
    ],
    ids=["dot-lost", "dot-as-question-mark", "second-slash", "as-it-should-be"],
)
def test_dust_fall_is_read_whatever_the_copy_left_of_its_unit(text, unit):
    found = [(f.unit, f.indicator) for f in pipeline.read(text).figures]
    assert found == [(unit, "dust-fall")]


def test_the_whole_year_of_a_sentence_is_the_paragraphs_year():
    document = pipeline.read(
        "评价采用国家空气标准及其2018年的修订。"
        "2031年,全市优良天数为300天。城区雨水pH均值6.31,全年无酸雨。"
        "城区降尘2.1吨/平方千米·月。"
    )
    assert {(f.period_start, f.period_end) for f in document.figures} == {
        (date(2031, 1, 1), date(2031, 12, 31))
    }


# The parts of a monitoring network, in brackets after its count, are context ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2031年,全市共设地表水监测点位64个(其中河流48个、湖库16个)。", []),
        (
            "2031年,全市共设地表水监测断面30个(国控10个、省控20个),优良水质断面比例为90.0%。",
            ["90.0"],
        ),
        # work done, broken down in brackets, is still counted
        ("2031年,全市共检查企业300家(其中重点企业120家),立案查处45起。", ["300", "120", "45"]),
    ],
    ids=["points-by-water", "sections-by-network", "firms-inspected"],
)
def test_the_parts_of_a_monitoring_network_are_no_figures(text, expected):
    assert [str(f.value) for f in pipeline.read(text).figures if not f.derived] == expected


# Good water of drinking-water sources and of lakes: never a share of good-air days ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2031年5月,全市各集中式饮用水水源地水质达到或优于Ⅲ类比例为100%。",
            "drinking-water-good-ratio",
        ),
        ("2031年,全县饮用水水源地水质优良比例为95.0%。", "drinking-water-good-ratio"),
        ("2031年,全县饮用水水源地水质达标率为100%。", DRINKING),
        ("2031年,全市国控断面达到或优于Ⅲ类水质比例为90.0%。", WATER_GOOD),
        ("2031年,全市空气质量优良率为90.0%。", GOOD_RATIO),
    ],
    ids=["sources-class-iii", "sources-good", "sources-compliance", "sections", "air"],
)
def test_a_share_of_good_water_is_named_by_what_it_is_of(text, expected):
    assert [f.indicator for f in pipeline.read(text).figures if not f.derived] == [expected]


def test_a_share_of_good_water_in_lakes_is_no_share_of_good_air_days():
    found = [f.indicator for f in pipeline.read("2031年,全省其他湖库的水质优良率为40.0%。").figures]
    assert len(found) == 1 and found[0] != GOOD_RATIO


# Days gained, and a change of days after their share -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2031年1-3月,全省累计新增优良天数102天。", [("102", GOOD_DAYS, "change")]),
        ("2031年,全市优良天数净减少4天。", [("-4", GOOD_DAYS, "change")]),
        # new pipes laid are a level, days gained a change
        (
            "2031年,全市新增污水管网12公里,新增优良天数10天。",
            [("12", "sewer-network-added", "level"), ("10", GOOD_DAYS, "change")],
        ),
        (
            "2031年,全市优良天数为320天,占全年的87.7%,较2030年增加5天。",
            [
                ("320", GOOD_DAYS, "level"),
                ("87.7", GOOD_RATIO, "level"),
                ("5", GOOD_DAYS, "change"),
            ],
        ),
    ],
    ids=["gained", "net-loss", "pipes-and-days", "change-after-the-share"],
)
def test_days_gained_are_a_change_of_the_days(text, expected):
    assert _figures(text) == set(expected)


# A count in brackets after a share is what the share is of --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2031年,全省111个国控断面优良水体比例为76.6%(85个)。", ["76.6"]),
        ("2031年,全市重点排污单位中达标排放的占95.0%(57家)。", ["95.0"]),
        # a count said before the share, with its own words, is still read
        ("2031年,全市查处环境违法案件45起,占全省的12.0%。", ["45", "12.0"]),
    ],
    ids=["sections", "firms", "count-then-share"],
)
def test_a_count_in_brackets_after_a_share_is_no_figure(text, expected):
    assert [str(f.value) for f in pipeline.read(text).figures if not f.derived] == expected


# Cases of detention and of crime as the law names them -----------------------------------------


def test_detention_and_crime_cases_as_the_law_names_them():
    text = "2031年上半年,全市共办理适用行政拘留环境违法案件12起、涉嫌环境污染刑事犯罪案件5起。"
    found = {str(f.value): f.indicator for f in pipeline.read(text).figures}
    assert found == {"12": "detention-referrals", "5": "pollution-crime-cases"}


# A unit's middle dot in a look-alike ------------------------------------------------------------


@pytest.mark.parametrize("dot", ["·", "∙", "⋅", "・"])
def test_dust_fall_with_any_middle_dot_is_one_figure(dot):
    text = f"2031年,全区降尘量为2.4吨/平方公里{dot}30天,低于参考标准。"
    found = [(str(f.value), f.indicator) for f in pipeline.read(text).figures]
    assert found == [("2.4", "dust-fall")]


# Good-water and good-air shares in the words of city reports -----------------------------------


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "2031年,省控断面8个,达到或优于地表水Ⅲ类水质标准比例91.7%。",
            "water-good-sections-ratio",
        ),
        ("2031年,市区空气质量指数(AQI)达标率91.7%。", "air-good-days-ratio"),
    ],
    ids=["class-iii-standard", "aqi-in-brackets"],
)
def test_good_shares_as_city_reports_word_them(text, indicator):
    assert [(str(f.value), f.indicator) for f in pipeline.read(text).figures] == [
        ("91.7", indicator)
    ]

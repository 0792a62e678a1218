"""Blocks → raw figures: each number with its unit, where it stands and in which sentence.

A raw figure is what is written, nothing more: the value (Arabic, full-width or Chinese
numerals, English number words), the unit as written and its code from the units table
(``indicators.units``), whether the text makes it approximate (约, 余, 超过, more than…).
What it measures, when and where is ``binding``'s work.

Not figures: years, dates and ordinals (no unit follows them), numbers inside names and codes
(PM2.5, GB 3095-2012, "2+26"), ranges, and counts that only introduce what is counted
("339个地级及以上城市", "11个断面中", "有效天数(366天)"), which are context or denominators.
A number without a unit is taken only where an index is stated ("综合指数为4.12", "pH年均值
为5.6"), as the value of a predicate ("比例为0") or in brackets after a listed name ("甲县(43)、
乙县(46)", what they measure said once around the list). In "分别为47、66和29微克/立方米" every
number of the list takes the unit written after the last one.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from indicators import units as units_table

from . import numbers

# Units bulletins write that the portal's table does not list (kept as written).
_EXTRA_UNITS = {
    "个百分点": "pp",
    "百分点": "pp",
    "分贝": "dBA",
    "分贝(A)": "dBA",
    # dB(A) whose d the copy lost ("夜间等效声级42.0B(A)"): no other unit is spelt B(A).
    "B(A)": "dBA",
    "天次": "day",
    "个pH单位": "index",
    "份": "count",
    "宗": "count",
    "例": "count",
    "次": "count",
    "家次": "company-visit",
    "人次": "person-time",
    "万份": "count",
    "辆": "count",  # vehicles: "淘汰黄标车1200辆", "车流量每小时增加了14辆"
    # Traffic flow, in road-traffic noise reports: "车流量(辆/小时)", "平均车流量2150辆/h".
    "辆/小时": "count",
    "辆/h": "count",
    "成": "tenth",  # "超过7成": seven tenths
    "percentage points": "pp",
    "percentage point": "pp",
    "pct points": "pp",
    "pct point": "pp",
    "percent": "percent",
    "per cent": "percent",
    "days": "day",
    "day": "day",
    # English that spells out only part of the symbol: "11 μg per cubic meter", "75 mcg …".
    "μg per cubic meter": "ug/m3",
    "µg per cubic meter": "ug/m3",
    "μg per cubic metre": "ug/m3",
    "µg per cubic metre": "ug/m3",
    "mcg per cubic meter": "ug/m3",
    "mcg per cubic metre": "ug/m3",
    # …with "cubic" before an abbreviated metre or a slash ("29 mcg/cubic m", "mcg/m3").
    "mcg/cubic meter": "ug/m3",
    "mcg/cubic metre": "ug/m3",
    "mcg/cubic m": "ug/m3",
    "mcg/m3": "ug/m3",
    "mcg/m³": "ug/m3",
    "micrograms per cubic m": "ug/m3",
    "micrograms/cubic m": "ug/m3",
    "mg per cubic meter": "mg/m3",
    "mg per cubic metre": "mg/m3",
    # …or with a slash for "per" ("43 micrograms/cubic meter")
    "micrograms/cubic meter": "ug/m3",
    "micrograms/cubic metre": "ug/m3",
    "milligrams/cubic meter": "mg/m3",
    "milligrams/cubic metre": "mg/m3",
    # …or only the mass, the volume said once for a whole report ("fell to 33 micrograms.
    # That of PM10 dropped to 58 micrograms.")
    "micrograms": "ug/m3",
    "microgram": "ug/m3",
    # Dust fall with a bullet for its middle dot, or with 吨 or 平方 lost in copying:
    # "2.2/平方千米•月", "6.91吨/公里·月".
    "吨/平方千米•月": "t/km2/month",
    "吨/平方公里•月": "t/km2/month",
    "/平方千米•月": "t/km2/month",
    "/平方公里•月": "t/km2/month",
    "/平方千米·月": "t/km2/month",
    "/平方公里·月": "t/km2/month",
    "吨/公里·月": "t/km2/month",
    "吨/公里•月": "t/km2/month",
    # "per" written out beside its slash: "36微克/每立方米".
    "微克/每立方米": "ug/m3",
    "毫克/每立方米": "mg/m3",
    # A superscript lost in copying: "μg/m 3".
    "μg/m 3": "ug/m3",
    "ug/m 3": "ug/m3",
    "mg/m 3": "mg/m3",
}


def _spelt_volume_units():
    """A mass per cubic metre as English tables spell it, each way with each: "milligram/cu.m",
    "micrograms per cubic metre", "ug/cu.m", "mg per cu. m"."""
    # Also the word a copy split in two: "micro grams", "micro-grams", "milli grams".
    masses = {
        "ug/m3": ("microgram", "micrograms", "micro grams", "micro-grams", "ug", "μg", "µg", "mcg"),
        "mg/m3": ("milligram", "milligrams", "milli grams", "milli-grams", "mg"),
    }
    volumes = ("cu.m", "cu. m", "cu m", "cubic metre", "cubic meter", "cubic m", "m3", "m³")
    return {
        f"{mass}{per}{volume}": code
        for code, names in masses.items()
        for mass in names
        for per in ("/", " / ", " per ")
        for volume in volumes
    }


def _dust_fall_units():
    """Dust fall per area and month however a copy left it: its middle dot as a bullet, a "?"
    or lost ("4.9t/km2月", "2.1吨/平方千米?月"), the month after a second slash, 吨 lost."""
    areas = ("平方千米", "平方公里", "km2", "km²")
    spelt = {
        f"{mass}/{area}{between}月": "t/km2/month"
        for mass in ("吨", "t", "")
        for area in areas
        for between in ("·", "•", "?", "？", "/", "")
        if mass or between != ""  # "3/km2月" alone is too little to read as a unit
    }
    # The area and month bracketed ("t/(km²·月)", "吨/(平方公里·月)"), or thirty days for the
    # month ("t/km²·30d", "t/(km2·30d)").
    spelt.update(
        {
            f"{mass}/{left}{area}{between}{month}{right}": "t/km2/month"
            for mass in ("吨", "t")
            for area in areas
            for between in ("·", "•", ".")
            for month in ("月", "30d", "30天")
            for left, right in (("(", ")"), ("", ""))
        }
    )
    return spelt


def _half_spelt_volume_units():
    """A mass per cubic metre written half in characters, half in symbols, as a converter or
    an editor leaves it in a table's header ("微克/m3", "毫克/m³", "μg/立方米", "微克/米3"), a
    stack's in normal cubic metres ("mg/Nm3"), with spaces around the slash ("μg /m³"; a
    full-width one is folded before)."""
    masses = {
        "ug/m3": ("微克", "μg", "µg", "ug"),
        "mg/m3": ("毫克", "mg"),
        "ng/m3": ("纳克", "ng"),
        "pg/m3": ("皮克", "pg"),
    }
    spelt = {}
    for code, names in masses.items():
        for mass in names:
            latin = mass not in ("微克", "毫克", "纳克", "皮克")
            # "微克/立方米" itself is the units table's; "μg/米3" is no one's.
            volumes = ("m3", "m³", "Nm3", "Nm³") + (("立方米",) if latin else ("米3", "米³"))
            for volume in volumes:
                for slash in ("/", " /", "/ ", " / ") if latin else ("/",):
                    spelt[f"{mass}{slash}{volume}"] = code
    return spelt


_EXTRA_UNITS = {
    **_dust_fall_units(),
    **_spelt_volume_units(),
    **_half_spelt_volume_units(),
    **_EXTRA_UNITS,
}
# Measure words of counts: followed by a noun they introduce what is counted ("3个城市").
# A measure word that starts another word is no unit: "5处罚决定" (处罚), "3项目" (项目).
_WORD_AFTER_UNIT = {
    "处": "罚理置分长级室",
    "项": "目",
    "条": "例件款",
    "名": "单称录额",
    "次": "数",
    "天": "然",
    "起": "草诉点步",
    "台": "风账阶",
    "个": "人体性",
    "人": "员民大口",
    "座": "谈",
    "批": "准复示",
    "件": "事",
    "分": "享析布钟",  # "420 分享": a page's share button, no score; "60分钟": minutes
}
_COUNT_CODES = {
    "count",
    "case",
    "item",
    "incident",
    "company",
    "company-visit",
    "device",
    "equipment-set",
    "site",
    "facility",
    "line",
    "article",
    "person",
    "person-name",
    "person-time",
    "room",
    "time",
    "batch",
    "household",
}


def _unit_spellings():
    spellings = {}
    for spelling in units_table.SPELLINGS:
        unit = units_table.parse_unit(spelling)
        if unit is not None:
            spellings[spelling] = unit.code
    spellings.update(_EXTRA_UNITS)
    return spellings


_SPELLINGS = _unit_spellings()
_ASCII_UNIT = re.compile(r"[A-Za-z]")
_UNIT = re.compile(
    "|".join(
        re.escape(s) + (r"(?![A-Za-z])" if _ASCII_UNIT.search(s[-1:]) else "")
        for s in sorted(_SPELLINGS, key=len, reverse=True)
        if s.strip()
    ),
    re.IGNORECASE,
)
# Words naming a sum of money right before its number ("罚款金额超10亿", "投资达3.2亿").
_AMOUNT_BEFORE = re.compile(
    r"(?:金额|罚款|罚没款?|投资|资金)(?:总计|合计|共)?(?:超过?|达到?|为|近|约)?$"
)
# A kind of day after a count in 个 ("3个重污染天", "5个优良天"), not 天数 or 天气.
_KIND_OF_DAY_AFTER = re.compile(r"(?:重度?|严重|轻度|中度)?(?:污染|优良|超标|达标)天(?![数气])")
# "the first three days", "over the past 2 days", "the next four days": a span of days counted
# from an edge of a time says when, not how many days were of a kind.
_SPAN_FROM_AN_EDGE_EN = re.compile(
    r"\bthe (?:first|past|last|next|previous|following|coming)\s+$", re.I
)
# Days whose clause says their data were lost (停电, 故障, 数据缺失): no measure of the air.
_DATA_LOST_AFTER = re.compile(
    r"[^。;；]{0,30}?(?:数据缺失|缺测|数据无效|无有效数据)"
    r"|[^,，;；。(（]{0,6}?未纳入统计"  # "3天未纳入统计": those days, not a count said before
)
# A unit the copy damaged is kept as it should have been written.
_REPAIRED = {"B(A)": "dB(A)"}
# dust fall whose middle dot a copy lost is written with it ("4.9t/km2月" → t/km2·月)
_REPAIRED.update(
    {
        spelling: re.sub(r"[?？]?月$", "·月", spelling)
        for spelling in _dust_fall_units()
        if re.search(r"(?:千米|公里|km2|km²)[?？]?月$", spelling)
    }
)
_UNIT_CODE = {s.casefold(): code for s, code in _SPELLINGS.items()}


def is_unit(text):
    """A cell that is only a unit, bracketed or not ("μg/m³", "(mg/L)", "dB(A)", "%")."""
    text = text.strip()
    bracketed = re.fullmatch(r"[(（]\s*([^()（）]+?)\s*[)）]", text)
    text = bracketed.group(1) if bracketed else text
    text = re.sub(r"\s*/\s*", "/", text)  # "个/ L", as a cell's copy spaces it
    return bool(text) and text.casefold() in _UNIT_CODE


_FAMILY = {unit.code: unit.family for unit in units_table.TABLE}
_FAMILY.update({"pp": "percentage_point", "index": "dimensionless", "tenth": "percent"})

# What English bulletins count, the noun being the unit as written.
_COUNTED_NOUNS_EN = (
    r"(?:complaints|reports|petitions|cases|vehicles|outlets|boilers|enterprises|companies|firms|"
    r"factories|facilities|plants|projects|inspections|inspectors|tributaries|villages|households)"
)
_NUMBER = re.compile(
    rf"{numbers.ARABIC}"
    rf"|(?<![第{numbers.CHINESE_DIGITS}])[{numbers.CHINESE_DIGITS}]{{2,8}}(?=[个项件起家条处座台名人次批])"
    rf"|(?<![第一二三四五六七八九十])[两二三四五六七八九十](?=[项个件起家条处座台名人次])"
    # days in Chinese numerals right after what they count or how they changed: "重污染天数为
    # 两天", "重度污染十一天", "同比减少一天"
    rf"|(?:(?<=天数为)|(?<=天数达)|(?<=天数)|(?<=污染)|(?<=减少)|(?<=增加))"
    rf"(?<![第{numbers.CHINESE_DIGITS}])[{numbers.CHINESE_DIGITS}]{{1,6}}(?=天(?![内前后以]))"
    rf"|\b(?:{numbers.ENGLISH_WORDS})\b"
    r"(?=\s+(?:days|percent|times|out of|(?:more|fewer|less)\s+than"
    # "shut down three iron and steel factories": things counted in words
    rf"|(?:[a-z][a-z-]*\s+){{0,3}}?{_COUNTED_NOUNS_EN}\b))"
    # "only one day was marked as heavily polluted": one day counted, not "one day in May"
    r"|\bone\b(?=\s+day\s+(?:was|were|had|saw|of|with)\b)"
    # "decreased by eight to seven": a count moved by or to a number in words
    rf"|(?:(?<=\bby )|(?<=\bto )|(?<=\bfrom ))(?:{numbers.ENGLISH_WORDS})\b"
    r"(?=\s+(?:to|in|from|during|last|this|for)\b|\s*[,.;])",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?|(?<=\n)")
# An English full stop; or a line run into the next by the copy ("year-on-yearIn June, …"),
# seen where a sentence's usual first word follows a lower-case word without a space.
_ENGLISH_SENTENCE = re.compile(
    r"(?<=[a-z0-9%)])\.\s+(?=[A-Z])"
    r"|(?<=[a-z]{3})(?=(?:In|On|From|During|The|By|As|At|According|Last|This|Meanwhile|Among)\b)"
)

# Inside a page's style rule the copy kept (".TRS_Editor P{line-height:1;font-size:12pt}").
_STYLE_BEFORE = re.compile(r"\{[^{}。，,]*[A-Za-z-]+\s*:\s*[^{}。，,;]*$")
# Before the number: an identifier it belongs to (PM2.5, GB3095-2012, 第3), a range start.
_IDENTIFIER_BEFORE = re.compile(
    r"(?:PM|GB|HJ|GB/T|COP|No\.|第)\s?$|[A-Z]$|[\d.%万亿千]\s*[-—–~～至到]\s*$|[≥≤><]\s*$"
)
_PERCENTILE_BEFORE = re.compile(r"百分位数?\s*[(（]\s*$")
# A bound is no figure ("AQI≤100" says what a grade means), except where a target is set with
# it: "年度目标(PM2.5≤29微克/立方米、PM10≤47微克/立方米)" is the year's target for each measure.
_TARGET_BOUND_BEFORE = re.compile(r"目标[^。;；:：]{0,40}[≤≥<>]\s*$")
# Counts of the monitoring network ("断面20个", "城市3个") are context, not achievements.
# English: a date ("January 18, 2022", "Jan. 18") and a limit that qualifies a noun
# ("boilers below 35 tons", "sound above 50 decibels") are no figures.
_DATE_EN_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},\s*)?$"
)
_LIMIT_EN_BEFORE = re.compile(
    r"\b(?:above|below|under|exceeding|up to|no more than|no less than|does not exceed|"
    r"do not exceed|not to be exceeded (?:on )?more than)\s+$",
    re.I,
)
# A limit stated with the averaging time it applies to, as standards word it: "40 µg/m3 as an
# annual mean", "200 µg/m3 as a 1 hour mean, not to be exceeded more than 18 times a year".
_AVERAGED_AS_AFTER = re.compile(r"\s*as an? (?:[\w-]+ ){0,3}(?:mean|average)\b", re.I)
# …unless the value is said to have been recorded: "PM10 was 27 µg/m3 as an annual mean".
_RECORDED_EN_BEFORE = re.compile(
    r"\b(?:was|were|averaged|reached|recorded|measured|stood at)\s+(?:about |around )?$", re.I
)
# How complete the data must be, not the air: "valid data for at least 90% of the year".
_DATA_CAPTURE_EN_BEFORE = re.compile(r"\b(?:valid data|data capture)\b[^.;]{0,24}$", re.I)
# A standard's or guideline's value: "the national standard for PM2.5, which is 35 …", "set
# the recommended average at 5 micrograms", "the annual average is set at 35 …".
_STANDARD_EN = r"\b(?:standards?|guidelines?|recommend(?:ed|s|ations?)?|limits?|thresholds?)\b"
_STANDARD_EN_BEFORE = re.compile(
    _STANDARD_EN + r"[^;]{0,80}?(?:\bwhich is|\bset\b[^;]{0,80}?\bat)\s+$"
    r"|\bsets?\b[^;]{0,80}?" + _STANDARD_EN + r"[^;]{0,80}?\bat\s+$",
    re.I,
)
_STANDARD_EN_WORDS = re.compile(_STANDARD_EN, re.I)
# "seven times higher than the WHO guideline": how two limits compare.
_TIMES_COMPARED_AFTER = re.compile(
    r"\s*times\s+(?:higher|lower|more|less|greater|stricter)\b", re.I
)
# "more than 100 points indicates light pollution": what a value would mean.
_MEANS_AFTER = re.compile(
    r"^\s*(?:indicates?|means|signals|(?:is|are) (?:considered|regarded|classified|rated))\b",
    re.I,
)
# "… up to 70 decibels and 60 decibels respectively", "with good — 75 mcg": a limit's list.
_LIMIT_LIST_BETWEEN = re.compile(
    r"^\s*,?\s*(?:and|or|while|with\s+[a-z]+\s*[—–-]*)?\s*[,—–-]?\s*$", re.I
)
# "AQI from 0 to 50 points": the end of a range, unless something moved ("rose from 30 to 35").
_RANGE_EN_BEFORE = re.compile(r"\bfrom\s+\d[\d.,]*\s*(?:%|percent|points?)?\s+to\s+$", re.I)
# "a decrease of 2 to 3 percent", "between 5 and 8 percent": the end of a band, not a change
# from one value to another ("rose from 30 to 35" is read above).
_BAND_EN_BEFORE = re.compile(
    r"\bof\s+(?:about\s+)?\d[\d.,]*\s+to\s+$"
    r"|\bbetween\s+(?:about\s+)?\d[\d.,]*\s*(?:%|percent|per cent)?\s+and\s+$",
    re.I,
)
_MOVED_EN = re.compile(
    r"\b(?:rose|fell|dropped|declined|increased|decreased|climbed|grew|went|cut|reduced|"
    r"improved|up|down)\b",
    re.I,
)
_NETWORK_BEFORE = re.compile(
    r"(?:断面|城市|点位|站点|监测点|测点|站|类|水源地|路段|布点|样本|样品)\s*$"
    r"|(?:布点|网格|样本|样品)数?(?:为|共计?|有|达)\s*$"  # "网格布点为148个"
)
# Counts of sections, monitoring points or measurements, said as the sample of a share or as
# the parts of the network ("监测点位共计113个,其中…").
_COUNTED_TAIL = r"[^,，;；。\d]{0,4}(?:为|有|共有|共计|计)?\s*$"
_POINTS_COUNTED = re.compile(r"(?:点位|站点|监测点|测点)" + _COUNTED_TAIL)
_MEASURED = re.compile(r"(?:各|共|共计)监测\s*$")  # "昼间、夜间各监测156次": measurements made
_PARTS_OF_NETWORK = re.compile(
    # the total with or without 共 after the noun: "共有…监测点位43个,其中1类区8个" too
    r"(?:点位|断面|站点|测点|监测点)[^,，;；。\d]{0,4}(?:共计|共有|共|合计|计)?\s*\d+\s*个.*其中"
    # …or the count before the noun: "设置7个功能区声环境常规监测点位,其中0类区1个"
    r"|(?:设置|布设|设有|共设)了?\s*\d+\s*个[^,，;；。\d]{0,16}(?:点位|断面|站点|测点|监测点)[^;；。]*其中"
    r"[^;；。]*$"
)
_NETWORK_COUNT = re.compile(
    "|".join(
        (
            r"(?:断面|点位|站点|监测点|测点)" + _COUNTED_TAIL,
            _MEASURED.pattern,
            _PARTS_OF_NETWORK.pattern,
        )
    )
)
# The total and the part a rate stated after them is made of: "取水总量…万吨,达标水量…万吨,
# 水质达标率100%".
_OF_A_RATE = re.compile(
    r"(?:总量|达标[^,，;；。\d]{0,4}量|合格[^,，;；。\d]{0,4}量)[^,，;；。\d]{0,6}$"
)
_RATE_FOLLOWS = re.compile(r"^(?:[,，][^,，;；。]*?){1,2}?(?:达标率|合格率)")
# The terms of a rate said before it: the length or area assessed ("总评价河长47907.5km"), the
# sites that met the target with the rate next ("1002个达标,达标率为80.9%"), and the whole a
# survey assessed ("共评价1239个水功能区").
_ASSESSED_TOTAL_BEFORE = re.compile(r"评价(?:河长|长度|面积)\s*(?:为|达|共)?\s*$")
_RATE_NEXT_CLAUSE = re.compile(r"^[^,，;；。\d]{0,16}[,，]\s*(?:达标率|合格率|达标比例)")
# …where the count's own clause says they met it: "检查企业156个,达标率为95.5%" counts the
# whole checked, a figure of its own.
_MET_TARGET = re.compile(r"达标|达到|合格|满足|符合")
_ASSESSED_BEFORE = re.compile(r"(?:共|共计|合计)(?:评价|评估)了?\s*$")
_PART_SHARE_AFTER = re.compile(r"^\s*[,，]?\s*(?:占|比例为)[^,，;；。\d]{0,10}\d")
_AREA_BEFORE = re.compile(r"面积[^,，;；。\d]{0,4}(?:为|达|约|共|计)?\s*$")
_AMONG_AFTER = re.compile(r"^的?[^,，;；。\d]{0,10}?(?:之中|当中|中)\s*[,，]")
_PERCENT_CODES = frozenset({"percent", "pp", "tenth"})
# A count said to be points of the network ("…等6个为2类区监测点位"), or measurements made.
_NETWORK_AFTER = re.compile(r"^\s*(?:为|是|作为)[^,，;；。]{0,12}?监测(?:点位|断面|点|站|子站)")
_MONITORED_BEFORE = re.compile(r"(?:监测|采样|检测|监督性监测)\s*$")
# A sentence about the pollutants or the parameters measured: a count in 项 in it counts them
# ("六项污染物浓度有5项同比下降", "监测项目为可吸入颗粒物、…,共6项").
_ITEMS_NAMED_BEFORE = re.compile(r"污染物|(?:监测|所测|检测|分析|评价)(?:项目|指标|因子)")
# The parameters a survey measures ("监测项目为…全部39项", "评价指标共21项").
# Indicators or targets counted ("9项约束性指标,有8项已提前完成", "其余8项指标均已完成"): how
# many measures are on track, no measure of the environment.
_INDICATORS_BEFORE = re.compile(r"指标[^。；;\d]{0,6}$")
_POLICY_NAMED = re.compile(r"[水气土新国]$")
_INDICATORS_AFTER = re.compile(r"^[^,，;；。\d]{0,8}(?:指标|基本项目|监测项目)")
_ITEMS_MEASURED = re.compile(r"(?:监测|检测|分析|评价|测试|采样)(?:项目|指标|因子)")
# Inside brackets right after a count of monitoring sites: its parts ("监测点位64个(其中河流48个、
# 湖库16个)", "断面30个(国控10个、省控20个)").
_NETWORK_BREAKDOWN = re.compile(
    r"(?:点位|断面|站点|测点|监测点|监测站|子站)[^,，;；。\d()（）]{0,4}\d+\s*个\s*[(（][^()（）]*$"
)
_SHARE_BEFORE = re.compile(r"\d\s*%\s*[(（]\s*$")
_SIBLING_COUNT = re.compile(
    r"\d\s*(个|件|起|家|条|项)(?=\s*[,，]?\s*(?:占|比例为)[^,，;；。\d]{0,6}\d)"
)
_SHARE_AFTER = re.compile(r"^\s*[,，]?\s*(?:占|比例为)[^,，;；。\d]{0,6}\d")
_RANGE_AFTER = re.compile(r"^\s*[-—–~～至到]\s*\d")
# The end of a range whose start carries its unit: "在55.1分贝~60.0分贝之间".
_RANGE_END_BEFORE = re.compile(r"\d\s*([^\d\s,，;；。、]{1,12}?)\s*[~～〜—–至]\s*$")
# A band or a bound, no value: "达标率范围为83.3~100%", "介于…", "小于55分贝", "不足50%".
_BAND_BEFORE = re.compile(r"(?:范围|区间)(?:为|是|在)?\s*$")
_BOUND_BEFORE = re.compile(r"(?:不足|不到|低于|小于|大于|高于|优于|劣于|少于|多于)\s*$")
# …unless it states a target: "达到不低于59.6%的年度目标", "高于89.1%的目标", "2031年度目标
# 为PM2.5浓度不高于30微克/立方米".
_TARGET_SAID = re.compile(r"目标|要求|力争|确保|控制在|到\s*20\d\d\s*年")
# …or a requirement of one measure: "优良天数比例不低于86%", "重污染天数不超过3天" (not a bound
# many places share: "各县优良天数比例均不低于80%").
_REQUIRED_BOUND = re.compile(r"^[^各]*(?<![均都])不(?:低于|高于|少于|超过)\s*$")
_TARGET_AFTER = re.compile(
    r"^\s*(?:以[上下内])?\s*的?\s*(?:年度|全年|考核|省定|市定|国家|省|市)*(?:目标|要求|任务)"
)
# A bound said of a group of places counted in its clause ("甲、乙2个城市优良天数比例不足50%",
# "有5个县PM2.5浓度低于35微克/立方米", "12个断面…在90%以上"): how many places lie beyond a
# value, which is a band's edge, not any place's figure.
_GROUP_BOUND_BEFORE = re.compile(
    r"\d+\s*个?\s*(?:地级及以上|设区|县级|地级)?(?:城市|市州|市|县市|县|区县|区|断面|点位|站点|监测点|测点)"
    r"(?:(?!下降|上升|增加|减少|提高|降低|改善)(?:PM2\.5|PM10|[^,，;；。:：\d])){0,30}?"
    r"(?:不足|低于|小于|高于|大于|少于|多于|超过|不到|在)\s*$"
)
_PLUS_CODE = re.compile(r"^\s*\+\s*\d")  # "2+26"
_THRESHOLD_AFTER = re.compile(r"^(?:及)?(?:以上|以下)(?=[\u4e00-\u9fff])")
# Counts that introduce what they count: "339个地级及以上城市", "11个断面中", "4类区".
_COUNTED_NOUN = re.compile(r"^[\u4e00-\u9fff“\"]")
_PREDICATE_AFTER_COUNT = re.compile(
    r"^(?:已|均|全部|都|共|同比|较(?![大好差高低多少小强弱重轻为])|比|达到|达|为|是|占|以上|以下|左右|次|左|，|,|。|、|；|;|\)|）|\s|$)"
)
# A count followed by what it counts is an achievement, not context, where its clause says
# what was done to them: "完成了12个行政村生活污水治理", "新成立3支执法队伍", "9个断面全部
# 达到考核要求", "对45家企业开展检查". Without such a verb ("全市147个乡镇,", "11个断面中")
# it only introduces what is counted.
_DONE_BEFORE = re.compile(
    r"(?:完成|开展|实施|建成|新建|新增|新成立|成立|组建|筛选出|评选出|淘汰|治理|整治|消除|签订|"
    r"推广|安装|印发|发布|获评|入选|荣获|争取|改造|创建|打造|培育|查处|办理|立案|关停|取缔|"
    r"整改|交办|转办|受理|接到|收到|接收|摸排|排查|认定|命名|建设|投运|推动|推进|累计|共有|已有|"
    r"查封|扣押|责令|移送|拘留)"
    # …but not inside the name of a body ("省住房和城乡建设厅", "城市管理综合执法局")
    r"(?![厅局委办处科])"
)
_DONE_AFTER = re.compile(
    r"完成|稳定运行|实现|荣获|入选|上榜|获评|消除|清零|办结|签订|整改|达到|达标|申报|"
    r"为[ⅠⅡⅢIV一二三]+类|投入(?:使用|运行)|建成|通过|获得|检查|帮扶|治理|"
    r"查封|扣押|停产|限产|限制生产|移送|拘留|计罚|处罚|关停|取缔"
)
# Counted nouns of the monitoring network: "5个监测断面", "32个监测点位", "4个监测站".
_MONITORING_NOUN = re.compile(
    r"(?:[^,，;；。]{0,8}?的)?(?:国控|省控|市控|自动)?监测(?:断面|点位|点|站|子站)"
)
_BUILT_BEFORE = re.compile(r"新建|建成|新增|完成|改造|升级|关闭|取缔|撤销|调整|设置|布设")
# Sites, places or waters counted (个, 座) in a clause the next one gives the share of, said
# before what they met ("108个全年均达标,占90%", "有17个,占89.5%"); a count said after its
# noun ("噪声问题94个,占…") is a figure of its own.
_SITE_MEASURES = frozenset({"个", "座"})
_SHARE_NEXT_CLAUSE = re.compile(
    r"[^,，;；。:：\d]{0,24}[,，]\s*(?:所占比例|占比|比例|占)[^,，;；。\d]{0,12}\d[\d.]*\s*%"
)
# The whole a sentence divides, counted before the classes it gives each a count and a share
# ("监测营养状态的24个湖(库)中,中度富营养3个,占12.5%"): each count is its share's numerator.
_COUNTED_WHOLE_BEFORE = re.compile(r"\d\s*个[^,，;；。\d]{0,20}?(?:之中|当中|中)\s*[,，]")
# Sites and places whose count beside a share is the share's numerator.
_SITES_COUNTED = re.compile(
    r"[^,，;；。]{0,8}?(?:断面|点位|站点|监测点|测点|监测站|水源地|路段|功能区|城市|县|区|市)"
)
_ONE_FIRMS = re.compile(r"(?:公司|厂|集团|企业)的\s*$")
_PLACES_COUNTED = re.compile(r"(?:地级及以上|设区|县级|地级)?(?:城市|市|县|区|旗|地市)")
_NOT_DONE_AFTER = re.compile(
    r"^[^,，;；。\d]{0,16}?(?:中|之中|里|内|当中)(?:[,，]|\s*\d|有|共|[^\u4e00-\u9fff]|$)"
    # "京津冀及周边7个省(区、市)唯一达到…的地区": the one place among them
    r"|^[^,，;；。\d]{0,16}?(?:中|里)?(?:唯一|之一)"
)
# A denominator in parentheses: "有效天数(366天)", "监测点次(13)".
_CONTEXT_NOUN = re.compile(
    r"(?:有效|监测|统计|评价|参评|参与评价|总|自然|采样)(?:监测)?(?:天数|点次|次数|城市)\s*"
    r"(?:为|是|共计?|合计|:|：)?\s*[(（]?\s*$"
    r"|(?:共|共计)监测\s*$"  # "空气质量共监测181天,其中优良178天"
    r"|(?:有效|实际|应)监测\s*(?:为|是|共计?|合计|:|：)?\s*$"
    r"|(?:水样|样品|样本)\s*(?:为|共计?|合计)?\s*$"  # "采集有效降水水样74个": the samples
    r"|(?:共印|印数|印刷)\s*$"  # "(共印8份)": the print run of the document  # "有效监测361天,其中优197天"
    # how complete the monitoring data are, not the environment: "数据采集率为100%"
    r"|数据(?:采集|获取|捕获|传输|有效)率\s*(?:为|是|达到?|:|：)?\s*$"
    # a standard's value in brackets: "低于国家标准(9吨/平方公里·月)", "超过标准(70dB(A))"
    r"|(?:标准|限值)\s*[(（]\s*$"
)
# An index is stated: "综合指数为4.12", "pH年均值为5.6", "EI值达99.5".
_INDEX_BEFORE = re.compile(
    r"(?:指数|指数值|pH|pH值|pH年均值|pH均值|EI|EI值|AQI|均值|平均值|值)\s*"
    r"(?:年均值|平均值|平均|均值)?\s*(?:为|是|达到|达|:|：|=)?\s*$",
    re.IGNORECASE,
)
_LIST_MARKER_AFTER = re.compile(r"^[.、．]\s*[^\d\s]")
_CHANGE_BEFORE = re.compile(r"(?:提高|上升|下降|降低|增加|减少)了?\s*$")
_VALUE_OF_PREDICATE = re.compile(r"(?:为|是|达到|达|降至|升至|:|：)\s*$")
_CLAUSE_END = re.compile(r"^\s*(?:[,，;；。.)）]|$|\n|和|及|、)")
# An English count of days whose unit the clause has already said: "the number of days with
# good air quality was 351, up by 12".
_DAYS_IMPLIED_BEFORE = re.compile(
    r"\bdays?\b[^.;%\d]{0,80}?\b(?:was|were|reached|totall?ed|stood at|numbered)\s*$"
    r"|\bdays?\b[^;%]{0,80}?\b(?:up|down|increased|decreased|rose|fell|more|fewer)\s+(?:by\s+)?$",
    re.IGNORECASE,
)
# "the number of cities with heavy pollution fell by 9 from a year earlier and by 31 from …",
# "the number of monitoring stations … rose to 17": what a bare number counts, said at the
# head of its clause.
_NUMBER_OF_BEFORE = re.compile(
    r"\bthe number of (?:[a-z-]+\s+){0,2}?([a-z]+s)\b[^.;%\d]{0,80}?\b(?:was|were|reached|"
    r"totall?ed|stood at|numbered|increased|decreased|rose|fell|dropped|declined)"
    r"(?:\s+(?:by|to))?\s+(?:[\d,]+[^.;%\d]{0,40}?\band\s+(?:(?:by|to)\s+)?)?$",
    re.I,
)
# …the number standing alone: its clause ends, or a time or a comparison follows.
_BARE_COUNT_AFTER_EN = re.compile(
    r"\s*(?:[,;.)]|$|\n|(?:in|during|on|from|compared|over|than|last|this|year|and)\b)", re.I
)
# "266 good-air days", "9 heavily polluted days": the unit after the kind of day it counts.
# "12 good air days", "8 such days" (the days the sentence before named)
_KIND_OF_DAYS_AFTER = re.compile(
    r"\s*(?:(?:good|excellent|clean|blue-sky|good-air|heavy|heavily|serious|seriously|severe|"
    r"severely|polluted|such|"
    r"pollution|smoggy|hazy|air|quality|[“\"”]|-|or|and)\s*){1,4}days\b",
    re.I,
)
# English counts of things bulletins count, the noun being the unit as written: "1,200
# complaints", "360,000 drainage outlets", "400,000 yellow-labeled vehicles" (→ vehicles).
_COUNTED_EN = re.compile(
    r"\s*((?:[“\"][^”\"]{1,30}[”\"]\s+)?(?:[a-z][a-z-]*\s+){0,3}?"
    rf"{_COUNTED_NOUNS_EN})\b"
)
# "Seventy-eight out of the 338 cities attained the standard": the count is of the noun after
# its denominator.
_OUT_OF_EN = re.compile(
    r"\s+out of\s+(?:the\s+|all\s+)?[\d,]+\s+((?:[a-z-]+\s+){0,2}?"
    r"(?:cities|sections|stations|sites|counties|districts|provinces|rivers|lakes|enterprises|"
    r"companies|firms|projects))\b"
)
# … and what they attained: "… attained the standard", not "… were in Hebei".
_ATTAINED_AFTER = re.compile(
    r"[^,.;]{0,40}?\b(?:attained|met|meet|reached|achieved|recorded|enjoyed|exceeded|"
    r"improved|saw|had)\b"
)


# Records that Chinese counts with a measure word (件, 起): the words before them say which
# records, not what is counted ("73 environmental violation cases", "12 noise complaints").
_RECORDS_EN = frozenset({"cases", "complaints", "reports", "petitions"})


def _without_modifiers_en(words):
    """The noun without what describes it: words joined by "and" ("iron and steel factories")
    and an adverb with its participle ("heavily polluting facilities") say what kind, not
    what is counted; nor do the words before a record ("violation cases")."""
    if words[-1] in _RECORDS_EN:
        return words[-1:]
    if "and" in words[:-1]:
        return words[len(words) - 1 - words[::-1].index("and") + 2 :] or words[-1:]
    if len(words) > 2 and words[0].endswith("ly"):
        return words[2:]
    return words


_NOT_A_NOUN_EN = re.compile(
    r"^(?:[“\"][^”\"]*[”\"]|[a-z-]+(?:ed|ing)|public|new|more|total|environmental|other)$"
)
# A part of a whole said before: "Most of the 350,000 reports concerned construction sites".
_PORTION_OF_EN_BEFORE = re.compile(
    r"\b(?:most|many|some|half|all|each|none|part|majority|share|proportion)\s+of\s+(?:the|these|those)\s+$",
    re.I,
)
_DENOMINATOR_EN_BEFORE = re.compile(
    r"\b(?:out of|of the|among|in|across|from)\s+(?:the\s+)?$", re.I
)
# "in 2023, 12 more": a year, not the first of a list of numbers.
_YEAR_EN = re.compile(r"(?:19|20)\d{2}")
_YEAR_EN_BEFORE = re.compile(r"\b(?:[Ii]n|of|since|for|during|from|to|than)\s+$")
_COMPARED_AFTER = re.compile(r"^\s*(?:compared (?:to|with)|from|over|than|year-on-year)\b", re.I)
# "266 good-air days in 2023, 12 more than a year earlier": days said before, in the sentence.
_MORE_DAYS_AFTER = re.compile(r"^\s*(?:more|fewer) than\b", re.I)
_PLACE_BEFORE = re.compile(
    r"[,，、;；]\s*[\u4e00-\u9fff]{1,8}(?:市|县|区|州|盟|旗)\s*(?:为|是)?\s*$"
)
_THAT_OF_BEFORE = re.compile(
    r"\b(?:that|those) of\b[^,;.]{1,40}?\b(?:was|were|stood at|at)\s*$", re.I
)
# The time a level is compared with, its own level in brackets: "较上年(", "比2021年同期(".
_BASELINE_BRACKET_BEFORE = re.compile(
    r"(?:较|比|与|同)(?:上年|去年|上月|(?:19|20)\d{2}\s*年)(?:同期)?\s*[(（]\s*$"
)
_RANK_WORD_AFTER = re.compile(r"\s*(?:名次|位次|名|位)")
_CHANGE_AFTER_BRACKET = re.compile(
    r"\s*(?:相比|同比)?\s*(?:降低|下降|升高|上升|增加|减少|提高|减小|增大)了?\s*\d+(?:\.\d+)?"
)
# Days moved from, by or to a number, the days the subject of the verb: "heavily polluted days
# in the province decreased from 80 in 2013 to 29", "days with heavy pollution decreased by
# eight to seven", "pollution days plunged by 62 percent from 37.4 to 14.1".
_DAYS_MOVED_EN = re.compile(
    r"\bdays\b(?:\s+(?:in|of|with|across|at)\s+[^,;.\d]{1,30}?)?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:decreased|fell|dropped|declined|rose|increased|grew|plunged|climbed|went (?:up|down))"
    r"\s+(?:(?:from|by)\s+[\w.]+(?:\s+percent)?(?:\s+in\s+(?:19|20)\d{2})?\s+){0,2}"
    r"(?:from|to|by)\s+$",
    re.I,
)
# A change in percent or points, then the level it took a share to: "… by 5.1 percent to ".
_SHARE_REACHED_BEFORE = re.compile(
    r"\d\s*(?:percent|per cent|percentage points?|%)\s+to\s*$", re.I
)
_SHARE_NAMED_EN = re.compile(r"\b(?:ratio|rate|share|proportion|percentage)\b", re.I)
_CLAUSE_BREAK_EN = re.compile(r"[,;:，；：]")


def _clause_from(text, start, position):
    """Where the clause holding ``position`` starts (after the last comma or semicolon)."""
    marks = [m.end() for m in _CLAUSE_BREAK_EN.finditer(text, start, position)]
    return marks[-1] if marks else start
# "超标0.1倍", "超过国家《环境空气质量标准》(GB3095-2012)二级标准0.40倍"
OVER_A_STANDARD = r"(?:超标|(?:超过|超出)[^,，;；。]{0,40}?(?:标准|限值))"
_EXCEEDS_BEFORE = re.compile(OVER_A_STANDARD + r"\s*$")
_THAT_FIGURE_BEFORE = re.compile(
    r"\b(?:that|the same) (?:figure|share|proportion|rate)\s+(?:was|stood at|rose to|"
    r"climbed to|increased to|fell to|dropped to|declined to|decreased to)\s*$",
    re.I,
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s*$|介于\s*$", re.I)
# "51、29微克", "33 and 59 micrograms …, respectively": the unit is written after the last
_LIST_NEXT = re.compile(
    rf"^\s*(?:、|和|及|与|或|,|，|,?\s*\band\b)\s*(?:约|近)?\s*{numbers.ARABIC}", re.I
)


@dataclass(frozen=True)
class RawFigure:
    value: Decimal
    value_text: str
    unit: str  # as written ("" for an index)
    unit_code: str
    family: str
    start: int  # of the number, in the block's text
    end: int  # of the unit
    sentence_start: int
    sentence_end: int
    approximate: bool = False
    counted: str = ""  # what a count counts when written after it ("12个行政村生活污水治理")


def sentences(text):
    """(start, end) of each sentence of a block: Chinese full stops, lines, English stops."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        if end <= start:
            continue
        piece = text[start:end]
        cut = start
        for stop in _ENGLISH_SENTENCE.finditer(piece):
            spans.append((cut, start + stop.start() + (stop.group(0)[:1] == ".")))
            cut = start + stop.end()
        spans.append((cut, end))
    return [piece for a, b in spans if text[a:b].strip() for piece in _bounded(text, a, b)]


# Binding looks back over a sentence from each of its numbers, so a sentence's cost grows with
# its length squared: a line of thousands of numbers and commas took minutes. Real sentences,
# tables run onto one line included, keep well under this; a longer one is cut at its last
# clause mark (or space) before each bound, never inside a number.
SENTENCE_BOUND = 1500
_CLAUSE_MARK = re.compile(r"[；;，,、|｜\s]")


def _bounded(text, start, end):
    while end - start > SENTENCE_BOUND:
        limit = start + SENTENCE_BOUND
        marks = [m.end() for m in _CLAUSE_MARK.finditer(text, start + SENTENCE_BOUND // 2, limit)]
        cut = marks[-1] if marks else limit
        yield start, cut
        start = cut
    yield start, end


# A ranked list of an index's values, each after its member's name, up to this one: "综合指数由
# 好到差依次为:空港5.56、秦汉6.13、沣西".
_INDEX_LIST_BEFORE = re.compile(
    r"指数[^,，;；。\d]{0,12}依次[为是]\s*[:：]?\s*"
    r"(?:[\u4e00-\u9fff]{1,8}\s*\d+(?:\.\d+)?\s*[、,，]\s*)*[\u4e00-\u9fff]{1,8}\s*$"
)
# A list of names, each with its value in brackets and no unit: "甲县乙镇(43)、丙县丁镇(46)".
_BRACKETED_ITEM = r"([\u4e00-\u9fff]{2,14})\s*[(（]\s*(-?\d[\d.]*)\s*[)）]"
BRACKETED_LIST = re.compile(rf"{_BRACKETED_ITEM}(?:\s*[、和及与]\s*{_BRACKETED_ITEM})+")
BRACKETED_ITEM = re.compile(_BRACKETED_ITEM)
# Words of a measure, not of a place or a site: "综合指数(4.12)", "首要污染物为臭氧(35)".
_MEASURE_NAMED = re.compile(r"浓度|指数|比例|比率|天数|污染物|臭氧|颗粒物|二氧化|一氧化|率|量")


def bracketed_list(text, start, end, position):
    """The list of names with bracketed values (see ``BRACKETED_LIST``) whose value stands at
    ``position``, or None: not where an item names a measure rather than a place or a site,
    nor where the values are ranks (1, 2, 3… in order)."""
    window = max(start, position - _HEAD)
    for found in BRACKETED_LIST.finditer(text, window, min(end, position + _HEAD)):
        if not found.start() <= position < found.end():
            continue
        items = list(BRACKETED_ITEM.finditer(text, found.start(), found.end()))
        if not any(item.start(2) == position for item in items):
            return None
        if any(_MEASURE_NAMED.search(item.group(1)) for item in items):
            return None
        values = [numbers.parse(item.group(2)) for item in items]
        if values == [Decimal(rank) for rank in range(1, len(items) + 1)]:
            return None  # "排名依次是:甲县(1)、乙县(2)": ranks
        return found
    return None


def find(text):
    """The raw figures of one block's folded text, in reading order."""
    found = []
    for sentence_start, sentence_end in sentences(text):
        found.extend(_in_sentence(text, sentence_start, sentence_end))
    return found


def _cut_off(rest, found, position):
    """The unit of a figure whose text the copy cut inside its unit ("…O3平均浓度为164微" at
    the very end): the unit of the last figure before it that starts as the cut one does,
    written in full; None where nothing was cut or no figure before starts so."""
    if not rest or _UNIT.match(rest):
        return None
    for figure in reversed(found):
        if figure.unit and figure.unit != rest and figure.unit.startswith(rest):
            return figure.unit, figure.unit_code, position + len(rest)
    return None


def _unit_at(text, position, limit):
    """(written unit, code, end) for a unit starting at ``position`` (after spaces), or None."""
    cursor = position
    while cursor < limit and text[cursor] == " ":
        cursor += 1
    match = _UNIT.match(text, cursor, limit)
    if match is None and text.startswith("-", cursor) and cursor == position:
        # "a 2.37-percent drop": English joins a number to its unit when they qualify a noun
        match = _UNIT.match(text, cursor + 1, limit)
        if match is not None and not match.group(0)[:1].isascii():
            match = None
    if match is None:
        return None
    written = match.group(0)
    code = _UNIT_CODE[written.casefold()]
    return _REPAIRED.get(written, written), code, match.end()


_HEAD = 300
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3}")
# Marks between the parts of a sentence, and between its clauses too.
_PART_SPLIT = re.compile(r"[,，;；。]")
_CLAUSE_SPLIT = re.compile(r"[,，;；。:：]")


def _in_sentence(text, start, end):
    found = []
    pending = []  # numbers of a list waiting for the unit written after the last one
    position = start
    limit_end = -1  # where the last limit ("up to 70 decibels") was said
    while True:
        match = _NUMBER.search(text, position, end)
        if match is None:
            break
        position = match.end()
        # What stands before the number in its sentence, as far as any rule looks back: a
        # sentence thousands of characters long (a line of numbers) is not read again whole
        # before each of its numbers.
        head = text[max(start, match.start() - _HEAD) : match.start()]
        value = numbers.parse(match.group(0))
        # The unit written right after the number, looked for once for the tests below.
        unit_after = _unit_at(text, match.end(), end) if value is not None else None
        if value is not None and _is_limit_en(text, start, end, match, head, limit_end, unit_after):
            pending = []
            limit_end = unit_after[2] if unit_after is not None else match.end()
            continue
        if (
            value is None
            or _STYLE_BEFORE.search(head)
            or (_IDENTIFIER_BEFORE.search(head[-6:]) and not _TARGET_BOUND_BEFORE.search(head))
            or _DATE_EN_BEFORE.search(head[-16:])
            or (_YEAR_EN.fullmatch(match.group(0)) and _YEAR_EN_BEFORE.search(head[-12:]))
        ):
            pending = []
            continue
        tail_start = match.end()
        unstated = False  # no unit written, nor one an index is read in
        approximate = bool(numbers.APPROX_BEFORE.search(head[-12:]))
        if text[tail_start : tail_start + 1] in numbers.APPROX_AFTER:
            approximate = True
            tail_start += 1
        if text.startswith("个分贝", tail_start):
            tail_start += 1  # "上升了0.7个分贝(A)": decibels counted with a measure word
        tail = text[tail_start:end]
        if _RANGE_AFTER.match(tail) or _PLUS_CODE.match(tail):
            pending = []
            continue
        unit = unit_after if tail_start == match.end() else _unit_at(text, tail_start, end)
        if unit is not None and unit[0] != "%" and not _HAN.search(unit[0]):
            unit = (_english_symbol(unit), unit[1], unit[2])
        if unit is None and tail_start < len(text) and text[tail_start] in "万亿":
            # "13.28万份": the multiplier is part of the unit as written; "1.2万余家" is
            # approximate, the unit being 万家.
            more = text[tail_start + 1 : tail_start + 2] in numbers.APPROX_AFTER
            inner = _unit_at(text, tail_start + 1 + more, end)
            if inner is not None:
                unit = (text[tail_start] + inner[0], inner[1], inner[2])
                approximate = approximate or more
            elif _AMOUNT_BEFORE.search(head[-8:]):
                # "罚款金额超10亿": an amount of money, its 元 left unsaid after 万 or 亿
                multiplier = text[tail_start]
                unit = (multiplier, _UNIT_CODE[f"{multiplier}元"], tail_start + 1)
        if unit is None and found and not text[tail_start:].strip(" \n")[4:]:
            unit = _cut_off(text[tail_start:].strip(" \n"), found, tail_start)
        if (
            unit is None
            and found
            and _THAT_OF_BEFORE.search(head[-60:])
            and _CLAUSE_END.match(tail)
        ):
            # "PM2.5 was 35 micrograms per cubic meter, and that of PM10 was 62": the unit of
            # the figure whose measure "that of" stands for
            unit = (found[-1].unit, found[-1].unit_code, tail_start)
        if (
            unit is None
            and _BASELINE_BRACKET_BEFORE.search(head[-16:])
            and text.startswith((")", "）"), tail_start)
        ):
            # "…较上年(68.8)降低了3.4dB(A)": the year compared with, its level in brackets in
            # the unit of the change after it (or of the level said before), not in percent
            change = _CHANGE_AFTER_BRACKET.match(text, tail_start + 1, end)
            after = _unit_at(text, change.end(), end) if change else None
            if after is not None and _RANK_WORD_AFTER.match(text, after[2]):
                pass  # "较上年(2)上升1个名次": a rank, not a level
            elif after is not None and after[1] == "index":
                unit = ("", "index", tail_start)  # "上升0.40个pH单位": a pH has no unit
            elif after is not None and after[1] not in _PERCENT_CODES:
                unit = (after[0], after[1], tail_start)
            elif found and found[-1].unit_code not in _PERCENT_CODES:
                unit = (found[-1].unit, found[-1].unit_code, tail_start)
        if (
            unit is None
            and _SHARE_REACHED_BEFORE.search(head[-40:])
            and _SHARE_NAMED_EN.search(text, _clause_from(text, start, match.start()), match.start())
        ):
            # "the ratio of days reaching national standards drop by 5.1 percent to 76.3": the
            # share a change in percent took it to, written without its sign
            unit = ("%", "percent", tail_start)
        if (
            unit is None
            and _DAYS_MOVED_EN.search(text, max(start, match.start() - 120), match.start())
            and not _YEAR_EN.fullmatch(match.group(0))
            and not text.startswith((" percent", "%"), tail_start)
        ):
            # "heavily polluted days decreased from 80 in 2013 to 29", "by eight to seven":
            # counts of the days the sentence names, written without the word again
            unit = ("days", "day", tail_start)
        if unit is None and text.startswith("倍", tail_start) and _EXCEEDS_BEFORE.search(head[-60:]):
            # "超标0.1倍": by how many times a value exceeds its standard, a figure of its own
            unit = ("倍", "index", tail_start + 1)
        if unit is None and found and _THAT_FIGURE_BEFORE.search(head[-40:]):
            # "Eight percent of the day's stations …, while that figure rose to 25.7 for the
            # night's": the same measure, so the same unit
            unit = (found[-1].unit, found[-1].unit_code, tail_start)
        if unit is None and _SHARE_AFTER.match(tail) and match.group(0).isdigit():
            # "噪声污染问题9422个,占63.2%;大气污染问题4511, 占30.2%": a count whose unit the
            # text drops beside siblings that write it.
            sibling = _SIBLING_COUNT.search(text, start, end)
            if sibling is not None:
                unit = (sibling.group(1), _UNIT_CODE[sibling.group(1)], tail_start)
        if unit is None:
            listed = _LIST_NEXT.match(tail)
            if listed and _BETWEEN_BEFORE.search(head[-12:]):
                listed = None  # "between 33 and 59 micrograms": a range, no list
            if listed:
                pending.append((match, value, approximate))
                continue
            if _CLAUSE_END.match(tail) and _INDEX_LIST_BEFORE.search(head[-80:]):
                # "综合指数由好到差依次为:空港5.56、秦汉6.13": a ranked list of an index, each
                # member's value after its name
                unit = ("", "index", tail_start)
            elif _LIST_MARKER_AFTER.match(tail):
                pending = []
                continue  # "注:1.声环境…": the number of a note, not a value
            counted_en = _COUNTED_EN.match(tail)
            out_of = _OUT_OF_EN.match(tail)
            if counted_en is None and out_of and _ATTAINED_AFTER.match(tail, out_of.end()):
                counted_en = out_of
            if (
                counted_en
                and value == value.to_integral_value()
                and not _DENOMINATOR_EN_BEFORE.search(head[-16:])
            ):
                words = counted_en.group(1).split()
                while len(words) > 1 and _NOT_A_NOUN_EN.match(words[0]):
                    words.pop(0)
                words = _without_modifiers_en(words)
                noun = " ".join(words)
                unit = (noun, "count", tail_start + counted_en.end())
            index_change = bool(found) and found[-1].unit == "" and _CHANGE_BEFORE.search(head[-6:])
            kind_of_days = _KIND_OF_DAYS_AFTER.match(tail)
            number_of = _NUMBER_OF_BEFORE.search(head[-160:])
            if unit is not None:
                pass
            elif (
                number_of
                and number_of.group(1).lower() != "days"
                and value == value.to_integral_value()
                and _BARE_COUNT_AFTER_EN.match(tail)
            ):
                # "the number of cities with heavy pollution fell by 9": of those things
                unit = (number_of.group(1).lower(), "count", tail_start)
            elif kind_of_days and value == value.to_integral_value():
                unit = ("days", "day", tail_start + kind_of_days.end())
            elif (
                (
                    _CLAUSE_END.match(tail)
                    or _COMPARED_AFTER.match(tail)
                    # "the number of good air days … was 27 in August"
                    or _BARE_COUNT_AFTER_EN.match(tail)
                )
                and value == value.to_integral_value()
                and _DAYS_IMPLIED_BEFORE.search(head[-100:])
            ) or (
                _MORE_DAYS_AFTER.match(tail)
                and value == value.to_integral_value()
                and re.search(r"\bdays?\b", head[-100:], re.I)
            ):
                unit = ("days", "day", tail_start)
            elif (
                _CLAUSE_END.match(tail)
                and (
                    _INDEX_BEFORE.search(head[-14:])
                    or _VALUE_OF_PREDICATE.search(head[-4:])
                    or index_change  # "EI值达99.5,较上一年度提高了5.1"
                    or pending
                    # "综合指数为3.62,长沙市4.01,株洲市3.88": a list of places continuing an index.
                    or (
                        found
                        and found[-1].unit_code == "index"
                        and _PLACE_BEFORE.search(head[-12:])
                    )
                )
            ):
                unit = ("", "index", tail_start)
            elif bracketed_list(text, start, end, match.start()):
                # "依次是:甲县乙镇(1.41)、丙县丁镇(1.46)": a list's values in brackets after
                # their names, what they measure (and in what) said once before the list.
                unit, unstated = ("", "index", tail_start), True
            else:
                pending = []
                continue
        written, code, unit_end = unit
        after = text[unit_end:end]
        if code in ("km", "m") and _AREA_BEFORE.search(head[-12:]):
            # "监测面积130.74公里": an area whose 平方 the copy lost
            written, code = "平方" + written, "km2" if code == "km" else "m2"
        if code not in _PERCENT_CODES and _AMONG_AFTER.match(after):
            pending = []
            continue  # "130.74平方公里的城区中,有41.0%…": where the share is, no figure
        if _FAMILY.get(code) in ("length", "area") and (
            _PART_SHARE_AFTER.match(after) or _ASSESSED_TOTAL_BEFORE.search(head[-12:])
        ):
            # "…的路段长度为240.872km,占被测量总路长的92.5%": the share's numerator; "总评价河长
            # 47907.5km": the whole the shares after it are of
            pending = []
            continue
        if (
            _FAMILY.get(code) in ("mass", "volume")
            and _OF_A_RATE.search(re.split(r"[,，;；]", head)[-1])
            and _RATE_FOLLOWS.match(after)
        ):
            pending = []
            continue  # "取水总量3958.46万吨,达标水量3958.46万吨,水质达标率100%": a rate's terms
        if (
            code in _COUNT_CODES
            and re.fullmatch(r"[A-Za-z ]+", written)
            and _PORTION_OF_EN_BEFORE.search(head[-24:])
        ):
            pending = []
            continue  # "Most of the 350,000 reports concerned…": the whole said before
        if after.startswith("左右"):
            approximate = True  # "90%左右"
        if after[:1] and after[0] in _WORD_AFTER_UNIT.get(written, ""):
            pending = []
            continue
        if _PERCENTILE_BEFORE.search(head[-8:]):
            pending = []
            continue  # "百分位(98%)日平均浓度": which statistic, no figure
        if code == "tenth" and re.match(r"[\u4e00-\u9fff]", after):
            pending = []
            continue  # "3成员", "1成立": 成 starts a word
        if code == "day" and re.match(r"之?内(?!容)", after):
            pending = []
            continue  # "在7天内反馈": a time allowed, not days counted
        if code == "day" and _SPAN_FROM_AN_EDGE_EN.search(head[-24:]):
            pending = []
            continue  # "in the first three days of the holiday": when, not days counted
        if code == "day" and _DATA_LOST_AFTER.match(after):
            # "分别有3天、2天因停电或故障导致数据缺失": days the network lost, no air measured
            pending = []
            continue
        kind_of_day = _KIND_OF_DAY_AFTER.match(after) if written == "个" else None
        if kind_of_day:
            # "出现3个重污染天": days counted with a measure word, the kind of day between
            written, code, unit_end = "天", "day", unit_end + kind_of_day.end()
            after = text[unit_end:end]
        counted = ""
        if (
            code in _COUNT_CODES
            and _COUNTED_NOUN.match(after)
            and not _PREDICATE_AFTER_COUNT.match(after)
        ):
            if match.group(0)[0].isdigit():
                counted = _counted(text, start, match.start(), after, written)
            if not counted:
                pending = []
                continue
        if (
            written in _SITE_MEASURES
            and _SHARE_NEXT_CLAUSE.match(after)
            and (
                not re.match(r"\s*[,，]", after)
                or head.rstrip().endswith("有")
                or _COUNTED_WHOLE_BEFORE.search(head)
            )
        ):
            pending = []
            continue  # "108个全年均达标,所占比例为90%": the numerator of the share that follows
        if (
            written == "个"
            and _RATE_NEXT_CLAUSE.match(after)
            and _MET_TARGET.search(_PART_SPLIT.split(head)[-1] + re.split(r"[,，]", after)[0])
        ):
            pending = []
            continue  # "355个达标,达标率为86.2%": the numerator of the rate that follows
        if _RANGE_AFTER.match(after):
            pending = []
            continue  # "在80%~100%之间": a range
        if (
            code == "count"
            and _NETWORK_BEFORE.search(head)
            and not re.search(r"新建|建成|新增|完成|改造|升级|关闭|取缔", head[-20:])
        ):
            pending = []
            continue
        if (code == "count" and _NETWORK_BREAKDOWN.search(head)) or (
            # "…比例为76.6%(85个)", "占42.0%(21家)": the count the share is of, context
            code in _COUNT_CODES and _SHARE_BEFORE.search(head)
        ):
            pending = []
            continue
        if (
            code in ("count", "time")
            and _NETWORK_COUNT.search(head)
            and (
                _SHARE_AFTER.match(after)
                or _MEASURED.search(head)
                or (_PARTS_OF_NETWORK.search(head) and not _CHANGE_BEFORE.search(head[-6:]))
                or _POINTS_COUNTED.search(head)
            )
        ):
            # "Ⅳ类水质的断面为9个,占10.9%", "其中昼间、夜间各监测156次", "监测点位共计113个,其中
            # 1类功能区32个": the sample behind a share, or the parts of the network (a part's
            # change, "其中劣Ⅴ类断面1个,同比减少3个", is a figure).
            pending = []
            continue
        if (
            _range_end(head[-16:])
            or _BAND_BEFORE.search(head[-6:])
            or (
                _BOUND_BEFORE.search(head[-6:])
                and not _TARGET_AFTER.match(after)
                and not _TARGET_SAID.search(head)
                and not _REQUIRED_BOUND.search(_CLAUSE_SPLIT.split(head)[-1])
            )
        ):
            pending = []
            continue
        if code in ("count", "time") and (
            _NETWORK_AFTER.match(after) or (written == "次" and _MONITORED_BEFORE.search(head[-4:]))
        ):
            pending = []
            continue  # "…6个为2类区监测点位", "水质监测12次": the network and how often it measures
        if written == "条" and _POLICY_NAMED.search(head[-2:]) and not match.group(0)[0].isdigit():
            pending = []
            continue  # "“水十条”", "大气十条": a policy's name, no count of articles
        if written == "项" and (
            _ITEMS_MEASURED.search(_PART_SPLIT.split(head)[-1])
            or _INDICATORS_BEFORE.search(head)
            or _INDICATORS_AFTER.match(after)
            or (
                _ITEMS_NAMED_BEFORE.search(head)
                and not _DONE_BEFORE.search(_PART_SPLIT.split(head)[-1])
            )
        ):
            pending = []
            continue  # "监测项目为…全部39项", "9项约束性指标,有8项已提前完成": what is measured
        if (
            _THRESHOLD_AFTER.match(after)
            or _CONTEXT_NOUN.search(head[-12:])
            or _GROUP_BOUND_BEFORE.search(_CLAUSE_SPLIT.split(head)[-1])
        ):
            pending = []
            continue
        family = "" if unstated else _FAMILY.get(code, "count")
        for earlier, earlier_value, earlier_approx in pending:
            found.append(
                RawFigure(
                    earlier_value,
                    earlier.group(0),
                    written,
                    code,
                    family,
                    earlier.start(),
                    earlier.end(),
                    start,
                    end,
                    earlier_approx,
                )
            )
        pending = []
        found.append(
            RawFigure(
                value,
                match.group(0),
                written,
                code,
                family,
                match.start(),
                unit_end,
                start,
                end,
                approximate,
                counted,
            )
        )
        position = unit_end
    return found


def _range_end(head):
    """Whether a number ends a range whose start wrote its unit ("55.1分贝~60.0分贝"), not one
    a verb moved to ("由35%下降至30%")."""
    found = _RANGE_END_BEFORE.search(head)
    return bool(found and _UNIT.fullmatch(found.group(1)))


def _is_limit_en(text, start, end, match, head, limit_end, unit):
    """Whether an English number is a limit, a standard or a bound of a range (or of the data a
    result needs), not a figure; ``unit`` is ``_unit_at`` right after the number."""
    unit_end = unit[2] if unit is not None else match.end()
    if _AVERAGED_AS_AFTER.match(
        text, unit_end, min(end, unit_end + 60)
    ) and not _RECORDED_EN_BEFORE.search(head[-24:]):
        return True  # English in its own words, even on a line the number opens
    if not _LATIN_WORD.search(head[-30:] + text[match.end() : match.end() + 12]):
        return False  # Chinese: the limits are read elsewhere
    after = text[unit_end:end]
    return bool(
        _LIMIT_EN_BEFORE.search(head[-32:])
        or _STANDARD_EN_BEFORE.search(head[-120:])
        or (_RANGE_EN_BEFORE.search(head[-30:]) and not _MOVED_EN.search(head[-60:]))
        or _BAND_EN_BEFORE.search(head[-30:])
        or _MEANS_AFTER.match(after)
        or _DATA_CAPTURE_EN_BEFORE.search(head[-40:])
        or (
            _TIMES_COMPARED_AFTER.match(text, match.end(), end)
            and _STANDARD_EN_WORDS.search(text, start, end)
        )
        or (limit_end >= 0 and _LIMIT_LIST_BETWEEN.match(text[limit_end : match.start()]))
    )


def _counted(text, sentence_start, number_start, after, unit):
    """What a count followed by a noun counts, when its clause says what was done to them
    (``_DONE_BEFORE``, ``_DONE_AFTER``); "" when it only introduces them."""
    if _NOT_DONE_AFTER.match(after):
        return ""
    clause, *beyond = _CLAUSE_SPLIT.split(after, maxsplit=1)
    noun, *rest = re.split(r"(?<![A-Za-z\d.])(?=\d)", clause, maxsplit=1)
    if "分别" in clause:
        return ""  # "9个设区市、14个县级市…达标率分别为…": they introduce the list's subjects
    lead = re.split(r"[,，;；:：]", text[sentence_start:number_start])[-1]
    lead = re.split(r"\d", lead)[-1]
    if _MONITORING_NOUN.match(noun) and not _BUILT_BEFORE.search(lead):
        return ""  # "5个监测断面水质均达到Ⅱ类", "32个监测点位…全部达标": the network monitored
    if rest and len(noun) <= 20 and re.match(r"[\d.]+\s*[余多]?\s*个", rest[0]):
        # "23个县的30个水源地", "30个水源地32个监测点位": a count that says where the counted
        # ones are, not what was done
        return ""
    if (
        beyond
        and _SITES_COUNTED.match(noun)
        and re.match(r"\s*(?:所占比例|占比|比例|占)[^,，;；。\d]{0,8}\d[\d.]*\s*%", beyond[0])
    ):
        return ""  # "有10个点位达到Ⅱ类标准,所占比例为31.3%": the numerator of a stated share
    for number in re.finditer(r"(?<![A-Za-z\d.])\d[\d.,]*\s*[余多]?", clause):
        following = _UNIT.match(clause, number.end())
        if following is None or _UNIT_CODE[following.group(0).casefold()] not in _COUNT_CODES:
            return ""  # "337个城市优良天数比率达到82%": it introduces another figure's subject
    if _ONE_FIRMS.search(lead):
        return ""  # "对某公司的9起违法行为实施按日计罚": one case's details, not a tally
    if _PLACES_COUNTED.match(noun) and not _DONE_BEFORE.search(lead):
        return ""  # "23个城市空气质量均达到二级标准": places are where it is measured
    if _ASSESSED_BEFORE.search(lead):
        return ""  # "共评价1239个水功能区,1002个达标": the whole assessed, not what met it
    if not rest and beyond and re.match(r"\s*\d+\s*" + re.escape(unit), beyond[0]):
        # "19个空气质量监测站,13个水质自动监测站稳定运行": one predicate for both counts.
        clause += _CLAUSE_SPLIT.split(beyond[0], maxsplit=1)[0]
    if re.search(r"监测(?:工作|任务)?\s*$", clause) and not _DONE_AFTER.search(clause):
        return ""  # "完成甲、乙等3家企业第三季度监测": the monitoring done, no achievement
    if _DONE_BEFORE.search(lead) or _DONE_AFTER.search(clause):
        return noun[:40]
    return ""


def _english_symbol(unit):
    """An English unit as its symbol ("micrograms per cubic meter" → μg/m³, "percent" → %)."""
    written, code, _end = unit
    if code == "pp":
        return "percentage points"
    if code == "day":
        return "days"
    if code not in ("ug/m3", "mg/m3", "percent"):
        return written  # readers keep other English units as the text writes them
    found = units_table.get(code)
    return found.symbol_en if found is not None and found.symbol_en else written


def family_of(code):
    return _FAMILY.get(code, "count")


_BRACKETED_UNIT = re.compile(
    r"[(（]\s*(?:单位\s*[:：]\s*([^()（）:：]{1,14}?)\s*[)）]?|([^()（）]{1,14})\s*[)）])\s*$"
)


# A unit spelt out in words in a header's brackets ("(micrograms per cubic metre)").
_SPELT_UNIT = re.compile(r"[(（]\s*()([A-Za-z][A-Za-z. /]{14,30}?)\s*[)）]\s*$")


def _glued_unit(header):
    """A unit written right after a header's name without brackets ("氨氮mg/L", "粪大肠菌群
    个/升", "电场强度V/m"): one with a slash, so that no word ending the name is read as one."""
    for at in range(1, len(header)):
        if header[at - 1] == " " or not re.match(r"[\u4e00-\u9fff)）\w]", header[at - 1]):
            continue
        unit = _unit_at(header, at, len(header))
        if unit is not None and unit[2] == len(header) and "/" in header[at:]:
            return unit[0]
    return ""


def parse_cell(cell, column, row, span, caption=""):
    """A table cell as a raw figure: its unit written in it ("3.6个百分点"), or in its column or
    row header, or in the table's caption ("单位：微克/立方米")."""
    match = re.fullmatch(r"\s*([-+−]?\d[\d,]*(?:\.\d+)?|\.\d+)\s*(\S*?)\s*", cell)
    if match is None:
        return None
    # ".03": a decimal whose 0 the copy lost.
    value = numbers.parse(re.sub(r"^\.", "0.", match.group(1).replace("−", "-")))
    if value is None:
        return None
    written = match.group(2)
    if written:
        unit = _unit_at(written, 0, len(written))
        if unit is None or unit[2] != len(written):
            return None
        written = unit[0]
    elif re.search(r"pH", f"{column} {row}"):
        written = ""  # pH has no unit, whatever the header over it says
    else:
        for header in (column, row, caption):
            # "(μg/m³)", "(单位:nGy/h)", or a bracket the copy left open at the end ("(单位:V/m").
            bracketed = _BRACKETED_UNIT.search(header) or _SPELT_UNIT.search(header)
            inside = bracketed and (bracketed.group(1) or bracketed.group(2))
            if inside:
                unit = _unit_at(inside, 0, len(inside))
                scaled = re.match(r"[万亿]", inside)
                if unit is None and scaled:
                    # "覆盖人口(万人)": a count in ten thousands, as "57.91万人" in a sentence.
                    unit = _unit_at(inside, 1, len(inside))
                    unit = unit and (inside[: unit[2]], unit[1], unit[2])
                if unit is not None:
                    written = unit[0]
                    break
            # Not a unit right after a number: a threshold's ("超过70分贝所占%" is in %).
            unit = re.search(
                r"(?<![\d.])(微克/立方米|毫克/立方米|μg/m³|mg/m³|dB\(A\)|分贝|万吨|%)", header
            )
            if unit:
                written = unit.group(1)
                break
            glued = _glued_unit(header)
            if glued:
                written = glued
                break
        if not written and re.search(r"百分比|百分率", f"{column} {row}"):
            written = "%"  # "优良天数占总天数百分比": a share, in percent, not days
        if not written and re.search(r"天数", f"{column} {row}"):
            written = "天"  # a count of days
    bare_unit = written[1:] if written[:1] in ("万", "亿") else written
    code = _UNIT_CODE.get(written.casefold(), _UNIT_CODE.get(bare_unit.casefold(), "index"))
    code = code if written else "index"
    start, end = span
    return RawFigure(
        value, match.group(1), written, code, _FAMILY.get(code, "count"), start, end, start, end
    )

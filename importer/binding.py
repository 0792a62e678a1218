"""Raw figures → what each is about: subject, kind, period, place; enumerations and derived figures.

Per sentence, left to right:

* **subject** — the figure's own words: the clause before the number (after the previous
  figure), or, in "A、B和C浓度分别为x、y、z", the item of the enumeration at its position. A
  clause that names nothing ("同比下降2.1%", "夜间为72.4%") carries the subject of the figure
  before it.
* **kind** — a change where a verb of change stands before the number (上升, 下降, 增加,
  持平…; "down", "rose by"), signed by its direction; a target where the clause says so
  (目标, 力争, 控制在…以内, 到2025年); else a level.
* **period** — the nearest time expression before the figure in its sentence that is not a
  baseline (去年同期, 比上年), else the paragraph's, else the document's own period.
* **place** — the nearest place named before the figure in its sentence, else the
  paragraph's, else the document's region; 全省, 全市, 我区… are the document's region.
* **derived** — a level followed by its change implies the previous period's level; it is
  offered marked derived, citing the same sentence.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from . import periods as periods_module
from .figures import (
    BRACKETED_ITEM,
    OVER_A_STANDARD,
    RawFigure,
    bracketed_list,
    is_unit,
    sentences,
)
from .figures import find as find_figures
from .matching import TARGET_GAP
from .places import (
    AVERAGE_GIVEN,
    BENCHMARK_BEFORE,
    LIES_IN,
    TEAM,
    TEAM_AFTER,
    is_lake,
    is_sea,
    part_named,
)
from .table_cells import (
    ONE_ROW,
    cell_offsets,
    cells_with_items,
    merged_labels,
    unchanged,
    units_into_labels,
    worded_change,
)

_COMPARED_WITH_YEAR = re.compile(
    r"(?:compared (?:to|with)|比|较)\s*((?:19|20)\d{2})(?:\s*年)?(?!\s*[年\d-])(?![^\d]{0,2}月)"
)
# Also what the days were rated or marked as ("11 days were rated as severely polluted") and
# the index that reached a grade on them ("296 days with the air quality index reaching the
# level of good or excellent").
_DAYS_OF = re.compile(
    r"\s+(?:on average\s+)?(?:of|with|were|was|had)\s+"
    r"(?:(?:marked|rated|classified|recorded|listed)\s+as\s+)?(?:the\s+)?"
    r"((?:good|excellent|high|fine|heavy|heavily|severe|severely|poor|clean|polluted|"
    r"pollution|air)(?:\s+quality\s+index\s+reaching\s+[a-z -]{0,40}?|[a-z -]{0,30}?))"
    r"(?=\s*[,.;]|\s+(?:in|during|last|this|and|from|compared|"
    r"year|up|down|was|were|a|an|the)\b|\s*$)",
    re.I,
)
_ON_AVERAGE = re.compile(r"on average\s+", re.I)
# The grade of the AQI a count of days had, said after it alone ("3天优、28天良,…")
_GRADE_AFTER = re.compile(r"\s*(优|良)(?=\s*[、,，;；。和及]|\s*$)")
# …unless the share's own words say what the days were ("89.6 percent of days in August as
# having good air quality", "78.5% of the days in 2019 saw good air quality")
_SHARE_OF_TIME = r"of (?:the )?(?:time|days|year)\b"
_OF_TIME = re.compile(
    _SHARE_OF_TIME
    + r"(?!.*\b(?:as|with|having|rated|classified|marked|saw|had|enjoyed|were|was)\b).*",
    re.I,
)
_TIME_OF_DAY_AFTER = re.compile(
    r"\s*\(?\s*(during the day|in the daytime|by day|daytime|at night|during the night|"
    r"at night-?time|night-?time)\b",
    re.I,
)
_SUCH = re.compile(r"\bsuch (?:days|cities|cases|complaints|sections)\b", re.I)
_REFERS_BACK = re.compile(
    r"\s*(?:the|this|that) (?:figure|rate|ratio|share|proportion|number|level|reading)\s+"
    r"(?:was|were|is|stood at|had been|reached)\s*(?:about|nearly|around)?\s*",
    re.I,
)
# "350,000 complaints about noise", "3,415 cases of environmental violations", "…involving
# illegal discharges": what counted things were, said after them (not "of which", "of them").
_ABOUT_AFTER = re.compile(
    r"\s+((?:about|concerning|regarding|over|involving|of(?!\s+(?:which|them|these|those|"
    r"all|the|its|their)\b))\s+[A-Za-z -]{3,40}?)(?=\s*[,.;(]|\s+(?:in|during|last|this|"
    r"with|and|from|up|down|compared)\b|$)",
    re.I,
)
_DAYS_AFTER = re.compile(
    r"\s+((?:[A-Za-z-]+\s+){0,3}days\b(?:\s+(?:of|with)\s+[a-z ]{3,30})?)", re.I
)
_ARTICLE_BEFORE = re.compile(r"\ban?\s+$", re.I)
_RATE_AFTER = re.compile(
    r"\s+((?:[A-Za-z-]+\s+){0,5}?(?:rate|ratio|share|proportion|coverage)"
    r"(?:\s+of\s+[^,;:()]{2,60}?)?)(?=\s*(?:[,;:()]|\.(?:\s|$)|$)|\s+(?:in|for|across|during|"
    r"compared|from|last|this|and|while)\b)",
    re.I,
)
# "31 μg/m3 of PM2.5", "a 9.4-percent drop in PM2.5 concentration", "a 6-microgram fall in
# the PM10 density": English names the measure of a concentration, or of a change named as a
# noun, after the number (to the end of its phrase: a time, a comparison, a clause).
_MEASURE_AFTER_EN = re.compile(
    r"\s+(?:(?:decrease|decline|drop|fall|reduction|cut|increase|rise|growth|gain)\s+(?:in|of)"
    r"|of)\s+((?:the\s+)?[A-Za-z][A-Za-z0-9.' -]{1,60}?)"
    r"(?=\s*[,;:(]|\.(?:\s|$)|\s+(?:in|during|on|over|last|this|from|compared|and|up|down|"
    r"year|than|to|as|while|with)\b|$)",
    re.I,
)
_CHANGE_OF_BEFORE_EN = re.compile(
    r"\b(?:increase|decrease|decline|drop|fall|reduction|rise|growth|gain|improvement)\s+of\s+$",
    re.I,
)
_MEASURE_IN_AFTER_EN = re.compile(
    r"\s+in\s+((?:the\s+)?[A-Za-z][A-Za-z0-9.' -]{1,80}?)(?=\s*[,;:(]|\.(?:\s|$)|$|\s+(?:during|"
    r"over|last|this|from|compared|than|while)\b)",
    re.I,
)
_MEASURE_WORD_EN = re.compile(
    r"water|air|sections?|days|quality|concentration|PM|emission|forest|cover|noise|rate|share|"
    r"proportion|ratio|particulate|dioxide|ozone|monoxide|nitrogen|sulfur|sulphur|SO2|NO2|CO\b|O3",
    re.I,
)
# A figure said before, in its unit: the change after it is that figure's.
_FIGURE_BEFORE_EN = re.compile(
    r"\d[\d.,]*\s*(?:%|percent|micrograms?|mg|μg|ug|days|percentage points?|points)", re.I
)
# Who said it, closing an English sentence: no words of the measure ("…, said Li Ming, head of
# the bureau's monitoring department").
_ATTRIBUTION = re.compile(r",\s*(?:said|according to)\b", re.I)
# "… of the sites", also after the counts it is ("90.4% or 811 out of the 897 sources …")
_SHARE_OF = re.compile(
    r"\s+(?:or\s+[\d,]+\s+out\s+)?(of\s+[^,;:()]{3,160}?)(?=\s*(?:[,;:(]|\.(?:\s|$)|$))"
)
# A share of time whose own words go on to say what the time saw ("74.2% of the days in 2016
# saw good or excellent air quality"): named in them, not by the clause after.
_SAID_OF_TIME = re.compile(
    "^" + _SHARE_OF_TIME + r"(?:\s+(?:in|of|during)\s+[\w-]+)?\s+(?!in\b|of\b)\w+", re.I
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_LATIN_WORDS = re.compile(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{2,}")
_CHANGE_AFTER = re.compile(r"\s*(more|fewer|less|higher|lower)\s+than\b", re.I)
_CHANGE_NOUN_AFTER = re.compile(
    r"\s*(?:(?:year|month)[- ](?:on|over)[- ](?:year|month)\s+|annual\s+|yearly\s+)?"
    r"(decrease|decline|drop|fall|reduction|cut|increase|rise|growth|gain)\b"
    # "实现6.8%的降幅", "3.2个百分点的增幅": the change named after the number
    r"|\s*的\s*(?:同比|年度)?(降幅|增幅|涨幅|升幅|跌幅|下降|增长|提升|改善)(?![率量])",
    re.I,
)
# What a figure measures, named after it to the end of its clause: "35微克/立方米的PM2.5年均值",
# "4天重度污染天气" (a day count needs no 的: the kind of day follows it).
_NAMED_AFTER = re.compile(
    r"(?:(?<=天)|\s*的)\s*((?:[A-Za-z]+[\d.]*|[^,，;；:：。!！?？\d()（）]){2,16}?)"
    r"\s*(?=[,，;；。!！?？]|$)"
)
_NAMED_AFTER_FAMILIES = ("concentration", "days", "sound_level", "dimensionless")
# …not a standard or a target it is compared with ("35微克/立方米的二级标准", "…的目标")
_NOT_NAMED_AFTER = re.compile(r"标准|目标|要求|限值|任务|水平|基础|范围|以[上下内]|之间")
_CLAUSE_BREAK = re.compile(r"[,，;；:：]|\s(?:and|while|compared)\s")
_CHANGE_VERB = (
    r"(上升|下降|增加|减少|增长|提高|提升|降低|下滑|下跌|回落|上涨|攀升|增多|减小|升高|改善|恶化|降幅为?|"
    r"增幅为?|减排|削减|(?<=[额量数率度])[增降]|"
    r"(?<!made )(?<!make )(?<!makes )(?<!making )(?<!took )(?<!take )(?<!takes )(?<!taking )\bup\b|"
    # "shut down three factories": a closing, not a fall
    r"(?<!shut )(?<!shuts )(?<!shutting )(?<!closed )\bdown\b|\brose\b|\bfell\b|increased?|decreased?|dropped|declined|higher|lower|grew|"
    r"climbed|improved|reduced|\bdeclines?\b|\bdrops?\b|\brises?\b|\bfalls?\b|reductions?|"
    r"\brising\b|\bfalling\b|\bdropping\b|\bdeclining\b|\bclimbing\b|\bgoing (?:up|down)\b|"
    r"\bcuts?\b|growth|plunged|slid|surged|jumped|shrank|\bgains?\b|"
    r"\bjump(?:s|ing)?\b|\bsurg(?:e|es|ing)\b|\bsoar(?:s|ed|ing)?\b|\bplummet(?:s|ed|ing)?\b|"
    r"\btumbl(?:e|es|ed|ing)\b|\bdipp(?:ed|ing)\b|\bslump(?:s|ed|ing)?\b|\bsank\b|\bsinking\b|"
    r"\bshrinking\b|\bdecreasing\b|\bincreasing\b)"
)
_CHANGE = re.compile(
    _CHANGE_VERB
    + r"\s*(?:了|为|达|达到|幅度为|by|of)?\s*(?:约|近|超过|about|nearly|more than|over|around|"
    r"almost|roughly|some|at least)?\s*[-−]?$",  # "下降-6.5%": the sign is the number's
    re.IGNORECASE,
)
_VERB = re.compile(_CHANGE_VERB, re.IGNORECASE)
_COMPARED = re.compile(
    r"(?:同比|环比|比上年|较上年|year-on-year)\s*" + _CHANGE_VERB + r"|" + _CHANGE_VERB + r"幅度"
    # "升幅前三位的城市依次是:甲市(12.4%)": the rise's size, ranked
    r"|(?<![增降涨跌])[升降增减涨跌]幅(?!度?为)",
    re.I,
)
# How many places a comparison ranks, right after it ("降幅前3位", "改善幅度后3位"): no number
# of its own.
_FIRST_RANKED = re.compile(r"^\s*[前后]\s*\d{1,2}\s*[位名]")


def _written_sign(text, raw):
    """How a minus written before the number stands: "bracket" after an opening bracket or a
    list's mark (a value signed as it is listed), "verb" after a verb or comparison ("下降-6.5%",
    "同比-3.2%"), else None (a place's name before it: a dash, no sign)."""
    at = raw.start - 1
    if at < 1 or text[at] not in "-−":
        return None
    if text[at - 1] in "(（":
        return "bracket"  # a ranked list's value, signed as listed
    if text[at - 1] in "、,，:：":
        # the next value of a list: as its verb governs the list ("分别下降-6.5%、-6.8%"), or
        # as written where none does ("分别变化-3.2%、5.1%、-2.0%")
        clause = re.split(r"[。；;!！?？]", text[max(0, at - 40) : at])[-1]
        return "verb" if _VERB.search(clause) else "bracket"
    compared = _VERB.search(text, max(0, at - 4), at) or _SIGNED_COMPARISON.search(
        text[max(0, at - 8) : at + 1]
    )
    return "verb" if compared else None


def _in_the_direction_of(text, raw, previous):
    """The value of a change said after ``previous`` and continuing it: in its direction, or
    each signed as written where the list writes signs ("分别变化-3.2%、5.1%、-2.0%")."""
    before, this = _written_sign(text, previous.raw), _written_sign(text, raw)
    if "bracket" in (before, this):
        return -raw.value if this else raw.value
    direction = -1 if previous.value < 0 else 1
    if before == "verb":
        direction = -direction  # the verb's own direction, not the value it turned round
    return raw.value * direction * (-1 if this == "verb" else 1)


# A comparison with no verb, its size signed: "同比-3.2%", "变化率为-5.4%", "环比 -1.0个百分点".
_SIGNED_COMPARISON = re.compile(r"(同比|环比|变化率|变化幅度|变幅|变化)\s*(?:为|是)?\s*[-−]$")

# What every comparison above holds: a clause without any of these is not searched for one.
_COMPARED_MARKS = re.compile(r"幅|比|较上年|year-on-year", re.I)
# A comparison said without a size ("同比下降明显", "环比上升显著"): the number after it is no
# change of its where words between name what that number is ("…,优良天数比例为61.3%"), not
# where the size follows ("同比下降幅度较大,为12.5%").
_DEGREE_AFTER = re.compile(r"\s*(?:明显|显著|较大|较快|较多|幅度较大)")


def _said_without_size(text, compared, raw):
    degree = _DEGREE_AFTER.match(text, compared.end(), raw.start)
    return bool(degree) and not _names_nothing(text[degree.end() : raw.start])
# Days gained or lost, said before what is counted: "新增优良天数", "净增", "净减少".
_DAYS_GAINED = re.compile(r"(新增|净增|净减少?)[^,，;；。\d]{0,8}?\s*(?:为|达|共)?\s*$")
_DECREASE = re.compile(
    r"下降|减少|(?<=[比期年月])少|降低|下滑|下跌|回落|减小|降幅|减排|削减|改善|净减|(?<=[额量数率度])降|\bdown\b|fell|"
    r"decrease|dropped|declined|lower|reduced|decline|\bdrops?\b|\bfalls?\b|reduction|\bcuts?\b|"
    r"\bfalling\b|\bdropping\b|\bdeclining\b|"
    r"plunged|slid|shrank|\bplummet|\btumbl|\bdipp|\bslump|\bsank\b|\bsinking\b|\bshrinking\b|\bdecreasing\b",
    re.I,
)
_TARGET = re.compile(
    r"目标|力争|确保|控制在|控制值|到\s*20\d\d\s*年|预计|计划|要求|plans? to|target|by 20\d\d|\bwill\b|aims? to|"
    # "优良天数比例需达到87.5%": what must be reached
    r"(?:需|须|(?<![相对])应|要)(?:要)?(?:达到|控制|降至|降到|不低于|不高于|不超过|低于|高于)|"
    r"\bshould\b|\bmust\b|(?:is|are) expected to|"
    # "its main goals in the second quarter are to lower … PM2.5 to 31": what a goal is to do
    r"\bgoals?\b[^.;,]{0,40}?\b(?:is|are)\s+to\b|"
    # "to meet the goal of reducing the average PM2.5 concentration to 60 micrograms"
    r"\bgoals?\s+of\s+(?:reducing|lowering|cutting|bringing|keeping|raising|increasing)\b|"
    # "优良天数比例不低于86%": a requirement of one measure, not a bound many places share
    r"(?<![均都])不(?:低于|高于|少于|超过)\s*$|"
    # "2031年全省将完成生态修复200万亩": 将 before a verb says what is to come (before a noun,
    # "将优良天数比例提高到…", it is no tense)
    r"将(?:要)?(?:完成|实现|新建|建成|新增|开展|推进|实施|治理|改造|达到|投入|造林|修复|绿化)",
    re.I,
)
# "到2025年,全市…控制在28微克/立方米以内,优良天数比例达到90%": a sentence that opens with
# the year of a plan states targets throughout.
_PLAN_OPENING = re.compile(
    r"\s*(?:(?:到|至|力争到)\s*20\d\d\s*年(?:底|末)?\s*[,，]"
    r"|(?:According to [^,]{0,60},\s*)?[Bb]y (?:the end of )?20\d\d\s*,)"
)
# "全面完成…行动计划共120项…任务": a plan or target said done is no target, what was done counts.
_DONE_BEFORE = re.compile(r"完成|实现|达成")
_TARGET_FOLLOWS = re.compile(r"(?:的|年度|考核)?目标")
# The target a number is compared with, said after it: "下降3.3%,好于年度目标" (no target).
_COMPARED_TO_TARGET = re.compile(r"好于|优于|差于|劣于|高于|低于|超过|超出|完成|达到|实现")
# How far past its target, said before the number: "好于年度目标4.6微克/立方米".
_BEYOND_TARGET = re.compile(
    # "超出年度任务37.3%": a task is a target
    r"(好于|优于|差于|劣于|高于|低于|超过|超出)[^,，;；。\d]{0,8}?(?:目标(?:值)?|任务(?:量)?)"
    r"\s*(?:约|近)?\s*$"
    # "较年度目标值高1微克/立方米", "比考核目标低0.5个百分点"
    r"|(?:较|比)[^,，;；。\d]{0,8}?目标(?:值)?\s*(高|低|多|少|好|差)(?:出|了)?\s*(?:约|近)?\s*$"
)
_MORE = {"高": "高于", "多": "高于", "低": "低于", "少": "低于", "好": "好于", "差": "差于"}
# The value of a target in brackets after its name: "完成年度目标(32微克/立方米)".
_TARGET_IN_BRACKETS = re.compile(
    r"(?:完成|实现|达到|超额完成|低于|优于|好于)?[^,，;；\d]{0,10}?目标(?:值|任务)?\s*[(（]\s*$"
)
# "2031年目标:PM2.5年均浓度不高于32微克/立方米…": a sentence of targets under its label.
# "各市空气质量考核指标为,西安市优良天数257天…;宝鸡市…": a list of targets under its label.
_TARGET_LABEL = re.compile(
    r"目标(?:任务|值)?(?:为|是)?\s*[:：]|(?:考核|约束性)(?:目标|指标)(?:值)?(?:为|是)\s*[,，:：]"
)


def _target_of_the_number(text, raw):
    """ "完成PM2.5浓度同比下降4%的目标": the number is the target, said before 目标; not where
    the words between compare the number with a target ("下降3.3%好于年度目标")."""
    rest = re.split(r"[,，;；。]", text[raw.end : raw.sentence_end], maxsplit=1)[0][:24]
    said = _TARGET_FOLLOWS.search(rest)
    return (
        bool(said)
        and not _COMPARED_TO_TARGET.search(rest, 0, said.start())
        # "90%(目标值88%)": the target has a value of its own
        and not find_figures(rest[said.end() :])
    )


_TARGET_AFTER = re.compile(r"^\s*(?:以内|以下|左右)")
# "完成年度目标为85%的任务": a target naming its value right before the number; whatever was
# done, the number is the target's.
_TARGET_NAMES_ITS_VALUE = re.compile(r"目标(?:值)?\s*(?:为|是)\s*$")
_ENUMERATION = re.compile(r"分别")
_YEAR_SAID = re.compile(r"(?:19|20)\d{2}\s*年(?:度|同期)?")
_ITEM_SPLIT = re.compile(
    r"、|和|及|与|以及|,\s*|\band\b"
    # formulas a copy ran together, their marks lost ("PM2.5PM10NO2SO2O3CO平均浓度分别为")
    r"|(?:(?<=PM2\.5)|(?<=PM10)|(?<=NO2)|(?<=SO2)|(?<=O3)|(?<=CO))(?=PM2\.5|PM10|NO2|SO2|O3|CO)"
)
# "低于全省平均水平9.3个百分点", "超过时序进度0.9个百分点": a difference from a baseline.
_COMPARISON = re.compile(
    r"(?:(高于|低于|超过|超出)[^,，;；\d]{0,12}?(?:平均水平|水平|平均值|均值|平均|时序进度|进度"
    # "低于国家规定的标准0.6dB(A)": how far from a standard's limit
    r"|标准(?:值|限值)?)"
    # "比全国平均水平高21.6个百分点", "较全省均值低3微克/立方米": the comparison said first
    r"|(?:比|较)[^,，;；\d]{0,12}?(?:平均水平|平均值|均值|平均)\s*(高|低)出?了?)"
    r"\s*(?:约|近)?\s*$"
)
_SEMICOLON = re.compile(r"[;；]")
_COLON = re.compile(r"[:：]")
# The average of a wider place a value is compared with, its value in brackets: "接近于全国平均
# 水平(87.9%)", "高于全省平均(85.2%)", "略低于全国均值(31微克/立方米)".
_BENCHMARK_BRACKETED = re.compile(
    r"^[^,，;；\d]{0,8}?(?:全国|全省|全市|全区|全州|国家|省|市)\s*(?:的)?\s*(?:平均水平|平均值|均值|平均)"
    r"\s*[(（]\s*$"
)
# A count left as context between two figures ("断面为9个,占10.9%").
_CONTEXT_COUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:个|家|件|座|条|处|项|次|点次)")
_FLAT = re.compile(
    r"(?:同比|环比|与上年|与去年)?(?:基本)?持平"
    # "较去年同期相比不变": unchanged, said after what it is compared with
    r"|(?:同比|较(?:去年|上年)(?:同期)?(?:相比)?|与(?:去年|上年)(?:同期)?相比)\s*(?:保持)?不变(?!价)"
    # English: "…42 micrograms per cubic meter, the same as last year", "unchanged from a
    # year earlier", "flat year on year"
    r"|\bthe same as (?:last year|a year (?:ago|earlier)|the previous year"
    r"|(?:in )?the same period (?:of )?last year)"
    r"|\b(?:unchanged|flat) (?:from|on|compared with|with) (?:a year (?:ago|earlier)|last year"
    r"|the previous year|the same period (?:of )?last year)"
    r"|\b(?:unchanged|flat) year[- ]on[- ]year"
)
# Words that say nothing about what is measured: a clause made only of them names nothing.
_EMPTY_WORDS = re.compile(
    r"year\s*[- ]\s*(?:on|over)\s*[- ]\s*year|from a year (?:ago|earlier)|(?:from )?the previous year|"
    # a change named as a noun ("a decrease of 6.5%", "an increase of 3.5 percentage points")
    r"\b(?:(?:increas|decreas|declin)(?:es?|ed|ing)|drop(?:s|ped|ping)?|rises?|rising|falls?|falling|"
    r"reductions?|growth|gains?)\b|"
    r"percentage points?|"
    r"(?:from )?the same period (?:of )?last year|同比|环比|比上年|较上年|比去年|较去年|上年度?|上一年度?|去年|上个?月|上一?季度|上期|同期|较|比|"
    r"分别|为|是|达到|达|约|近|平均|实际|并列|"  # 并列: places tied ("甲县、乙县并列(19…)")
    r"上升|下降|增加|减少|增长|提高|提升|降低|下跌|攀升|了|其中|共|累计|和|及|与|、|\s|\d|[,，;；:：()（）%]|"
    r"全省|全市|全区|全县|全国|我省|我市|我区|本市|"
    # English words of quantity, as 共 and 累计: "a total of", "some", "about" (before "to")
    r"\b(?:total(?:l?ing|l?ed)?|altogether|some|about|nearly|around|approximately)\b|"
    r"compared|with|by|to|of|the|was|were|and|in|at|percent|up|down|rose|fell|\ban?\b"
)
_HERE_WORDS = re.compile(
    r"全省|全市|全区|全县|全州|全盟|我省|我市|我区|我县|本省|本市|本区|本县|全域"
)
_COUNTRY_WORDS = re.compile(r"全国|我国|nationwide|China")


_YEAR_END_TOTAL = re.compile(r"截[至止]到?\s*(?:19|20)\d{2}\s*年\s*(?:年)?(?:底|末)")
_RUNNING = re.compile(r"共|累计")
_COUNTED_GROUP = re.compile(
    r"\s*等?\s*(?:\d+|[一二三四五六七八九十两]+)\s*个[^，,。；;()（）]{0,10}?(?:城市|市|县|区|州)"
)
_MEAN = re.compile(r"均值|平均")
# A zone by its name ("九华山风景区") or bare, opening its clause (",高新区综合指数为3.64").
_ZONE = re.compile(
    r"(?:[\u4e00-\u9fff]{2,8}?|(?<=[、,，;；:：]))"
    r"(?:风景名胜区|风景区|管理区|开发区|高新区|经开区|度假区)"
)
_SPREAD_OVER = re.compile(r"(?:分布|集中)(?:在|于)[^。；;]*")
# "截至6月1日,省第一生态环境保护督察组共向我市转办信访件31件": a running total of an
# inspection, which began on a day the text does not give.
_TEAM_TOTAL = re.compile(TEAM + r"[^。；;]{0,20}?(?:共|累计)")
_OWN_COUNT_AFTER = re.compile(r"\s*[(（]?\s*\d")
# After a place: its field of ranking, to the rank ("168个重点城市中排名第九", "省内排名第二",
# "168个重点城市第二名"); not a rank among the first few ("排名前20位"), nor the place ranked,
# said before 在 and its field ("杭州市在全省排名第三").
_RANKING_FIELD = re.compile(
    r"(?![^,，;；。:：]{0,12}?在)[^,，;；。:：]{0,24}?(?:(?:排行|排名|排位|名列|位列|位居|居|列)\s*(?:中|榜)?\s*"
    r"(?:第\s*[\d一二三四五六七八九十]+|首位|末位)|第\s*[\d一二三四五六七八九十]+\s*名)"
)
_MEMBERS = re.compile(r"[(（][^()（）]{2,80}[、和][^()（）]{1,80}[)）]")
# Before a place compared with: 较, 比, 高于, 低于, 优于, 好于, 差于, 劣于; or 与/同/和/跟 with
# 相比/相较/比较/对比 right after it ("与乙市相比"), 与 alone being a list's joint.
_COMPARED_BEFORE = re.compile(r"(?<![占对])(?:较|比|[高低优好差劣]于)\s*$")
_WITH_BEFORE = re.compile(r"(?:与|同|和|跟)\s*$")
_COMPARED_AFTER = re.compile(r"\s*(?:相比|相较|比较|对比)")


def _compared_with(text, start, end):
    """Whether the place at ``start:end`` is one the figures are compared with."""
    before = text[max(0, start - 3) : start]
    return bool(
        _COMPARED_BEFORE.search(before)
        or _WITH_BEFORE.search(before)
        and _COMPARED_AFTER.match(text, end)
    )


@dataclass
class Bound:
    raw: RawFigure
    value: Decimal
    kind: str
    item: str
    head: str
    quote_span: tuple
    period_start: date | None = None
    period_end: date | None = None
    period_label: str = ""
    place: object = None
    derived: bool = False
    carried_from: object = None
    part: bool = False  # said after "其中" or "…中,": a part of a total, never the total itself
    # its words name no measure of their own, only a place, a rank or "浓度": the measure is
    # the one a heading over the paragraph names ("（一）细颗粒物" over "全市平均浓度为28…")
    unnamed: bool = False
    # "优良天数为320天,占全年有效监测天数的87.7%": the share the figure before is of the whole
    share_of: object = None
    reasons: list = field(default_factory=list)
    qualifier: str = ""  # what the figure is of within its place: a station, a class, a total
    filed_as: str | None = None  # the indicator the figure was filed under, once matched
    # the words before its sentence, for a figure naming only a bare measure ("水质达标率为")
    said_before: str = ""
    # the words after its unit that name what it measures, when the clause names it there
    # ("录得35微克/立方米的PM2.5年均值", "出现4天重度污染天气"): used only where the words
    # before it name no measure
    said_after: str = ""
    # a table's cell under (or in a row of) a statistic other than the mean ("最大值", "最小值"):
    # no level of the measure, a proposal of its own
    statistic: str = ""


@dataclass(frozen=True)
class Scope:
    """What the document says about itself, for figures that do not say it."""

    context: periods_module.Context
    period_start: date | None = None
    period_end: date | None = None
    period_label: str = ""
    region: object = None  # the document's region (a Division) or None
    home: object = None  # the document's own region where ``region`` is a section's
    country: object = None
    title: str = ""  # what a table whose caption is the title is about


def bind(text, raws, places, scope, lookup=None, total=None):
    """The raw figures of one block, bound; ``places`` is ``gazetteer.find_all(text)``.

    ``total``: the last total of the paragraphs before, for a breakdown by place that opens
    a paragraph of its own ("…移交信访举报件168件。" / "从区域分布上看,甲市48件、…").
    """
    earlier_total = total
    expressions = periods_module.find_all(text, scope.context)
    # Places listed in brackets are members of a group ("有3个县市(甲县、乙县和丙县)…占42.9%"):
    # the figure is of the whole, not of the last one named.
    members = [m.span() for m in _MEMBERS.finditer(text)]
    if members:
        places = [p for p in places if not any(a < p[0] and p[1] < b for a, b in members)]
    # "安徽省第一生态环境保护督察组向我市转办…": the place names the team that sends, not
    # the place what it sends is about.
    places = [p for p in places if not TEAM_AFTER.match(text, p[1])]
    # "…在全国168个重点城市中排名第九,浙江省内排名第二,优良天数比例为93.4%": the field a
    # place is ranked in, not the place of the figures around it.
    places = [p for p in places if not _RANKING_FIELD.match(text, p[1])]
    # "与乙市相比", "较乙市低3.2个百分点", "高于丙县": a place compared with is no figure's
    # place, unless its own value follows in brackets ("低于全国平均水平(86.3%)").
    places = [
        p for p in places if not _compared_with(text, p[0], p[1]) or AVERAGE_GIVEN.match(text, p[1])
    ]
    # "…县域面积占27.7%,主要分布在大小兴安岭和长白山…": where what was measured lies, not
    # the place of the figures.
    lying = [m.span() for m in _SPREAD_OVER.finditer(text)]
    if lying:
        # Not a place followed by its own count ("举报主要集中在合肥市(377件),占43.0%"): a
        # breakdown by place.
        places = [
            p
            for p in places
            if not any(a <= p[0] < b for a, b in lying) or _OWN_COUNT_AFTER.match(text, p[1])
        ]
    period = (scope.period_start, scope.period_end, scope.period_label, "document")
    place = (scope.region, "document")
    bound = []
    by_sentence = {}
    for raw in raws:
        by_sentence.setdefault((raw.sentence_start, raw.sentence_end), []).append(raw)
    for start, end in sentences(text):
        in_sentence = by_sentence.get((start, end), [])
        flats = list(_FLAT.finditer(text, start, end))
        if not in_sentence and not flats and not _NIL_DAYS.search(text, start, end):
            # A sentence without figures may still set the paragraph's period or place.
            period = _whole_year_of(_sentence_period(expressions, start, end), period) or period
            place = _sentence_place(places, text, start, end, scope) or place
            released = periods_module.bulletin_year(text, start, end)
            if released is not None:
                # "…发布会上,介绍《2031遂宁市生态环境状况公报》。全市…": the sentences after
                # it are of the bulletin's year, not of the meeting's
                period = (released.first, released.last, released.label, "paragraph")
            continue
        last = next((f for f in reversed(bound) if not f.derived), None)
        if _OF_WHICH.match(text, start) and last is not None and last.period_end is not None:
            # "1-11月总举报量为657702件,11月…51724件。其中电话24998件": a breakdown of the
            # figure just stated, of its period.
            period = (last.period_start, last.period_end, last.period_label, "paragraph")
        total = next(
            (f for f in reversed(bound) if not f.derived and not f.part and f.kind == "level"),
            earlier_total,
        )
        figures, period, place = _bind_sentence(
            text,
            start,
            end,
            in_sentence,
            flats,
            expressions,
            places,
            scope,
            period,
            place,
            lookup,
            last,
            total,
            bound,
        )
        bound.extend(figures)
    return bound


_OF_WHICH = re.compile(r"\s*其中")


_A_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?")


def _whole_year_of(stated, period):
    """A sentence's period, "全年" being the whole of the year the paragraph is about
    ("2023年,…。…,全年未出现酸雨。" then "降尘量为…": 2023, not the year of the context)."""
    if stated is None or stated[2] != "全年" or period[1] is None or stated[1] is None:
        return stated
    year = period[1].year
    return (date(year, 1, 1), date(year, 12, 31), stated[2], stated[3])


def _sentence_period(expressions, start, end, figures_at=()):
    for expression in expressions:
        if (
            start <= expression.start < end
            and not expression.baseline
            and expression.kind in _UNDATED_CUT_OFFS
            and expression.last is None
        ):
            # "As of June, officials had surveyed 580,000 kilometers… More than 90 percent of
            # violations have been rectified": a cut-off of no known year dates the
            # sentences after it to no period either, not to the document's.
            return (None, None, expression.label, "paragraph")
        if start <= expression.start < end and not expression.baseline and expression.last:
            if _CUT_OFF.match(expression.label) and not any(
                at > expression.start for at in figures_at
            ):
                # "…37起,占86%,截至10月25日全部办结": when they were settled, not the period
                # of the counts after it.
                continue
            return (expression.first, expression.last, expression.label, "paragraph")
    return None


_CUT_OFF = re.compile(r"截[至止]")
_UNDATED_CUT_OFFS = frozenset({"asof_en"})
_REMARK = re.compile(r"[^\d;；]*[;；]")
_TARGET_YEAR = re.compile(r"度?[^\d,，;；。]{0,4}?目标")
_PLAN_YEAR_BEFORE = re.compile(r"(?:到|至|力争|[Bb]y)\s*$")
_YEAR_TARGET = re.compile(r"\s*(?:以[上下内])?\s*的?\s*(年度|全年)?\s*(?:考核)?目标")


def _sentence_place(places, text, start, end, scope):
    # "接近于全国平均水平(87.9%)": the place of an average a value is compared with is not
    # the place the paragraph is about
    named = [
        (a, b, d)
        for a, b, d in places
        if start <= a < end
        and not AVERAGE_GIVEN.match(text, b)
        and not _of_a_value(text, a, b, start)
    ]
    for (_a, left_end, left), (right_start, _b, right) in zip(named, named[1:], strict=False):
        if left.name != right.name and _LIST_JOINT.fullmatch(text[left_end:right_start]):
            # "依次是乌海市、包头市和呼和浩特市": a list of places leaves the paragraph's place.
            return None
    return (_innermost(named, text), "paragraph") if named else None


def _innermost(named, text):
    """The first place named, or the one inside it written right after it ("湖南省衡阳市",
    "甲市乙县生态环境局"): the outer place only locates the inner one."""
    _a, end, place = named[0]
    for start, after, inner in named[1:]:
        if start != end or not _within(inner, place):
            break
        end, place = after, inner
    return place


def _within(inner, outer):
    """Whether the division ``inner`` lies inside ``outer`` by their codes."""
    inner_code, outer_code = getattr(inner, "code", ""), getattr(outer, "code", "")
    level = getattr(outer, "level", "")
    if len(inner_code) != 6 or len(outer_code) != 6 or inner_code == outer_code:
        return False
    return level in ("province", "prefecture") and inner_code.startswith(
        outer_code[: 2 if level == "province" else 4]
    )


_LIST_JOINT = re.compile(r"\s*(?:[、和及与,，]|以及)\s*")


def _bind_sentence(
    text,
    start,
    end,
    raws,
    flats,
    expressions,
    places,
    scope,
    period,
    place,
    lookup=None,
    last=None,
    total=None,
    earlier=(),
):
    out = []
    # "从区域分布上看,甲市49件、乙市4件": the total before, place by place
    by_place = _BY_PLACE.match(text, start) if total is not None else None
    groups = _enumerations(text, start, end)
    groups = _unsaid_enumerations(text, start, raws, places) + groups
    previous = None
    events = [(raw.start, "figure", raw) for raw in raws] + [(m.start(), "flat", m) for m in flats]
    events += [(m.start(), "nil", m) for m in _nil_days(text, start, end, raws)]
    events.sort(key=lambda event: event[0])
    group_counts = {}
    for position, what, obj in events:
        if what == "nil":
            figure = _nil_figure(obj, text, start, end)
            figure.period_start, figure.period_end, figure.period_label, figure.place = _when_where(
                text, start, position, expressions, places, scope, period, place, figure
            )
            out.append(figure)
            continue
        since = previous.raw.end if previous else start
        lead_start = max(since, _clause_start(text, start, position))
        if (
            lead_start > since
            and not text[lead_start:position].strip()
            and text[lead_start - 1] in ":："
        ):
            # "PM2.5:35μg/m3,PM10:58μg/m3": a label and its colon, the number right after it
            lead_start = max(since, _clause_start(text, start, lead_start - 1))
        own = text[lead_start:position]
        group = _group_at(groups, position)
        item, head = own, text[start:position]
        enumerated = False
        if group is not None and group["items"] is None:
            said = [raw for raw in raws if group["start"] < raw.start < group["end"]]
            before = [f.item for f in out if not f.derived and f.raw.end <= group["start"]]
            group["items"] = before[-len(said) :] if 2 <= len(said) <= len(before) else []
        if group is not None:
            index = group_counts.get(id(group), 0)
            group_counts[id(group)] = index + 1
            items = group["items"]
            if index < len(items):
                item, enumerated = items[index], True  # head: the sentence before it
                if group.get("classes"):
                    # one class's share, not the measure the sentence names for all of them
                    # ("全国地表水…中,Ⅰ类、…劣Ⅴ类分别占"): its own words only
                    head = ""
        if what == "flat":
            listed = _listed_before(text, start, position, previous) or (
                _both(own, position - len(own), places, last_too=True, unsaid=True) or None
            )
            # "…分别为…;PM10下降6.67%,PM2.5较去年同期不变": a clause naming its own subject
            # is not the next item of an enumeration before it
            names_own = not _names_nothing(_without_places(own, position - len(own), places))
            subjects = listed or (
                groups[-1]["items"]
                if groups
                and not names_own
                and groups[-1]["start"] < position
                and _flat_enumerates(text, groups[-1], position)
                else None
            )
            for subject in subjects or [None]:
                source = previous
                figure = _flat_figure(obj, subject, source, text, start, end, own, places)
                if figure is None:
                    continue
                figure.period_start, figure.period_end, figure.period_label = period[:3]
                figure.place = place[0]
                figure.period_start, figure.period_end, figure.period_label, figure.place = (
                    _when_where(
                        text, start, position, expressions, places, scope, period, place, figure
                    )
                )
                if subject is None:
                    out.extend(_shared(figure, text, lead_start, places))  # "甲市和乙市同比持平"
                out.append(figure)
            continue
        raw = obj
        # "266 good-air days": what is counted is written between the number and its unit.
        # A unit of measure says nothing of what is measured, however it is spelled ("53
        # micrograms per cubic meter", "3.5 percentage points", "21μg/m3").
        written_after = text[raw.start + len(raw.value_text) : raw.end].strip()
        if (
            enumerated
            or written_after in ("", f"个{raw.unit}")
            or (written_after == raw.unit and not re.fullmatch(r"[A-Za-z -]+", written_after))
            or raw.family not in ("count", "days")
        ):
            written_after = ""
        else:
            own = item = f"{item} {written_after}"
            about = raw.family == "count" and _ABOUT_AFTER.match(text, raw.end, raw.sentence_end)
            if about:
                # "350,000 complaints about noise pollution": what they were about
                own = item = f"{item} {about.group(1)}"
        days_of = raw.unit_code == "day" and _DAYS_OF.match(text, raw.end, raw.sentence_end)
        if days_of and not enumerated:
            # "347 days of good air quality": what is counted is said after the unit.
            said = _ON_AVERAGE.sub("", days_of.group(0).strip())
            own = item = f"{item} days {said}"
        grade_after = raw.unit_code == "day" and _GRADE_AFTER.match(text, raw.end, raw.sentence_end)
        if grade_after and not enumerated:
            # "3天优、28天良": the grade the days had, written after them
            own = item = f"{grade_after.group(1)}的天数"
        share_of = raw.family == "percent" and _SHARE_OF.match(text, raw.end, raw.sentence_end)
        if share_of and not enumerated:
            # "96.5 percent of its sections were rated Grade III or better": English names
            # what a share is of after the number.
            own = item = f"{item} {share_of.group(1)}"
            if _OF_TIME.fullmatch(share_of.group(1)) and not _SAID_OF_TIME.search(
                share_of.group(1)
            ):
                # "for 99.5% of the time in 2020, ecologists recorded excellent and good air
                # quality": a share of time is named by the clause after it
                rest = text[share_of.end() : raw.sentence_end]
                own = item = f"{item} {_ATTRIBUTION.split(rest, 1)[0]}"
        rate = (
            raw.family == "percent"
            and not share_of
            and (
                _ARTICLE_BEFORE.search(text, max(start, raw.start - 4), raw.start)
                and _RATE_AFTER.match(text, raw.end, raw.sentence_end)
                # "an average of 87.5 percent good air days": days the share is of
                or _DAYS_AFTER.match(text, raw.end, raw.sentence_end)
            )
        )
        measure_after = (
            not share_of
            and raw.family in ("concentration", "percent", "percentage_point")
            and _MEASURE_AFTER_EN.match(text, raw.end, raw.sentence_end)
        )
        if measure_after and (
            raw.family == "concentration" or "of" not in measure_after.group(0)[:3]
        ):
            own = item = f"{item} {measure_after.group(1)}"
        elif (
            raw.family in ("percent", "percentage_point")
            and _CHANGE_OF_BEFORE_EN.search(text, max(start, raw.start - 40), raw.start)
            # not where the sentence gave a level before: the change is that level's
            and not _FIGURE_BEFORE_EN.search(text, raw.sentence_start, raw.start)
            and (measured_in := _MEASURE_IN_AFTER_EN.match(text, raw.end, raw.sentence_end))
            and _MEASURE_WORD_EN.search(measured_in.group(1))
        ):
            # "an increase of 3.1 percentage points in surface water sections categorized as
            # good-quality": a change named as a noun before the number, its measure after "in"
            own = item = f"{item} {measured_in.group(1)}"
        when = raw.family == "sound_level" and _TIME_OF_DAY_AFTER.match(text, raw.end)
        if when and not enumerated:
            # "54.2 decibels during the day and 45.6 decibels at night": English says whether
            # a level is the day's or the night's after it
            own = item = f"{item} {when.group(1)}"
        if rate and not enumerated:
            # "achieved a 100 percent safe utilization rate of key construction land": the
            # measure a share is of, said after it as its noun
            own = item = f"{item} {rate.group(1)}"
        if raw.counted and not enumerated:
            # "完成了12个行政村生活污水治理": what is counted is written after the count.
            own = item = f"{item} {raw.counted}"
        listed_in_brackets = _bracketed_list(text, raw, places) if raw.family == "" else None
        if listed_in_brackets:
            # "前10名的乡镇依次是:甲县乙镇(43)、丙县丁镇(46)": what each value measures is said
            # once, before the list or after it ("甲县(2.68)、乙县(2.76)综合指数较低").
            own = item = head = listed_in_brackets[0]
        kind, value, verb = _kind(text, lead_start, raw, group, places)
        if kind in ("level", "change") and _target_continues(text, previous, raw):
            # "… should see good days reach 80 percent and heavily polluted days decrease by
            # 25 percent": what the plan says next is planned too.
            kind, verb = "target", verb or "and"
        changed = _change_before_its_level(text, previous, out)
        continued = kind == "level" and _continues_change(
            text, changed or previous, raw, previous if changed else None
        )
        if continued:
            # "down 17.9 percent year on year and 37.9 percent from the 2013 level": a second
            # change of the same measure, in the direction of the first.
            kind, verb = (changed or previous).kind, ""
            value = _in_the_direction_of(text, raw, changed or previous)
        if kind == "level" and not enumerated and _examples_only(text, lead_start, raw, places):
            continue
        if kind == "threshold":
            # Not a figure, but what follows ("达到0.9%") is said of its subject.
            previous = Bound(
                raw, value, kind, item.strip(), head.strip(), None, None, "", None, (start, end)
            )
            continue
        carried = None
        member = _ranked_member(text, raw)  # "依次为:东港35…,北塘38…": the item's member
        if listed_in_brackets:
            member = listed_in_brackets[1]
        listed = item  # the enumeration's own item, for its place and period
        of_places = False
        if enumerated and all(
            # not "南宁、柳州、北海轻度污染天数比例分别为…": the last item's measure is all of theirs
            _place_only(piece, text, start, raw.start, places)
            for piece in group["items"]
        ):
            # "全省PM2.5平均浓度为31微克/立方米。甲市、乙市分别为29、33微克/立方米": items
            # naming only their places are of the measure said before, in that unit
            carried = _same_measure_before(raw, kind, [*earlier, *out])
            if carried is not None:
                item, head = carried.item, carried.head
                # "共承办204件,其中甲区、乙区分别为45件、41件": a total broken down by place
                # is the same measure in each place, no part of another kind
                of_places = True
            elif raw.family in ("days", "count") and (
                after := _NAMED_AFTER_VALUES.match(text, raw.end, raw.sentence_end)
            ):
                # "伊宁、石河子2城市分别出现2天、1天轻度污染": what the places' days are, said
                # once after the values
                item = head = f"{after.group(1)}{raw.unit}数"
        since = previous.raw.end if previous is not None else start
        own_start = lead_start
        if not enumerated and lead_start > since and _names_nothing(own):
            # "Ⅳ类水质的断面为9个,占10.9%": the count is context, its words name the share;
            # only those of its own clause ("…98.5%;无Ⅴ类水质断面;劣Ⅴ类水质点位1个,比例为1.5%").
            since = max([since, *(m.end() for m in _SEMICOLON.finditer(text, since, position))])
            counts = list(_CONTEXT_COUNT.finditer(text, since, position))
            if counts:
                # "…共55个路段进行了监测,其中昼间达标路段54个,占…": the clause of the count
                # right before the share, not every clause before it
                since = max(since, _clause_start(text, since, counts[-1].start()))
            wider = text[since:position].lstrip(";；,， ")
            if _CONTEXT_COUNT.search(wider) and not _names_nothing(
                re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", wider)
            ):
                own = item = wider
                own_start = since
        ranged = (
            not enumerated
            and previous is not None
            and _names_nothing(own)
            and _range_before(text, since, lead_start, raw)
        )
        if ranged:
            # "PM10浓度处于46~80微克/立方米之间,平均为60微克/立方米": the range is no figure,
            # but it names what the mean after it is of
            own = item = ranged + own
        if (
            not enumerated
            and previous is not None
            and (
                continued
                or _names_nothing(_COMPARISON.sub("", own))
                # "…155μg/m3,较2030年1-6月(185μg/m3)同比下降16%": a time compared with names
                # no measure; the level in brackets is the same measure's, of that time
                or _names_nothing(_without_times(own, lead_start, expressions))
                # "完成生态修复366.7万亩,超出年度任务37.3%": past its target, the same measure
                or _names_nothing(_BEYOND_TARGET.sub("", own))
                or _names_nothing(_without_places(own, lead_start, places))
                # "PM2.5浓度为30微克/立方米,完成年度目标(32微克/立方米)": the target's value
                or _TARGET_IN_BRACKETS.fullmatch(own.strip(" ,，"))
                # "…11.993 million tonnes, representing a 2.37-percent drop"
                or _names_nothing(_REPORTING.sub("", own))
                # "优良水体比例为87.1%,接近于全国平均水平(87.9%)": the same measure, of the
                # place it is compared with
                or _BENCHMARK_BRACKETED.search(own)
                # "优良天数比例为85.5%,扣除沙尘异常超标天后为86.8%": the same measure, counted
                # without something
                or _names_nothing(_ADJUSTED.sub("", own))
                # "…、九华山风景区2件": a scenic area or a zone listed among places
                or _names_nothing(_without_places(_without_zones(own), lead_start, places))
                # "其中,城区为158微克/立方米,县城为147微克/立方米": a part of the area
                or _names_nothing(_WHERE_WORDS.sub("", _without_places(own, lead_start, places)))
                # "浓度最佳的县(市、区)为甲区16μg/m3;最差的县(市、区)为乙市21μg/m3": a rank
                or (_RANK_WORD.search(own) and _ranks_only(text, lead_start, position, places))
                or (member and own.strip(" ,，、;；:：") == member)
                # "…46微克/立方米,超过国家二级标准0.15倍": by how much the measure before exceeds
                or (raw.unit == "倍" and _OVER_A_STANDARD.fullmatch(own.strip(" ,，")))
            )
        ):
            # "…依次为:甲市(99.5%)、乙市(96.7%)": a list item naming only its place is of
            # the measure of the item before it.
            carried = _same_family_before(raw, previous, out)
            item, head = carried.item, carried.head
            if raw.unit == "倍" and carried.raw.unit != "倍":
                # a measure of its own, named after the one it is of
                item = head = re.sub(r"(?:为|是|达到|达|约)+$", "", item.strip(" ,，")) + "超标倍数"
                carried = None
            named = raw.family == "count" and _list_named_after(text, raw, previous)
            if named:
                # "哈尔滨市22件、鹤岗市4件未按期办结": what the places' counts are, said once
                # after the list, not the measure of the figure before it
                carried, item, head = None, named, named
            elif (
                kind == "level"
                and carried is not None
                and carried.kind == "change"
                and _listed_after(text, carried.raw.end, raw.start, places)
            ):
                # "升幅前三位的城市依次是:甲市(12.4%)、乙市(5.6%)": the next place's is a change too
                kind, value = "change", _in_the_direction_of(text, raw, carried)
        elif not enumerated and previous is not None and _counterpart(own, previous.item):
            # "昼间达标率为75.9%,夜间为72.4%": the same measure, of the night.
            item = _counterpart(own, previous.item)
            head = _counterpart(own, previous.head) or item
        elif (
            not enumerated
            and previous is None
            and by_place
            and total.raw.family == raw.family
            # "九华山风景区2件": a scenic area or a zone is a place of the breakdown too
            and _names_nothing(_without_places(_without_zones(own), lead_start, places))
        ):
            carried = total
            item, head = total.item, total.head
        elif not enumerated and _SUCH.search(own) and (previous or last) is not None:
            # "Heavily polluted days fell by 40 percent. The city saw 12 such days.": "such"
            # names what the figure before named
            carried = previous or last
            item, head = carried.item, carried.head
        elif (
            not enumerated
            and previous is None
            and (
                _ranks_only(text, start, raw.start, places)
                # "The figure was 76.2 percent a year earlier.": English refers to the last measure
                or _REFERS_BACK.fullmatch(text, start, raw.start)
            )
        ):
            # "改善幅度最大的是甲市,为12%": a sentence naming nothing continues the last one.
            carried = last
        elif not enumerated and kind == "level":
            head = _free_head(text, start, own_start, raw, head, previous, places)
        figure = Bound(
            raw=raw,
            value=value,
            kind=kind,
            item=item.strip(),
            head=head.strip(),
            quote_span=(start, end),
            carried_from=carried,
            share_of=previous
            if not enumerated
            and previous is not None
            and previous.kind == "level"
            and kind == "level"
            and raw.family == "percent"
            and (
                _SHARE.match(own)
                # "优良天数300天,达标率83.1%": a bare rate right after days is their share
                or (previous.raw.unit_code == "day" and _BARE_SHARE.fullmatch(own))
            )
            else None,
            part=not by_place and not of_places and bool(_BREAKDOWN.search(text, start, raw.start)),
            unnamed=not enumerated
            and _unnamed(text, previous.raw.end if previous else start, raw.start, places),
        )
        if carried is None and not enumerated and kind in ("change", "level"):
            # "昼间环境噪声等效声级年均值为50.6dB(A)。与去年相比,噪声均值下降0.1dB(A)",
            # "饮用水水源地水质达标率为97.3%,…除甲县(81.9%)外,达标率均达到100%": a figure
            # naming its measure short is of the level before whose words hold it (used only
            # where its own words name no indicator).
            figure.carried_from = _named_short(own, lead_start, raw, kind, [*earlier, *out], places)
            if figure.carried_from is None and _after_its_change(previous, kind, own):
                # "PM2.5平均浓度环比下降38%,平均浓度降至36微克/立方米": the level the change
                # came to, named by a generic word, is of the change's measure
                figure.carried_from = previous
        if (
            carried is None
            and not enumerated
            and start > 0
            and _BARE_MEASURE.search(own)
            and _names_nothing(_WHERE_WORDS.sub("", _BARE_MEASURE.sub("", own, count=1)))
        ):
            # "全市集中式饮用水水源地共12个。2031年,水质达标率为100%": what the rate is of was
            # named in the sentence before
            figure.said_before = text[max(0, start - 60) : own_start]
        after = (
            _NAMED_AFTER.match(text, raw.end, end)
            if not enumerated and raw.family in _NAMED_AFTER_FAMILIES
            else None
        )
        if after and not _NOT_NAMED_AFTER.search(after.group(1)):
            figure.said_after = after.group(1)
        # two members of a ranked list may share a value and be two figures
        figure.qualifier = _site_named(text, start, raw.start) or member
        if verb:
            figure.reasons.append(f"“{verb}” → {kind}")
        elif continued:
            figure.reasons.append(f"与前一变化并列 → {kind}")
        figure.period_start, figure.period_end, figure.period_label, figure.place = _when_where(
            text, start, raw.start, expressions, places, scope, period, place, figure
        )
        aim = _YEAR_TARGET.match(text, raw.end) if kind == "target" else None
        if aim and carried is None and _level_compared(previous, raw):
            # "…比例85%,优于80%的考核目标": the target the level beats is of its measure,
            # however the level was named
            figure.carried_from = previous
        if aim and aim.group(1) and figure.period_end:
            # "1—10月…高于89.1%的年度目标": a target for the whole year, not for the months.
            year = figure.period_end.year
            figure.period_start, figure.period_end = date(year, 1, 1), date(year, 12, 31)
            figure.period_label = f"{year}年度目标"
            figure.reasons.append("期间：年度目标即全年")
        elif aim and not any(
            (
                _clause_start(text, start, raw.start) <= e.start
                or _PLAN_YEAR_BEFORE.search(text, max(start, e.start - 4), e.start)
            )
            and start <= e.start
            and e.end <= raw.start
            for e in expressions
            if not e.baseline
        ):
            # "1至9月…98.9%,但高于…98.5%的目标": the months are those of the level; the
            # target's own period is not said.
            figure.period_start = figure.period_end = None
            figure.period_label = ""
            figure.reasons = [r for r in figure.reasons if not r.startswith("期间：")]
            figure.reasons.append("期间：目标未说明期间")
        if enumerated:
            # "依次是北京、廊坊和长治,分别为47、55和55": each value is of its item's place.
            named = [d for s, e, d in places if start <= s < raw.start and text[s:e] in listed]
            bare = re.sub(r"^.*(?:依次是|依次为|分别是|是|为|:)", "", listed).strip()
            if not named and lookup is not None and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", bare):
                found = lookup(bare)  # a city named by its short form only ("长治")
                named = [found] if found is not None else []
            if named:
                figure.place = named[-1]
                figure.reasons.append(f"地点：列举中的“{named[-1].name}”")
            when = [e for e in expressions if e.last and not e.baseline and e.label in listed]
            if when and not named:
                # "4月、5月、6月分别为78.3%、80%和75.0%": each value is of its item's period.
                figure.period_start, figure.period_end = when[-1].first, when[-1].last
                figure.period_label = when[-1].label
                figure.reasons.append(f"期间：列举中的“{when[-1].label}”")
        out.extend(_shared(figure, text, lead_start, places))  # in the text's order
        if not enumerated and carried is None:
            # "按时受理率和按时办结率均为100%": the value of each subject named before 均.
            both = _both(own, lead_start, places)
            out.extend(
                replace(
                    figure, item=subject, head=text[start:lead_start], reasons=[*figure.reasons]
                )
                for subject in both
            )
        out.append(figure)
        if (
            kind == "change"
            and carried is not None
            and carried.kind == "level"
            # "… by 5.1 percent to 76.3 in December and by 5 percent to 84.5": the second
            # change is not of the level the first reached
            and changed is None
            # "较2030年(185μg/m3)下降16%": the level compared with is the earlier one already
            and not _earlier(carried, figure)
            # "全省…28微克/立方米。其中…白银上升40.1%": another place's change implies nothing
            and _place_name(carried) == _place_name(figure)
            # "好于年度目标4微克/立方米", "高于全国平均水平6个百分点": no change on last year
            and not (_BEYOND_TARGET.search(own) or _COMPARISON.search(own))
        ):
            derived = _derive(carried, figure)
            baseline = _BASELINE_YEAR.search(
                text[_clause_start(text, start, raw.start) : raw.start]
            ) or _BASELINE_YEAR_AFTER_EN.match(text, raw.end, raw.sentence_end)
            if derived is not None and baseline and carried.period_start is not None:
                # "森林覆盖率82.9%,比2007年提高了5.5个百分点": the level of the year compared
                # with, not of the year before
                first, last, label = _of_year(
                    (carried.period_start, carried.period_end, carried.period_label),
                    int(baseline.group(1)),
                )
                derived = replace(derived, period_start=first, period_end=last, period_label=label)
            if derived is not None:
                out.append(derived)
        previous = figure
    _years_in_turn(out, text)
    # The sentence's own period and place carry to the next sentence of the paragraph.
    stated = _sentence_period(expressions, start, end, [raw.start for raw in raws])
    period = _whole_year_of(stated, period) or period
    place = _sentence_place(places, text, start, end, scope) or place
    return out, period, place


_LISTED_MARK = re.compile(r"[、和及与]")
# A span of whole years before a list: "2016—2019年", "2016年至2019年".
_YEARS_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:—|－|-|–|~|～|至|到)\s*((?:19|20)\d{2})\s*年")


def _years_in_turn(figures, text):
    """ "2016—2019年,全市单位GDP能耗较上一年分别下降6.54%、8.51%、3.6%、5.52%": as many values,
    listed one after another after 分别, as the span has years, each of its year in turn."""
    figures = [f for f in figures if not f.derived]
    if len(figures) < 2:
        return
    sentence = figures[0].raw.sentence_start
    respectively = text.find("分别", sentence, figures[0].raw.start + 1)
    if respectively < 0:
        return
    span = list(_YEARS_SPAN.finditer(text, sentence, respectively))
    if not span:
        return
    if _LISTED_MARK.search(text, span[-1].end(), respectively):
        return  # "2018—2019年,PM2.5和PM10浓度分别为…": a list of measures, not of years
    first, last = int(span[-1].group(1)), int(span[-1].group(2))
    listed = [f for f in figures if f.raw.start > respectively]
    run = listed[:1]
    for figure in listed[1:]:
        if not _LIST_MARKS.fullmatch(text[run[-1].raw.end : figure.raw.start]):
            break
        run.append(figure)
    if last - first + 1 != len(run) or len(run) < 2 or len({f.raw.unit for f in run}) != 1:
        return
    for year, figure in zip(range(first, last + 1), run, strict=True):
        figure.period_start, figure.period_end = date(year, 1, 1), date(year, 12, 31)
        figure.period_label = f"{year}年"
        figure.reasons = [r for r in figure.reasons if not r.startswith("期间：")]
        figure.reasons.append(f"期间：“{span[-1].group(0)}”中依次的{year}年")


# Between a change and a bare number that continues it: a comparison and "and", nothing named.
_CHANGE_CONTINUES = re.compile(
    r"\s*(?:year[- ]on[- ]year|from a year earlier|from the same period (?:of )?last year)?"
    r"\s*,?\s*(?:and|or|和|及|、)\s*(?:by\s+)?$",
    re.I,
)


# A verb that reports what happened, not what a plan says should.
_DONE_EN = re.compile(
    r"\b(?:was|were|had|has|have|is|are|fell|rose|grew|stood|reached|totall?ed|"
    r"[a-z]+ed (?:by|to|from)|[a-z]+ed \d)\b",
    re.I,
)


def _target_continues(text, previous, raw):
    """Whether a number joined to a target before it in its sentence, with no verb of what
    happened between them, is planned too: English ("… should see good days reach 80 percent
    and heavily polluted days decrease by 25 percent") and Chinese ("力争PM2.5浓度控制在30微克/
    立方米以内,优良天数比例不低于88%")."""
    if previous is None or previous.kind != "target":
        return False
    between = text[previous.raw.end : raw.start]
    if previous.raw.sentence_start != raw.sentence_start or re.search(r"[;；]", between):
        return False
    if re.search(r"[A-Za-z]{3}", between) is not None and _DONE_EN.search(between) is None:
        return True
    if _RESULT_ZH.search(between):
        return False
    # "将完成生态修复200万亩,绿化村屯1000个": what is to come, item after item
    ahead = _AHEAD_ZH.search(text, previous.raw.sentence_start, previous.raw.start)
    return bool(_AIM_ZH.search(between) or ahead)


# Words of an aim between two figures of a plan, and words of a result that end it.
_AIM_ZH = re.compile(
    r"不低于|不高于|不超过|不少于|控制在|控制到|降至|降到|下降到|提高到|提高至|提升到|提升至|达到|以内|以下"
)
# Words saying that what follows is to come: a plan's list of items
_AHEAD_ZH = re.compile(
    r"将(?:要)?(?:完成|实现|新建|建成|新增|开展|推进|实施|治理|改造)|计划|预计|拟"
)
_RESULT_ZH = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|实际|完成|实现|已|累计|目前|现为")


# A level reached, said right after the change that took the measure there: "… by 5.1 percent to ".
_REACHED_AFTER_CHANGE = re.compile(r"(?:percent|per cent|percentage points?|%)\s+to\s*$", re.I)
_TO_THE_LEVEL = re.compile(r"\s*(?:percent|per cent|percentage points?|%)?\s*to\s*", re.I)


def _change_before_its_level(text, previous, out):
    """The change a level was reached by, where the level is said right after it ("drop by 5.1
    percent to 76.3 in December and by 5 percent to 84.5 …"), or None."""
    if previous is None or previous.kind != "level":
        return None
    if not _REACHED_AFTER_CHANGE.search(text, previous.raw.sentence_start, previous.raw.start):
        return None
    before = [f for f in out if not f.derived and f is not previous]
    change = before[-1] if before else None
    if change is None or change.kind != "change" or change.raw.end > previous.raw.start:
        return None
    between = text[change.raw.end : previous.raw.start]
    return change if _TO_THE_LEVEL.fullmatch(between) else None


def _continues_change(text, previous, raw, since=None):
    """Whether a number joined by "and" to the change before it (or to the level that change
    reached, ``since``), in the same unit and with no words of its own, is a second change
    ("down 8 percent year on year and 20 percent from 2015")."""
    return (
        previous is not None
        and previous.kind in ("change", "target")
        and previous.raw.unit_code == raw.unit_code
        and previous.raw.sentence_start == raw.sentence_start
        and bool(
            _CHANGE_CONTINUES.fullmatch(text, previous.raw.end, raw.start)
            if since is None
            else _CHANGE_CONTINUES_AFTER_LEVEL.fullmatch(text, since.raw.end, raw.start)
        )
    )


# "… by 5.1 percent to 76.3 in December and by 5 percent …": after the level a change reached
# and its time, a second "by" is a second change.
_CHANGE_CONTINUES_AFTER_LEVEL = re.compile(
    r"(?:\s*(?:in|for|during)\s+[A-Za-z][A-Za-z\s-]{0,30}?)?\s*,?\s*and\s+by\s*",
    re.I,
)


_COUNTERPARTS = (("昼间", "夜间"), ("白天", "夜间"), ("daytime", "night"), ("day", "night"))


def _counterpart(own, subject):
    """The subject said again of its counterpart ("夜间为" after "昼间达标率"), or "".

    Only a clause that names nothing but the counterpart qualifies.
    """
    for one, other in _COUNTERPARTS:
        for said, instead in ((other, one), (one, other)):
            if said in own and instead in subject and said not in subject:
                rest = _EMPTY_WORDS.sub("", own.replace(said, ""))
                if len(rest) < 2:
                    return subject.replace(instead, said)
    return ""


def _without_places(own, offset, places):
    """The words of a clause without the places it names."""
    for place_start, place_end, _division in places:
        if offset <= place_start and place_end <= offset + len(own):
            # as many spaces as the name had: the next place's offsets still hold
            own = (
                own[: place_start - offset]
                + " " * (place_end - place_start)
                + own[place_end - offset :]
            )
    return own


# A monitoring site named before the measures of its sentence ("…市控站点玫瑰园点位PM10浓度为"):
# a name of its own, after a place, a network or another site's word, not a generic one.
_SITE_NAMED = re.compile(
    r"(?<=[区县市控点位站,，\s])([\u4e00-\u9fff]{2,8}?(?:点位|站点|子站))"
    r"(?=[A-Za-z\u4e00-\u9fff]{0,12}?(?:浓度|PM|SO|NO|CO|O3|声级|水质))"
)
_GENERIC_SITE = re.compile(r"监测|考核|国控|省控|市控|[个共全各类]")


def _site_named(text, start, position):
    """The site the sentence names before the figure, its qualifier: two sites of one sentence
    or paragraph may share a value and be two figures."""
    named = [
        m.group(1)
        for m in _SITE_NAMED.finditer(text, start, position)
        if not _GENERIC_SITE.search(m.group(1))
    ]
    return named[-1] if named else ""


def _without_times(own, offset, expressions):
    """The words of a clause without the times it names ("较2030年1-6月(")."""
    return _without_places(own, offset, [(e.start, e.end, None) for e in expressions])


_ALL_OF_THEM = re.compile(r"均|都|也")
# A measure named without what it is of.
_BARE_MEASURE = re.compile(
    r"(?:水质|总体|综合)?(?:达标率|达标比例|优良率|优良比例|合格率|比例|占比|浓度|均值|平均值)"
)
_SHORT_WORDS = re.compile(r"[^\u4e00-\u9fffA-Za-z\u2160-\u217f]+")  # Ⅳ类 kept


# "优良水质比例" names its measure as "优良水质(一、二类)比例" does: the share's word is generic
_SHARE_WORDS = re.compile(r"比例|比率|占比")


_LEVEL_REACHED = re.compile(r"(?:下降|上升|降|升|增|减)[至到]")


def _after_its_change(previous, kind, own):
    return (
        kind == "level"
        and previous is not None
        and previous.kind == "change"
        and not previous.derived
        and _names_nothing(_LEVEL_REACHED.sub("", _MEASURE_ONLY.sub("", _WHERE_WORDS.sub("", own))))
    )


def _level_compared(previous, raw):
    return (
        previous is not None
        and previous.kind == "level"
        and not previous.derived
        and previous.raw.family == raw.family
    )


def _named_short(own, offset, raw, kind, earlier, places):
    """The last level before whose words hold the words a figure names its measure by, but
    for comparisons, places, where and generic words of measure ("噪声均值" within
    "道路交通噪声均值为65.7dB(A)"), in a unit that measure is reported (or changes) in;
    else None."""
    words = _without_places(own, offset, places)
    words = _SHARE_WORDS.sub("", _MEASURE_ONLY.sub("", _WHERE_WORDS.sub("", words)))
    core = _SHORT_WORDS.sub("", _ALL_OF_THEM.sub("", _EMPTY_WORDS.sub("", words)))
    if len(core) < 2:
        return None
    for figure in reversed(earlier):
        if figure.derived or figure.kind != "level":
            continue
        family = figure.raw.family
        if kind == "level" and family != raw.family:
            continue
        if not (
            family == raw.family
            or (raw.family == "percent" and family not in ("percent", "percentage_point"))
            or (raw.family == "percentage_point" and family == "percent")
        ):
            continue
        # in the words naming the level's measure, next to its number: not any word of its
        # sentence ("、生态33件" is no measure of "…生态环境保护督察组…移交信访举报件")
        if _holds_unturned(_SHORT_WORDS.sub("", figure.item)[-14:], core):
            return figure
    return None


# Words that turn what follows into its opposite or worse: 劣Ⅴ类 is not Ⅴ类, 未达标 not 达标.
_TURNED_BY = frozenset("劣非不未无")


def _holds_unturned(words, core):
    """Whether ``words`` hold ``core`` not right after a word turning it (劣, 不, 未…)."""
    at = words.find(core)
    while at >= 0:
        if at == 0 or words[at - 1] not in _TURNED_BY:
            return True
        at = words.find(core, at + 1)
    return False


def _place_only(item, text, start, position, places):
    """Whether an enumeration's item names only places ("长春市", "吉林市分别")."""
    words = item
    for place_start, place_end, _division in places:
        if start <= place_start < position:
            words = words.replace(text[place_start:place_end], "")
    words = _PLACES_OF_A_GROUP.sub("", _without_zones(words))
    words = _FIGURES_FOR.sub("", words)  # "The figures for Nanjing and Suzhou were …"
    return words != item and _names_nothing(_WHERE_WORDS.sub("", words))


_FIGURES_FOR = re.compile(r"\b(?:the\s+)?(?:figures?|numbers?|readings?)\s+(?:for|in|of)\b", re.I)


def _same_measure_before(raw, kind, earlier):
    """The last figure before of the measure a value of this unit and kind continues: a level
    in the same unit family, a change in the same unit (or of a level it changes in)."""
    for figure in reversed(earlier):
        if figure.derived or figure.part:
            continue
        if kind == "level" and figure.kind == "level" and figure.raw.family == raw.family:
            return figure
        if kind == "change" and figure.kind == "change" and figure.raw.unit_code == raw.unit_code:
            return figure
    return None


def _without_zones(own):
    """The words of a clause without the scenic areas and zones it names ("九华山风景区"),
    as many spaces in their place."""
    return _NAMED_ZONE.sub(lambda m: " " * len(m.group(0)), own)


_NAMED_ZONE = re.compile(
    r"[\u4e00-\u9fff]{2,8}?(?:风景名胜区|风景区|管理区|开发区|高新区|经开区|度假区|新区)"
)


# Without 均, only a plain list of names is one: not "重度及以上…" nor "甲、乙等30个断面".
_LIST_SPLIT = re.compile(r"、|和")
_NOT_A_LIST = re.compile(r"等|\d\s*[个条家座处项]")
_SHARED_JOIN = re.compile(r"^\s*(?:、|和|及|与)\s*$")


_ONLY_IS = re.compile(r"\s*(?:均|都|同|也)?(?:为|是)\s*")


def _shared(figure, text, lead_start, places):
    """ "湛江、茂名达标率下降11.1个百分点": the same figure for each place listed before it.

    Only places joined by 、/和 with nothing between them, the last one the figure's own.
    """
    if _ONLY_IS.fullmatch(text, lead_start, figure.raw.start) and lead_start > figure.quote_span[0]:
        # "烟台、威海和青岛等3市,为91天": a clause saying only "为…" is of the places the
        # clause before it lists.
        lead_start = _clause_start(text, figure.quote_span[0], lead_start - 1)
    before = [p for p in places if lead_start <= p[0] and p[1] <= figure.raw.start]
    if len(before) < 2 or figure.place is not before[-1][2]:
        return []
    etc = re.match(
        r"\s*(?:等\s*(\d+|[一二三四五六七八九十两]+)?|(\d+|[一二三四五六七八九十两]+)\s*个)",
        text[before[-1][1] : figure.raw.start],
    )
    out = []
    for (_s, end, division), (next_start, _e, _d) in zip(
        reversed(before[:-1]), reversed(before[1:]), strict=True
    ):
        if not _SHARED_JOIN.match(text[end:next_start]):
            break
        twin = replace(figure, place=division, reasons=[*figure.reasons[:-1]])
        twin.reasons.append(f"地点：与后一地点同列的“{division.name}”")
        out.insert(0, twin)
    counted = etc and (etc.group(1) or etc.group(2))
    if etc and (not counted or _count(counted) != len(out) + 1):
        # "衢州、舟山、台州等44个城市": examples of a group, not the places of the figure;
        # "甲、乙…和云浮等11个城市" naming all eleven is the list itself.
        return []
    return out


_BOTH = re.compile(
    r"^(.*?)(?:(?<![平年月日季])均|都)(?:同比|环比|与上年|较上年|比上年)?\s*(?:为|是|达到|达|持平|基本持平|"
    + _CHANGE_VERB
    + r"(?:了|为)?)?\s*$"
)


# A subject that is a site, not a measure: a water source, a reservoir, a section, a station.
_SITE_END = re.compile(r"(?:水源地?|水库|断面|监测站|子站|站点|点位|水厂|湖泊?|河段?|江段?)$")


def _both(own, offset, places, last_too=False, unsaid=False):
    """The subjects a clause gives one value ("A和B均为x") but the last, which the figure
    itself keeps (all of them with ``last_too``); [] where they are places or parts of the
    area ("甲、乙两县均为", "城区和郊区均为") or the clause says no 均 (``unsaid``: a nil
    change needs none, "二氧化硫和二氧化氮月日均浓度持平")."""
    said = _BOTH.match(own)
    if said is None and (not unsaid or _NOT_A_LIST.search(own)):
        return []
    split = _ITEM_SPLIT if said else _LIST_SPLIT
    items = [piece for piece in split.split(said.group(1) if said else own) if piece.strip()]
    if said and len(items) == 1 and _DAY_AND_NIGHT.search(items[0]):
        # "全市昼夜间达标率均为100%": the day's and the night's
        items = [_DAY_AND_NIGHT.sub(f"{part}间", items[0], count=1) for part in "昼夜"]
        return items if last_too else items[:-1]
    if len(items) < 2:
        return []
    if any(_SITE_END.search(piece.strip()) for piece in items[:-1]):
        return []  # "甲水库水源、乙水源和丙水源水质均100%符合": sites sharing a value, one figure
    start = offset
    for piece in items:
        at = own.find(piece, start - offset) + offset
        words = _WHERE_WORDS.sub("", _without_places(piece, at, places))
        if _names_nothing(words):
            return []
        start = at + len(piece)
    return items if last_too else items[:-1]


# "衢州、舟山、台州等44个城市": a few examples of a group, whose value is said of the group.
_EXAMPLES_OF_GROUP = re.compile(
    r"\s*等\s*(\d+|[一二三四五六七八九十两]+)\s*个?\s*(?:地级及以上|设区|县级|重点)?"
    r"(?:城市|市州|市|县市|县|区县|区|地区|省份|省|断面|点位)"
)


def _examples_only(text, lead_start, raw, places):
    """Whether a value is said of a group of places the clause names only a few of ("衢州、
    舟山、台州等44个城市的优良天数比例为100%"): how many places share a value, no place's own
    figure; a list naming all of them ("甲、乙…和云浮等11个城市为100%") is no such group."""
    before = [p for p in places if lead_start <= p[0] and p[1] <= raw.start]
    if not before:
        return False
    group = _EXAMPLES_OF_GROUP.match(text, before[-1][1], raw.start)
    if group is None:
        return False
    named = len(re.split(r"[、,，]|和|及|与", text[before[0][0] : before[-1][1]]))
    return _count(group.group(1)) > max(named, len(before))


def _count(numeral):
    from .numbers import parse

    value = parse(numeral)
    return int(value) if value is not None else -1


def _listed_before(text, start, position, previous):
    """ "二氧化硫和一氧化碳的平均浓度,同比持平": the subjects listed in the clause before."""
    clause_from = _clause_start(text, start, position)
    if clause_from <= start:
        return None
    earlier = _clause_start(text, start, clause_from - 1)
    if previous is not None and previous.raw.end > earlier:
        return None
    clause = text[earlier : clause_from - 1]
    if _VERB.search(clause) or _FLAT.search(clause):
        return None  # "甲、乙同比上升,丙和丁同比持平": that clause says its own
    items = [piece for piece in _ITEM_SPLIT.split(clause) if piece.strip()]
    return items if len(items) >= 2 else None


# Two values joined as a range, the second in a unit ("46~80微克/立方米", "62.0-71.4分贝").
_RANGE = re.compile(r"\d(?:\.\d+)?\s*[~～〜\-—–至到]\s*\d[\d.]*\s*(\S)")


def _range_before(text, since, lead_start, raw):
    """The clause right before a figure's own, after the figure before it, where it gives a
    range in the figure's unit and names what is ranged: those words, else None."""
    if not raw.unit or lead_start <= since:
        return None
    clause = text[max(since, _clause_start(text, since, lead_start - 1)) : lead_start]
    ranges = [m for m in _RANGE.finditer(clause) if clause.startswith(raw.unit, m.start(1))]
    if not ranges or _names_nothing(clause[: ranges[-1].start()]):
        return None
    return clause


def _clause_start(text, start, position):
    # Looked for back from the position in widening windows, not from the sentence's start: a
    # sentence of thousands of numbers would list all its marks again for each of them.
    window = 64
    while True:
        since = max(start, position - window)
        breaks = list(_CLAUSE_BREAK.finditer(text, since, position))
        if breaks or since == start:
            return breaks[-1].end() if breaks else start
        window *= 8


_RANK_WORD = re.compile(r"最(?:佳|差|好|高|低|大|小|多|少)")
_RANKING = re.compile(
    r"幅度|最大|最小|最多|最少|最高|最低|最好|最差|的|是|恶化|改善|市|城市|等|其中|依次"
)


def _ranks_only(text, start, position, places):
    """A sentence that only ranks places ("9市同比改善,改善幅度最大的是甲市,为")."""
    words = text[start:position]
    for place_start, place_end, _division in places:
        if start <= place_start and place_end <= position:
            words = words.replace(text[place_start:place_end], "")
    return _names_nothing(_MEASURE_ONLY.sub("", _RANKING.sub("", _WHERE_WORDS.sub("", words))))


# Words that say a figure is a measure without saying of what ("浓度最低的是甲县,为22").
_MEASURE_ONLY = re.compile(
    r"(?:[年月日季]|日均|年平?均|月平?均|季平?均|平均)?(?:浓度|数值|均值|值|水平)|平均"
)


def _unnamed(text, since, position, places):
    """Whether the words from ``since`` to the figure name no measure: only places, ranks,
    comparisons, where or when ("全市平均浓度为", "同比下降", "最低的是甲县,为")."""
    words = _without_places(text[since:position], since, places)
    words = _MEASURE_ONLY.sub("", _RANKING.sub("", _WHERE_WORDS.sub("", words)))
    return _names_nothing(words)


# Words before a breakdown: what follows is a part of what they name ("其中", "违法行为中,",
# "按受理渠道分:", "从污染类型看,"); not "在专项行动中," (when, not of what).
_BREAKDOWN = re.compile(
    r"其中|(?:^|(?<=[,，;；:：。！？!?\n]))(?!\s*在)[^,，;；:：]{0,30}[^,，;；:：\s]中\s*[,，:：]"
    r"|按[^,，;；]{0,12}(?:分|划分|分类|统计)(?:情况)?[^,，;；]{0,4}[,，:：]"
    r"|从[^,，;；]{0,20}(?:看|来看)[,，:：]"
)
# A breakdown by place opening its sentence: "从区域分布上看,", "按地区分:", "分区域看,".
_BY_PLACE = re.compile(
    r"\s*(?:从|按|分)[^,，;；:：]{0,6}?(?:区域|地区|地域|行政区|属地|区县|县区|市州|州市)"
    r"(?:分布)?(?:上|情况)?(?:来)?(?:看|分|划分|统计)?\s*[,，:：]"
)
# Words of a figure's own clause that name only where or when it is measured, not what.
_WHERE_WORDS = re.compile(
    r"城区|市区|主城区|中心城区|建成区|郊区|县城|农村|城镇|乡镇|各县|县区|区县|春季|夏季|秋季|冬季|"
    r"县\s*[(（]\s*市\s*[、,，]\s*区\s*[)）]|县市区|"
    r"上半年|下半年|[一二三四1-4]季度|\d{1,2}月|月份|当月|本月|全年|年度|国控|省控|市控|站点?|点位|"
    # sites the nation or province assesses, like 国控 ("国家考核点位", "国考断面")
    r"(?:国家|省级?|市级?)考核|国考|省考|"
    r"year[- ]on[- ]year|on average|average|annual|from|to"
)


def _free_head(text, start, lead_start, raw, head, previous, places):
    """The sentence before a figure without the words its siblings own.

    "已办结6件、不受理5件": 已办结 is the subject of 6, not of 5; "超标天数比例为7.6%,其中轻度
    污染占6.3%": the total's words name the total, not its part. Where the figure's own clause
    names something of its own, the words before the last figure of the sentence, or before a
    breakdown ("其中", "…中,"), do not name it; a clause naming only a place or a season ("其中
    城区为38微克/立方米") keeps the whole sentence.
    """
    position = raw.start
    cut = previous.raw.end - start if previous is not None and previous.raw.end > start else 0
    if cut > 0 and previous.raw.counted and text.startswith(previous.raw.counted, start + cut):
        cut += len(previous.raw.counted)  # "4人被移送行政拘留": the words after a count are its own
    for marker in _BREAKDOWN.finditer(text, start, position):
        cut = max(cut, marker.end() - start)
    if cut <= 0 or "|" in text[lead_start:position]:
        return head  # a row of a table copied as text: its header is far before it
    # "对1家企业实施按日计罚": what a count counts, written after it, is its own words too.
    words = _without_places(text[lead_start:position], lead_start, places) + raw.counted
    if _names_nothing(_RANKING.sub("", _WHERE_WORDS.sub("", words))):
        return head
    return head[cut:]


# The values of a list after one of them, then what they count, said once before the clause
# ends ("、1天、1天轻度污染,"; "、4件未办结。").
_NAMED_AFTER_VALUES = re.compile(
    r"(?:\s*[、和及与]\s*\d+(?:\.\d+)?\s*[天件起个家次]?)*\s*([\u4e00-\u9fff]{2,8})(?=\s*(?:[,，;；。]|$))"
)
_LIST_LEAD_START = re.compile(r"[^。;；\n]*$")
_LIST_CLAUSE_START = re.compile(r"[^,，。;；\n]*$")
_CLAUSE_REST = re.compile(r"[^,，;；。\n(（]*")
# Words that name what a list measures ("各县超标天数依次是:"), not only how it is ranked
# ("从倒数第一名起依次是:").
_NAMES_A_MEASURE = re.compile(
    r"浓度|指数|天数|比例|比率|率|PM|SO|NO|CO|O3|臭氧|颗粒物|污染|优良|水质|声|噪|案件|投诉|信访",
    re.I,
)
# Words before a list's first name that are no part of it: "其中", "各乡镇中", "依次是:".
_BEFORE_THE_NAME = re.compile(r"^.*(?:其中|(?<=[镇乡县区市点站])中|[:：是为])")


def _bracketed_list(text, raw, places):
    """(measure, name) of a value in a list of names with bracketed values: the words naming
    what the values measure and the item's name; None where the value is in no such list.

    The measure is said in the list's own clause ("各县超标天数依次是:") and the words closing
    it ("…综合指数较低"), or, where that clause names no measure ("前10名的乡镇依次是:"), in
    the sentence before it."""
    found = bracketed_list(text, raw.sentence_start, raw.sentence_end, raw.start)
    if found is None:
        return None
    lead = _LIST_CLAUSE_START.search(text, raw.sentence_start, found.start()).group(0)
    rest = _CLAUSE_REST.match(text, found.end(), raw.sentence_end).group(0)
    if not _NAMES_A_MEASURE.search(f"{lead}{rest}"):
        lead = _LIST_LEAD_START.search(text, raw.sentence_start, found.start()).group(0)
    item = next(
        m
        for m in BRACKETED_ITEM.finditer(text, found.start(), found.end())
        if m.start(2) == raw.start
    )
    name_start, name_end = item.span(1)
    # the name from the first place it names: "全市各区县中甲县(" is 甲县's
    begins = [p[0] for p in places if name_start <= p[0] < name_end]
    name = text[min(begins, default=name_start) : name_end]
    return f"{lead}{rest}".strip(), _BEFORE_THE_NAME.sub("", name) or name


# "…PM2.5平均浓度由低到高依次为:东港35微克/立方米,北塘38微克/立方米": a ranked list whose
# items name only their member, a new town, a station or a park no gazetteer holds.
_RANKED_LIST = re.compile(r"依次(?:为|是)\s*[:：]?")
_MEMBER = re.compile(r"[\u4e00-\u9fff]{1,5}")
_MEMBER_MEASURE_WORD = re.compile(r"浓度|指数|天|比例|率|氧|碳|氮|硫|颗粒|污染|优|良|类|水质|声|噪|件|起")


_ITEM_START = re.compile(r"[:：,，、;；]")


def _ranked_member(text, raw):
    """The member a ranked list's item names right before its value ("北塘" of "北塘38微克/立方
    米"): an unknown name with no measure word, after "依次为"; or ""."""
    listed = _RANKED_LIST.search(text, raw.sentence_start, raw.start)
    if listed is None:
        return ""
    starts = [m.end() for m in _ITEM_START.finditer(text, listed.end(), raw.start)]
    member = text[max([listed.end(), *starts]) : raw.start].strip()
    return member if _MEMBER.fullmatch(member) and not _MEMBER_MEASURE_WORD.search(member) else ""


# Asked of the same few words again and again (each figure's clause, with and without its
# places, times, comparisons…), and of the same "同比下降", "为" throughout a text.
@lru_cache(maxsize=256)
def _names_nothing(own):
    rest = _EMPTY_WORDS.sub("", own)
    # "其中优158天,良170天": a grade of the AQI is one character and names a measure
    return len(rest) < 2 and rest not in _GRADES


_GRADES = frozenset({"优", "良"})
_SHARE = re.compile(r"\s*(?:占|约占|占到)")
_BARE_SHARE = re.compile(r"[\s,，]*(?:达标率|比例|占比|比率)\s*(?:为|是|达)?\s*")


# A class or grade of quality as a list item: "Ⅱ类", "Ⅰ~Ⅲ类", "劣Ⅴ类", "三类", "劣四类", "良好级"
# (the first item may open with words the list shares: "水质为优良级").
_CLASS_ITEM = re.compile(
    r"[^、]*?(劣?(?:[ⅠⅡⅢⅣⅤ]+(?:\s*[~～\-—–至]\s*[ⅠⅡⅢⅣⅤ]+)?|[一二三四五](?:[~～\-—–至][一二三四五])?)类"
    r"|[\u4e00-\u9fff]{2}级)(.*)",
    re.S,
)


def _classes_listed(items):
    """Items that are classes of one measure, the noun written once after the last ("Ⅰ类、Ⅱ类
    和劣Ⅴ类水质断面分别占…", "一类、二类和劣四类分别占…"): each class with that noun; else None."""
    found = [_CLASS_ITEM.fullmatch(item) for item in items]
    if len(items) < 2 or not all(found) or any(m.group(2).strip() for m in found[:-1]):
        return None
    if any(m.start(1) > 0 for m in found[1:]):
        return None  # only the first item may open with words of them all ("水质为优良级")
    noun = found[-1].group(2).strip()
    return [f"{m.group(1)}{noun}" for m in found]


def _enumerations(text, start, end):
    """Each "分别" of the sentence with the items before it (or the previous one's items)."""
    groups = []
    for match in _ENUMERATION.finditer(text, start, end):
        clause_from = _clause_start(text, start, match.start())
        stated = [f for f in find_figures(text[clause_from : match.start()]) if f.unit]
        if stated:
            # "PM2.5O3浓度分别上升0.8%7.7%PM10NO2浓度分别下降…": a copy that lost its marks;
            # the items start after the last value stated
            clause_from += stated[-1].end
        head = text[clause_from : match.start()]
        items = [piece for piece in _ITEM_SPLIT.split(head) if piece.strip()]
        day_night = _DAY_AND_NIGHT.search(head)
        if (
            items
            and (
                _DAY_AND_NIGHT.search(items[-1])
                # "功能区声环境质量昼、夜间达标率分别为…": the mark is inside the day-and-night
                or day_night
                and not _ITEM_SPLIT.search(head[: day_night.start()] + head[day_night.end() :])
            )
        ):
            # "2类区昼夜间达标率分别为95.4%和97.3%": the day's, then the night's.
            items = [_DAY_AND_NIGHT.sub(f"{part}间", head, count=1) for part in "昼夜"]
        if len(items) < 2 and clause_from > start:
            # "PM2.5、PM10和臭氧三项污染物,平均浓度分别是…": the items are a clause earlier.
            earlier = _clause_start(text, start, clause_from - 1)
            listed = [
                piece
                for piece in _ITEM_SPLIT.split(text[earlier : clause_from - 1])
                if piece.strip()
            ]
            # Not a clause that states figures itself (its digits are only names: PM2.5, NO2).
            if len(listed) >= 2 and not find_figures(text[earlier:clause_from]):
                items, head = listed, text[earlier : match.start()]
        if len(items) < 2:
            # "同比分别下降…": the items are those of the sentence's previous enumeration.
            if not groups:
                said = text[clause_from : match.start()]
                if (_names_nothing(said) or _THOSE_NAMED.fullmatch(said)) and find_figures(
                    text[start:clause_from]
                ):
                    # "下达处罚决定书1520份,罚没金额9856.3万元,同比分别增长12.1%和8.7%":
                    # the items are the figures said before (``_bind_sentence`` fills them).
                    groups.append({"start": match.start(), "items": None, "head": head})
                continue
            said = text[clause_from : match.start()]
            counted = _COUNTED_BACK.match(said)
            if (
                counted
                and groups[-1]["items"]
                and _count(counted.group(1)) != len(groups[-1]["items"])
                and find_figures(text[start:clause_from])
            ):
                # "SO2、NO2浓度分别为8、34微克/立方米,CO…1.0毫克/立方米;这3项指标同比分别
                # 下降…": as many measures as it counts, said before, not the last list's
                groups.append({"start": match.start(), "items": None, "head": head})
                continue
            items, head = groups[-1]["items"] or [], groups[-1]["head"]
            if not _names_nothing(said):
                # "…达标天数比例分别为…;轻度污染天数比例分别为…": the same places, this
                # clause's measure (nearer the number than the one the last place carries).
                items = [f"{piece}{said}" for piece in items]
        classes = _classes_listed(items)
        groups.append(
            {"start": match.start(), "items": classes or items, "head": head, "classes": classes}
        )
    for index, group in enumerate(groups):
        group["end"] = groups[index + 1]["start"] if index + 1 < len(groups) else end
    listed = _respectively(text, start, end) + _respective_values(text, start, end)
    if not listed:
        listed = _parallel_lists_en(text, start, end)
    return groups + listed


# The measures said before, counted back ("两项数额分别增长61%、64%", "二者分别", "上述三项指标
# 分别"): words that name no measure of their own.
_THOSE_NAMED = re.compile(
    r"\s*(?:上述|以上|这)?\s*(?:两|二|三|四|[234])\s*(?:项|者)[\u4e00-\u9fff]{0,2}?\s*(?:同比|均)?\s*"
)
# "这6项指标", "上述六项污染物": the measures said before, by their number.
_COUNTED_BACK = re.compile(
    r"\s*(?:上述|以上|这|该)\s*([两二三四五六七八九十\d]{1,2})\s*(?:项|个|种)\s*(?:指标|污染物|项目)?"
)
_RESPECTIVELY = re.compile(r",?\s*\brespectively\b", re.I)
# Where the clause of an English list starts: "…, while the average density of PM10 and …".
_LIST_CLAUSE = re.compile(r"[;:]\s*|,\s*(?:while|whereas|and|but)\s+|\b(?:while|whereas)\s+", re.I)
_LIST_VERB = re.compile(
    _CHANGE_VERB
    + r"|\b(?:was|were|stood at|reached|averaged|registered|posted|hit|recorded|reported|logged)\b",
    re.I,
)
# Not PM10's, nor a code a copy wrote apart ("PM 2.5 and PM 10 rose …, respectively").
_LIST_NUMBER = re.compile(r"(?<![A-Za-z\d.])(?!(?<=PM )(?:2\.5|10)\b)\d[\d,]*(?:\.\d+)?")
_LIST_ITEMS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


_YEAR_SAID_EN = re.compile(r"(?:19|20)\d\d(?=\s*,|\s+(?:and|to)\b)|(?<=\b[Ii]n )(?:19|20)\d\d\b")
# A time opening an English list's clause ("In 2031, PM2.5 and PM10 …"): no item of the list.
_TIME_ONLY = re.compile(
    r"(?:(?:in|during|by|for)\s+)?(?:(?:the\s+)?(?:first|second|third|fourth|last)\s+"
    r"(?:quarter|half|three quarters|six months)(?:\s+of\s+(?:this|the|last)\s+year)?"
    r"|(?:(?:from\s+)?{month}\s+(?:through|to|and)\s+)?(?:{month}\s+)?(?:19|20)\d\d"
    r"|this year|last year)".format(
        month=r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    ),
    re.I,
)
# Participles that only introduce a change ("…, registering decreases of 2.15 percent and …").
_REPORTING = re.compile(
    r"\b(?:registering|recording|posting|marking|representing|showing|seeing|reporting|with)\b",
    re.I,
)


def _serial_and(text, clause_from, boundary):
    """Whether a clause boundary ", and" is a list's serial comma before its last item
    ("PM2.5, PM10, and SO2 saw…"), there being a comma of the list before it."""
    return (
        boundary.group(0).strip(", ").lower() == "and"
        and "," in text[clause_from : boundary.start()]
    )


def _respectively(text, start, end):
    """ "the average density of PM10 and sulfur dioxide fell 21.3 percent and 20 percent,
    respectively": English names a list's items before its verb and says "respectively"
    after the values, each value of its item in order."""
    groups = []
    for match in _RESPECTIVELY.finditer(text, start, end):
        clause_from = start
        for boundary in _LIST_CLAUSE.finditer(text, start, match.start()):
            if _LIST_NUMBER.search(text, boundary.end(), match.start()) and not _serial_and(
                text, clause_from, boundary
            ):
                clause_from = boundary.end()
        first = _LIST_NUMBER.search(text, clause_from, match.start())
        while first is not None and _YEAR_SAID_EN.match(text, first.start()):
            # "In 2031, PM2.5 and PM10 …": a year is no value of the list
            first = _LIST_NUMBER.search(text, first.end(), match.start())
        if first is None:
            groups.extend(_respectively_before_values(text, clause_from, match, end))
            continue
        verbs = list(_LIST_VERB.finditer(text, clause_from, first.start()))
        if not verbs:
            continue
        said = text[clause_from : verbs[-1].start()].strip()
        items = [piece for piece in _LIST_ITEMS.split(said) if piece.strip()]
        if items and _CONNECTIVE.fullmatch(items[0].strip()):
            items = items[1:]  # "Meanwhile, …"
        values = _LIST_NUMBER.findall(text, first.start(), match.start())
        if len(items) >= 2 and len(items) == len(values):
            groups.append(
                {"start": verbs[-1].start(), "end": match.start(), "items": items, "head": said}
            )
            continue
        # "In 2031, PM2.5 and PM10 concentrations were 31 and 58 micrograms per cubic meter,
        # down 6.1 percent and 3.3 percent respectively": a time is no item, and two lists of
        # as many values, their levels then their changes, are each of the items in order.
        items = [piece for piece in items if not _TIME_ONLY.fullmatch(piece.strip())]
        if len(items) >= 2 and len(values) == 2 * len(items):
            numbers = list(_LIST_NUMBER.finditer(text, first.start(), match.start()))
            cut = numbers[len(items) - 1].end()
            between = text[cut : numbers[len(items)].start()]
            # "…, down 6.1 and 3.3 percent", "a decline of 2.4 and 4.2 percent to 40 and 69"
            apart = re.search(r"[,;]|\bto\b", between)
            if apart:
                middle = cut + apart.start()
                for group_start, group_end in (
                    (verbs[-1].start(), middle),
                    (middle, match.start()),
                ):
                    groups.append(
                        {"start": group_start, "end": group_end, "items": items, "head": said}
                    )
                continue
        # "… was 1.259 million tonnes and … totalled 11.675 million tonnes, registering
        # year-on-year decreases of 2.15 percent and 3.02 percent, respectively": a clause
        # naming nothing but its change lists one value for each figure said before it
        # (``_bind_sentence`` fills the items).
        said = list(_LIST_VERB.finditer(text, start, match.start()))
        if not said:
            continue
        commas = list(re.finditer(r"[,;:]", text[start : said[-1].start()]))
        if not commas:
            continue
        clause = start + commas[-1].end()
        values = _LIST_NUMBER.findall(text, said[-1].end(), match.start())
        if len(values) >= 2 and _names_nothing(_REPORTING.sub("", text[clause : said[-1].start()])):
            groups.append(
                {"start": said[-1].start(), "end": match.start(), "items": None, "head": ""}
            )
    return groups


# The values after "respectively by": numbers joined by commas or "and", with their units.
_VALUES_AFTER = re.compile(
    r"\s*(?:by|to|at|of)?\s*((?:\d[\d,]*(?:\.\d+)?\s*(?:%|percent(?:age points?)?)?"
    r"(?:\s*(?:,|\band\b)\s*)?)+)",
    re.I,
)


# A word opening a sentence that links it to the one before: no item of its list.
_CONNECTIVE = re.compile(r"meanwhile|furthermore|moreover|in addition|besides|also|however", re.I)


def _items_named(said):
    """The items of an English list before its verb ("PM2.5, PM10 and SO2"), a time or a
    connective opening the clause ("In 2023", "Meanwhile") none of them."""
    return [
        piece
        for piece in _LIST_ITEMS.split(said)
        if piece.strip()
        and not _TIME_ONLY.fullmatch(piece.strip())
        and not _CONNECTIVE.fullmatch(piece.strip())
    ]


def _respectively_before_values(text, clause_from, match, end):
    """ "…PM2.5, PM10, SO2 … and CO in Shandong decreased respectively by 11.5% and 15.8%,
    14.3%…": "respectively" said between the verb and the values, each value of its item."""
    verbs = list(_LIST_VERB.finditer(text, clause_from, match.start()))
    values = _VALUES_AFTER.match(text, match.end(), end)
    if not verbs or values is None or text[verbs[-1].end() : match.start()].strip():
        return []
    said = text[clause_from : verbs[-1].start()].strip()
    items = _items_named(said)
    numbers = _LIST_NUMBER.findall(text, values.start(1), values.end(1))
    if len(items) < 2 or len(items) != len(numbers):
        return []
    return [{"start": verbs[-1].start(), "end": values.end(1), "items": items, "head": said}]


# "…saw respective decreases of 4.3, 4.4 and 10 percent to 22, 43 and 9 mcg": the adjective
# before the values, then a second list of what they reached.
_RESPECTIVE = re.compile(r"\brespective\s+(?:[a-z-]+\s+){1,2}?(?:of|by)\b", re.I)
_LIST_OPENING_VERB = re.compile(r"\s+(?:saw|see|sees|recorded|registered|posted|showed|had)\s*$")
_SECOND_LIST = re.compile(r"\s*(?:to|at)\b")


def _respective_values(text, start, end):
    """ "The average concentrations of PM2.5, PM10, O3 and SO2 saw respective decreases of
    4.3, 4.4, 2.5 and 10 percent to 22, 43, 156 and 9 mcg per cubic meter": each value of its
    item in order, the changes' list and the levels' after "to" alike."""
    groups = []
    for match in _RESPECTIVE.finditer(text, start, end):
        clause_from = start
        for boundary in _LIST_CLAUSE.finditer(text, start, match.start()):
            if not _serial_and(text, clause_from, boundary):
                clause_from = boundary.end()
        said = _LIST_OPENING_VERB.sub("", text[clause_from : match.start()]).strip()
        items = _items_named(said)
        if len(items) < 2:
            continue
        after, opened = match.end(), match.start()
        while after < end:
            values = _VALUES_LISTED.match(text, after, end)
            if values is None:
                break
            numbers = _LIST_NUMBER.findall(text, values.start(1), values.end(1))
            if len(numbers) != len(items):
                break
            groups.append({"start": opened, "end": values.end(1), "items": items, "head": said})
            second = _SECOND_LIST.match(text, values.end(1), end)
            if second is None:
                break
            after, opened = second.end(), second.start()
    return groups


# "SO2, NO2, PM10, PM2.5 … were 5, 9, 35, 20 micrograms per cubic meter": a verb, then as many
# values as the items before it, each with or without its unit.
_LIST_COPULA = re.compile(r"\b(?:were|stood at|averaged|reached)\b", re.I)
_EN_UNIT = (
    r"(?:%|percent(?:age points?)?|days?|decibels?|dB\(?A\)?|mg/m[3³]|[μµu]g/m[3³]"
    r"|(?:micrograms?|mcg)(?:\s*(?:per|/)\s*cubic\s*met(?:er|re)s?)?|milligrams?(?:\s*(?:per|/)\s*cubic"
    r"\s*met(?:er|re)s?)?)"
)
_VALUES_LISTED = re.compile(
    rf"\s*((?:\d[\d,]*(?:\.\d+)?\s*{_EN_UNIT}?(?:\s*(?:,|\band\b)\s*|\s*(?=[.;]|$|\s(?:to|at)\b)))+)",
    re.I,
)


def _parallel_lists_en(text, start, end):
    """English items, a plural verb and as many values after it, without "respectively": each
    value of its item in order (the Chinese list of places and values has its own rule)."""
    if not _LATIN_WORDS.search(text, start, end):
        return []
    groups = []
    for verb in _LIST_COPULA.finditer(text, start, end):
        clause_from = start
        for boundary in re.finditer(r"[.;:]\s", text[start : verb.start()]):
            clause_from = start + boundary.end()
        said = text[clause_from : verb.start()].strip()
        items = _items_named(said)
        values = _VALUES_LISTED.match(text, verb.end(), end)
        if values is None or len(items) < 2:
            continue
        numbers = _LIST_NUMBER.findall(text, values.start(1), values.end(1))
        if len(numbers) == len(items):
            groups.append(
                {"start": verb.start(), "end": values.end(1), "items": items, "head": said}
            )
    return groups


_DAY_AND_NIGHT = re.compile(r"昼夜间?|昼[、/]夜间?|昼间和夜间|昼间[、/]夜间")
_VALUE_JOINT = re.compile(r"\s*(?:、|和|及|与)\s*")


def _unsaid_enumerations(text, start, raws, places):
    """ "南宁、柳州、桂林重度污染天数比例2.8%、6.6%、6.1%": as many values as the places
    listed just before them, without 分别, are of those places in order (not each of all)."""
    out, run = [], []
    for raw in [*raws, None]:
        if raw is not None and run and _VALUE_JOINT.fullmatch(text, run[-1].end, raw.start):
            run.append(raw)
            continue
        if len(run) >= 2:
            clause_from = _clause_start(text, start, run[0].start)
            head = text[clause_from : run[0].start]
            items = [piece for piece in _ITEM_SPLIT.split(head) if piece.strip()]
            named = [text[a:b] for a, b, _d in places if clause_from <= a < run[0].start]
            if (
                not _ENUMERATION.search(head)
                and len(items) == len(run)
                and all(any(item.strip().startswith(name) for name in named) for item in items)
                and all(len(item.strip()) <= 6 for item in items[:-1])
            ):
                out.append(
                    {"start": run[0].start - 1, "end": run[-1].end, "items": items, "head": head}
                )
        run = [raw] if raw is not None else []
    return out


def _group_at(groups, position):
    for group in groups:
        if group["start"] < position < group["end"]:
            return group
    return None


def _flat_enumerates(text, group, position):
    return group["start"] < position < group["end"]


# "由46.5%上升为58.0%": a level moved from, then the verb and 为 before the level reached.
_MOVED_FROM_BEFORE = re.compile(
    r"(?:由|从)\s*\d[\d.,]*\s*[^\d\s,，;；。]{0,12}?\s*" + _CHANGE_VERB + r"\s*为\s*$"
)
# Looked for only in the words just before the number (never longer than this), so that each
# number of a long sentence does not search the whole sentence again.
_MOVED_FROM_SPAN = 80


def _own_clause_after(text, group, raw):
    """Whether a number stands past a semicolon after a list, in a clause naming a measure of
    its own ("分别下降7.3%、4.6%;CO超标率由0.6%下降到0.1%"): the list's verb is not its."""
    semicolon = max(text.rfind(mark, group["start"], raw.start) for mark in ";；")
    if semicolon < 0:
        return False
    return not _names_nothing(text[semicolon + 1 : raw.start])


# "同比多3天", "比上年少2起": more or fewer than the baseline, a change however short its word.
_MORE_OR_FEWER = re.compile(r"(?:同比|环比|(?:比|较)(?:上年|去年|上月)(?:同期)?)\s*(多|少)了?\s*$")


# Emissions cut by an amount: "减排化学需氧量120吨", "削减氮氧化物235.6吨", "减排目标为:氨氮12吨".
_CUT_BY = re.compile(
    r"(?:减排|削减|减少排放)(?:目标)?(?:为|了)?\s*(?:[:：]|(?=化学需氧量|COD|氨氮|二氧化硫|SO2|"
    r"氮氧化物|NOx|挥发性有机物|VOCs?|总磷|总氮|烟粉尘|颗粒物|二氧化碳))",
    re.I,
)
_EMITTED = re.compile(r"排放(?:总)?量|排放总|排放了")


def _kind(text, lead_start, raw, group, places=()):
    if raw.unit == "倍":
        # "超过国家二级标准0.15倍": how many times its measure exceeds the standard, a level
        # of its own, whatever comparison the words make
        return "level", raw.value, ""
    kind, value, verb = _kind_as_worded(text, lead_start, raw, group, places)
    if kind == "level" and value == raw.value and _written_sign(text, raw):
        value = -value  # "分别为-3.2%": a level written below zero
    if raw.family == "mass" and kind in ("level", "target") and value > 0:
        # a tonnage the emissions were (or are to be) cut by is a fall, never a level
        semicolons = [m.end() for m in _SEMICOLON.finditer(text, raw.sentence_start, raw.start)]
        said = text[max([raw.sentence_start, *semicolons]) : raw.start]
        cut = _CUT_BY.search(said)
        # …not a total said after the cut ("减排后,二氧化硫排放量为2.1万吨")
        if cut and not _EMITTED.search(said, cut.end()):
            return ("change" if kind == "level" else kind), -value, cut.group(0)
    return kind, value, verb


# "确保…落细落实,城区优良天数保持350天以上,饮用水水源地水质达标率100%": what a sentence
# ensures or strives for is said of each clause after it, kept at or above a bound.
_ENSURED = re.compile(r"确保|力争")
_KEPT_AT = re.compile(r"保持|稳定在|不低于|不高于|控制在|以上\s*$")


# What is to come, said in the paragraph before: "…将围绕", "下一步", "明年", "计划".
_FUTURE = re.compile(
    r"将(?:要)?(?:围绕|继续|持续|坚持|聚焦|着力|全力|全面|进一步|深入|加快|加大|大力|扎实|统筹|重点|以|确保)"
    r"|要确保|力争|下一步|明年|计划|今后|工作要点|工作安排"
)


def _ensured_before(text, raw):
    """The 确保 of a clause before the number's, in its sentence, in a paragraph that speaks
    of what is to come, where the number's clause keeps a measure at a bound and nothing says
    it was done ("确保了…" was)."""
    said = text[raw.sentence_start : raw.start]
    ensured = [m for m in _ENSURED.finditer(said) if not said.startswith("了", m.end())]
    if not ensured or not _FUTURE.search(text, 0, raw.start):
        return None
    clause = said[_clause_start(said, 0, len(said)) :]
    after = text[raw.end : raw.end + 3]
    if re.search(r"已|实现|完成|同比|较|比上年", clause):
        return None
    # "…保持350天以上", "…达标率100%": kept at a bound, or the value right after its measure
    if not (
        _KEPT_AT.search(clause)
        or re.match(r"以上|以内|以下", after)
        or re.search(r"[率数度值比]\s*$", clause)
    ):
        return None
    return ensured[-1]


def _kind_as_worded(text, lead_start, raw, group, places=()):
    lead = text[lead_start : raw.start]
    signed = _SIGNED_COMPARISON.search(lead)
    if signed:
        # "同比-3.2%", "变化率为-5.4%": a comparison whose size carries its own sign
        return "change", -raw.value, signed.group(1)
    change = _CHANGE.search(lead) or _MORE_OR_FEWER.search(lead)
    if change and _MOVED_FROM_BEFORE.search(text, max(raw.sentence_start, raw.start - _MOVED_FROM_SPAN), raw.start):
        # "由61.4%上升为77.9%": the level the measure reached, not a rise by so much
        change = None
    if change is None and group is not None and not _own_clause_after(text, group, raw):
        # "分别下降2.1%、15.4%": the verb after 分别 applies to every number of the list.
        # A year compared with ("分别较2020年下降") is no number of the list.
        said = _YEAR_SAID.sub("", text[group["start"] : raw.start])
        change = _VERB.search(re.split(r"\d", said)[0])
    if change is None:
        # "同比增加最多的是聊城市,为12天": the comparison is said before the place.
        # The last comparison before it: "…增加最多的是甲市,为12天;同比减少最多的是乙市,为9天".
        window = max(lead_start - 40, raw.sentence_start)
        # not across a semicolon: "…,两者占比同比上升;重度污染天数占比仅0.4%" is a level
        window = max([window, *(m.end() for m in _SEMICOLON.finditer(text, window, raw.start))])
        colons = [m.end() for m in _COLON.finditer(text, window, raw.start)]
        if colons and not _names_nothing(
            _without_places(text[colons[-1] : raw.start], colons[-1], places)
        ):
            # "有1项同比上升是:臭氧浓度196微克/立方米,上升4.8%": the comparison before the colon
            # introduces the list; a number whose words after it name a measure is its level
            window = colons[-1]
        comparisons = (
            list(_COMPARED.finditer(text, window, raw.start))
            if _COMPARED_MARKS.search(text, window, raw.start)
            else []
        )
        compared = comparisons[-1] if comparisons else None
        if (
            compared
            # "降幅前3位的城市依次是:甲市(": how many the comparison ranks is no number between
            and not re.search(r"\d", _FIRST_RANKED.sub("", text[compared.end() : raw.start], 1))
            and not _said_without_size(text, compared, raw)
        ):
            change = compared
    if change is None and raw.unit_code == "day":
        # "累计新增优良天数102天", "其中一级优净增52天": days gained on the year before
        change = _DAYS_GAINED.search(lead)
    clause = text[_clause_start(text, raw.sentence_start, raw.start) : raw.start]
    if change:
        sign = -1 if _DECREASE.search(change.group(0)) else 1
        planned = (
            _TARGET.search(clause)
            or _PLAN_OPENING.match(text, raw.sentence_start, raw.start)
            or _TARGET_LABEL.search(text, raw.sentence_start, raw.start)
        )
        if planned:
            # "by 2020, emissions should have dropped by 15 percent": a change planned.
            return "target", raw.value * sign, planned.group(0).strip()
        if raw.unit_code == "pp" and "改善" in change.group(0):
            sign = 1  # a share that improves rises
        if raw.unit_code == "pp" and "恶化" in change.group(0):
            sign = -1  # …and one that worsens falls
        written = _written_sign(text, raw)
        if written == "bracket":
            sign = -1  # "改善幅度前3位:甲市(-18.6%)": the change as its list signs it
        elif written == "verb":
            sign = -sign  # "分别下降-6.5%": a fall of less than nothing, a rise
        if _target_of_the_number(text, raw):
            # "完成PM2.5浓度同比下降4%的目标": the change is the target, not the result.
            return "target", raw.value * sign, "目标"
        return "change", raw.value * sign, change.group(1) or change.group(0)
    clause = text[_clause_start(text, raw.sentence_start, raw.start) : raw.start]
    if TARGET_GAP.search(clause):
        return "level", raw.value, ""  # "距离年目标值差85天": how far from it, not the target
    beyond = _BEYOND_TARGET.search(lead)
    if beyond:
        # "好于年度目标4.6微克/立方米", "优于考核目标0.9个百分点": how far the measure is past
        # its target, a change signed by the measure's direction (a concentration, a noise
        # level or an index better when lower, a share when higher).
        word = beyond.group(1) or _MORE[beyond.group(2)]
        lower_better = raw.family in ("concentration", "sound_level", "dimensionless")
        if word in ("高于", "超过", "超出"):
            sign = 1
        elif word == "低于":
            sign = -1
        else:
            sign = -1 if (word in ("好于", "优于")) == lower_better else 1
        return "change", raw.value * sign, word
    target = _TARGET.search(clause)
    if target and find_figures(clause[target.end() :]):
        # "好于年度目标0.9个百分点重度及以上污染天数比例为0.9%": the target word is said of
        # the number after it, not of one further on
        target = None
    if (
        target
        and _DONE_BEFORE.search(clause, 0, target.start())
        and not _TARGET_NAMES_ITS_VALUE.search(clause)
    ):
        target = None
    if _TARGET_IN_BRACKETS.search(clause):
        # "完成年度目标(32微克/立方米)": whatever was done, the bracket gives the target
        return "target", raw.value, "目标"
    target = (
        target
        or _PLAN_OPENING.match(text, raw.sentence_start, raw.start)
        or _TARGET_LABEL.search(text, raw.sentence_start, raw.start)
        or _ensured_before(text, raw)
    )
    if target:
        return "target", raw.value, target.group(0).strip()
    if _TARGET_AFTER.match(text[raw.end : raw.end + 4]) and re.search(r"降到|降至|控制", clause):
        if re.search(r"首次|已|历史|有监测", clause):
            return "threshold", raw.value, "以内"  # a threshold crossed, said of the level after it
        return "target", raw.value, "以内"
    compared = _COMPARISON.search(lead)
    if compared:
        word = compared.group(1) or compared.group(2)
        sign = -1 if word in ("低于", "低") else 1
        return "change", raw.value * sign, word
    noun = _CHANGE_NOUN_AFTER.match(text, raw.end, raw.sentence_end)
    if noun:
        # "an 8.3% decrease compared to 2021", "a 1.2 percentage point rise": the change is
        # named after the number.
        word = noun.group(1) or noun.group(2)
        sign = -1 if _DECREASE.search(word) or word == "跌幅" else 1
        if raw.unit_code == "pp" and word == "改善":
            sign = 1  # a share that improves rises
        return "change", raw.value * sign, word
    after = _CHANGE_AFTER.match(text, raw.end, raw.sentence_end)
    if after:
        # "12 more than a year earlier": the comparison is said after the number.
        sign = -1 if re.match(r"fewer|less|lower", after.group(1), re.I) else 1
        return "change", raw.value * sign, after.group(1)
    if _target_of_the_number(text, raw):
        # "完成PM2.5浓度同比下降4%的目标": the number is the target, not the result.
        sign = -1 if _DECREASE.search(lead) else 1
        return "target", raw.value * sign, "目标"
    return "level", raw.value, ""


# The present perfect of a deed: "has shut down", "have closed", "has so far removed".
_DONE_TO_DATE_EN = re.compile(
    r"\b(?:has|have)\s+(?:(?:already|so far|now|also)\s+)?(?:been\s+)?"
    r"(?:[a-z]+ed|shut|cut|built|set up)\b",
    re.I,
)


def _closed_bracket_around(text, sentence_start, expression, position):
    """Whether ``expression`` stands in brackets closed before ``position`` that state a figure
    of their own ("33天(上年同期为44天)", "与去年同期(2030年5月pH均值为6.82)相比"); not brackets
    that date what follows ("(2031年,按GB3095-2012二级标准评价):")."""
    opened = max(
        text.rfind("(", sentence_start, expression.start),
        text.rfind("（", sentence_start, expression.start),
    )
    if opened < 0 or _CLOSING.search(text, opened, expression.start):
        return False
    closed = _CLOSING.search(text, expression.end, position)
    return closed is not None and _states_a_figure(text[expression.end : closed.start()])


_CLOSING = re.compile(r"[)）]")


@lru_cache(maxsize=256)
def _states_a_figure(words):
    """Whether a few words state a figure: asked of the same bracket for each figure after it."""
    return bool(find_figures(words))


def _when_where(text, sentence_start, position, expressions, places, scope, period, place, figure):
    chosen = None
    for expression in expressions:
        if sentence_start <= expression.start and expression.end <= position:
            if expression.baseline and figure.kind == "change":
                continue
            if expression.baseline and position - expression.end > 3:
                continue
            if figure.kind != "target" and _TARGET_YEAR.match(text, expression.end, position):
                # "…未达到2031年目标68微克/立方米;PM2.5浓度为41微克/立方米": the year of a
                # target dates that target, not the levels said after it
                continue
            if expression.kind == "since_five":
                continue  # "“十三五”以来累计下降3.4个百分点": the time of the text's figures
            if _closed_bracket_around(text, sentence_start, expression, position):
                # "优33天(上年同期为44天),良46天": a time said in brackets is of what they hold
                continue
            if "以来" in expression.label and _REMARK.match(text, expression.end, position):
                # "…,“十三五”以来,已实现“六连降”;全国地表水…84.9%": a "since" that dates a
                # remark without a figure, closed by a semicolon, dates nothing after it.
                continue
            chosen = expression
    english = _LATIN_WORDS.search(text, sentence_start, figure.raw.sentence_end)
    attached = english and next(
        (
            e
            for e in expressions
            if figure.raw.end <= e.start < figure.raw.sentence_end
            and (
                not e.baseline
                # "fell to 42 micrograms from 47 micrograms in 2023": the time of the level
                # compared with is that level's own
                or figure.kind == "level"
                and _FROM_BEFORE.search(text, max(0, figure.raw.start - 8), figure.raw.start)
            )
            and not _NUMBER_BETWEEN.search(text, figure.raw.end, e.start)
            and not _CLAUSE_BREAK.search(text, figure.raw.end, e.start)
        ),
        None,
    )
    if attached:
        # "decreasing from 46 micrograms per cubic meter in 2015 to 30 micrograms per cubic
        # meter last year": English says a figure's time right after it, before any other
        # number, whatever time an earlier figure of its clause took.
        chosen = attached
    elif chosen is None or (
        english and chosen.start < _clause_start(text, sentence_start, figure.raw.start)
    ):
        # English (and some Chinese) states the time after the figure: "… 58 μg/m³ in 2017";
        # "…4 percent in 2024, compared with 64.5 percent in 2015": its own clause's time.
        clause_end = _CLAUSE_BREAK.search(text, figure.raw.end, figure.raw.sentence_end)
        limit = clause_end.start() if clause_end else figure.raw.sentence_end
        chosen = next(
            (
                e
                for e in expressions
                if figure.raw.end <= e.start and e.end <= limit and not e.baseline
            ),
            chosen,
        )
    if (
        chosen is not None
        and _CUT_OFF.match(chosen.label)
        and (
            _TEAM_TOTAL.search(text, chosen.end, position)
            or _YEAR_END_TOTAL.match(text, chosen.start)
            and _RUNNING.search(text, chosen.end, position)
        )
    ):
        # What an inspection handed over in all, or what was done in all by the end of a
        # year (截至2023年年底,全省共清理…47万吨): a running total from a start not given.
        chosen = periods_module.Period(chosen.start, chosen.end, chosen.label, None, None)
    whole_year_of = (
        [
            e.last.year
            for e in expressions
            if sentence_start <= e.start
            and e.end <= chosen.start
            and not e.baseline
            and e.last is not None
            and _A_YEAR.fullmatch(e.label)
        ]
        if chosen is not None and chosen.label == "全年"
        else []
    )
    if whole_year_of and chosen.last is not None and whole_year_of[-1] != chosen.last.year:
        # "2021年,…优良率达98.63%,全年优级天数209天": the whole of the year the sentence named
        year = whole_year_of[-1]
        chosen = periods_module.Period(
            chosen.start, chosen.end, chosen.label, date(year, 1, 1), date(year, 12, 31)
        )
    elif (
        chosen is not None
        and chosen.label == "全年"
        and not whole_year_of
        and period[1] is not None
        and chosen.last is not None
        and period[1].year != chosen.last.year
    ):
        # "2024年,…;全年共…": the whole of the year the paragraph is about, which need not be
        # the document's.
        year = period[1].year
        chosen = periods_module.Period(
            chosen.start, chosen.end, chosen.label, date(year, 1, 1), date(year, 12, 31)
        )
    if chosen is not None and "同期" in chosen.label:
        # "2011年1至6月…比2010年同期": the same period as the one the sentence states before.
        stated = [
            e
            for e in expressions
            if sentence_start <= e.start
            and e.end <= chosen.start
            and e.last
            and not e.baseline
            # "(上年同期为44天),良46天(上年同期为30天)": the same period as the sentence's
            # own, not as the last year's said before
            and e.kind != "lastyear"
        ]
        if stated:
            period = (stated[-1].first, stated[-1].last, stated[-1].label, "sentence")
    written = chosen is not None and re.match(r"(?:19|20)\d{2}", chosen.label)
    if (
        chosen is not None
        and "同期" in chosen.label
        and period[1] is not None
        and (not written or int(written.group(0)) < period[1].year)
    ):
        # "去年同期，优良天数为190天": the paragraph's period, a year earlier; "比2010年同期
        # (132.2万吨)": the paragraph's months of 2010.
        back = period[1].year - int(written.group(0)) if written else 1
        when = (_years_back(period[0], back), _years_back(period[1], back), chosen.label)
        figure.reasons.append(f"期间：“{chosen.label}”即{period[2] or '本期'}的同期")
    elif chosen is not None and _slip_of_the_year(chosen, expressions, scope, text):
        when = (scope.period_start, scope.period_end, chosen.label)
        figure.reasons.append(f"期间：“{chosen.label}”当为本月报的月份(年份笔误)")
    elif chosen is not None and (chosen.first or chosen.last):
        when = (chosen.first, chosen.last, chosen.label)
        figure.reasons.append(f"期间：“{chosen.label}”")
        back = _moved_from_over(chosen, text, figure.raw)
        if back:
            # "过去五年,…森林覆盖率由44.3%提高到45.2%": where the measure stood five years
            # before the last year the span counts.
            when = (_years_back(when[0], back), _years_back(when[1], back), chosen.label)
            figure.reasons.append(f"期间：“{chosen.label}”之初")
    elif chosen is not None:
        when = (None, None, chosen.label)
        figure.reasons.append(f"期间：“{chosen.label}”无法确定日期")
    elif (
        period[0] is None
        and period[1] is None
        and (compared := _COMPARED_WITH_YEAR.search(text, sentence_start, figure.raw.sentence_end))
    ):
        # "226, up by 28 compared to 2016" with no period of its own: the year after the one
        # it is compared with.
        year = int(compared.group(1)) + 1
        when = (date(year, 1, 1), date(year, 12, 31), str(year))
        figure.reasons.append(f"期间：与“{compared.group(0)}”相比的下一年")
    elif english and figure.raw.unit_code == "count" and _DONE_TO_DATE_EN.search(
        text, sentence_start, figure.raw.start
    ):
        # "Hebei has shut down three factories": things done to date, in no period said before
        when = (None, None, "")
        figure.reasons.append("期间：迄今所做，未说明期间")
    else:
        # The label is what the sentence says: a period taken from the document says none.
        when = (period[0], period[1], "" if period[3] == "document" else period[2])
        if period[2]:
            figure.reasons.append(
                f"期间：沿用{'段落' if period[3] == 'paragraph' else '文件'}的“{period[2]}”"
            )
    where, where_end = None, 0
    # "除福清(81.89%)、长乐(83.78%)外,达标率均达到100%": the places excepted are not where
    # the figure after the exception is; nor are those of a breakdown closed before it
    # ("查封扣押6起(其中宾阳县1起)、限产停产1起", "…,其中青岛、烟台5市…;PM2.5平均浓度为44").
    excepted = [
        m.span()
        for pattern in (_EXCEPTED, _BREAKDOWN_CLOSED)
        for m in pattern.finditer(text, sentence_start, position)
    ]
    for place_start, place_end, division in places:
        if any(a <= place_start < b <= position for a, b in excepted):
            continue
        if place_end <= position and _of_a_value(text, place_start, place_end, sentence_start):
            continue  # "46.4%(亳州)至97.2%(黄山)": the place of the value before it only
        benchmark = AVERAGE_GIVEN.match(text, place_end)
        if benchmark is not None and benchmark.end() <= position:
            continue  # "…87.1%,接近于全国平均水平(87.9%),同比提升…": the average's place only
        if sentence_start <= place_start and place_end <= position:
            if not _locates(where, division, text[where_end:place_start]):
                where = division  # "Taizhou, a city in Zhejiang province": still Taizhou
            where_end = place_end
    if (
        where is not None
        and is_lake(where)
        and _OTHER_WATERS.search(text, where_end, position)
    ):
        # "洞庭湖湖体…;其他湖库的水质优良率为40.0%": the other lakes are not the one named
        where, where_end = None, 0
    home = scope.home
    if where is not None and is_sea(where) and getattr(home, "level", "") in _DIVISION_LEVELS:
        # "其中渤海近岸海域为88.7%" in a province's bulletin: its own part of the sea, which
        # the qualifier names (a series of its own beside the province's whole coast)
        figure.qualifier = " ".join(q for q in (figure.qualifier, where.name) if q)
        where = home
    own = _PLACE_AFTER_VALUE.match(text, figure.raw.end)
    if own is not None:
        # "PM2.5平均浓度在27微克/立方米(黄山)至68微克/立方米(亳州)之间": the place in brackets
        # right after the value is the value's own.
        named = next((d for a, _b, d in places if a == own.start(1)), None)
        if named is not None:
            where, where_end = named, own.end()
    group = (
        _COUNTED_GROUP.match(text, where_end)
        if getattr(where, "level", "") in ("prefecture", "county")
        and "、" in text[_clause_start(text, sentence_start, where_end) : where_end]
        else None
    )
    if group is not None and _MEAN.search(text, group.end(), position):
        # "梧州、…和崇左10个非重点城市…达标天数比例均值为100%": the mean of the group, of the
        # report's region, not of the last city listed.
        where = scope.region
        figure.reasons.append(f"地点：“{group.group(0).strip()}”的均值")
    if where is not None and _after_a_count_of_cities(text, where_end, position):
        # "…张家界市和吉首市持平;14个市州所在城市…SO2…下降23.8%": a count of cities in a
        # clause after the places named is the report's cities, not the last one named.
        where = scope.region
        figure.reasons.append("地点：其后所述城市数即本文件的城市")
    zone = _ZONE.search(text, max(where_end, sentence_start), position)
    if (
        zone is not None
        and getattr(scope.region, "level", "") == "prefecture"
        and (where is None or re.search(r"[、,，;；]", text[where_end : zone.start()]))
    ):
        # "…青阳县3件、九华山风景区2件": a zone that is no county is of the city the report
        # is on, not of the county listed before it.
        where = scope.region
        figure.reasons.append(f"地点：“{zone.group(0)}”属本文件的{where.name}")
    if _LATIN_WORDS.search(text, sentence_start, figure.raw.sentence_end):
        # English names the place after the figure: "59.3% … occurred in eastern China"; a
        # place so named in the figure's clause beats one of an earlier clause.
        clause_from = _clause_start(text, sentence_start, figure.raw.start)
        clause_end = _CLAUSE_BREAK.search(text, figure.raw.end, figure.raw.sentence_end)
        limit = clause_end.start() if clause_end else figure.raw.sentence_end
        after = next((d for a, b, d in places if figure.raw.end <= a and b <= limit), None)
        own = any(clause_from <= a and b <= position for a, b, _d in places)
        if after is not None and not own:
            where = after
    here = None
    for match in _HERE_WORDS.finditer(text, sentence_start, position):
        if _RANKED_AFTER.match(text, match.end()):
            continue  # "位居全省首位", "全市排名第2": where the place is ranked, not a place
        if _AVERAGE_AFTER.match(text, match.end()) and BENCHMARK_BEFORE.search(
            text, max(0, match.start() - 3), match.start()
        ):
            continue  # "低于全省平均水平0.2个百分点": the average compared with, not a place
        here = match
    if here is not None and (
        where is None or text.rfind(where.name[:2], sentence_start, position) < here.start()
    ):
        # "三、全市水环境" after sections of its counties: 全市 is the document's city, not
        # the county of the section before.
        where = next(
            (r for r in (scope.region, scope.home) if _names_a(here.group(0), r)), None
        )
        if where is not None:
            figure.reasons.append(f"地点：“{here.group(0)}”即本文件的{where.name}")
    elif where is not None:
        part = next(
            (
                part_named(text[a:b])
                for a, b, d in reversed(places)
                if d is where and sentence_start <= a < position
            ),
            None,
        )
        # "西咸新区" said, 西安市 meant: the editor sees both
        figure.reasons.append(f"地点：“{part}”属{where.name}" if part else f"地点：“{where.name}”")
    else:
        where = place[0]
        if where is not None:
            figure.reasons.append(
                f"地点：沿用{'段落' if place[1] == 'paragraph' else '文件'}的{where.name}"
            )
    return (*when, where)


_DIVISION_LEVELS = ("province", "prefecture", "county")
_COMPARED_WORDS = re.compile(r"同比|同期|去年|上年|相比|对比|比较")
# The year a change is measured against: "比2007年提高了5.5个百分点", "较2015年下降".
_BASELINE_YEAR = re.compile(r"(?:比|较|与)\s*((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
# …and in English after the change: "up 5.8 percentage points from 2015".
_BASELINE_YEAR_AFTER_EN = re.compile(
    r"[^,;.\d]{0,30}?\b(?:from|compared with|compared to|than(?: in)?|over)\s+((?:19|20)\d{2})\b"
    r"(?!\s*(?:to|-|–))"
)
# Waters other than the one just named, or the town's own water: "其他湖库", "市区集中式…".
_OTHER_WATERS = re.compile(r"其[他它余][^,，;；。]{0,4}(?:湖|库|河|断面|点位|水体)|市区|城区")


def _slip_of_the_year(chosen, expressions, scope, text):
    """Whether ``chosen``, the report's month of the year before ("2021年1月" in a report of
    2022年1月), dates a paragraph that says no comparison and names no time of the report's
    own year: the author's slip for the report's month."""
    first, last = scope.period_start, scope.period_end
    if chosen.baseline or first is None or last is None or chosen.first is None:
        return False
    if (first.year, first.month) != (last.year, last.month) or first.day != 1:
        return False  # not a monthly report
    if (chosen.first, chosen.last) != (_years_back(first, 1), _years_back(last, 1)):
        return False
    if any(e.last is not None and e.last.year == first.year for e in expressions):
        return False
    return not _COMPARED_WORDS.search(text)


# "由44.3%提高到45.2%", "从3.1万亩扩大至5万亩": the level a measure moved from.
_FROM_BEFORE_ZH = re.compile(r"(?:由|从)\s*$")
_MOVED_TO = re.compile(
    r"\s*(?:提高|上升|增加|增长|提升|扩大|下降|降低|减少|缩小|升|降)了?\s*(?:到|至)"
)


def _moved_from_over(span, text, raw):
    """Years back from the end of a span of recent years ("过去五年") to the level a figure
    says the measure moved from; 0 for any other figure or period."""
    if span.kind != "recent":
        return 0
    if not _FROM_BEFORE_ZH.search(text, max(0, raw.start - 3), raw.start):
        return 0
    if not _MOVED_TO.match(text, raw.end):
        return 0
    return periods_module.recent_years(span) or 0


_RANKED_AFTER = re.compile(r"\s*(?:首位|前列|前茅|第[\d一二三四五六七八九十]|排名|排位|排第|居第|倒数)")


_CITIES_COUNTED = re.compile(
    r"(?:\d+|[一二三四五六七八九十两]+)\s*个(?:地级及以上)?(?:城市|市州|地市|设区市)"
)


def _after_a_count_of_cities(text, place_end, position):
    """Whether a count of cities stands between the place named at ``place_end`` and the
    figure at ``position``, in a clause after the place's."""
    counted = next(reversed(list(_CITIES_COUNTED.finditer(text, place_end, position))), None)
    return counted is not None and bool(_CLAUSE_BREAK.search(text, place_end, counted.start()))


_AVERAGE_AFTER = re.compile(r"\s*(?:的)?\s*(?:平均水平|平均值|均值|平均)")


def _names_a(word, region):
    """Whether 全市/我省/全县… can be ``region``: 全市 a city (北京市, a county's 楚雄市 too),
    never the country or a province the document's region was wrongly taken to be; 全区 a
    district or an autonomous region."""
    if region is None:
        return False
    level = getattr(region, "level", "")
    if word[-1] == "市":
        return level == "prefecture" or region.name.endswith("市")
    if word[-1] == "省":
        return level == "province"
    return level not in ("country", "grouping")


# Also a place left out of an area: "市区(不含甲区)", "全市(不包括乙县)".
_NUMBER_BETWEEN = re.compile(r"(?<![A-Za-z.\d])\d")
_EXCEPTED = re.compile(
    r"除[^。；;,，]{0,60}?[)）]?外|[(（]\s*(?:不含|不包括|未含|未包括)[^。；;()（）]{1,40}[)）]"
    # "(including 18 cities and counties, excluding Sansha City)": the place left out
    r"|[(（][^()（）]{0,60}?\b(?:excluding|except(?:\s+for)?|not\s+including)\b[^()（）]{1,60}[)）]",
    re.I,
)
# A place in brackets right after a value and its unit: that value's place.
_OF_A_VALUE_BEFORE = re.compile(r"\d\s*[^\d\s,，;；。、()（）]{0,12}[(（]\s*$")
_BRACKET_CLOSE = re.compile(r"\s*[)）]")


def _of_a_value(text, start, end, since):
    """Whether the place at ``start:end`` stands alone in brackets right after a value
    ("27微克/立方米(黄山)"): that value's place, not the sentence's."""
    return bool(
        _OF_A_VALUE_BEFORE.search(text, max(since, start - 16), start)
        and _BRACKET_CLOSE.match(text, end)
    )


_PLACE_AFTER_VALUE = re.compile(r"\s*[^\d\s,，;；。、()（）]{0,12}?[(（]\s*([^()（）\d]{2,12})[)）]")
# A breakdown ("其中…") in brackets, or up to the semicolon that closes its clause: the
# places it names are of the part, not of what the sentence says after it.
_BREAKDOWN_CLOSED = re.compile(r"[(（]\s*其中[^()（）。]{1,60}[)）]|其中[^。；;()（）]{1,80}[；;]")


# Words between a place and the province that locates it: ", a coastal city in", " in", and
# the part of China the province lies in (" in northwest China's").
_APPOSITION = re.compile(
    r"\s*,?\s*(?:(?:(?:the |a |an |another |one )?[a-z][a-z -]{0,30}\s)?(?:in|of)\s+(?:the )?"
    r"(?:" + LIES_IN.pattern + r"\s+)?)?"
)


def _locates(inner, outer, between):
    """Whether ``outer`` is a province said only to locate ``inner``, a place inside it named
    just before ("Baoding, Hebei province", "Taizhou, a coastal city in Zhejiang")."""
    if inner is not None and getattr(outer, "level", "") == "country":
        # "The Yangtze River Delta, one of the country's richest regions, saw …"
        return _APPOSITION.fullmatch(between) is not None and "," in between
    # Also a city said to hold a district named before it: "Jinchengjiang district, which is
    # a central urban area of Hechi".
    inner_code, outer_code = getattr(inner, "code", ""), getattr(outer, "code", "")
    level = getattr(outer, "level", "")
    return (
        _APPOSITION.fullmatch(between) is not None
        and level in ("province", "prefecture")
        and len(inner_code) == len(outer_code) == 6
        and inner_code != outer_code
        and inner_code.startswith(outer_code[: 2 if level == "province" else 4])
    )


# "…等4市", and the count of the places listed right after the last ("…、五家渠4城市")
_PLACES_OF_A_GROUP = re.compile(
    r"等?\s*(?:\d+|[一二三四五六七八九十两]+)\s*个?(?:城市|市|县|区|地)$|"
    r"等\s*(?:\d+|[一二三四五六七八九十两]+)\s*个?(?:城市|市|县|区|地)"
)


_SITES_FLAT = re.compile(r"\d+\s*个\s*(?:断面|点位|监测点|测点|水源地|湖库|湖泊|河流|站点)")


# Days of heavy pollution said to be none: "未出现重污染天气", "全年无重度污染天气", "无一出现重污染
# 天", "未发生重度及以上污染天气" (not a warning or a response to one).
_NIL_DAYS = re.compile(
    r"(?:无一?|未|没有)(?:出现|发生)?\s*(重度?(?:及以上)?污染天(?:气|数)?)(?!预警|应急|应对|过程)"
)


# …and in English: "no heavy pollution days were recorded", "no heavily polluted days" (not
# "no serious pollution days": 严重污染, a grade of its own).
_NIL_DAYS_EN = re.compile(
    r"\bno\s+((?:heavy|heavily)\s+(?:air\s+)?"
    r"pollut(?:ion|ed)\s+days?)\b(?!\s+(?:alerts?|warnings?))",
    re.I,
)


def says_none(text):
    """Whether the text says there were none of a measure, a figure without a number."""
    return _NIL_DAYS.search(text) is not None or _NIL_DAYS_EN.search(text) is not None


def _nil_days(text, start, end, raws):
    """The heavy-pollution days of the sentence said to be none, unless a number says them."""
    if any(raw.family == "days" and raw.value == 0 for raw in raws):
        return []
    found = [*_NIL_DAYS.finditer(text, start, end), *_NIL_DAYS_EN.finditer(text, start, end)]
    return sorted(found, key=lambda match: match.start())


def _nil_figure(match, text, start, end):
    """A level of 0 days of what the words say there were none of."""
    unit = "days" if match.group(0).isascii() else "天"
    raw = RawFigure(
        Decimal(0), match.group(0), unit, "day", "days", match.start(), match.end(), start, end
    )
    return Bound(
        raw=raw,
        value=Decimal(0),
        kind="level",
        item=match.group(1),
        head=text[start : match.start(1)],
        quote_span=(start, end),
        reasons=[f"“{match.group(0)}” → 0{unit}"],
    )


# What a measure is flat against, between its name and 持平: "同比", "与上月", "较上年同期相比".
_FLAT_AGAINST = (
    r"\s*(?:同比|环比|(?:与|较|比)(?:上一?年|去年|上个?月|上一?季度|上期)(?:同期)?(?:相比)?)?"
    r"\s*(?:基本)?$"
)


def _flat_figure(match, subject, source, text, start, end, own, places=()):
    """ "同比持平" is a change of 0 in the unit a change of its subject is written in."""
    if _SITES_FLAT.search(own):
        return None  # "甲、乙等30个断面水质持平": how many sites kept their class, no change of 0
    # "…为19%;甲市同比持平": a clause naming only a place is of the figure before it.
    named = _without_places(own, match.start() - len(own), places)
    named = _PLACES_OF_A_GROUP.sub("", named)  # "枣庄等6市同比持平": places, not a measure
    if subject is None and not _names_nothing(named):
        # "优良天数比例上升2.0个百分点,重度及以上污染天数比例持平": the clause names its own
        # subject; a share is flat in 个百分点, a count of days in 天.
        subject, source = own, None
        level_family = (
            "percent"
            if re.search(r"(?:比例|比率|率|占比)" + _FLAT_AGAINST, own)
            else "days"
            if re.search(r"天数" + _FLAT_AGAINST, own)
            else "count"
            if re.search(r"个数" + _FLAT_AGAINST, own)
            else None
        )
        item, head = subject, text[start : match.start()]
    elif subject is None and source is None:
        return None
    elif source is not None:
        # a count's flat is in %, like its change; its unit only where 个数 says so
        level_family = source.raw.family if source.kind == "level" else None
        level_family = None if level_family == "count" else level_family
        if source.kind == "change" and source.raw.unit_code in ("pp", "day"):
            # "…上升4.7个百分点,甲市和乙市同比持平": flat in the unit the change was said in
            level_family = "percent" if source.raw.unit_code == "pp" else "days"
        item = subject if subject is not None else source.item
        head = source.head if subject is None else text[start : match.start()]
    else:
        level_family = None
        item, head = subject, text[start : match.start()]
    if level_family == "percent":
        unit, code, family = "个百分点", "pp", "percentage_point"
    elif level_family == "days":
        unit, code, family = "天", "day", "days"
    elif level_family == "count":
        unit, code, family = "个", "count", "count"  # "达标城市个数同比持平"
    else:
        unit, code, family = "%", "percent", "percent"
    if match.group(0).isascii():
        unit = {"pp": "percentage points", "day": "days", "count": ""}.get(code, unit)
    raw = RawFigure(
        Decimal(0), match.group(0), unit, code, family, match.start(), match.end(), start, end
    )
    return Bound(
        raw=raw,
        value=Decimal(0),
        kind="change",
        item=item.strip(),
        head=head.strip(),
        quote_span=(start, end),
        carried_from=source,
        reasons=[f"“{match.group(0)}” → change 0"],
    )


# What a measure is counted without: "扣除沙尘异常超标天后", "剔除沙尘天气影响后"
_ADJUSTED = re.compile(r"(?:扣除|剔除|除去|不计)[^,，;；。\d]{1,20}?(?:后|影响)")
@lru_cache(maxsize=64)
def _list_closing(unit):
    """The rest of a list of counts in ``unit`` and the words closing it."""
    unit = re.escape(unit)
    return re.compile(
        rf"((?:\s*[、和及与]\s*[^,，;；。、\d]{{1,16}}?\d+(?:\.\d+)?\s*{unit})*)"
        r"\s*([^,，;；。、\d()（）]{2,12}?)\s*(?=[,，;；。]|$)"
    )


def _list_named_after(text, raw, previous):
    """The words closing a list of places' counts ("…22件、乙市4件、丙市1件未按期办结"),
    said of every count of it, the figure one of the list; else ""."""
    said = _list_closing(raw.unit).match(text, raw.end, raw.sentence_end)
    if not said or _VERB.search(said.group(2)):
        return ""
    listed = said.group(1) or _LIST_JOINT.match(text, previous.raw.end)
    return said.group(2) if listed else ""


_LIST_MARKS = re.compile(r"[\s)）(（、,，\-−]*")  # a sign before the next value ("(-31.2%)")


def _listed_after(text, since, position, places):
    """Whether only a place in a list stands between two numbers ("(12.4%)、乙市(")."""
    return bool(_LIST_MARKS.fullmatch(_without_places(text[since:position], since, places)))


# A standard exceeded, named in full or not: "超标", "超过国家《环境空气质量标准》二级标准".
_OVER_A_STANDARD = re.compile(OVER_A_STANDARD)


def _same_family_before(raw, previous, out):
    """The figure a figure naming nothing continues: the one before it, unless that one is a
    share and the figure a number of days or things the sentence counted before it ("优良天数为
    342天,占总天数的93.7%,较上年增加1天": the days, not their share), or the one before it is
    by how many times its measure exceeds a standard ("…46微克/立方米,超标0.15倍,同比下降
    4.2%": the concentration's change)."""
    if previous.raw.unit == "倍" and raw.unit != "倍":
        measured = [f for f in out if not f.derived and f.raw.unit != "倍" and f is not previous]
        if measured and measured[-1].raw.sentence_start == raw.sentence_start:
            return measured[-1]
    if raw.family not in ("days", "count") or previous.raw.family != "percent":
        return previous
    same = [f for f in out if not f.derived and f.raw.family == raw.family]
    return same[-1] if same else previous


def _place_name(figure):
    return getattr(figure.place, "name", None)


def _earlier(level, change):
    """Whether the level is of a period ending before the change's starts."""
    return bool(level.period_end and change.period_start and level.period_end < change.period_start)


def _derive(level, change):
    """The previous period's level implied by a level and its change, or None."""
    current, delta = level.value, change.value
    try:
        if change.raw.unit_code == "pp" and level.raw.family == "percent":
            previous = current - delta
        elif change.raw.family == "percent" and level.raw.family != "percent":
            previous = current / (1 + delta / 100)
        elif change.raw.family == level.raw.family:
            previous = current - delta
        else:
            return None
    except ArithmeticError:
        return None
    exponent = current.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    previous = previous.quantize(Decimal(1).scaleb(-places))
    start = _year_back(level.period_start)
    last = _year_back(level.period_end)
    return replace(
        level,
        value=previous,
        derived=True,
        period_start=start,
        period_end=last,
        period_label="上年同期" if last else "",
        reasons=[
            *level.reasons,
            f"由{level.raw.value_text}{level.raw.unit}与变化{change.raw.value_text}{change.raw.unit}推算",
        ],
        carried_from=None,
    )


def _years_back(day, years):
    for _ in range(years):
        day = _year_back(day)
    return day


def _of_year(period, year):
    """The period's months in another year: a row "2024年" of a table of 1-6月 2025 is of
    January to June 2024; the whole year where the period is none or spans years."""
    start, end, label = period
    if start is None or end is None or start.year != end.year:
        return (date(year, 1, 1), date(year, 12, 31), f"{year}年")
    back = start.year - year
    if back <= 0:
        return period if back == 0 else (date(year, 1, 1), date(year, 12, 31), f"{year}年")
    return (_years_back(start, back), _years_back(end, back), f"{year}年{label}")


def _year_back(day):
    if day is None:
        return None
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


# --- Tables -------------------------------------------------------------------------------

# A unit in brackets closing a header, one bracket inside it too ("同比变化(dB(A))").
_UNIT_IN_HEADER = re.compile(r"[(（]\s*((?:[^()（）]|[(（][^()（）]{1,4}[)）]){1,12})\s*[)）]\s*$")
_SKIP_COLUMN = re.compile(
    r"排名|排序|名次|序号|编号|rank|点次|点位数|断面数|测点数|站点数|城市数|个数|监测天数|有效天数"
    # a standard's value beside the measured one ("标准值/(mg/m3)", "二级标准限值")
    r"|标准值|标准限值|限值|[一二三]级标准",
    re.I,
)


# A column headed by a bare year ("项目 | 2018 | 2019"), alone or under its place ("甲站 2019").
_BARE_YEAR = re.compile(r"(?:^|(?<=\s))((?:19|20)\d{2})(?=\s|$)")
_SAME_TIME_LAST_YEAR = re.compile(r"^(?:上年|去年|上一年)(?:同期)?(?:\s*[(（][^()（）]*[)）])?$")
_ARROW = re.compile(r"^\s*[↑↓▲▼]\s*(?=\d)")


def _nil(units):
    """"持平" as a change of 0, in the unit its column's other changes share."""
    return f"0{next(iter(units))}" if len(units) == 1 else "0"


def _signed(cell):
    """A cell whose arrow or word gives its sign ("↓5.3" → "-5.3", "↑2.9" → "2.9", "减少3天"
    → "-3天")."""
    arrow = _ARROW.match(cell)
    if arrow is None:
        worded = worded_change(numbers_fold(cell))
        return cell if worded is None else worded
    return ("-" if re.search("[↓▼]", arrow.group(0)) else "") + cell[arrow.end() :]


_NOTE_MARK = re.compile(r"(?<=\S)\s*(?:[*＊※#]+|[①-⑳]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[(（]注\d?[)）])$")
# A row label of months without 月 ("1-3", "1—6" under 月份).
_MONTHS_ROW = re.compile(r"\s*(\d{1,2})\s*[-—–~～至]\s*(\d{1,2})\s*")
_YEAR_CELL = re.compile(r"^(?:19|20)\d{2}\s*年?$")
_TIME_OF_DAY = re.compile(r"昼间|夜间")
# A row label of a day of the table's month ("7日", "7号", a bare 7 under 日期 read so).
_DAY_ROW = re.compile(r"^(\d{1,2})\s*[日号]$")
_CLASS_COLUMN = re.compile(r"(?:类别|级别|类型)\s*$")


def _day_of(label, when):
    """The day a row labelled by its day of the month ("7日") is, in a table of one month."""
    found = _DAY_ROW.match(label)
    first, last = when[0], when[1]
    if found is None or not first or not last or first.day != 1:
        return None
    if (first.year, first.month) != (last.year, last.month) or (last + timedelta(1)).day != 1:
        return None  # days of no one whole month
    day = int(found[1])
    return date(first.year, first.month, day) if 1 <= day <= last.day else None


def _realigned(rows):
    """Rows whose first cell, merged over them, the copy lost, so that the next column's word
    stands as their label and a blank ends them ("二氧化硫 | 年平均浓度 | 0.006 | 0.060 |" then
    "百分位(98%)日平均浓度 | 0.010 | 0.150 | |"): the label above, and the cells put back under
    their columns. Only where the word is of the kind of the cell above it (a shared word,
    平均浓度) and a number stands where that row had its word."""
    out = []
    for label, cells, span in rows:
        above = out[-1] if out else None
        if (
            above is not None
            and len(cells) == len(above[1]) >= 2
            and not cells[-1].strip()
            and _PLAIN_NUMBER.match(cells[0])
            and above[1][0].strip()
            and not _PLAIN_NUMBER.match(above[1][0])
            and _shares_a_word(numbers_fold(label), numbers_fold(above[1][0]))
        ):
            out.append((above[0], (label, *cells[:-1]), span))
            continue
        out.append((label, cells, span))
    return out


# A row of a standard's limits under the measured rows ("日标准 | 一级 | 50 | …", "年标准"),
# and the rows of its other classes below it, their label merged away ("二级 | 150 | …").
# A row label stating its measure's unit, before a standard's sign ("粪大肠菌群(个/L)≤").
_OWN_UNIT_LABEL = re.compile(
    r"[(（](?:[^()（）/]{1,4}/[^()（）/]{1,4}|℃|°C|无量纲|%|‰|dB\(?A?\)?)[)）]\s*[≤≥<>]?$"
)
_LIMIT_ROW = re.compile(
    r"^\S{0,4}(?:标准(?:值|限值)?|限值)$"
    # …or the standard named by its number alone ("GB3095-2012")
    r"|^(?:GB|HJ)(?:/T)?\s*\d{3,5}(?:[-—]\d{4})?$"
)
_CLASS_LABEL = re.compile(r"^(?:[一二三]级|[ⅠⅡⅢⅣⅤ]+类|[IV]+类)$")


def _limit_rows(labels):
    """The indices of the rows that state a standard's limits, not measurements."""
    out = set()
    for at, label in enumerate(labels):
        if _LIMIT_ROW.match(label) or (at - 1 in out and _CLASS_LABEL.match(label)):
            out.add(at)
    return out


# A caption naming its table the standard's limits ("表1 环境噪声限值 单位:分贝", "污染物浓度
# 标准值"), and words of one naming the results set beside them ("监测结果与标准限值"), also
# as the measure joined to the limits ("年均浓度及标准限值", "等效声级与国家标准限值").
_LIMITS_TITLE = re.compile(r"(?:限值|标准值)表?$")
_RESULTS_TITLE = re.compile(
    r"结果|监测值|实测|状况|情况|[及与和](?:国家|[一二三]级|标准|评价)*(?:限值|标准值)"
)
_TRAILING_UNIT = re.compile(r"\s*(?:[(（][^()（）]*[)）]|单位\s*[:：]\S*)$")


def _of_limits(caption):
    """Whether a table's caption names it the limits of a standard, no measurements: a table
    the bulletin gives as the standard it applies."""
    parts = [_TRAILING_UNIT.sub("", part) for part in caption.split()]
    return any(_LIMITS_TITLE.search(part) for part in parts) and not _RESULTS_TITLE.search(
        caption
    )


def _shares_a_word(one, other):
    """Whether two cells share two characters in a row (平均浓度 in 年平均浓度)."""
    return any(one[i : i + 2] in other for i in range(len(one) - 1) if one[i : i + 2].strip())


def bind_table(block, folded, gazetteer, scope):
    """Each numeric cell of a table: its row (place, station or period) and column (what, unit).

    Rows are places when most row labels name one (a city by its short form, a county, 全省
    for the whole, 平均 for the average of the places listed); otherwise a row is a station,
    a class or a measure, kept as the figure's qualifier, and the place is the column's (a
    table with a column per city) or the caption's, else the document's.
    """
    from .figures import parse_cell

    if _of_limits(numbers_fold(block.caption)):
        return []
    header, rows = units_into_labels(block.header, block.rows, is_unit)
    block = replace(block, header=header, rows=rows)
    out = []
    expressions_of_caption = periods_module.find_all(numbers_fold(block.caption), scope.context)
    when = next(((e.first, e.last, e.label) for e in expressions_of_caption if e.last), None)
    # Row labels without their year ("3月" under 月份) are of the year the caption gives.
    context = replace(scope.context, year=when[0].year) if when and when[0] else scope.context
    if when is None:
        when = (scope.period_start, scope.period_end, scope.period_label)
    header = [numbers_fold(h) for h in block.header]
    measures = _column_measures(header)
    # A table right under the title has the title for its caption.
    caption = numbers_fold(block.caption or scope.title)
    caption_unit = _CAPTION_UNIT.search(caption) or _UNIT_IN_HEADER.search(caption)
    caption_unit = f"({caption_unit.group(1)})" if caption_unit else ""
    caption_places = [d for _s, _e, d in gazetteer.find_all(caption) if d.level != "country"]
    # A time of day only the caption says, one for the whole table (昼间 or 夜间).
    caption_time = set(_TIME_OF_DAY.findall(numbers_fold(block.caption)))
    caption_time = caption_time.pop() if len(caption_time) == 1 else ""
    home = caption_places[0] if len(caption_places) == 1 else scope.region
    column_periods = [
        [
            e
            for e in periods_module.find_all(_BARE_YEAR.sub(r"\1年", name), scope.context)
            if e.last and not e.baseline
        ]
        for name in header
    ]
    # A change column without a period of its own is of the latest period of the others
    # ("指标 | 2022年 | 2023年 | 变化").
    # Of columns ending together (3月 | 1-3月), the longer: a change is of the period so far.
    latest = max(
        (found[0] for found in column_periods if found and found[0].first),
        key=lambda e: (e.last, e.last - e.first),
        default=None,
    )
    # A change right after a level of no period of its own ("本周浓度 | 与上周相比 | 截至3月21日 |
    # 与去年同期相比") is of that level's, the table's: the latest is the later group's.
    of_the_table = set()
    level_dated = True
    for column, name in enumerate(header):
        if not _CHANGE_WORD.search(name):
            level_dated = bool(column_periods[column])
        elif not level_dated:
            of_the_table.add(column)
    header_unit = _header_unit(header)
    rows = _realigned(block.rows)
    row_labels = merged_labels(
        # A note's mark after a label ("武冈市*", "全市①") is no part of its name.
        [_NOTE_MARK.sub("", numbers_fold(label)) for label, _cells, _span in rows],
        [cells for _label, cells, _span in rows],
    )
    row_labels = _changes_of_the_row_above(row_labels, context, gazetteer)
    side_by_side = _place_columns(block, header, gazetteer, scope, home)
    row_places = _places_of(row_labels, gazetteer, scope, home)
    column_places = _places_of(header, gazetteer, scope, home)
    by_column = row_places is None and column_places is not None
    # Stations named by their places ("黑龙江讷河", "吉林大安") are of those places; among a
    # city's stations named after sites (通天岩, 图书馆), one named after a district's office
    # ("赣县区卫计委") is still the city's.
    placed = sum(1 for label in row_labels if _site_of_a_place(label, gazetteer))
    stations_placed = 2 * placed > len(row_labels)
    limits = _limit_rows(row_labels)
    # The units of the changes in words of each column ("下降9.7%" | "持平" | "上升3.4%").
    worded_columns = {}
    for _label, cells, _span in rows:
        for at, cell in enumerate(cells):
            change = worded_change(numbers_fold(cell))
            if change:
                worded_columns.setdefault(at, set()).add(re.sub(r"^[-\d.,\s]+", "", change))
    for row, (label, cells, span) in enumerate(rows):
        folded_label = row_labels[row]
        if row in limits:
            continue
        row_period = periods_module.find_all(folded_label, context)
        # "↓5.3", "▲2.1", "下降5.3%": a change, its sign in an arrow or a word; "持平" a
        # change of 0 in a row or column of such changes.
        worded = {at for at, cell in enumerate(cells) if worded_change(numbers_fold(cell))}
        arrows = {at for at, cell in enumerate(cells) if _ARROW.match(cell)} | worded
        arrows |= {
            at
            for at, cell in enumerate(cells)
            if unchanged(cell) and (worded or at in worded_columns)
        }
        cells = tuple(
            _nil(worded_columns.get(at, ())) if at in arrows and unchanged(cell) else _signed(cell)
            for at, cell in enumerate(cells)
        )
        words = [
            numbers_fold(cell)
            for at, cell in enumerate(cells)
            if cell
            and at not in side_by_side  # a place of its own, not a word about this row
            and not _BLANK_CELL.match(cell)
            and len(cell) <= 12
            and not _PLAIN_NUMBER.match(cell)
            and parse_cell(numbers_fold(cell), "", "", span) is None
        ]
        # A cell naming a year ("2024年" under 年份, a place's rows of two years) dates its row.
        row_year = next((int(w[:4]) for w in words if _YEAR_CELL.match(w)), None)
        if row_period and row_period[0].last:
            row_year = None
        # A row of a day of the table's month ("7日"), or of months ("1-3" under 月份).
        day = _day_of(folded_label, when)
        months = _MONTHS_ROW.fullmatch(folded_label)
        months = months if months and 1 <= int(months[1]) < int(months[2]) <= 12 else None
        if months and not when[0] and len(rows) > 1:
            # Rows of months in a table that gives no year: no period tells them apart, so
            # each keeps its label; the one row of such a table is the table's period.
            months = None
        for column, cell, item in cells_with_items(tuple(numbers_fold(c) for c in cells)):
            name = header[column] if column < len(header) else ""
            # "氨氮/1.3" under 主要超标项目: the item names the measure, the column its kind.
            name = f"{item} {name}".strip()
            if _SKIP_COLUMN.search(name) or _SKIP_COLUMN.search(folded_label):
                continue
            if _CLASS_COLUMN.search(name):
                continue  # 功能区类别 1, 2, 4: classes, whatever unit the caption gives
            said = _said_before(cells, column)
            said = said if said and not _MEASURE_CELL.search(name) else ""
            if said:
                # "昼间等效声级Ld | 43.2": a word cell naming a measure names the number after it.
                name = said
            unit_said = (
                # A note's exception (CO in mg/m³) stands over the caption's one unit.
                _excepted_unit(numbers_fold(block.note), name)
                or _excepted_unit(caption, name)
                # …or to the row naming it, in a table whose measures are its rows.
                or _excepted_unit(numbers_fold(block.note), folded_label)
                or _excepted_unit(caption, folded_label)
                # Days are days, whatever unit a caption gives the concentrations.
                # A row of a measure with its own unit ("水温(℃)", "pH值(无量纲)") keeps it.
                or (
                    caption_unit
                    if not _UNITLESS_COLUMN.search(name)
                    and "天数" not in name
                    and not _OWN_UNIT_LABEL.search(folded_label)
                    else ""
                )
                or _noted_unit(numbers_fold(block.note), _named_by(name, caption))
                or _noted_unit(header_unit, name)
            )
            earlier = _EARLIER_IN_BRACKETS.match(numbers_fold(cell))
            if earlier:
                cell = earlier.group(1)
            # A row of changes with its own unit ("同比变化(%)" under "SO2(μg/m³)"): the row's.
            headers = (name, folded_label)
            if _CHANGE_WORD.search(folded_label) and _UNIT_IN_HEADER.search(folded_label):
                headers = (folded_label, name)
            raw = parse_cell(numbers_fold(cell), *headers, span, unit_said)
            if raw is None:
                continue
            if raw.unit_code == "index" and _counts_cases(cell, name, folded_label, caption):
                # "已办结 | 231" in a table of 信访投诉: a count of them, in 件.
                raw = parse_cell(numbers_fold(cell), f"{name}(件)", folded_label, span)
            raw = _in_its_cell(raw, folded, span, (label, *cells), column)
            said_of = f"{name} {folded_label}"
            if (
                raw.unit_code == "index"
                and not item
                and not _INDEX_COLUMN.search(said_of)
                and not _MEASURE_CELL.search(said_of)
                and ("." not in cell or not _LEVEL_COLUMN.search(said_of))
            ):
                # A bare number under no measure: a class, a code, a lost count; a decimal
                # under 昼间/夜间 or a mean is a level whose unit the text gives elsewhere.
                continue
            own_place = next((p for p in reversed(side_by_side) if p < column), None)
            quote = span
            # "某污水处理厂 | 红塔区 | 18": a place column right after a label that is no rank
            # or row number places the site the label names.
            site = own_place == 0 and not _PLAIN_NUMBER.match(folded_label)
            if own_place is not None and not site:
                # Its quote starts at its own place, not at the row's first ranking.
                quote = (
                    span[0]
                    + cell_offsets(folded[span[0] : span[1]], (label, *cells))[own_place + 1],
                    span[1],
                )
            site_row = False
            if own_place is not None:
                # Two tables side by side ("县 | CWQI | 县 | △CWQI"): a cell is of the place
                # in the place column before it; not of any, where the copy lost that place.
                if _BLANK_CELL.match(cells[own_place]):
                    continue
                found = _label_place(
                    numbers_fold(cells[own_place]), gazetteer, scope, home
                ) or _unknown_place(numbers_fold(cells[own_place]), home)
                place, qualifier = (found[0], found[1]), found[3]
                if site:
                    qualifier = " ".join(q for q in (folded_label, qualifier) if q)
            elif by_column:
                place, qualifier = column_places[column][0], _not_measure(folded_label)
            elif row_places is not None:
                place, qualifier = row_places[row]
            elif _MEASURE_WORD.search(folded_label):
                # A row per measure, a column per class ("达标率(%)" under "1类 昼"): the
                # column says what the figure is of.
                place, qualifier = (home, ""), _not_measure(name)
            else:
                # A station's row: the place its name or its words name ("黑龙江肇源"), else
                # the table's.
                inside = _place_in_words((folded_label, *words), gazetteer)
                if not stations_placed and _site_of_a_place(folded_label, gazetteer):
                    inside = None
                place = (inside, f"“{inside.name}”") if inside is not None else (home, "")
                qualifier = folded_label
                # …whose name is no part of what is measured ("松林小学" under "统计结果 昼间")
                site_row = bool(_SITE_WORD.search(folded_label)) and not (
                    _SITE_NAMES_MEASURE.search(folded_label)
                )
            if row_period and row_period[0].last and _words_of(qualifier, folded_label):
                # A row of a year is of its place, not a station; a column's station stays
                # its station in a row of last year ("上年同期") or of the change from it.
                qualifier = ""
            if months or day:
                # "1-3" under 月份: a row of months, no station; its word cells (首要污染物
                # PM10) are other columns' values, not what the row's figures are of.
                qualifier = ""
            qualifier = " ".join(q for q in (qualifier, *([] if months or day else words)) if q)
            if raw.family == "count" and qualifier in ("合计", "总计", "汇总"):
                qualifier = ""  # the sum of the places' counts is the whole's count
            zone_class = _ZONE_CLASS.search(name)
            if zone_class and zone_class.group(0) not in qualifier:
                # "1类 昼" under a row of a city: the city's figure of that class of zone.
                qualifier = " ".join(q for q in (qualifier, zone_class.group(0)) if q)
            period = _of_year(when, row_year) if row_year else when
            if months and when[0]:
                first, last = map(int, months.groups())
                end = date(when[0].year, last % 12 + 1, 1) if last < 12 else None
                end = (end - timedelta(days=1)) if end else date(when[0].year, 12, 31)
                period = (date(when[0].year, first, 1), end, f"{first}-{last}月")
            if day:
                period = (day, day, f"{day.month}月{day.day}日")
            if (
                (
                    _SAME_TIME_LAST_YEAR.match(name)
                    # its measure under it: "上年同期 优良率(%)", an upper cell merged over two
                    or _SAME_TIME_LAST_YEAR.match(name.split(" ", 1)[0])
                    or _SAME_TIME_LAST_YEAR.match(folded_label)
                )
                and period[0]
                and not row_year
            ):
                # A column "上年同期" beside "本月", or such a row under the months: the
                # table's period a year earlier.
                period = (_year_back(period[0]), _year_back(period[1]), f"{period[2]}上年同期")
            column_period = column_periods[column] if column < len(column_periods) else []
            kind = (
                "change"
                if _CHANGE_WORD.search(name + folded_label) or column in arrows
                else "level"
            )
            if (
                kind == "change"
                and not column_period
                and latest is not None
                and column not in of_the_table
            ):
                column_period = [latest]
            if row_period and row_period[0].last and not row_period[0].baseline:
                period = (row_period[0].first, row_period[0].last, row_period[0].label)
            elif column_period:
                period = (column_period[0].first, column_period[0].last, column_period[0].label)
            division, how = place
            extreme = _EXTREME.search(f"{name} {folded_label}")
            measure = said or (measures[column] if column < len(measures) else name)
            measure = f"{item} {measure}" if item else measure
            if caption_time and not _TIME_OF_DAY.search(f"{measure} {folded_label}"):
                # "…道路夜间交通噪声统计表" over "Leq dB(A)": the night's level.
                measure = f"{caption_time} {measure}"
            if of_day_or_class_only(measure) and not _MEASURE_WORD.search(folded_label):
                # "0类 昼" under a caption "…点次达标率": the caption's measure, of that class
                # by day.
                measure = f"{measure}{_caption_measure(caption)}"
            # A row of a place or a site names no measure: its label goes to the head or the
            # qualifier, not the item.
            of_measure = (by_column or row_places is None) and not site_row
            out.append(
                Bound(
                    raw=raw,
                    value=_improvement_signed(raw.value, kind, f"{name} {folded_label}", measure),
                    kind=kind,
                    item=f"{measure} {folded_label if of_measure else ''}".strip(),
                    head=f"{scope.title} {numbers_fold(block.caption)}",
                    period_start=period[0],
                    period_end=period[1],
                    period_label=period[2] or "",
                    place=division,
                    quote_span=quote,
                    qualifier=qualifier,
                    statistic=extreme.group(0) if extreme else "",
                    reasons=[
                        f"表格：行“{label}”，列“{block.header[column] if column < len(block.header) else ''}”",
                        *([ONE_ROW] if len(rows) == 1 else []),
                        *([f"地点：{how}"] if how else []),
                    ],
                )
            )
            if earlier:
                # "3.25(3.76)": the same measure a year before, in brackets.
                before = parse_cell(earlier.group(2), *headers, span, unit_said)
                if before is not None:
                    last = out[-1]
                    out.append(
                        replace(
                            last,
                            raw=before,
                            value=before.value,
                            period_start=_year_back(last.period_start),
                            period_end=_year_back(last.period_end),
                            period_label=f"{last.period_label}同期（括号内）",
                            qualifier=" ".join(q for q in (last.qualifier, "同期") if q),
                            reasons=[*last.reasons, "期间：括号内为上年同期"],
                        )
                    )
    return out


# A statistic of a column or row other than the mean: a maximum or a minimum.
_EXTREME = re.compile(r"最大值|最小值|最高值|最低值|峰值|\bmax(?:imum)?\b|\bmin(?:imum)?\b", re.I)

# What names a site: a station, a school, a park, a road, a works.
_SITE_WORD = re.compile(
    r"站|点位|学|校|园|路|街|村|镇|厂|场|局|院|所|馆|桥|口|小区|中心|大厦|宾馆|酒店|社区|码头|广场|"
    r"公司|寺|城|湖|河|山|库|湾|岛|港"
)
# What a row's label names beside its site: a pollutant, a class, a time of day, a statistic.
_SITE_NAMES_MEASURE = re.compile(
    r"SO|NO|PM|CO|O3|pH|COD|BOD|DO|TP|TN|[A-Za-z]\d|化|氮|磷|氧|硫|碳|铅|汞|镉|铬|砷|"
    r"类|昼|夜|均|最|总|声|噪|水|气|尘|率|量|值|度|数|指|报|诉|访|案|件|电|信|网"
)
_MEASURE_WORD = re.compile(
    r"率|浓度|指数|比例|天数|声级|点次|均值|平均值|Leq|AQI|PM|[(（][^()（）]*[)）]|单位|数量|面积|总量"
)


_ZONE_CLASS = re.compile(r"(?<![\dA-Za-z])[0-4][ab]?\s*类(?:区)?")
# A column naming only a class of zone and a time of day ("0类 昼", "4a类 夜间").
_DAY_OR_CLASS_ONLY = re.compile(r"^(?:\s*(?:[0-4][ab]?\s*类(?:区)?|昼间?|夜间?|合计|平均))+\s*$")
# Measures of noise a caption names for such columns, the last one said.
_CAPTION_NOISE_MEASURE = re.compile(r"达标率|等效声级|声级|Leq", re.I)


def of_day_or_class_only(name):
    return bool(_DAY_OR_CLASS_ONLY.match(_UNIT_IN_HEADER.sub("", name)))


def _caption_measure(caption):
    found = _CAPTION_NOISE_MEASURE.findall(caption)
    return found[-1] if found else ""


# What a table counts in 件 when its caption or title names it: petitions, complaints, cases.
_CASES_COUNTED = re.compile(r"信访|投诉|举报|来信|来访|案件|案卷")
# A column of another kind than a count: a rate, a share, a measure, money, a rank.
_NOT_A_COUNT = re.compile(
    r"率|比例|占比|比重|指数|浓度|金额|罚款|天数|同比|环比|变化|增减|排名|序号"
)


def _counts_cases(cell, name, label, caption):
    """Whether a bare whole number is a count of the cases the table's caption names
    ("各市州环境信访投诉举报办理情况统计表" over "已办结 | 办理中 | 合计"): a column and row
    naming nothing of another kind."""
    return (
        bool(re.fullmatch(r"\s*\d+\s*", cell))
        and bool(_CASES_COUNTED.search(caption))
        and not _NOT_A_COUNT.search(f"{name} {label}")
        and not _UNIT_IN_HEADER.search(name)
    )


def _words_of(qualifier, label):
    """Whether the qualifier is the label's, word for word (no column's)."""
    return all(word in label for word in qualifier.split())


def _not_measure(name):
    """The words of a header that are not a measure or unit ("0类 昼" of "0类 昼 达标率(%)")."""
    words = [w for w in re.split(r"\s+", _UNIT_IN_HEADER.sub("", name)) if w]
    return " ".join(w for w in words if not _MEASURE_WORD.search(w))


_EARLIER_IN_BRACKETS = re.compile(
    r"^\s*([-+−]?\d[\d,]*(?:\.\d+)?\s*%?)\s*[(（]\s*([-+−]?\d[\d,]*(?:\.\d+)?\s*%?)\s*[)）]\s*$"
)
_PLAIN_NUMBER = re.compile(r"^\s*[-+−]?\d[\d,]*(?:\.\d+)?\s*%?\s*$")
_BLANK_CELL = re.compile(r"^\s*(?:[—–\-/]+|--)?\s*$")
# A row or column of the whole: 全省, 全市平均, 合计, 平均值 (of the places listed).
_TOTAL = re.compile(
    r"^(?:全省|全市|全区|全县|全州|全盟|本市|本省|本区|本县|全域|[省市区县]|市区|城区|市城区|主城区|中心城区)?"
    r"(?:平均|均值|平均值|合计|总计|汇总|总体|整体)?(?:值|水平)?$"
)


_UNIT_WORDS = (
    r"(微克/立方米|毫克/立方米|μg/m³|mg/m³|μg/m3|ug/m3|mg/m3(?!\d)|mg/L|毫克/升|dB\(A\)|dB(?![A-Za-z(])"
    r"|分贝|%)"
)
_CARBON_MONOXIDE_CELL = re.compile(r"^\s*(?:CO|一氧化碳)(?![A-Za-z])", re.I)


def _header_unit(header):
    """The one unit written in a table's header, however cut ("监测数值(dB"): the unit of the
    measures it fits, whichever column the copy shifted it over. A unit in carbon monoxide's
    own cell ("CO第95百分位数(毫克/立方米)") is CO's alone: singled out so, it says the other
    pollutants are in μg/m³, as the air quality standard states them."""
    others = [cell for cell in header if not _CARBON_MONOXIDE_CELL.match(cell)]
    units = set(re.findall(_UNIT_WORDS, " ".join(others)))
    if not units and len(others) < len(header):
        own = set(re.findall(_UNIT_WORDS, " ".join(set(header) - set(others))))
        units = {"微克/立方米"} if own <= {"毫克/立方米", "mg/m³", "mg/m3"} and own else set()
    return units.pop() if len(units) == 1 else ""


# Columns of values without a unit, whatever unit a caption gives the table's others.
_UNITLESS_COLUMN = re.compile(r"(?<!高锰酸盐)指数|pH|AQI|CWQI|WQI|\bEQ?I\b", re.I)
# Headers under which a number without a unit is a value: indices, pH and their kin.
_INDEX_COLUMN = re.compile(r"指数|pH|AQI|CWQI|WQI|EI|EQI|综合|index|质量指数|[△Δ]", re.I)
_MEASURE_CELL = re.compile(
    r"声级|浓度|指数|比例|达标率|Leq|L[dn]\b|PM|SO2|NO2|O3|CO|pH|溶解氧|氨氮|总磷|颗粒物|二氧化|"
    r"一氧化碳|臭氧",
    re.I,
)


def _said_before(cells, column):
    """The word cell right before a number that names a measure, or "" (used where the
    column's own header names none)."""
    if column == 0:
        return ""
    before = numbers_fold(cells[column - 1])
    if _BLANK_CELL.match(before) or re.match(r"^[-+−]?\d", before):
        return ""
    # A measure ("昼间等效声级Ld", "PM2.5浓度"), not a pollutant alone: "PM2.5" under 首要污染物
    # is that column's value, and the number after it (超标天数) is not of PM2.5.
    return before if len(before) <= 16 and _SAID_MEASURE.search(before) else ""


# Headers of levels: day and night, equivalent sound levels, means.
_LEVEL_COLUMN = re.compile(r"昼|夜|等效|噪声|均值|平均|值")
_SAID_MEASURE = re.compile(r"声级|浓度|指数|比例|达标率|Leq|L[dn]\b|均值|平均值", re.I)


_EXCEPT = re.compile(
    # "除CO为毫克/立方米外,其它均为微克/立方米", "CO单位为mg/m³,其余监测项目单位为μg/m³",
    # "一氧化碳的单位为毫克/立方米,其他项目的单位为微克/立方米"
    rf"(?:(?:(?<=[\s:：、,，;；\d])|^)除?|除)([^除\s:：、,，;；\d][^:：,，;；]{{0,11}}?)的?"
    rf"(?:为|是|单位为|单位是){_UNIT_WORDS}外?"
    rf"[^。;；]{{0,6}}?(?:其它|其他|其余)[^。;；,，]{{0,8}}?(?:均|都)?(?:为|是){_UNIT_WORDS}"
)


def _named_by(name, caption):
    """What a column measures for a unit to fit it: its own name, or where that names only a
    period ("2024年", "1月"), the caption's measure too ("各市PM2.5浓度年际变化")."""
    if _MEASURE_CELL.search(name) or re.search(r"率|比例|天数|声级|Leq", name, re.I):
        return name
    return f"{name} {caption}"


# A pollutant a note names in characters, by the code a header writes it in.
_POLLUTANT_CODES = {
    "一氧化碳": "CO",
    "二氧化硫": "SO2",
    "二氧化氮": "NO2",
    "臭氧": "O3",
    "细颗粒物": "PM2.5",
    "可吸入颗粒物": "PM10",
}


# "单位：微克/立方米(CO为毫克/立方米)", "单位:μg/m³,CO:mg/m³": the one unit, then the column
# that has another.
_EXCEPT_AFTER = re.compile(
    # …or run on without a mark, as a header cell's copy leaves it: "单位:μg/m3CO单位为mg/m3".
    rf"单位\s*[:：]\s*{_UNIT_WORDS}\s*[(（,，;；]?\s*(?:其中)?"
    rf"([^\s:：、,，;；()（）\d][^:：,，;；()（）]{{0,11}}?)的?(?:为|是|单位为|[:：])\s*{_UNIT_WORDS}"
)


def _exception(text):
    """``(names, unit)``: the column a note or caption singles out and its unit, or None."""
    if not text:
        return None
    before = _EXCEPT.search(text)
    if before:
        return before.group(1), before.group(2)
    after = _EXCEPT_AFTER.search(text)
    return (after.group(2), after.group(3)) if after else None


def _excepted(names, column):
    """Whether the column is one a note's exception names ("CO", "一氧化碳")."""
    # "除一氧化碳浓度单位为…外": the pollutant, whatever the note says of it
    named = [re.sub(r"的?(?:浓度|含量)$", "", word) for word in re.split(r"[、和及]", names)]
    named += [_POLLUTANT_CODES[word] for word in named if word in _POLLUTANT_CODES]
    return any(word and word.lower() in column.lower() for word in named)


def _excepted_unit(note, column):
    """The unit a note gives a column it names as the exception ("CO单位为mg/m³,其余…"): it
    stands over the one unit a caption gives the whole table."""
    exception = _exception(note)
    if exception is None or not _excepted(exception[0], column):
        return ""
    return f"({exception[1]})" if _unit_fits(exception[1], column) else ""


def _noted_unit(note, column):
    """The unit a note under the table gives a column: "单位:除CO为毫克/立方米外,其它均为微克/
    立方米" gives CO columns mg/m³ and the others μg/m³; a single unit is every column's."""
    if not note:
        return ""
    exception = _EXCEPT.search(note)
    if exception:
        unit = exception.group(2) if _excepted(exception.group(1), column) else exception.group(3)
        return f"({unit})" if _unit_fits(unit, column) else ""
    units = re.findall(_UNIT_WORDS, note)
    return f"({units[0]})" if len(set(units)) == 1 and _unit_fits(units[0], column) else ""


_CONCENTRATION_COLUMN = re.compile(
    r"浓度|SO2|NO2|PM|CO|O3|二氧化|一氧化|臭氧|颗粒物|氨氮|溶解氧|高锰酸盐|总磷|总氮|COD|DO|NH3",
    re.I,
)


def _unit_fits(unit, column):
    """Whether a unit a note states for the table can be this column's (not an index's, not
    a count of days')."""
    if re.search(r"(?<!高锰酸盐)指数|天数|pH", column):
        return False  # the permanganate index is a concentration (mg/L), no index
    if unit == "%":
        return bool(re.search(r"率|比例|占比", column))
    if unit in ("dB(A)", "分贝", "dB"):
        return bool(re.search(r"声级|昼|夜|Leq|噪声", column, re.I))
    return bool(_CONCENTRATION_COLUMN.search(column))


_DEPTH = {"country": 0, "grouping": 1, "province": 2, "prefecture": 3, "county": 4}


def _site_of_a_place(label, gazetteer):
    """Whether ``label`` names a place and goes on past it: a site there ("赣县区卫计委",
    "黑龙江讷河"), not the place alone ("普陀区")."""
    named = gazetteer.find_all(label)
    return bool(named) and not any(s == 0 and e == len(label) for s, e, _d in named)


def _place_in_words(words, gazetteer):
    """The most precise division named in a row's words, a province's or city's short form
    followed by a county's or city's included ("黑龙江肇源" → 肇源县, "吉林长春松花江村" →
    长春市); None if none."""
    best = None
    within = getattr(gazetteer, "named_within", None)
    for word in words:
        for _start, end, division in gazetteer.find_all(word):
            found = division
            if division.level in ("province", "prefecture") and within is not None:
                rest = word[end:]
                for size in (4, 3, 2):
                    inner = within(rest[:size], division) if len(rest) >= size else None
                    if inner is not None:
                        found = inner
                        break
            if (
                best is None
                or found is not division
                or _DEPTH.get(found.level, 0) > _DEPTH.get(best.level, 0)
            ):
                best = found
    return best


def _place_columns(block, header, gazetteer, scope, home):
    """Columns after the first whose cells are places in most rows (a second table beside the
    first, or a ranking of other places)."""
    out = []
    for column in range(len(header)):
        values = [
            numbers_fold(cells[column]) for _l, cells, _s in block.rows if column < len(cells)
        ]
        named = [v for v in values if v and _label_place(v, gazetteer, scope, home)]
        if values and len(named) * 2 > len(values) and not _sites_of(block, out, column):
            out.append(column)
    return out


def _sites_of(block, places, column):
    """Whether a column's cells are sites named after the place in a place column before them
    ("温江区" | … | "温江区金马自来水厂饮用水水源地"): no places of their own."""
    for before in places:
        pairs = [
            (cells[before].strip(), cells[column].strip())
            for _l, cells, _s in block.rows
            if column < len(cells) and cells[before].strip() and cells[column].strip()
        ]
        starting = sum(1 for place, site in pairs if site != place and site.startswith(place))
        if pairs and starting * 2 > len(pairs):
            return True
    return False


def _places_of(labels, gazetteer, scope, home):
    """``[(Division, why), qualifier]`` for each label when the labels are places, else None.

    Labels are places when at least half of those that are not totals name one; a label then
    naming none is a place the gazetteer lacks, kept under its own name.
    """
    resolved = [_label_place(label, gazetteer, scope, home) for label in labels]
    named = [r for r in resolved if r is not None and r[2] == "place"]
    others = [
        label for label, r in zip(labels, resolved, strict=True) if r is None or r[2] == "place"
    ]
    if not named or len(named) * 2 < len(others):
        return None
    out = []
    for label, found in zip(labels, resolved, strict=True):
        if found is None:
            found = _unknown_place(label, home)
        division, why, _what, qualifier = found
        out.append(((division, why), qualifier))
    return out


def _in_its_cell(raw, folded, span, row_cells, column):
    """A cell's figure placed on its number in the row (its quote stays the whole row), so
    that the editor's marks and the numbers left unread know which cell it was read from."""
    cell_at = span[0] + cell_offsets(folded[span[0] : span[1]], row_cells)[column + 1]
    number_at = folded.find(raw.value_text, cell_at, span[1])
    if number_at < 0:
        return raw
    return replace(raw, start=number_at, end=number_at + len(raw.value_text))


@lru_cache(maxsize=4096)
def _label_place(label, gazetteer, scope, home):
    """(Division, why, "place" | "total", qualifier) for a row or column label, or None."""
    bare = re.sub(r"\s+", "", _UNIT_IN_HEADER.sub("", label))
    if not bare or re.search(r"\d{4}|[年月]", bare):
        return None
    inner = _UNIT_IN_HEADER.search(label)
    within = [d for _s, _e, d in gazetteer.find_all(inner.group(1))] if inner else []
    if within and within[0].level in ("prefecture", "county"):
        # "医药高新区 (高港区)": a zone and, in brackets, the district it lies in.
        return (within[0], f"“{within[0].name}”（括号内）", "place", bare)
    if _TOTAL.match(bare) and (bare not in "省市区县"):
        total = re.search(r"平均|均值|合计|总计|汇总", bare)
        return (home, f"“{label}”即本文件的范围", "total", total.group(0) if total else "")
    found = [d for _s, _e, d in gazetteer.find_all(bare)] or _pinyin_within(label, gazetteer, home)
    if found:
        division = found[0]
        named_as = division.short if division.short and division.short in bare else division.name
        rest = bare.split(named_as, 1)[-1] if named_as in bare else ""
        rest = re.sub(r"^(?:市|县|区|州|盟|旗)", "", rest)
        if division.level == "country":
            return (division, "全国", "total" if not rest else "place", rest)
        if division.level in ("province", "prefecture") and rest:
            # "黑龙江肇源": a province's short form, then a county's or city's.
            inner = _place_in_words((bare,), gazetteer)
            if inner is not None and inner is not division:
                return (inner, f"“{inner.name}”", "place", rest)
        return (division, f"“{division.name}”", "place", rest)
    named = getattr(gazetteer, "named", None)
    if named is not None and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", bare):
        division = named(bare)
        if division is not None:
            return (division, f"“{bare}”即{division.name}", "place", "")
    inside_of = getattr(gazetteer, "named_within", None)
    if (
        within is not None
        and home is not None
        and re.fullmatch(r"[\u4e00-\u9fff]{2,4}[县旗]", bare)
    ):
        # "木垒县" in a table of 昌吉州: a county of the table's place by its short form and
        # 县, its full name 木垒哈萨克自治县.
        division = inside_of(bare[:-1], home)
        if division is not None and division.level == "county":
            return (division, f"“{bare}”即{division.name}", "place", "")
    if _ZONE_LABEL.search(bare):
        # "高新区", "经开区": a zone of the table's place that is no county, kept by its name.
        return (home, f"“{bare}”为{home.name}的园区" if home else "", "place", bare)
    if re.fullmatch(r"[\u4e00-\u9fff]{1,6}(?:市|县|区|旗|州|盟)", bare) and not re.search(
        r"[类能季度业站点测电队局厂园处科所院校司组心场]|功能|城区|市区", bare
    ):
        from .places import Division

        level = "county" if bare[-1] in "县区旗" else "prefecture"
        return (Division("", bare, bare[:-1], level), f"“{bare}”", "place", "")
    return None


# Development and management zones, parks and scenic areas: no county of their own.
_ZONE_LABEL = re.compile(r"(?:高新|经开|开发|工业|园|经济|示范|保税|管理|旅游|度假|风景|功能)区$")


def _pinyin_within(label, gazetteer, home):
    """An English table's row of a district or county by its pinyin alone ("Hongta" under
    "District"): the one of that name with its level word inside the table's place."""
    if home is None or not home.code or not re.fullmatch(r"[A-Za-z][A-Za-z' -]{2,30}", label):
        return []
    inside = home.code[:2] if home.level == "province" else home.code[:4]
    for word in ("District", "County"):
        found = [
            d
            for _s, _e, d in gazetteer.find_all(f"{label.strip()} {word}")
            if d.code.startswith(inside)
        ]
        if len(found) == 1:
            return found
    return []


def _unknown_place(label, home):
    """A row of a table of places that the gazetteer does not know ("江州"): a city by its
    short name, or a county written with its suffix; anything else is a row of the whole."""
    from .places import Division

    bare = re.sub(r"\s+", "", label)
    if (
        2 <= len(bare) <= 4
        and re.fullmatch(r"[\u4e00-\u9fff]+", bare)
        and not re.search(r"[类率数值量度级站点]", bare)
    ):
        return (Division("", bare + "市", bare, "prefecture"), f"“{bare}”", "place", "")
    return (home, "", "place", bare)


_CHANGE_WORD = re.compile(
    r"△|Δ|变化|相比|增减|同比|环比|升降|增幅|降幅|变幅|[比较](?:上年|去年|上一年)|百分点|change|year-on-year"
    r"|改善(?:幅度|率)|恶化(?:幅度|率)",
    re.I,
)
# A column of how much a measure improved or worsened ("PM2.5 改善幅度(%)"): a fall of a
# concentration, an index or a noise level is its improvement, a rise of a share.
_IMPROVED = re.compile(r"(改善|恶化)(?:幅度|率)")
# Case kept: "SO", "NO", "CO" are the pollutants' formulas, not letters of other words.
_LOWER_IS_BETTER = re.compile(
    r"PM|pm|浓度|指数|SO|NO|O3|CO|二氧化|臭氧|一氧化碳|颗粒物|噪声|声级|降尘|污染天"
)


def _improvement_signed(value, kind, name, measure):
    """``value`` of a cell under an 改善幅度 or 恶化幅度 column, or one of a fall ("与上周相比下降
    (%)", "降幅"), as the signed change it is: under a fall, 25.0 is -25.0 and -7.1 a rise."""
    named = _SIGN_NOTE.sub("", name)  # "(负值表示下降)": how signs read, no fall
    if kind == "change" and _FALL_HEADER.search(named) and not _RISE_HEADER.search(named):
        return -value
    said = _IMPROVED.search(name) if kind == "change" else None
    if said is None:
        return value
    lower_better = bool(_LOWER_IS_BETTER.search(measure))
    return -value if (said.group(1) == "改善") == lower_better else value


_FALL_HEADER = re.compile(r"下降|降低|减少|降幅|减幅")
_RISE_HEADER = re.compile(r"上升|升高|增加|增长|增幅|升幅|升降|增减|[+＋±]")
_SIGN_NOTE = re.compile(r"[(（][^()（）]*(?:负|正|“-”|-)[^()（）]*[)）]")
# "（单位：微克/立方米）" in a table's caption: the unit of cells their headers give none.
_CAPTION_UNIT = re.compile(r"单位\s*[:：]\s*([^()（）\s,，;；]{1,12})")
_CHANGE_HEADER = re.compile(
    # "同比增幅(%)", "环比变化率": the comparison, then the change's word
    r"^(?:同比|环比)?(?:变化率|变化幅度|变化|变幅|同比|环比|比上年|较上年|比去年|较去年|增减|升降|增幅|降幅|"
    r"year-on-year|change|"
    # "与2020年同期变化", "较上年同期相比": against the same period of another year
    r"(?:与|较|比)(?:\d{4}\s*年|上年|去年)?同期(?:相比)?(?:变化|增减|升降)?|"
    # "与上周相比下降", "较上月上升": against another period, in one direction
    r"(?:与|较|比)(?:上周|上月|上季度?|上年|去年|\d{4}\s*年)(?:同期)?(?:相比)?"
    r"(?:变化|增减|升降|下降|上升|降低|升高|增加|减少))(?:变化)?(?:率|幅度)?$",
    re.I,
)
# A rank column between a measure and its change ("优良率 | 排名 | 与上年同期变化"): no measure;
# nor the largest single index and its pollutant beside a composite index ("综合指数 | 最大指数
# | 主要污染物 | 同比增幅(%)": the change is the composite index's).
_RANK_HEADER = re.compile(r"^(?:排名|名次|排序|位次|最大(?:单项)?(?:污染)?指数|首要污染物|主要污染物)$")
# The period a merged upper cell put before a column's own name ("1-2月 优良率").
_PERIOD_PREFIX = re.compile(
    r"^(?:(?:\d{4}\s*年)?\s*(?:\d{1,2}\s*[-—–~～至]\s*)?\d{1,2}\s*月(?:份)?(?:累计)?"
    r"|本[周月季年]|上年同期|累计|\d{4}\s*年)\s+"
)


_GRADE_IN_DAYS = re.compile(r"^\s*(优|良|(?:轻度|中度|重度|严重)污染)\s*[(（]\s*天\s*[)）]\s*$")


_WHOLE_ROW = re.compile(r"^(?:全(?:市|省|区|县)|合计|总计|平均|均值)")


def _changes_of_the_row_above(labels, context, gazetteer):
    """A table turned round, a row per measure: a row named only 同比/变化率 is the change of
    the measure in the row above it ("PM2.5(μg/m³)" over "同比(%)"), as a column so named is
    of the column before it. Under a row of a period or a place ("2023年" | "2022年" |
    "同比(%)") the row above names no measure: the change is of each column's."""
    out = list(labels)
    for at in range(1, len(labels)):
        bare = _UNIT_IN_HEADER.sub("", labels[at]).strip()
        above = _UNIT_IN_HEADER.sub("", labels[at - 1]).strip()
        if (
            _CHANGE_HEADER.match(bare)
            and above
            and not _CHANGE_HEADER.match(above)
            and not periods_module.find_all(above, context)
            and not gazetteer.find_all(above)
            and not _WHOLE_ROW.match(above)
        ):
            out[at] = f"{above} {labels[at]}"
    return out


def _column_measures(header):
    """What each column measures: a change column named only 变化率/同比/比上年 is the change
    of the measure in the column before it ("PM2.5浓度(μg/m³) | 同比(%)")."""
    measures, measured = [], ""
    for name in header:
        bare = _UNIT_IN_HEADER.sub("", name).strip()
        own = _PERIOD_PREFIX.sub("", bare)
        grade = _GRADE_IN_DAYS.match(name)
        if grade:
            # "优(天)", "轻度污染(天)": the days of that grade, no upper "天数" over them.
            measures.append("优级天数" if grade[1] == "优" else f"{grade[1]}天数")
            measured = ""
        elif _CHANGE_HEADER.match(own) and measured:
            measures.append(f"{measured} {name}")
        elif _RANK_HEADER.match(own) and measured:
            measures.append(name)  # the change after it is still of the measure before it
        else:
            measures.append(name)
            measured = bare
    return measures


@lru_cache(maxsize=8192)
def numbers_fold(text):
    from .numbers import fold

    return fold(text)

"""Time expressions → date ranges: 2023年, 上半年, 一季度, 1—5月, 1至10月份, 今年以来, 十四五期间.

``find_all(text, context)`` gives each expression of a (folded) text with the range it means.
An expression without its year (上半年, 1—5月, 今年) takes the year of the document
(``Context.year``: from its title, opening or publication date); one relative to now
(今年以来, 截至目前) ends at the publication date; a baseline (去年同期, 比上年) is marked as
such, so that a change is not dated by the period it is compared with. What cannot be dated
is None, never the year of another figure.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from . import numbers

_MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_YEAR = r"((?:19|20)\d{2})\s*年"
_DASH = r"\s*(?:[—―\-–~～至到]|－)\s*"  # ― (U+2015) too: "1―4月"
_DAY = _MONTH + r"\s*月\s*(\d{1,2})\s*日"
_MONTHS_EN = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_EN = "|".join(_MONTHS_EN)
# "of this year", "of last year": the year an English period is of, relative to the document's.
_OF_YEAR_EN = r"(this|last) year"
_ORDINAL_EN = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_FIVE_YEAR = {
    "十五": 2001,
    "十一五": 2006,
    "十二五": 2011,
    "十三五": 2016,
    "十四五": 2021,
    "十五五": 2026,
}


@dataclass(frozen=True)
class Context:
    year: int | None = None  # the document's own year
    published: date | None = None
    # The year a text with no date line was written in, where it says so by releasing the
    # bulletin of the year before ("5月17日,宁夏发布了2017年环境状况公报").
    written_in: int | None = None
    # Whether ``year`` is one the text states (title, opening) rather than the year of its
    # date line: only a stated year may date a period that had not ended when the text came out.
    year_stated: bool = True


@dataclass(frozen=True)
class Period:
    start: int  # offsets in the text
    end: int
    label: str
    first: date | None
    last: date | None
    baseline: bool = False  # 去年同期, 比上年: what a change is compared with
    kind: str = ""  # which pattern read it ("year", "quarter"…)


def _month(text):
    if text.isdigit():
        return int(text)
    value = numbers.parse(text)
    return int(value) if value is not None else None


def _span(year, first_month, last_month):
    if year is None or not (1 <= first_month <= last_month <= 12):
        return None, None
    return date(year, first_month, 1), date(
        year, last_month, calendar.monthrange(year, last_month)[1]
    )


_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# 截至 and 累计到 ("up to"): what is counted runs from the start of the year to that time.
_CUT_OFF_WORD = r"(?:截[至止]到?|累计[到至])\s*"
_YEAR_BARE_TOO = r"(?<![\d\-–—.])((?:19|20)\d{2})\s*年?"
_RECENT_COUNT = r"[一两二三四五六七八九十]{1,2}|\d{1,2}"

# A verb right after a year that closes its sentence's subject ("78.8% of the days in 2016 saw
# good air", "the mean in 2022 was 29"): the year dates the subject, it qualifies no noun.
_VERB_AFTER_SUBJECT_EN = (
    r"(?:saw|was|were|had|rose|fell|reached|stood|dropped|declined|decreased|increased|grew|"
    r"remained|met|averaged|improved|worsened)\b"
)

_PATTERNS = [
    # Named five-year plans.
    ("five", re.compile(r"[“\"]?(十[一二三四五]?五)[”\"]?(?:期间|时期|规划期)")),
    # "“十三五”以来累计上升12.1个百分点": since the plan began, to the figures' own time,
    # which the paragraph or the document gives; of no dates itself (a time all the same:
    # "…以来累计下降" names no measure of its own).
    ("since_five", re.compile(r"[“\"]?十[一二三四五]?五[”\"]?以来")),
    ("five_en", re.compile(r"(\d{2})th Five-Year Plan(?: \(((?:19|20)\d{2})-\d{2,4}\))?", re.I)),
    (
        "months_en",
        re.compile(
            rf"(?:from\s+)?({_EN})\s*(?:to|-|–|through|and)\s*({_EN})(?:,?\s+(?:of\s+)?((?:19|20)\d{{2}}))?",
            re.I,
        ),
    ),
    (
        "half_en",
        re.compile(
            r"(first|second) half(?: year| of (?:the year|((?:19|20)\d{2})|" + _OF_YEAR_EN + "))?",
            re.I,
        ),
    ),
    (
        "quarter_en",
        re.compile(
            r"\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter"
            r"(?: of (?:the year|((?:19|20)\d{2})|" + _OF_YEAR_EN + "))?",
            re.I,
        ),
    ),
    # "from January 20 to June 6": from one day to another, of the document's year.
    (
        "days_en",
        re.compile(
            rf"\bfrom\s+({_EN})\s+(\d{{1,2}})\s+(?:to|through|until)\s+({_EN})\s+(\d{{1,2}})"
            rf"(?:,?\s+((?:19|20)\d{{2}}))?\b",
            re.I,
        ),
    ),
    ("q_en", re.compile(r"\bQ([1-4])(?:\s+((?:19|20)\d{2}))?\b")),
    (
        "quarters_en",
        re.compile(
            r"\bfirst (two|three) quarters(?: of (?:the year|((?:19|20)\d{2})|"
            + _OF_YEAR_EN
            + "))?",
            re.I,
        ),
    ),
    (
        "months_first_en",
        re.compile(
            r"\bfirst (two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2}) months"
            r"(?: of (?:the year|((?:19|20)\d{2})|" + _OF_YEAR_EN + "))?",
            re.I,
        ),
    ),
    # "采样时间:2024.8.7", "监测日期：2023年5月16日": the day the samples of a table were
    # taken dates its measurements to that month.
    (
        "sampled",
        re.compile(
            r"(?:采样|取样|监测|采集)(?:时间|日期)\s*[:：]?\s*((?:19|20)\d{2})\s*[.\-/年]\s*"
            r"(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?"
        ),
    ),
    # With the year.
    (
        "season",
        re.compile(r"((?:19|20)\d{2})\s*[—\-–~～至到]\s*((?:19|20)\d{2})\s*年\s*(?:度)?\s*秋冬季"),
    ),
    (
        "yyspan",
        re.compile(
            _YEAR + r"\s*" + _MONTH + r"\s*月" + _DASH + _YEAR + r"\s*" + _MONTH + r"\s*月份?"
        ),
    ),
    # "2007年第2周(1月8日~1月14日)", "2024年3月4日—3月10日": from one day to another.
    (
        "ydays",
        re.compile(
            _YEAR
            + r"\s*(?:第\s*\d{1,2}\s*周\s*[(（]\s*)?"
            + _DAY
            + _DASH
            + r"(?:"
            + _MONTH
            + r"\s*月\s*)?(\d{1,2})\s*日\s*[)）]?"
        ),
    ),
    # "周报(2015年第7周)": the week of that number (ISO weeks, Monday to Sunday).
    ("yweek", re.compile(_YEAR + r"\s*第\s*(\d{1,2})\s*周")),
    # "2018年以来", "2007年至今": from the start of that year to the day of publication.
    ("yearsince", re.compile(_YEAR + r"\s*(?:以来|(?:至今|迄今)(?!年))")),
    # "2006年环保专项行动以来": since an event the year names, whose dates the text gives
    # elsewhere; the year alone dates nothing (see _SILENT).
    (
        "since_event",
        re.compile(_YEAR + r"(?![^，,。；;\d]{0,3}(?:月|季度|半年))[^，,。；;\d]{2,16}?以来"),
    ),
    # "自2021年起采用的…指标", "从2019年开始实行": when a practice started, not a period
    # any figure covers; the year alone dates nothing (see _SILENT).
    (
        "from_year",
        re.compile(
            r"(?:自|从)\s*" + _YEAR + r"(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:起|开始)"
        ),
    ),
    # "依据2021年修订的《…法》", "2020年1月1日起施行的《…条例》": the date of a law, a
    # standard or a plan the sentence cites, not a period any figure covers (see _SILENT).
    (
        "document_date",
        re.compile(
            _YEAR
            + r"(?:\s*" + _MONTH + r"\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:起|开始)?\s*(?:重新|新)?"
            r"(?:修订|修正|修改|颁布|施行|实施|印发|发布|出台|制定|通过)(?:并(?:施行|实施))?的\s*《"
        ),
    ),
    # "比2010年同期(132.2万吨)": the same months as the period in question, of that year.
    ("ysame", re.compile(_YEAR + r"\s*同期")),
    ("ymonths", re.compile(_YEAR + r"\s*" + _MONTH + r"\s*月?" + _DASH + _MONTH + r"\s*月份?")),
    # Also with the year written bare: "2021上半年监测数据", "2022一季度".
    ("yquarter", re.compile(_YEAR_BARE_TOO + r"\s*(?:第)?([一二三四1234])\s*季度")),
    ("yfirstq", re.compile(_YEAR_BARE_TOO + r"\s*前([一二三123])季度")),
    ("yhalf", re.compile(_YEAR_BARE_TOO + r"\s*(上|下)半年")),
    ("yfirst", re.compile(_YEAR + r"\s*前([一二三四五六七八九十]{1,2}|\d{1,2})个?月")),
    # "截至2019年10月", "(数据累计到2019年10月)": a running total from the start of that year
    # to that month (or day); read before the month alone.
    (
        "asof",
        re.compile(
            _CUT_OFF_WORD
            + _YEAR
            + r"\s*(?:"
            + _MONTH
            + r"\s*月\s*(?:(\d{1,2})\s*日)?)?\s*(?:底|末)?"
        ),
    ),
    # "2018年4月中旬": ten days of the month (上旬 1-10, 中旬 11-20, 下旬 21 to its end).
    ("ydecade", re.compile(_YEAR + r"\s*" + _MONTH + r"\s*月\s*(上|中|下)旬")),
    ("ymonth", re.compile(_YEAR + r"\s*" + _MONTH + r"\s*月份?(?!\s*\d{1,2}\s*日)(?![\d])")),
    # Not "2024年是关键一年": a year that is the subject of its sentence dates nothing.
    # Not "2024年第季度" either (the copy lost the quarter's number): that is no whole year.
    (
        "year",
        re.compile(
            # Nor "2026年第3期", the number of an issue: its period is what the issue says.
            _YEAR
            # A number right after the year is a month or a day of it, unless it is a share
            # ("到2020年85%的目标").
            + r"(?:度)?(?!\s*\d{1,2}\s*月)(?!\d(?!\d*(?:\.\d+)?\s*%))"
            + r"(?!\s*(?:是|将是|也是|第?\s*季度|第\s*周|第\s*[\d一二三四五六七八九十]+\s*期))"
        ),
    ),
    # 截至12月28日, 截至10月底: from the start of the document's year to that day.
    (
        "upto",
        re.compile(_CUT_OFF_WORD + _MONTH + r"\s*月\s*(?:(\d{1,2})\s*日)?\s*(?:底|末)?"),
    ),
    # "截至到101日": a cut-off the copy garbled (10月1日 lost its 月) is a cut-off of no date.
    # "截至当日,我省已累计收到…": to the day just named, which dates a running total only.
    ("cutoff", re.compile(r"截[至止]到?\s*(?:\d[\d年月]{0,10}日|当日|当天)")),
    # "since 2018": from the start of that year to the day of publication, as 2018年以来.
    ("yearsince_en", re.compile(r"\b[Ss]ince\s+((?:19|20)\d{2})\b(?![-–]|\s*levels?\b)")),
    (
        "year_en",
        re.compile(
            r"\b(?:[Ii]n|of|for|[Dd]uring|[Ss]ince|[Bb]y(?: the end of)?)\s+((?:19|20)\d{2})\b(?!-)"
            # (not a year qualifying a noun, "2020 targets"; a preposition after it keeps it a
            # time: "87 percent of all days in 2020 across 337 cities")
            r"(?!\s+(?!and\b|to\b|compared\b|while\b|when\b|as\b|with\b|from\b|the\b|"
            r"across\b|among\b|at\b|over\b|on\b|in\b|nationwide\b|"
            + _VERB_AFTER_SUBJECT_EN
            + r")[a-z])"
        ),
    ),
    # Without it: the document's year.
    (
        "days",
        re.compile(r"(?<![\d年])" + _DAY + _DASH + r"(?:" + _MONTH + r"\s*月\s*)?(\d{1,2})\s*日"),
    ),
    # "5月31日,督察组向我市转办信访件23件": a batch of petitions handed over on a day is
    # counted in its month (the day stays in the label). Any other day opening a report is
    # when it was said ("中新网7月23日电", "6月4日,《…公报》发布"), not what it covers.
    (
        "day",
        re.compile(
            r"(?<![\d年月.])(?:((?:19|20)\d{2})\s*年\s*)?"
            + _DAY
            + r"(?=\s*[,，]?[^。；;,，]{0,30}?(?:转办|交办|移交|转交)[^。；;]{0,24}?(?:信访|举报|投诉))"
        ),
    ),
    ("months", re.compile(r"(?<![\d.])" + _MONTH + r"\s*月?" + _DASH + _MONTH + r"\s*月份?")),
    # "第3季度" as well as "第三季度"; a digit without 第 only where no number runs into it.
    # Not the end of 前三季度 (the first three quarters, below).
    ("quarter", re.compile(r"(?<!前)(?:第\s*)?([一二三四]|(?<![\d.])[1-4])\s*季度")),
    ("firstq", re.compile(r"前([一二三123])季度")),
    ("half", re.compile(r"(上|下)半年")),
    ("first", re.compile(r"前([一二三四五六七八九十]{1,2}|\d{1,2})个?月")),
    ("decade", re.compile(r"(?<![\d月.])" + _MONTH + r"\s*月\s*(上|中|下)旬")),
    (
        "month",
        re.compile(
            # Not the end of a code: "PM2.5月均浓度", "PM10月均值" name no month.
            r"(?<![\d月.A-Za-z])(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?(?!\s*\d{1,2}\s*日)(?![\d])"
        ),
    ),
    (
        "sofar",
        re.compile(r"今年以来|今年截至目前|截至目前|年初以来"),
    ),
    # "过去五年", "近5年来", "十年来": the years up to the last before the text's date.
    (
        "recent",
        re.compile(
            r"(?:过去|近|最近|这)\s*(" + _RECENT_COUNT + r")\s*年(?:来|间|里|中|以来)?"
            r"|(?<![\d年.])(" + _RECENT_COUNT + r")\s*年(?:来|以来)"
        ),
    ),
    # 今年 alone is the year; 今年上半年, 今年1—5月 are read by the patterns above. 全年 after
    # a year (2023年全年, 去年全年) is that year's whole, no time of its own.
    (
        "thisyear",
        re.compile(
            r"(?:今年|本年度|(?<!年)全年)(?!\s*(?:上半年|下半年|前|第?[一二三四]\s*季度|\d|[一二三四五六七八九十]{1,2}\s*月|以来|截至))"
        ),
    ),
    ("lastyear", re.compile(r"去年同期|上年同期|去年|上年|上一年度?")),
    # "上月,全市…达标率100%": the month before the day of publication.
    ("lastmonth", re.compile(r"上个?月(?!份?\s*\d)")),
    # "As of June": counts to a cut-off; with no year written, of no known period. "As of the
    # end of June 2024", "as of the end of June this year": from January of that year (read
    # before "this year", which would otherwise take the year alone).
    (
        "asof_en",
        re.compile(
            r"\b[Aa]s of (?:the end of )?(" + _EN + r")(?:\s+\d{1,2})?"
            r"(?:,?\s+((?:19|20)\d{2})|,?\s+(?:of\s+)?" + _OF_YEAR_EN + r")?\b",
            re.I,
        ),
    ),
    (
        "sofar_en",
        re.compile(
            r"\b(?:so far this year|year to date|since the start of (?:this|the) year)\b", re.I
        ),
    ),
    ("thisyear_en", re.compile(r"\bthis year\b", re.I)),
    (
        "lastyear_en",
        re.compile(
            r"\b(?:the same period (?:of )?last year|last year|the previous year|a year (?:earlier|ago))\b",
            re.I,
        ),
    ),
    ("lastmonth_en", re.compile(r"\blast month\b", re.I)),
    # "over the past decade", "in the last five years": a span whose end the text leaves to
    # the reader; no known period.
    (
        "recent_en",
        re.compile(
            r"\b(?:over|in|during|for) the (?:past|last|previous) (?:decade|(?:two|three|five|"
            r"ten|\d{1,2}) (?:years|decades))\b",
            re.I,
        ),
    ),
    (
        "month_en",
        re.compile(
            r"(?:\b|(?<=[a-z])(?=In\b))(?:in|of|for)\s+("
            + "|".join(_MONTHS_EN)
            + r")(?:\s+((?:19|20)\d{2}))?\b",
            re.I,
        ),
    ),
    # "March 2025" with no day: that month (a table's or a headline's, "…, March 2025"); not
    # one end of a range ("January 2025-March 2025").
    (
        "month_en",
        re.compile(rf"(?<![-–])(?<![-–] )\b({_EN})\s+((?:19|20)\d{{2}})\b(?!\s?[-–/])", re.I),
    ),
]
# "up 10 percent from the first six months last year", "than in 2022", "over the same period".
# Also through a few words naming what is compared: "than that in 2019", "than what it was in
# 2019", "compared with the year of 2019".
_BASELINE_BEFORE_EN = re.compile(
    r"\b(?:from|than(?: in)?|compared (?:with|to)(?: the)?|over|on|since|against)(?: the)?"
    r"(?: same period(?: of)?)?(?:\s+(?:that|those|what it was|what they were|the (?:year|level)"
    r"(?: of)?))?\s*$",
    re.I,
)
# "fell to 42 micrograms from 47 micrograms in 2023": the time of the level a change started
# from, said after it.
_BASELINE_LEVEL_BEFORE_EN = re.compile(
    r"\bfrom\s+\d[\d.,]*(?:\s*(?:%|[A-Za-zμµ/³]+(?:\s+[A-Za-z/³]+){0,3}))?\s+(?:in\s+)?$", re.I
)
# Also the year in brackets after what is compared with: "比整治前(2020年)下降超过60%".
_BASELINE_BEFORE = re.compile(
    r"(?:比|较|与|同比|相比|compared (?:with|to)|than)\s*$|(?:比|较)[^，,。；;()（）]{1,6}[(（]\s*$"
)


def _year_en(written, relative, year, published=None):
    """The year of "of 2023", "of this year", "of last year", else the document's; "this
    year" is said from the day of publication, and without one is of no known year (another
    sentence's year does not say when the text was written)."""
    if written:
        return int(written)
    if relative and relative.lower() == "this" and published is None:
        return None  # "the first half of this year" with no date line: of no known year
    now = published.year if published else year
    if relative and now:
        return now - 1 if relative.lower() == "last" else now
    return year


# "去年同期，优良天数为190天", "(去年同期为190天)": a clause that opens with last year's
# period states last year's figure; after 比/较/与, or followed by 相比, it is a baseline.
_CLAUSE_OPENING = re.compile(r"(?:^|[，,。；;：:（(\n]\s*)$")
_OWN_LAST_YEAR = re.compile(r"(?:全年)?\s*(?:[，,]|为|是|的|全[市省区县国]|我[市省区县])")
# "自今年5月开展专项行动以来": from the first of that month.
_SINCE_MONTH = re.compile(
    r"自\s*(?:((?:19|20)\d{2})\s*年|今年)?\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?"
    r"[^，,。；;]{0,50}?以来"
)


# "同2021年同期相比", "2021年上半年相比" (a copy that lost the 与 before it): the 相比 after a
# period makes it what the figures are compared with, whatever word comes before it; not when
# the period compared with follows it ("2022年1-6月相比2021年同期": the first is the figures').
_BASELINE_AFTER = re.compile(r"\s*(?:相比|相较)(?!\s*于?\s*(?:\d|[上去前]))")
# "为2013年以来同期第二低值", "是2016年以来最好水平": the years a record is counted over, not
# the time of the figure said to set it.
_RECORD_BEFORE = re.compile(r"(?:为|是|创|系)\s*$")
_RECORD_AFTER = re.compile(
    r"\s*(?:同期)?\s*(?:[^，,。；;\d]{0,4}?(?:最|第[一二三四五六七八九十\d]|新[高低]|历史))"
)


def _counts_a_record(text, start, end):
    """Whether the "…年以来" at ``start``–``end`` is the span of a record, not a period."""
    return bool(
        _RECORD_BEFORE.search(text[max(0, start - 2) : start]) or _RECORD_AFTER.match(text, end)
    )


def _since_until(found, text, context):
    """ "自今年5月…以来，截至8月底" is one period: from the first to the second."""
    merged = []
    for period in found:
        if merged and merged[-1].label.startswith("自") and period.last and not period.baseline:
            since = merged[-1]
            if period.start - since.end <= 3 and since.first and since.first <= period.last:
                merged[-1] = Period(
                    since.start,
                    period.end,
                    text[since.start : period.end],
                    since.first,
                    period.last,
                )
                continue
        merged.append(period)
    return merged


_SILENT = {"since_event", "from_year", "document_date"}


def recent_years(period):
    """How many years a span of recent years ("过去五年", "近5年来") counts."""
    found = re.search(_RECENT_COUNT, period.label)
    value = _month(found.group(0)) if found else None
    return value or None


# A character every match of a kind of expression holds: a text without it is not searched
# for that kind at all (each of a text's paragraphs is searched for every kind, and most name
# no month). The English kinds (``_en``) each hold a Latin letter.
_NEEDED = {
    **dict.fromkeys(("five", "since_five"), "五"),
    **dict.fromkeys(("yquarter", "yfirstq", "quarter", "firstq"), "季"),
    **dict.fromkeys(("yhalf", "half"), "半"),
    **dict.fromkeys(
        ("since_month", "yyspan", "ydays", "ymonths", "ydecade", "ymonth", "upto", "days"),
        "月",
    ),
    **dict.fromkeys(("day", "months", "first", "decade", "month", "lastmonth"), "月"),
    **dict.fromkeys(
        ("season", "yweek", "yearsince", "since_event", "from_year", "ysame", "yfirst", "asof"),
        "年",
    ),
    **dict.fromkeys(("year", "recent", "thisyear", "lastyear"), "年"),
}
# Any letter an English pattern may match, its case ignored or not.
_LATIN = re.compile(r"[a-z]", re.I)


def find_all(text, context):
    """Every time expression in ``text`` with its range, left to right, without overlaps."""
    found = []
    taken = []
    latin = _LATIN.search(text) is not None
    for kind, pattern in (("since_month", _SINCE_MONTH), *_PATTERNS):
        needed = _NEEDED.get(kind)
        if (needed is not None and needed not in text) or (kind.endswith("_en") and not latin):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            if kind in _SILENT or kind == "yearsince" and _counts_a_record(text, start, end):
                taken.append((start, end))
                continue
            first, last = _resolve(kind, match, context)
            if _still_to_come(kind, match.group(0), first, last, context):
                first, last = _a_year_earlier(first, last)
            baseline = (
                kind == "lastyear"
                and not _OWN_LAST_YEAR.match(text, end)
                or kind == "lastyear"
                and not _CLAUSE_OPENING.search(text[max(0, start - 2) : start] or "\n")
                or bool(_BASELINE_BEFORE.search(text[max(0, start - 9) : start]))
                or bool(_BASELINE_AFTER.match(text, end))
                or bool(_BASELINE_BEFORE_EN.search(text[max(0, start - 24) : start]))
                or bool(_BASELINE_LEVEL_BEFORE_EN.search(text[max(0, start - 48) : start]))
                or kind == "lastyear_en"
                and "same period" in match.group(0).lower()
            )
            if kind == "lastyear" and not baseline and match.group(0).startswith("去年"):
                # a text's own 去年, not 上年 (上一年度): the year before the bulletin's
                first, last = _own_last_year(context) or (first, last)
            found.append(Period(start, end, match.group(0), first, last, baseline, kind))
            taken.append((start, end))
    found.sort(key=lambda period: period.start)
    return _since_until(_year_of_the_part(found, text, context), text, context)


# "2019年楚雄市第3季度", "2023年全省上半年": the year, the place the report is on, then the
# part of that year the figures cover. The part is of that year; the year alone is no period.
_PLACE_BETWEEN = re.compile(r"(?:全|我|本)?[\u4e00-\u9fff]{0,8}?[省市县区州盟旗](?:城区|市区)?\s*")
_PARTS = frozenset({"months", "quarter", "firstq", "half", "first", "month", "decade"})


def _year_of_the_part(found, text, context):
    merged = []
    for period in found:
        year = merged[-1] if merged else None
        if (
            year is not None
            and year.kind == "year"
            and period.kind in _PARTS
            and _PLACE_BETWEEN.fullmatch(text, year.end, period.start)
        ):
            own = Context(year=year.first.year, published=context.published)
            part = find_all(period.label, own)[0]
            label = text[year.start : period.end]
            merged[-1] = Period(
                year.start, period.end, label, part.first, part.last, False, part.kind
            )
            continue
        merged.append(period)
    return merged


def _still_to_come(kind, label, first, last, context):
    """Whether a part of the year named without its year (全年, 上半年, 12月, 1-9月), dated by
    the year of the date line alone, would mostly lie after that date: a bulletin reports a
    period once it is over (全年 in a text of January 20, 上半年 in one of March), so it is the
    year before's. A year the text states is kept: its plans may name months to come."""
    if context.year_stated or context.published is None or first is None or last is None:
        return False
    if kind not in _PARTS and not (kind == "thisyear" and label.startswith("全年")):
        return False
    published = context.published
    return first.year == published.year and (last - published) > (published - first)


def _a_year_earlier(first, last):
    return date(first.year - 1, first.month, first.day), date(
        last.year - 1, last.month, calendar.monthrange(last.year - 1, last.month)[1]
    )


def _own_last_year(context):
    """The year before the one a text was written in, for its own "去年" ("去年全区优良天数
    比例为81.4%"), where a date line or a bulletin released says when that was; else None."""
    now = context.published.year if context.published else context.written_in
    return (date(now - 1, 1, 1), date(now - 1, 12, 31)) if now else None


# "宁夏发布了2017年环境状况公报", "公布《2022年甘肃省生态环境状况公报》": a year's bulletin
# released, so the text is written after that year.
_RELEASES_BULLETIN = re.compile(
    r"(?:发布|公布|发出|印发)了?\s*《?\s*((?:19|20)\d{2})\s*年?度?[^《》。,，;；\d]{2,30}?公报"
)


def written_after_release(text):
    """The year after that of the bulletin ``text`` releases, or None."""
    found = _RELEASES_BULLETIN.search(text)
    return int(found.group(1)) + 1 if found else None


def _resolve(kind, match, context):  # noqa: C901 - one branch per kind of expression
    groups = match.groups()
    year = context.year
    try:
        if kind == "five":
            first_year = _FIVE_YEAR.get(groups[0])
            return (
                (date(first_year, 1, 1), date(first_year + 4, 12, 31))
                if first_year
                else (None, None)
            )
        if kind == "since_five":
            return None, None
        if kind == "five_en":
            first_year = int(groups[1]) if groups[1] else 2021 + 5 * (int(groups[0]) - 14)
            return date(first_year, 1, 1), date(first_year + 4, 12, 31)
        if kind == "months_en":
            year = int(groups[2]) if groups[2] else year
            return _span(year, _MONTHS_EN[groups[0].lower()], _MONTHS_EN[groups[1].lower()])
        if kind == "half_en":
            year = _year_en(groups[1], groups[2], year, context.published)
            return _span(year, 1, 6) if groups[0].lower() == "first" else _span(year, 7, 12)
        if kind == "quarter_en":
            quarter = _ORDINAL_EN[groups[0].lower()]
            return _span(
                _year_en(groups[1], groups[2], year, context.published),
                3 * quarter - 2,
                3 * quarter,
            )
        if kind == "days_en":
            year = int(groups[4]) if groups[4] else year
            first = date(year, _MONTHS_EN[groups[0].lower()], int(groups[1]))
            return first, date(year, _MONTHS_EN[groups[2].lower()], int(groups[3]))
        if kind == "q_en":
            quarter = int(groups[0])
            return _span(int(groups[1]) if groups[1] else year, 3 * quarter - 2, 3 * quarter)
        if kind == "quarters_en":
            quarters = int(numbers.parse(groups[0]))
            return _span(_year_en(groups[1], groups[2], year, context.published), 1, 3 * quarters)
        if kind == "months_first_en":
            count = groups[0].lower()
            months = int(numbers.parse(count))
            return _span(_year_en(groups[1], groups[2], year, context.published), 1, months)
        if kind == "sofar_en":
            if context.published:
                return date(context.published.year, 1, 1), context.published
            return None, None
        # "this year", "last year" are said from the day of publication where it is known;
        # else a report on its year is taken to come out the year after ("in 2015 … last year").
        now = context.published.year if context.published else (year + 1 if year else None)
        if kind == "thisyear_en":
            if context.published is None:
                return None, None
            return date(now, 1, 1), date(now, 12, 31)
        if kind == "lastyear_en":
            return (date(now - 1, 1, 1), date(now - 1, 12, 31)) if now else (None, None)
        if kind in ("lastmonth_en", "lastmonth"):
            if context.published is None:
                return None, None
            first = context.published.replace(day=1)
            previous = (
                date(first.year - 1, 12, 1)
                if first.month == 1
                else first.replace(month=first.month - 1)
            )
            return _span(previous.year, previous.month, previous.month)
        if kind == "season":
            # The autumn-and-winter campaign season: October to the end of March.
            return date(int(groups[0]), 10, 1), date(int(groups[1]), 3, 31)
        if kind == "yyspan":
            first_year, first_month, last_year, last_month = groups
            last_month = _month(last_month)
            return (
                date(int(first_year), _month(first_month), 1),
                date(
                    int(last_year), last_month, calendar.monthrange(int(last_year), last_month)[1]
                ),
            )
        if kind == "yweek":
            year, week = int(groups[0]), int(groups[1])
            return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
        if kind in ("ydays", "days"):
            year = int(groups[0]) if kind == "ydays" else year
            first_month, first_day, last_month, last_day = groups[-4:]
            first = date(year, _month(first_month), int(first_day))
            last_month = _month(last_month) if last_month else first.month
            return first, date(year, last_month, int(last_day))
        if kind in (
            "ysame",
            "yearsince",
            "ymonths",
            "yquarter",
            "yfirstq",
            "yhalf",
            "yfirst",
            "ymonth",
            "ydecade",
            "asof",
            "year",
            "year_en",
            "yearsince_en",
            "sampled",
        ):
            year = int(groups[0])
            groups = groups[1:]
        if kind in ("ymonths", "months"):
            return _span(year, _month(groups[0]), _month(groups[1]))
        if kind in ("yquarter", "quarter"):
            quarter = _QUARTER[groups[0]]
            return _span(year, 3 * quarter - 2, 3 * quarter)
        if kind in ("yfirstq", "firstq"):
            return _span(year, 1, 3 * _QUARTER[groups[0]])
        if kind in ("yhalf", "half"):
            return _span(year, 1, 6) if groups[0] == "上" else _span(year, 7, 12)
        if kind in ("yfirst", "first"):
            return _span(year, 1, _month(groups[0]))
        if kind == "day":
            year = int(groups[0]) if groups[0] else year
            month = _month(groups[1])
            date(year, month, int(groups[2]))  # a day that does not exist is no date
            return _span(year, month, month)
        if kind == "sampled":
            month = int(groups[0])
            date(year, month, int(groups[1]))  # a day that does not exist is no date
            return _span(year, month, month)
        if kind in ("ydecade", "decade"):
            month = _month(groups[0])
            first, last = _span(year, month, month)
            if first is None:
                return None, None
            days = {"上": (1, 10), "中": (11, 20), "下": (21, last.day)}[groups[1]]
            return first.replace(day=days[0]), last.replace(day=days[1])
        if kind in ("ymonth", "month"):
            month = _month(groups[0])
            return _span(year, month, month)
        if kind == "asof":
            month = _month(groups[0]) if groups[0] else 12
            first, last = _span(year, 1, month)
            if last is not None and groups[1]:
                last = last.replace(day=int(groups[1]))
            return first, last
        if kind in ("year", "year_en", "ysame"):
            return date(year, 1, 1), date(year, 12, 31)
        if kind in ("yearsince", "yearsince_en"):
            start = date(year, 1, 1)
            now = context.published
            if now is None or now < start:
                # no day to count to: the year it names ("2018年以来"), or no period at all
                # where the text says it runs to now ("2007年至今")
                return (None, None) if "以来" not in match.group(0) else (start, date(year, 12, 31))
            return start, now
        if kind == "since_month":
            year = int(groups[0]) if groups[0] else year
            month = _month(groups[1])
            if year is None or not 1 <= month <= 12:
                return None, None
            return date(year, month, 1), context.published
        if kind == "upto":
            month = _month(groups[0])
            if year is None and context.published is not None:
                published = context.published
                year = published.year if month <= published.month else published.year - 1
            if year is None or not 1 <= month <= 12:
                return None, None
            last = int(groups[1]) if groups[1] else calendar.monthrange(year, month)[1]
            return date(year, 1, 1), date(year, month, last)
        if kind == "recent":
            # "the cumulative figure takes the last year": the last full year before the day
            # of publication; without a date line, none.
            if context.published is None:
                return None, None
            last = context.published.year - 1
            return date(last, 1, 1), date(last, 12, 31)
        if kind == "sofar":
            if context.published:
                return date(context.published.year, 1, 1), context.published
            return None, None
        if kind == "thisyear":
            return (date(year, 1, 1), date(year, 12, 31)) if year else (None, None)
        if kind == "lastyear":
            return (date(year - 1, 1, 1), date(year - 1, 12, 31)) if year else (None, None)
        if kind == "asof_en":
            if not groups[1] and not groups[2]:
                return None, None
            year = _year_en(groups[1], groups[2], year, context.published)
            return _span(year, 1, _MONTHS_EN[groups[0].lower()])
        if kind == "month_en":
            month = _MONTHS_EN[groups[0].lower()]
            year = int(groups[1]) if groups[1] else year
            return _span(year, month, month)
    except (TypeError, ValueError, KeyError):
        return None, None
    return None, None


# A bulletin named by its year, with or without 年: "《2022年甘肃省生态环境状况公报》",
# "《2022重庆市生态环境状况公报》" (an annual bulletin; not a plan or a work report).
_BULLETIN_OF_YEAR = re.compile(r"《\s*((?:19|20)\d{2})\s*年?度?[^《》\d]{2,40}公报》")


def bulletin_year(text, start=0, end=None):
    """The whole year of the bulletin ``text[start:end]`` presents, or None."""
    found = _BULLETIN_OF_YEAR.search(text, start, len(text) if end is None else end)
    if found is None:
        return None
    year = int(found.group(1))
    return Period(*found.span(1), f"{year}年", date(year, 1, 1), date(year, 12, 31))

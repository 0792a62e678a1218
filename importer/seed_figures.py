"""Figures stated in the article: a number, its unit, the sentence, the period it names.

This module knows Chinese number-and-unit grammar, not the indicator catalogue: the caller
passes the units it recognises (the keys of ``indicators.units.UNITS``). Which indicator a figure measures is decided in ``seed_matching``.

What is *not* a figure of the article: ordinals (第3位), numbers inside identifiers (PM2.5,
COP29), ranges (3000万至5000万立方米), thresholds that qualify a noun (20蒸吨/小时以下燃煤
锅炉) and targets (到2025年…, 力争…). The quote is the whole sentence, verbatim, so that a
reader can find it highlighted in the bulletin; a long sentence is quoted in part, the
clause of the figure with its neighbours, still word for word.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

# Written forms mapped to the unit they mean (the canonical spelling is the caller's).
UNIT_ALIASES = {
    "％": "%",
    "家（次）": "家(次)",
    "家次": "家(次)",
    "平方千米": "平方公里",
    "ug/m3": "μg/m³",
    "μg/m3": "μg/m³",
    "微克每立方米": "微克/立方米",
}
# A unit immediately followed by one of these is the start of another word (处罚, 项目, 条例…).
_WORD_AFTER_UNIT = {
    "处": "罚理置分长级室",
    "项": "目",
    "条": "例件款",
    "名": "单称录额",
    "次": "数",
    "天": "然",
    "起": "草诉点步",
    "台": "风账阶",
    "间": "隔",
    "个": "人体性",
    "人": "员民大口",
    "座": "谈",
    "批": "准复示",
    "件": "事",
}

_NUMBER = re.compile(r"(?<![\dA-Za-z.．/:：\-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\dA-Za-z])")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_APPROX_BEFORE = re.compile(r"(约|近|逾|超过|超|接近|大约|将近)$")
_APPROX_AFTER = ("余", "多")
_RANGE_BEFORE = re.compile(r"\d\s*(?:万|亿|千|百)?\s*[至到~～\-—–－]\s*$")
_RANGE_AFTER = re.compile(r"^\s*[至到~～\-—–－]\s*\d")
_THRESHOLD_AFTER = re.compile(r"^(?:及)?(?:以上|以下)(?=[\u4e00-\u9fff“\"])")
_TARGET = re.compile(r"(?<!截)(?:到|至)\s*\d{4}\s*年|力争|预计|计划到|目标是|目标为")
_CLAUSE_BREAK = re.compile(r"[,，;；、：:]")

# Time expressions, nearest one before the figure in its sentence wins.
_TIMES = [
    (
        "year_months",
        re.compile(r"(\d{4})年\s*(\d{1,2})\s*(?:月)?\s*[—–\-~至到]\s*(\d{1,2})\s*月份?"),
    ),
    ("months", re.compile(r"(?<![\d年])(\d{1,2})\s*(?:月)?\s*[—–\-~至到]\s*(\d{1,2})\s*月份?")),
    ("as_of_date", re.compile(r"截[至止]\s*(\d{4})年(\d{1,2})月(\d{1,2})日")),
    ("as_of_year_end", re.compile(r"截[至止]\s*(\d{4})年(?:底|末|12月底)")),
    (
        "as_of",
        re.compile(
            r"截[至止]\s*(?:目前|\d{1,2}月\d{1,2}日|\d{1,2}月底|\d{4}年\d{1,2}月(?:底|末)?)"
        ),
    ),
    ("since", re.compile(r"自\s*\d{4}年[^，,。；;]{0,40}?以来|\d{4}年以来")),
    (
        "relative",
        re.compile(
            r"今年以来|去年以来|今年|去年|上半年|下半年|前三季度|[一二三四]季度|全年"
            r"|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|以来|时期)"
            r"|近[一二三四五六七八九十两\d]+年"
        ),
    ),
    (
        "year",
        re.compile(
            r"(?:^|[,，;；:：])\s*((\d{4})年)(?:度|全年)?(?!度?(?:\d|\s*\d{1,2}\s*月|是|的|起|底|末|以来|前|后))"
        ),
    ),
]


@dataclass(frozen=True)
class Figure:
    """A number with its unit, as written in one sentence of the article."""

    value_text: str
    value: Decimal
    unit: str
    written: str
    quote: str  # verbatim, the sentence or, when it is long, the part of it around the figure
    sentence: str
    offset: int  # of the number in ``sentence``
    before: str
    after: str
    qualifier: str = ""
    period_label: str = ""
    period_start: date | None = None
    period_end: date | None = None


def sentences(paragraphs):
    """Each sentence of the article, verbatim, without its final full stop."""
    for paragraph in paragraphs:
        for match in _SENTENCE.finditer(paragraph):
            sentence = match.group(0).strip()
            if sentence.endswith("。"):
                sentence = sentence[:-1]
            if sentence:
                yield sentence


def find_figures(paragraphs, units):
    """Every figure with a known unit in the paragraphs, in reading order."""
    matcher = _unit_matcher(units)
    figures = []
    for sentence in sentences(paragraphs):
        figures.extend(_in_sentence(sentence, matcher))
    return figures


def _unit_matcher(units):
    spellings = {unit: unit for unit in units}
    spellings.update({alias: unit for alias, unit in UNIT_ALIASES.items() if unit in spellings})
    ordered = sorted(spellings, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(s) for s in ordered))
    return pattern, spellings


def _in_sentence(sentence, matcher):
    pattern, spellings = matcher
    target = _TARGET.search(sentence)
    found = []
    for match in _NUMBER.finditer(sentence):
        start, end = match.span()
        if target and start > target.start():
            break
        head = sentence[:start]
        if head.endswith("第") or _RANGE_BEFORE.search(head):
            continue
        cursor = end
        approx = ""
        if sentence[cursor : cursor + 1] in _APPROX_AFTER:
            approx = sentence[cursor]
            cursor += 1
        spaced = len(sentence[cursor:]) - len(sentence[cursor:].lstrip(" "))
        unit_match = pattern.match(sentence, cursor + spaced)
        if not unit_match:
            continue
        written_unit = unit_match.group(0)
        unit = spellings[written_unit]
        tail = sentence[unit_match.end() :]
        if tail[:1] and tail[0] in _WORD_AFTER_UNIT.get(written_unit, ""):
            continue
        if _RANGE_AFTER.match(tail) or _THRESHOLD_AFTER.match(tail):
            continue
        value_text = match.group(0)
        try:
            value = Decimal(value_text.replace(",", ""))
        except InvalidOperation:
            continue
        if value.as_tuple().exponent < -4 or abs(value) >= Decimal(10) ** 15:
            continue
        written = sentence[start : unit_match.end()]
        before_approx = _APPROX_BEFORE.search(head)
        qualifier = ""
        if approx or before_approx:
            shown = (before_approx.group(1) if before_approx else "") + written
            qualifier = f"约数（原文“{shown}”）"
        label, period_start, period_end = _period(sentence, start)
        found.append(
            Figure(
                value_text=value_text,
                value=value,
                unit=unit,
                written=written,
                quote=_quote(sentence, start, unit_match.end()),
                sentence=sentence,
                offset=start,
                before=_clause_before(sentence, start),
                after=_clause_after(sentence, unit_match.end()),
                qualifier=qualifier,
                period_label=label,
                period_start=period_start,
                period_end=period_end,
            )
        )
    return found


MAX_QUOTE = 100


def _quote(sentence, start, end):
    """The sentence, or for a long one its semicolon part, or the clause with its neighbours."""
    if len(sentence) <= MAX_QUOTE:
        return sentence
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^;；]+", sentence)]
    part = next(((a, b) for a, b in parts if a <= start and end <= b), (0, len(sentence)))
    text = sentence[part[0] : part[1]]
    if len(text) <= MAX_QUOTE:
        return text.strip()
    clauses = [(part[0] + m.start(), part[0] + m.end()) for m in re.finditer(r"[^,，]+", text)]
    index = next((i for i, (a, b) in enumerate(clauses) if a <= start < b), 0)
    first, last = clauses[max(0, index - 1)][0], clauses[min(len(clauses) - 1, index + 1)][1]
    if clauses[index][1] < end:  # the figure runs over a comma ("1,234")
        last = clauses[min(len(clauses) - 1, index + 2)][1]
    return sentence[first:last].strip()


def _clause_before(sentence, start):
    head = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    head = head[breaks[-1].end() :] if breaks else head
    # Stop at the previous figure in the same clause: "18项问题已完成整改15项".
    previous = list(re.finditer(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?\s*\S", head))
    return head[previous[-1].end() :] if previous else head


def _clause_after(sentence, end):
    tail = sentence[end:]
    stop = _CLAUSE_BREAK.search(tail)
    tail = tail[: stop.start()] if stop else tail
    # A number right after the unit qualifies the noun ("16台20万千瓦以上燃煤火电机组"): skip it.
    tail = re.sub(r"^\d+(?:\.\d+)?", "", tail)
    number = re.search(r"\d", tail)
    return tail[: number.start()] if number else tail


def _period(sentence, position):
    """The time expression nearest before ``position``: its words, and its dates when stated."""
    best = None
    for kind, pattern in _TIMES:
        for match in pattern.finditer(sentence[:position]):
            if best is None or (match.end(), -match.start()) > (best[1].end(), -best[1].start()):
                best = (kind, match)
    if best is None:
        return "", None, None
    kind, match = best
    label = match.group(0).lstrip(",，;；:： ")
    start = end = None
    try:
        if kind == "year_months":
            year, first, last = map(int, match.groups())
            start = date(year, first, 1)
            end = date(year, last, calendar.monthrange(year, last)[1])
        elif kind == "as_of_date":
            year, month, day = map(int, match.groups())
            end = date(year, month, day)
        elif kind == "as_of_year_end":
            end = date(int(match.group(1)), 12, 31)
        elif kind == "year":
            label = match.group(1)
            year = int(match.group(2))
            start, end = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        start = end = None
    if start and end and start > end:
        start = end = None
    return label, start, end

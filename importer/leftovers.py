"""What the reading left: the numbers of a text that no figure was read from.

The reading is not complete (a table copied in a layout it does not know loses cells, a unit
damaged in the copy hides its number), and an editor reviewing candidates sees only what was
found. So each block (paragraph or table) lists the numbers it states that no figure read
from it carries, for the editor to check against the candidates. What states no measure is
left out: years and dates, numbered headings and list marks, standards' and laws' numbers.
Totals and denominators ("全市11个断面中…") are listed: they are read as no figure on purpose,
and the editor sees them beside the figures they qualify.
"""

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import figures

_NUMBER = re.compile(r"(?<![\d.A-Za-z])[-+]?\d+(?:,\d{3})*(?:\.\d+)?(?![\d.]*[A-Za-z]*\d)")
# Numbers that state no measure, by what stands after them: a date, a month range's first
# month ("1-10月"), a clause's number ("第3条")…
_NOT_A_MEASURE_AFTER = re.compile(
    r"\s*(?:年(?!均|平均|度?[^\d]{0,2}(?:下降|上升|减少|增加))|月|日|时|号|期|届|版|条|款|章|节"
    r"|[-—–~至]\s*\d{1,2}\s*月)"
)
# …or before them: a standard's or a law's number and its year ("GB 3095-2012"), an ordinal,
# a unit's power ("微克/米3").
_NOT_A_MEASURE_BEFORE = re.compile(r"(?:GB|HJ|GB/T|第|No\.?|\d-|/米)\s*$")
# A list's or a heading's mark at the start of a line: "1、", "2.", "(3)".
_MARK = re.compile(r"\n[ \t(（]*$")
_MARK_AFTER = re.compile(r"[、.．)）](?!\d)")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# Words that state a zero: a change ("同比持平", "不变" but not 不变价, "the same as last
# year") or days of a grade none fell on ("无重度污染天气", "未出现严重污染", "no serious
# pollution days"); not 无锡 or 无人机, "no more than 35 days" or "the same as the limit".
# Listed like numbers, as 0, where no figure of 0 was read from them. (The text is folded:
# 無 is 无.)
_ZERO = re.compile(
    r"持平|不变(?!价)|为零"
    r"|(?:没有|未出现|未发生|无)(?:出现|发生)?(?:重度|严重|中度|轻度|重)(?:及以上|以上)?污染"
    r"|(?:未出现|未发生)[^,，。;；:：\d]{0,6}?(?:污染|超标)"
    r"|\b(?:unchanged|(?:the same as|at the same level as) (?:last|the previous|a year|the same)"
    r"|no (?:serious |heavy |severe )?(?:pollution|polluted) days)\b"
)
_ZERO_VALUE = Decimal(0)
_UNIT_AFTER = re.compile(r"\s*[%\u4e00-\u9fff]")
# The words around a number shown to the editor.
AROUND = 12


@dataclass(frozen=True)
class Leftover:
    """A number no figure was read from: as written, with the words around it, and its offset
    in the text (``None`` where the block could not be placed)."""

    number: str
    context: str
    at: int | None = None
    sentence: tuple | None = None  # (start, end) of its sentence in the text, for a quote


def leftovers(blocks, located, read_from):
    """The numbers of ``blocks`` no figure was read from. ``located`` maps a block's index to
    where it stands in the text (its offset, and each character's where the block joined lines:
    ``pipeline._locate``), ``read_from`` to the figures read from it as (value, offset of its
    number or None)."""
    found = []
    for index, block in enumerate(blocks):
        text = block.text
        offset = _offsets(located.get(index), len(text))
        marks = _row_marks(block) if block.kind == "table" else set()
        numbers = [
            (match, value)
            for match in _NUMBER.finditer(text)
            if (value := _value(match.group())) is not None
            and _is_measure(text, match)
            and match.start() not in marks
        ]
        if block.kind != "table":
            numbers = sorted(
                numbers + [(match, _ZERO_VALUE) for match in _ZERO.finditer(text)],
                key=lambda pair: pair[0].start(),
            )
        left = _not_read(numbers, read_from.get(index, ()), offset)
        sentences = figures.sentences(text) if left and offset is not None else ()
        for match in left:
            around = " ".join(text[max(0, match.start() - AROUND) : match.end() + AROUND].split())
            if offset is None:
                found.append(Leftover(match.group(), around))
                continue
            first, last = next(
                (span for span in sentences if span[0] <= match.start() < span[1]),
                (match.start(), match.end()),
            )
            found.append(
                Leftover(
                    match.group(),
                    around,
                    offset(match.start()),
                    (offset(first), offset(last - 1) + 1),
                )
            )
    return tuple(found)


def _row_marks(block):
    """Where a table's rows number themselves: a row number before the label ("1 | 南通市"),
    or a label that is a number alone (a rank). No measure."""
    marks = set()
    for label, _cells, (start, end) in block.rows:
        at = block.text.find(label, start, end) if label else -1
        marks.update(m.start() for m in _NUMBER.finditer(block.text, start, max(at, start)))
        if at >= 0 and _NUMBER.fullmatch(label):
            marks.add(at)
    return marks


def _not_read(numbers, read, offset):
    """The matches of ``numbers`` no figure of ``read`` was read from: first those standing
    where a figure's number stands, then by value (a fall is read as a negative change)."""
    at_figure = Counter(at for _value, at in read if at is not None)
    values = Counter(abs(value) for value, _at in read)
    unplaced = []
    for match, value in numbers:
        at = offset(match.start()) if offset is not None else None
        if at_figure[at] > 0:
            at_figure[at] -= 1
            values[abs(value)] -= 1
        else:
            unplaced.append((match, value))
    left = []
    for match, value in unplaced:
        if values[abs(value)] > 0:
            values[abs(value)] -= 1
        else:
            left.append(match)
    return left


def _offsets(place, size):
    """The offset in the text of each character of a block placed at ``place``."""
    if place is None:
        return None
    at, where = place
    if where:
        return lambda i: where[min(i, size)]
    return lambda i: at + i


def _value(text):
    try:
        return Decimal(text.replace(",", "").lstrip("+"))
    except InvalidOperation:
        return None


def _is_measure(text, match):
    start, end = match.span()
    before = text[max(0, start - 6) : start]
    if _NOT_A_MEASURE_AFTER.match(text, end) or _NOT_A_MEASURE_BEFORE.search(before):
        return False
    if _MARK_AFTER.match(text, end) and _MARK.search(before if start >= 6 else "\n" + before):
        return False
    # A year followed by no unit ("2023 |", "in 2020,") is a period, not a measure.
    return not (_YEAR.fullmatch(match.group()) and not _UNIT_AFTER.match(text, end))


def marked(text, marks):
    """``text`` cut into ``(piece, mark)`` pairs for a page that marks numbers in it: ``marks``
    are ``(at, written, mark)``, the number ``written`` standing at offset ``at``; ``mark`` is
    None between them. A mark whose number does not stand where it says, or overlaps one
    before it, is left out."""
    pieces, cursor = [], 0
    for at, written, mark in sorted((m for m in marks if m[0] is not None), key=lambda m: m[0]):
        if at < cursor or text[at : at + len(written)] != written:
            continue
        pieces.append((text[cursor:at], None))
        pieces.append((written, mark))
        cursor = at + len(written)
    pieces.append((text[cursor:], None))
    return [(piece, mark) for piece, mark in pieces if piece]

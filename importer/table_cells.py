"""What a table's cells and row labels say beyond one plain number each.

``binding.bind_table`` reads a table cell by cell; these are the cells it would otherwise pass
over, as bulletins write them:

* a **compound cell** lists several measures, each with its value: "氨氮/1.3、总磷/0.6" under
  主要超标项目 (exceedance multiples by pollutant), "COD:12、氨氮:0.8" under a column of
  discharges. Each item is a figure of its own, the item's name naming the measure and the
  column saying what kind of value it is.
* a **change written in words**: "下降6.0%", "增加5天", "上升0.3个百分点": the word is the
  sign. "持平" beside such changes, in their row or their column, is a change of 0; among
  words alone ("上升", "持平" under 变化趋势) it is a trend, no figure.
* a **merged row label**: a place or group written once over its rows ("甲市" over two of its
  stations), so the rows below it carry an empty label in the copy.
"""

import re

from .numbers import fold

_NUMBER = r"[-+−]?\d[\d,]*(?:\.\d+)?"
# "氨氮/1.3", "总磷：0.6倍", "COD:12": a name (no digit at its end, where a code's number would
# run into the value), a slash or colon, a number and at most a short unit.
_ITEM = re.compile(
    rf"^\s*([^\d/:：、,，;；\s][^/:：、,，;；]{{0,11}}?)\s*[/:：]\s*({_NUMBER}\s*(?:倍|%|mg/L)?)\s*$"
)
_SEPARATOR = re.compile(r"[、,，;；]")


def compound_items(cell):
    """``[(name, value as written)]`` when every item of the cell is a name and its value;
    ``[]`` otherwise (a remark, a list of stations, a plain value)."""
    if not re.search("[/:：]", cell):
        return []
    items = [item for item in _SEPARATOR.split(cell) if item.strip()]
    out = []
    for item in items:
        match = _ITEM.match(item)
        if match is None:
            return []
        out.append((match.group(1).strip(), match.group(2).strip()))
    return out


_RISE = "上升|增加|升高|提高|增长|上涨|增多"
_FALL = "下降|减少|降低|下跌|减小|回落"
_WORDED_CHANGE = re.compile(
    rf"^\s*(?:({_RISE})|{_FALL})了?\s*(\d[\d,]*(?:\.\d+)?\s*(?:%|个百分点|天|μg/m³|微克/立方米)?)\s*$"
)


def worded_change(cell):
    """A change whose sign a word gives ("下降6.0%" → "-6.0%", "增加5天" → "5天"), as a plain
    cell; None for any other cell."""
    match = _WORDED_CHANGE.match(cell)
    if match is None:
        return None
    return ("" if match.group(1) else "-") + match.group(2)


def unchanged(cell):
    """"持平": no change, a figure of 0 only beside changes in words (see above)."""
    return cell.strip() == "持平"


def merged_labels(labels, rows):
    """Row labels with an empty one filled from the label above it: a cell merged over its
    rows keeps its text in the first row only. ``rows`` are the rows' cells; a row with no
    cell either is no continuation."""
    out, above = [], ""
    for label, cells in zip(labels, rows, strict=True):
        if not label.strip() and above and any(cell.strip() for cell in cells):
            out.append(above)
            continue
        out.append(label)
        above = label if label.strip() else above
    return out


# A column of units beside the row labels ("项目 | 单位 | 2023年 | 2022年", a row per measure):
# each row's unit, written once for the row where a header would write it once per column. A
# measure of no unit (an index) has a dash or nothing there.
UNITS_HEADING = re.compile(r"^\s*(?:计量)?单\s*位\s*$")
_NO_UNIT = re.compile(r"^\s*(?:[—–\-/]{1,3}|无量纲|无)?\s*$")
_UNIT_IN_LABEL = re.compile(r"[(（][^()（）]*[)）]\s*$")


def units_column(header, rows, is_unit):
    """The column of ``header`` holding each row's unit (see above), or None: headed 单位, or
    of units in two rows or more, and nothing but units (or dashes where a row has none)."""
    for at, name in enumerate(header):
        column = [cells[at] if at < len(cells) else "" for _label, cells, _span in rows]
        units = [fold(cell) for cell in column if not _NO_UNIT.match(fold(cell))]
        headed = bool(UNITS_HEADING.match(fold(name)))
        known = sum(1 for unit in units if is_unit(unit))
        if units and known == len(units) and (headed or len(units) >= 2):
            return at
        # Headed 单位, a unit the vocabulary lacks among them ("度" of colour): still units.
        if headed and known >= 2 and 3 * known >= 2 * len(units):
            return at
    return None


def units_into_labels(header, rows, is_unit):
    """``(header, rows)`` with a column of units (``units_column``) taken out, each row's
    unit written after its label as a header would ("PM2.5(μg/m³)"); unchanged without one."""
    at = units_column(header, rows, is_unit)
    if at is None:
        return header, rows
    out = []
    for label, cells, span in rows:
        unit = cells[at].strip() if at < len(cells) else ""
        written = _UNIT_IN_LABEL.search(label)
        # "耗氧量(CODMn法,以O2计)": a bracket saying how it is counted, no unit
        if not _NO_UNIT.match(fold(unit)) and not (written and is_unit(written.group(0))):
            label = f"{label}({unit.strip('()（）')})"
        out.append((label, (*cells[:at], *cells[at + 1 :]), span))
    return (*header[:at], *header[at + 1 :]), tuple(out)


def cells_with_items(cells):
    """``(column, cell, name)`` for each cell, a compound cell once per item (its value as the
    cell, its name as ``name``); ``name`` is "" for a plain cell."""
    for column, cell in enumerate(cells):
        items = compound_items(cell)
        if not items:
            yield column, cell, ""
        for name, value in items:
            yield column, value, name


# The reason a table's cell carries when its table has one row only (a place's only station).
ONE_ROW = "表格：仅一行"


def _from_table(figure):
    return any(reason.startswith("表格") for reason in figure.reasons)


def once_with_prose(figures):
    """A table cell of a place's own row (no station or class) that a sentence also states
    (same value, unit, kind, place and period) is one figure, kept where the text says it
    first. Figures with a catalogue indicator are already paired so (``pipeline._once``);
    this is for those left to a proposal, whose names the table and the sentence word
    differently ("覆盖人口(万人)" over the cell, "覆盖人口57.91万人" in the text)."""

    def key(figure):
        return (
            figure.value,
            figure.unit_code,
            figure.kind,
            figure.region,
            figure.period_start,
            figure.period_end,
        )

    first = {}  # per key: the first figure, and whether a table and a sentence both say it
    for figure in figures:
        if figure.indicator is None and not figure.derived and not figure.qualifier:
            earlier = first.setdefault(key(figure), [figure, set()])
            earlier[1].add(_from_table(figure))
    # A row's cell (its label the qualifier's first word) that a sentence naming that row
    # states: "电话举报 | 37.7 | -32.7 | -41.7" under "电话举报…约占37.7%…同比下降41.7%".
    said = {}
    for figure in figures:
        if not _from_table(figure) and not figure.derived:
            said.setdefault(key(figure), []).append(fold(figure.quote))
    stated = _stated_in_sentences(figures)
    kept = []
    for figure in figures:
        if ONE_ROW in figure.reasons and _measure_key(figure) in stated:
            continue  # a one-row table repeating the sentence's figure of its place
        row = figure.qualifier.split()[0] if figure.qualifier else ""
        if (
            row
            and len(row) >= 2
            and _from_table(figure)
            and not figure.derived
            and any(row in quote for quote in said.get(key(figure), ()))
        ):
            continue  # the row's cell, said in a sentence that names the row
        if (
            not row
            and figure.indicator is None
            and _from_table(figure)
            and not figure.derived
            and figure.unit_code == "percent"
            and said.get(key(figure))
        ):
            continue  # a place's own share a sentence states, filed there under its measure
        earlier = first.get(key(figure)) if figure.indicator is None else None
        if (
            earlier is not None
            and earlier[1] == {True, False}
            and earlier[0] is not figure
            and not figure.qualifier
            and not figure.derived
            and _from_table(earlier[0]) != _from_table(figure)
        ):
            continue  # said again, once in the table and once in a sentence
        kept.append(figure)
    return tuple(kept)


def _measure_key(figure):
    return (figure.value, figure.unit_code, figure.indicator, figure.kind, figure.region)


def _stated_in_sentences(figures):
    """The measures (value, unit, indicator, kind, place) sentences state. A table of one row
    (a county's only station) lays out the figures its text states for its place: a cell
    equal to one is that figure, whatever period each was read with (a table and its text
    disagree on a year only by a slip of the copy)."""
    return {
        _measure_key(figure)
        for figure in figures
        if figure.indicator and not _from_table(figure) and not figure.derived
    }


# "高新区(4.33)", "桓台县(15µg/m3)": a place or site and, in brackets, its value.
_BRACKETED = re.compile(
    rf"^\s*([^\d()（）、,，;；|｜]{{2,16}}?)\s*[(（]\s*({_NUMBER}\s*[^()（）\s\d][^()（）]{{0,11}}|{_NUMBER})\s*[)）]\s*$"
)


def bracketed_list(text):
    """A paragraph that is only a list of names with their values in brackets ("甲区(4.33)、
    乙区(4.20)、丙区(4.07) |"): the rows ``(name, (value,), span)`` of a one-column table,
    or None. Under a label line of its own ("综合指数 |", a row label the copy put above its
    cell), the label is the column: the values are its measure's, each of its own place,
    whether or not the values carry a unit."""
    body = re.sub(r"(?:\s*[|｜])+\s*$", "", text)
    rows, start = [], 0
    for piece in re.split(r"([、,，;；])", body):
        if piece in "、,，;；":
            start += len(piece)
            continue
        match = _BRACKETED.match(piece)
        if match is None:
            return None
        rows.append(
            (match.group(1).strip(), (match.group(2).strip(),), (start, start + len(piece)))
        )
        start += len(piece)
    return tuple(rows) if len(rows) >= 2 else None


def cell_offsets(row_text, cells):
    """Where each cell starts in its row's text (the label first), found in order; a cell
    not found (a label carried down from a merged cell) at the previous one's offset."""
    out, at = [], 0
    for cell in cells:
        found = row_text.find(cell, at) if cell else -1
        if found >= 0:
            at = found + len(cell)
        out.append(found if found >= 0 else (out[-1] if out else 0))
    return out

"""Tables the reading left, read as the editor names their columns.

Bulletins publish their core data in tables, and a table copied in a layout the reading does
not know loses its cells: the reading page marks them as numbers left (``leftovers``), and
adding them one by one costs the editor a form a number. Here a table is what the copy kept of
it (``table_text``: rows of a label and numbers, a row a line or a cell a line). The editor
names once what each column of numbers measures, its period and whether the labels are
places, and every cell becomes a candidate together, quoting its row.

``offered`` lists the tables of a reading with the numbers it left in each,
``suggested_indicators`` and ``suggested_period`` what the reading and the header say of a
table's columns, ``plan`` turns a table and the editor's choices into unsaved candidates,
``save`` keeps those no figure of the bulletin already states.
"""

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from bulletins import workflow
from bulletins.models import Bulletin, Region
from indicators import corrections, history, units
from indicators.catalogue import alias_key
from indicators.choices import ReviewState
from indicators.models import Observation, VersionEvent

from . import table_text
from .observations import parent_code

# Labels that name the bulletin's own region: its total row.
_OWN_REGION = frozenset({"全市", "全省", "全区", "全县", "全州", "全盟", "合计", "总计"})
_LEVEL_WORD = re.compile(r"(?:市|县|区|州|盟|旗|地区)$")


def offered(document):
    """``(table, numbers left in it, (start, end) offsets)`` for each table of a reading's
    text (``pipeline.Document``): every one, for a table read may be read wrong, with how
    many of its numbers the reading left."""
    found = []
    for table in table_text.tables(document.source):
        spans = table_text.row_spans(table, document.source)
        start, end = spans[0][0], spans[-1][1]
        left = sum(1 for n in document.unread if n.at is not None and start <= n.at < end)
        found.append((table, left, (start, end)))
    return found


@dataclass(frozen=True)
class Column:
    indicator: object  # an Indicator, or None: the column is left out
    unit: str
    kind: str = "level"  # ObservationKind: a level, a change (同比), a target


@dataclass(frozen=True)
class Choices:
    """What the editor says of a table: each column's indicator, unit and kind, the period
    its figures are of, and whether its row labels are places."""

    columns: tuple
    period_start: object
    period_end: object
    period_label: str
    rows_are_places: bool


#: What a column's numbers may measure when neither its header nor its cells give a unit, the
#: families bulletins' tables most often report first.
_FAMILIES = (
    "concentration",
    "percent",
    "days",
    "dimensionless",
    "sound_level",
    "water_concentration",
    "deposition",
    "count",
    "mass",
    "money",
)


def suggested_indicators(table, vocabulary, indicators, document=None):
    """The indicator each column's numbers are most often read under where the reading read
    some of them (``document``, the reading of the text), else the one its header names as the
    reading would name it (``matching.Vocabulary``: names, aliases and cues), with the unit in
    its brackets: ``[(indicator or None, unit)]``. Where no unit tells what a header's column
    measures, a name that means one indicator whatever it measures is taken, one that may mean
    several none. ``indicators`` are the database's by code."""
    read = _read_in_columns(table, document) if document is not None else {}
    found = []
    for number, (name, unit) in enumerate(table.header_names()):
        cells = [row.cells[number] for row in table.rows if row.cells[number]]
        family = units.family(unit) if unit else None
        if family is None and cells and all(cell.endswith(("%", "％")) for cell in cells):
            family = "percent"
        codes = set()
        most = read.get(number, Counter()).most_common(1)
        if most and most[0][0] in indicators:
            codes = {most[0][0]}
        for candidate in ((family,) if family else _FAMILIES) if not codes and name else ():
            code = vocabulary.match(name, "", candidate, "level", unit).code
            codes |= {code} if code in indicators else set()
        found.append((indicators[codes.pop()] if len(codes) == 1 else None, unit))
    return found


_CHANGE_HEADER = re.compile(r"同比|环比|比上年|较上年|变化|增减|增幅|降幅|变幅|升降")


def suggested_kinds(table, document=None):
    """Each column's kind: the one most of its figures were read as where the reading read
    some, else a change where its header names one (同比, 变化…), else a level."""
    read = _read_in_columns(table, document, "kind") if document is not None else {}
    kinds = []
    for number, (name, _unit) in enumerate(table.header_names()):
        most = read.get(number, Counter()).most_common(1)
        kinds.append(most[0][0] if most else "change" if _CHANGE_HEADER.search(name) else "level")
    return kinds


def suggested_period(table, document):
    """``(start, end, label)`` of the period most of the figures the reading read from the
    table's rows are of, or None where it read none with a period."""
    periods = Counter(
        (f.period_start, f.period_end, f.period_label)
        for figures in _read_by_row(table, document)
        for f in figures
        if f.period_start or f.period_end
    )
    return periods.most_common(1)[0][0] if periods else None


def _read_by_row(table, document):
    """The figures the reading read (not derived, placed) standing in each row of the table,
    row by row: found by bisection, so the work grows with rows plus figures."""
    figures = sorted(
        (f for f in document.figures if f.at is not None and not f.derived), key=lambda f: f.at
    )
    offsets = [f.at for f in figures]
    return [
        figures[bisect_left(offsets, start) : bisect_left(offsets, end)]
        for start, end in table_text.row_spans(table, document.source)
    ]


def _read_in_columns(table, document, what="indicator"):
    """``{column: Counter of what}`` (the figures' indicator codes, or kinds) of the figures
    the reading read from the table's cells: a figure of a row whose value is that of one
    cell of the row, and of no other."""
    found = {}
    for row, figures in zip(table.rows, _read_by_row(table, document), strict=True):
        values = [cell_value(cell) for cell in row.cells]
        for figure in figures:
            if not figure.indicator:
                continue
            columns = [i for i, v in enumerate(values) if v is not None and v == abs(figure.value)]
            if len(columns) == 1:
                found.setdefault(columns[0], Counter())[getattr(figure, what)] += 1
    return found


def cell_value(cell):
    """The absolute value of a cell that is a number, or None."""
    match = table_text.number(cell)
    if not match:
        return None
    return abs(_decimal(match.group(1)))


def _decimal(written):
    return Decimal(written.replace(",", "").replace("−", "-"))


def fits(value, digits=16):
    """Whether ``value`` is stored as it is written: at most four decimals and ``digits``
    before the point (an observation's value holds 16, its value in the base unit 20). A value
    that is not ("0.00004" mg/L) is shown to the editor, never rounded into a figure."""
    return abs(value) < Decimal(10) ** digits and value == value.quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class Place:
    """A row label's place: the region the database holds, or a proposed one (name, code)."""

    region: object
    proposed: tuple = ()


def row_places(table, bulletin, gazetteer):
    """Each row label's place (``Place``, or None where the label names none), inside the
    bulletin's own region where that decides between places of one name: one query for the
    regions the database holds among them."""
    outer = None
    if bulletin.region is not None and bulletin.region.code and gazetteer.reference is not None:
        outer = gazetteer.reference.get(bulletin.region.code)
    divisions = {}
    for label in {row.label for row in table.rows}:
        if label in _OWN_REGION and bulletin.region is not None:
            continue
        division = _division(label, gazetteer, outer)
        if division is not None and division.code and division.code != "100000":
            divisions[label] = division
    codes = {division.code for division in divisions.values()}
    regions = {r.code: r for r in Region.objects.filter(code__in=codes)} if codes else {}
    places = {}
    for row in table.rows:
        if row.label in _OWN_REGION and bulletin.region is not None:
            places[row.label] = Place(bulletin.region)
        elif row.label in divisions:
            division = divisions[row.label]
            found = regions.get(division.code)
            places[row.label] = (
                Place(found) if found else Place(None, (division.name, division.code))
            )
        else:
            places[row.label] = None
    return places


def _division(label, gazetteer, outer):
    """The division a row label names: inside ``outer`` (the bulletin's own region, where the
    gazetteer holds it) only, so that "东区" in a city's table is none of the country's other
    东区; without one, a division of that name or short form."""
    label = alias_key(label)
    if not label:
        return None
    bare = _LEVEL_WORD.sub("", label) or label
    if outer is not None:
        return gazetteer.named_within(bare, outer) or (
            outer if label in (outer.name, outer.short) else None
        )
    named = gazetteer.find_all(label)
    if len(named) == 1 and named[0][0] == 0 and named[0][1] == len(label):
        return named[0][2]
    return gazetteer.named(bare)


def plan(table, choices, bulletin, places):
    """``(candidates, unfit)``: the candidate observations of ``table`` as ``choices`` name its
    columns (unsaved), one a cell with a number under a named column, ``places`` as
    ``row_places`` gives them; and ``(row, column number, cell)`` of each such cell whose value
    an observation cannot hold as written (``fits``), left out."""
    planned, unfit = [], []
    for row in table.rows:
        place = places.get(row.label) if choices.rows_are_places else None
        for number, (written, column) in enumerate(
            zip(row.cells, choices.columns, strict=True), start=1
        ):
            if column.indicator is None or not written:
                continue
            candidate = None
            if fits(_decimal(table_text.number(written).group(1))):
                candidate = _candidate(row, number, written, column, place, choices, bulletin)
            if candidate is None or not fits(candidate.value_normalised or 0, 20):
                unfit.append((row, number, written))
            else:
                planned.append(candidate)
    return planned, unfit


def _candidate(row, number, written, column, place, choices, bulletin):
    match = table_text.number(written)
    value_text = written.rstrip("%％").strip()  # as written ("３１．５"); its value is read folded
    unit = column.unit or ("%" if match.group(2) else column.indicator.unit)
    # A place the database lacks is proposed, the figure having no region until it is
    # accepted (as the importer proposes one: ``observations._region``).
    region = place.region if place is not None else bulletin.region
    # Kept in the language of every reading's reasons (``binding``), whoever saves them.
    reasons = [
        f"编辑按列读取原文第 {row.line} 行起的表格：第 {number} 列为“{column.indicator.name}”"
    ]
    if place is not None:
        reasons.append(f"地区：行首“{row.label}”")
    value = _decimal(match.group(1))
    observation = Observation(
        indicator=column.indicator,
        region=region,
        bulletin=bulletin,
        period_start=choices.period_start,
        period_end=choices.period_end,
        period_label=choices.period_label[:64],
        value=value,
        value_text=value_text[:32],
        unit=unit[:32],
        value_normalised=units.normalise(value, unit),
        qualifier="" if place is not None else row.label[:200],
        quote=row.text,
        review_state=ReviewState.CANDIDATE,
        kind=column.kind,
        reasons="\n".join(reasons),
    )
    if place is not None and place.proposed:
        name, code = place.proposed
        observation.proposed_region_name = name[:64]
        observation.proposed_region_code = code[:6]
        observation.proposed_region_parent_code = parent_code(code)
    return observation


def _key(observation):
    """What makes two figures of a bulletin the same: indicator, place, row label, period,
    kind, value and the row or sentence they quote (two rows of one label and value, as a
    table of years whose years are a column, are two figures)."""
    return (
        observation.indicator_id,
        observation.region_id,
        observation.proposed_region_code,
        observation.qualifier,
        observation.period_end,
        observation.kind,
        Decimal(observation.value).normalize(),
        " ".join(observation.quote.split()),
    )


def may_save(user, bulletin):
    """Whether ``user`` may make a bulletin's tables candidates: add figures, edit the
    bulletin, and it not approved (its figures then change by public correction)."""
    return (
        user.has_perm("indicators.add_observation")
        and workflow.can_edit(user, bulletin)
        and not corrections.figures_locked(bulletin)
    )


def save(planned, bulletin, *, by):
    """Save the candidates of ``planned`` the bulletin does not state already (an earlier
    reading of the same table, a figure the reading found): ``(saved, already there)``.

    As any change of a bulletin's figures: only by who may edit it, never on an approved
    bulletin (its figures change by public correction), the bulletin locked meanwhile (two
    saves of one table make its candidates once) and its version bumped with a revision.
    """
    with transaction.atomic():
        bulletin = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
        workflow.ensure_can_edit(bulletin, by=by)
        corrections.ensure_not_locked(bulletin)
        stated = {_key(o) for o in Observation.objects.filter(bulletin=bulletin)}
        new = []
        for observation in planned:
            key = _key(observation)
            if key not in stated:
                stated.add(key)
                new.append(observation)
        Observation.objects.bulk_create(new)
        history.versions_record(new, VersionEvent.CREATED, by=by)
        if new:
            workflow.bulletin_touch(bulletin, by=by, note=_("按列读取表格，建立候选数值"))
    return new, len(planned) - len(new)

"""The importer's reading of one bulletin, stage by stage, without the database.

    read(text) = decode → segment → metadata → figures → binding → matching

``read()`` returns a ``Document``: its title, date, publisher, region and period, its body and
the figures it states, each with its indicator (or a proposed new one), kind, period, place,
the sentence or table row it comes from, and the reasons for each of these. The service
(``service``) saves a document; the evaluation (``make eval-importer``) scores it.
"""

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from . import (
    binding,
    decode,
    document,
    figures,
    leftovers,
    matching,
    metadata,
    numbers,
    periods,
    places,
    segment,
    shared,
    table_cells,
)


@dataclass(frozen=True)
class Place:
    name: str
    gb_code: str = ""
    slug: str = ""


@dataclass(frozen=True)
class Figure:
    value: Decimal
    unit: str
    unit_code: str
    kind: str
    indicator: str | None
    proposed: tuple | None
    region: Place | None
    period_start: date | None
    period_end: date | None
    qualifier: str
    approximate: bool
    derived: bool
    quote: str
    reasons: tuple
    value_text: str = ""  # the number as written in ``quote`` (the value itself if derived)
    period_label: str = ""  # the period as the text words it ("上半年", "2023年")
    approximate_text: str = ""  # an approximate figure as written ("1200余家次")
    at: int | None = None  # where its number stands in ``Document.source`` (None: not placed)


@dataclass(frozen=True)
class Document:
    title: str
    date: date | None
    publisher: str
    region: Place | None
    period_start: date | None
    period_end: date | None
    language: str
    body: str
    figures: tuple
    removed: tuple
    unread: tuple = ()  # leftovers.Leftover: the numbers no figure was read from
    source: str = ""  # the text as read (decoded, repaired): the one ``unread`` offsets are in


_VOCABULARIES = {}


def vocabulary_of(catalogue):
    """The vocabulary of a catalogue (``matching.Vocabulary``), built once per catalogue
    object."""
    if id(catalogue) not in _VOCABULARIES:
        _VOCABULARIES.clear()
        _VOCABULARIES[id(catalogue)] = (catalogue, matching.Vocabulary.build(catalogue))
    return _VOCABULARIES[id(catalogue)][1]


@lru_cache(maxsize=1)
def default_gazetteer():
    """The places over the reference gazetteer, built once per process."""
    return places.default()


def default_catalogue():
    """The reference catalogue when installed (``indicators.catalogue``), else None (CUES' codes)."""
    try:
        from indicators.catalogue import Catalogue
    except ImportError:
        return None
    return _reference(Catalogue)


@lru_cache(maxsize=1)
def _reference(catalogue_class):
    return catalogue_class.from_reference()


def read(text, *, filename="", published=None, catalogue=None, gazetteer=None):
    """The document ``text`` is, as described in the module docstring."""
    text = decode.readable_text(decode.normalise_text(text))
    front, text = metadata.front_matter(text)
    text, repaired = numbers.repair(text)
    # Every stage reads the folded text (full-width → ASCII, traditional → simplified, one
    # character for one), so offsets in it are offsets in ``text``: quotes are cut from ``text``.
    folded = numbers.fold(text)
    parsed = document.parse(folded, filename=filename)
    gazetteer = default_gazetteer() if gazetteer is None else places.wrap(gazetteer)
    vocabulary = vocabulary_of(catalogue if catalogue is not None else default_catalogue())
    blocks = segment.blocks(parsed.paragraphs)
    parsed, blocks = _first_part_heading(parsed, blocks, gazetteer, filename)
    about = metadata.read_document(
        parsed,
        front,
        blocks,
        gazetteer,
        published=published,
        head_text=folded[:4000],
        tail_text=folded[-3000:],
    )
    scope = binding.Scope(
        context=periods.Context(
            year=about.year,
            published=about.date,
            written_in=about.written_in,
            year_stated=about.year_stated,
        ),
        period_start=about.period_start,
        period_end=about.period_end,
        period_label=about.period_label,
        region=about.region,
        home=about.region,
        title=numbers.fold(about.title),
    )
    found = []
    quoted_at = []  # where each figure's quote starts: its block and offset
    cursor = 0
    words_end = len(folded.rstrip())  # for _cut_at_the_end
    title = numbers.fold(about.title)
    previous = None
    topic = ""  # the last heading: what the paragraphs under it measure, when they say no more
    stated = None  # the period an English paragraph last stated
    section = scope  # the scope under the last heading that stated a period of its own
    plan = None  # the period of the last target that gave its own ("by 2020", 到2025年)
    total = None  # the last total of the paragraphs before, for a breakdown by place
    place_rank = None  # how the last heading that named its section's place was numbered
    # The headlines: lines standing alone over the sections of the text. The lines under a
    # section's heading ("一、空气", "(二)水") are that section's body, however short.
    headlines = set()
    sections = False
    located = {}  # where each block stands in the text (see _locate), for leftovers
    for number, block in enumerate(blocks):
        sections = sections or bool(_NUMBERED.match(block.text))
        if not sections and _is_headline(block):
            headlines.add(number)
        lead = _lead(previous)
        previous = block
        if _is_topic(block):
            topic = block.text
            mark = _rank_of_heading(block.text)
            placed = gazetteer is not None and _heading_place(block.text, gazetteer, topic=True)
            if mark and mark == place_rank and not placed:
                # "一、甲县…", "二、乙县…", then "三、全市水环境": a part of the same rank naming
                # no place is the document's again, not the last county's.
                section = replace(section, region=scope.region)
            section = _section(block, scope, section, gazetteer)
            place_rank = mark if placed else place_rank
        elif _PLACE_LABEL.fullmatch(block.text):
            # "北京市:" over its paragraphs, then "长三角区域25个城市:": each label is the
            # place of the paragraphs under it, until the next.
            section = replace(
                section, region=_heading_place(block.text, gazetteer) or section.region
            )
        at, where = _locate(folded, block.text, cursor)
        if at >= 0:
            cursor = where[-1] if where else at + len(block.text)
            located[number] = (at, where)
        block_scope = section
        carries = about.language == "en" or section.period_start is None
        if carries and block.kind != "table":
            # A paragraph that states no period is of the period the paragraphs before it
            # stated ("… in 2015." / "Construction noise made up 50.1%."; "1-5月,…" / "全市共
            # 受理…"): in English whatever the document's own, in Chinese where the document
            # and the section under its heading state none.
            if stated is not None:
                block_scope = replace(
                    section,
                    period_start=stated.first,
                    period_end=stated.last,
                    period_label=stated.label,
                )
            stated = _stated(block.text, scope.context) or stated
        listed = table_cells.bracketed_list(block.text) if lead else None
        if listed is not None:
            # "SO2 |" over "甲区(16µg/m3)、乙区(15µg/m3)": a two-column table's row, its label
            # on a line of its own and its cell a list: a column of that measure, a row a place.
            block = segment.Block("table", block.text, (lead,), listed, lead)
        if block.kind == "table":
            bound = binding.bind_table(block, block.text, gazetteer, scope)
        else:
            raws = figures.find(block.text)
            if not raws and "持平" not in block.text and not binding.says_none(block.text):
                continue
            named = gazetteer.find_all(block.text)
            local = getattr(gazetteer, "short_forms_within", None)
            if local is not None and about.region is not None:
                named = sorted(named + local(block.text, about.region, named), key=lambda n: n[0])
            bound = binding.bind(
                block.text,
                raws,
                named,
                block_scope,
                getattr(gazetteer, "named", None),
                total,
            )
            total = next(
                (f for f in reversed(bound) if not f.derived and not f.part and f.kind == "level"),
                total,
            )
            if lead:
                # "SO2 |" on the line before "经开区(16µg/m3)、桓台县(15µg/m3)": a table's row
                # whose label and list the copy put on two lines.
                for figure in bound:
                    figure.head = f"{lead} {figure.head}"
        plan = _plan_periods(bound, plan)
        if about.language == "en" and block.kind != "table":
            bound = _each_measure(bound, vocabulary)
            stated = _stated_by_figures(bound) or stated
        cut = _cut_at_the_end(folded, block, at, where, words_end)
        for figure in bound:
            if title and block.text.startswith(title) and figure.raw.start < len(title):
                continue  # the title run into the first paragraph: its figures are the body's
            if cut is not None and _is_cut(block, figure, cut):
                continue
            start, end = _quote_span(block.text, figure)
            if where:  # lines the segmenter joined: the quote keeps their line breaks
                first, last = where[start], where[max(start, end - 1)] + 1
                quote = text[first:last]
                if "".join(folded[first:last].split()) != "".join(block.text[start:end].split()):
                    # a row the segmenter put together: its own words, as the text spells them
                    quote = _original(block.text[start:end], folded, text)
            else:
                quote = text[at + start : at + end] if at >= 0 else block.text[start:end]
            made = _figure(
                figure,
                quote.strip().rstrip("。"),
                vocabulary,
                _approximately(block.text, figure),
                topic if block.kind != "table" else "",
                block.caption
                if block.kind == "table"
                else block.text[figure.quote_span[0] : figure.raw.start],
                block.text[slice(*figure.quote_span)] if block.kind != "table" else "",
                block.text[max(0, figure.quote_span[0] - _BEFORE_SPAN) : figure.quote_span[0]]
                if block.kind != "table"
                else "",
                gazetteer,
            )
            if not made.derived and at >= 0:
                made = replace(
                    made,
                    at=where[min(figure.raw.start, len(where) - 1)]
                    if where
                    else at + figure.raw.start,
                )
            found.append(made)
            quoted_at.append((number, start))
    read_from = defaultdict(list)
    for (number, _start), figure in zip(quoted_at, found, strict=True):
        if not figure.derived:
            read_from[number].append((figure.value, figure.at))
    if parsed.title_found:
        _headline_figures(found, quoted_at, title, folded, text, gazetteer, scope, vocabulary)
    return Document(
        title=_original(about.title, folded, text),
        date=about.date,
        publisher=_original(about.publisher, folded, text),
        region=_place(about.region),
        period_start=about.period_start,
        period_end=about.period_end,
        language=about.language,
        body=parsed.body,
        figures=table_cells.once_with_prose(_once(*_told_below(found, quoted_at, headlines))),
        removed=tuple(parsed.removed)
        + tuple(segment.Removed(f"{count}×", reason) for reason, count in repaired),
        unread=leftovers.leftovers(blocks, located, read_from),
        source=text,
    )


def _first_part_heading(parsed, blocks, gazetteer, filename):
    """A compilation whose parts each open with a line naming only a place ("海口" … "拉萨" …
    "舟山"): the first such line, taken for the headline, heads the first part; the
    compilation has no headline of its own."""
    if not parsed.title_found or _heading_place(parsed.title, gazetteer) is None:
        return parsed, blocks
    parts = [b for b in blocks if b.kind == "heading" and _heading_place(b.text, gazetteer)]
    if len(parts) < 2:
        return parsed, blocks
    title = document.placeholder_title(filename, parsed.paragraphs)
    heading = segment.Block("heading", parsed.title)
    return replace(parsed, title=title, title_found=False), [heading, *blocks]


def _headline_figures(found, quoted_at, title, folded, text, gazetteer, scope, vocabulary):
    """A figure of the headline that the body does not state ("…罚款金额超10亿" over a body
    giving the exact sum) is a figure of its own; one the body states again is the body's.
    A headline written on two lines (over its dashed subtitle, or its second line) is read
    line by line where the text has them."""
    lines = [title] if title in folded else re.split(r"\s+|(?=——)", title)
    for line in lines:
        if line and line in folded:
            _headline_line_figures(
                found, quoted_at, line, folded, text, gazetteer, scope, vocabulary
            )


def _headline_line_figures(found, quoted_at, title, folded, text, gazetteer, scope, vocabulary):
    """The figures of one line of the headline (see ``_headline_figures``)."""
    raws = figures.find(title) if title else []
    at = folded.find(title) if raws else -1
    if at < 0:
        return
    # The same number in the body is the same fact, whatever its measure word (1071起 in the
    # headline, 1071件 in the body).
    said = {figure.value for figure in found}
    lookup = getattr(gazetteer, "named", None)
    for figure in binding.bind(title, raws, gazetteer.find_all(title), scope, lookup):
        if figure.derived:
            continue
        start, end = _quote_span(title, figure)
        made = _figure(
            figure,
            text[at + start : at + end].strip(),
            vocabulary,
            _approximately(title, figure),
            "",
            title[figure.quote_span[0] : figure.raw.start],
            title[slice(*figure.quote_span)],
        )
        if made.value not in said:
            found.append(made)
            quoted_at.append((-1, start))


_SENTENCE_MARK = re.compile(r"[。！？!?；;，,:：]")


def _section(heading, scope, section, gazetteer=None):
    """The scope of the paragraphs under ``heading``: "一、2024年11月全区水质状况" then
    "二、2024年1-11月…" each date the sections under them, which say no period again. A
    heading stating no period keeps the section's; one stating two ("11月及1-11月") leaves
    the document's. A heading that is only a place ("河北省", "二、天津市") is the place of
    the sections under it, whose 全省/全市 is that place, until another heading names one."""
    place = _heading_place(heading.text, gazetteer, topic=True) if gazetteer is not None else None
    if place is not None:
        section = replace(section, region=place)
    stated = [
        p
        for p in periods.find_all(heading.text, scope.context)
        if p.first and p.last and not p.baseline
    ]
    if not stated:
        return section
    if len(stated) > 1:
        return replace(
            section,
            period_start=scope.period_start,
            period_end=scope.period_end,
            period_label=scope.period_label,
        )
    return replace(
        section,
        period_start=stated[0].first,
        period_end=stated[0].last,
        period_label=stated[0].label,
    )


# "一、", "(二)", "3.", "【", "#": what numbers or marks a heading around its words; a colon or
# a dash closes it ("北京——" over Beijing's part of a compilation of places' figures).
_HEADING_MARKS = re.compile(
    r"^\s*(?:#+\s*)?(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}\s*[、.．])?\s*[【\[]?|[】\]]?\s*(?:[:：]|[—―－-]{1,2})?\s*$"
)


def _heading_place(text, gazetteer, topic=False):
    """The place a heading consists of ("河北省", "(二)天津市", "【北京】"), also with the
    count of its cities ("汾渭平原11个城市", "长三角区域25个城市"), or None. ``topic``: also
    a place opening a heading of what the section reports on it ("一、甲县环境质量状况",
    "乙区空气质量"), a section's place as much as a heading of the place alone."""
    bare = _HEADING_MARKS.sub("", text)
    if not bare or len(bare) > 16 + (12 if topic else 0):
        return None
    named = gazetteer.find_all(bare)
    if len(named) != 1 or named[0][0] != 0:
        return None
    if _ITS_CITIES.fullmatch(bare, named[0][1]) or (
        topic and _TOPIC_OF_A_PLACE.fullmatch(bare, named[0][1])
    ):
        return named[0][2]
    return None


# What may follow a heading's place: the count of the cities or counties it reports on.
_ITS_CITIES = re.compile(
    r"(?:区域|地区)?(?:\d+个(?:地级及以上)?(?:城市|地市|县市区|区县|县区|县))?"
)
# After a heading's place, what the section reports on it: words, a year at most, no other
# place, no word pointing at the document's own (全市, 我县) nor a figure.
_TOPIC_OF_A_PLACE = re.compile(
    r"(?:\d{4}年度?)?(?![全我本该各])[^\d，。,；;、:：()（）与和及较比]{2,12}"
)
_RANKS_OF_HEADINGS = (
    ("一、", re.compile(r"\s*[一二三四五六七八九十]{1,3}\s*[、.．]")),
    ("(一)", re.compile(r"\s*[(（][一二三四五六七八九十]{1,3}[)）]")),
    ("1.", re.compile(r"\s*\d{1,2}\s*[、.．](?!\d)")),
    ("(1)", re.compile(r"\s*[(（]\d{1,2}[)）]")),
)


def _rank_of_heading(text):
    """How a heading is numbered ("一、", "(一)", "1.", "(1)"), or None: headings numbered
    alike are parts of the same rank."""
    return next((rank for rank, pattern in _RANKS_OF_HEADINGS if pattern.match(text)), None)


# A short line of a place closed by a colon, over the paragraphs of that place.
_PLACE_LABEL = re.compile(r"[^。；;,，:：]{2,20}[:：]")


def _is_topic(block):
    """A heading, or a short line without a sentence or a figure ("(一)细颗粒物(PM2.5)")."""
    if block.kind == "heading":
        return True
    text = block.text
    return (
        block.kind == "paragraph"
        and len(text) <= 30
        and not _SENTENCE_MARK.search(text)
        and not figures.find(text)
    )


def _plan_periods(bound, plan):
    """Targets without a period of their own are of the plan's year stated for a target
    before them ("By 2020, emissions should drop 15 percent." / "Meanwhile, good days
    should reach 80 percent."), never of the report's own period; returns the last plan."""
    for figure in bound:
        if figure.kind != "target":
            continue
        own = any(reason.startswith("期间：“") for reason in figure.reasons)
        if own and figure.period_end is not None:
            plan = (figure.period_start, figure.period_end, figure.period_label)
        elif plan is not None and not own:
            figure.period_start, figure.period_end, figure.period_label = plan
            figure.reasons.append(f"期间：前文目标的“{plan[2]}”")
    return plan


_PLANNED_OR_SINCE = re.compile(r"(?:by|since|to)\b", re.I)


# "In the first half of this year" with no date line, "As of June": a period the paragraph
# states, of no known year; the paragraphs after it are of no known period either.
_OF_NO_KNOWN_YEAR = frozenset(
    {"half_en", "quarter_en", "quarters_en", "months_first_en", "thisyear_en", "asof_en"}
)


def _stated(text, context):
    """The last period a paragraph states of its own figures: not a baseline, a plan's year
    ("by 2025"), a start ("since 2018") or a plan still to come; one of no known year is
    stated too."""
    found = [
        period
        for period in periods.find_all(text, context)
        if (period.last or period.kind in _OF_NO_KNOWN_YEAR)
        and not period.baseline
        and not _PLANNED_OR_SINCE.match(period.label)
        and not (context.published and period.first and period.first > context.published)
    ]
    return found[-1] if found else None


def _stated_by_figures(bound):
    """The period the last figure of a paragraph dated by its own words was given ("33
    micrograms per cubic meter in 2021, …, since the data was first collected in 2013": 2021,
    not the year of the remark), or None."""
    for figure in reversed(bound):
        if figure.derived or figure.kind == "target" or figure.period_end is None:
            continue
        if any(reason.startswith("期间：“") for reason in figure.reasons):
            return periods.Period(
                0, 0, figure.period_label or "", figure.period_start, figure.period_end
            )
    return None


def _lead(block):
    """A short line without a figure of its own (a row label the copy left on its own line)."""
    if block is None or block.kind == "table":
        return ""
    text = re.sub(r"(?:\s*[|｜])+\s*$", "", block.text)
    return text if len(text) <= 12 and not figures.find(text) else ""


MAX_QUOTE = 100
_PART = re.compile(r"[^;；]+")
_CLAUSE = re.compile(r"[^,，]+")


@lru_cache(maxsize=4)
def _clauses(text, start, end):
    """The clauses of a sentence and where each starts, listed once for all its figures."""
    clauses = [m.span() for m in _CLAUSE.finditer(text, start, end)]
    return clauses, [a for a, _b in clauses]


def _quote_span(text, figure):
    """The sentence, or for a long one the part of it around the figure, still word for word:
    its semicolon part, else its clause with the clauses either side."""
    start, end = figure.quote_span
    if end - start <= MAX_QUOTE or figure.raw.start == figure.raw.end == start:
        return start, end
    at, to = figure.raw.start, max(figure.raw.end, figure.raw.start + 1)
    for part in _PART.finditer(text, start, end):
        if part.start() <= at and to <= part.end():
            start, end = part.span()
            break
    if end - start <= MAX_QUOTE:
        return start, end
    clauses, starts = _clauses(text, start, end)
    index = bisect_right(starts, at) - 1
    index = index if index >= 0 and at < clauses[index][1] else 0
    first = clauses[max(0, index - 1)][0]
    last_index = index + 1
    while last_index < len(clauses) - 1 and clauses[last_index - 1][1] < to:
        last_index += 1
    last = clauses[min(len(clauses) - 1, last_index)][1]
    if last - first > 150:
        # One clause running on (a long list of places): the words around the figure, from
        # the start of its own item, cut at the list's marks rather than inside a word.
        first, last = max(start, at - 60), min(end, to + 60)
        item = max(text.rfind(mark, first, at) for mark in "、:：")
        first = item + 1 if item >= 0 else first
        after = text.rfind("、", to, last)
        last = after if after > to else last
    return first, last


# A section's numbered heading: "一、", "(二)", "3.".
_NUMBERED = re.compile(
    r"\s*(?:#+\s*)?(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}\s*[、．])"
)
_HEADLINE_STOP = re.compile(r"[。；;！？!?.]$|[。；;！？!?]")


def _is_headline(block):
    """A line standing alone that says no sentence: a headline, a heading, an original title
    (原标题:…) or a lead's caption line, whose figures the paragraphs below state again."""
    text = block.text.strip()
    return (
        block.kind in ("paragraph", "heading")
        and 0 < len(text) <= 60
        and "\n" not in text
        and not _HEADLINE_STOP.search(text)
    )


def _distinctive(value):
    """A value unlikely to recur by chance (1071, 29.5): a headline's proposal and a later
    figure sharing only its value and unit family are the same fact only so; a small count
    (新建管网12公里 over 改造管网12公里) may be two."""
    digits = value.as_tuple().digits
    return len(digits) >= 3 or value != value.to_integral_value()


def _named_alike(figure, quote):
    """Whether the four characters before a headline's number (…处罚案件12件) stand in a later
    figure's quote: the same words, so the same fact."""
    said = numbers.fold(figure.quote)
    at = said.find(figure.value_text)
    words = said[max(0, at - 4) : at] if at >= 0 else ""
    return len(words) == 4 and not re.search(r"[\d\s]", words) and words in quote


def _told_below(found, quoted_at, headlines):
    """Figures of a headline a later paragraph states again (重庆上半年…处罚1071起 over
    "…共发出行政处罚决定书1071件"): one fact, kept where the paragraph says it. A headline
    rounding the figure otherwise (218% over 218.2%) keeps its own."""
    said = {}
    for figure, (number, _start) in zip(found, quoted_at, strict=True):
        if number not in headlines and not figure.derived:
            key = (figure.value, figures.family_of(figure.unit_code))
            said.setdefault(key, []).append((number, figure.indicator, numbers.fold(figure.quote)))
    kept, kept_at = [], []
    for figure, at in zip(found, quoted_at, strict=True):
        later = said.get((figure.value, figures.family_of(figure.unit_code)), ())
        if (
            at[0] in headlines
            and not figure.derived
            and any(
                number > at[0]
                and (
                    indicator == figure.indicator
                    if figure.indicator is not None
                    else _distinctive(figure.value) or _named_alike(figure, quote)
                )
                for number, indicator, quote in later
            )
        ):
            continue
        kept.append(figure)
        kept_at.append(at)
    return kept, kept_at


def _once(found, quoted_at):
    """A figure the text states twice (a summary, then its paragraph; a sentence the copy
    repeats word for word) is one figure.

    Two cells of a table are two figures even with one value: their rows (stations, classes)
    are their qualifiers. A sentence repeating a cell is the cell.
    """
    seen, kept = {}, []
    for figure, at in zip(found, quoted_at, strict=True):
        key = (
            figure.value,
            figure.unit_code,
            # a proposal by its name: "按日连续处罚案件共798件" in the lead and in the body
            _SAME_WHEN_EQUAL.get(figure.indicator, figure.indicator)
            or ("proposed", figure.proposed and figure.proposed[0], _words(figure)),
            figure.kind,
            figure.region,
            figure.period_start,
            figure.period_end,
            figure.derived,
            _compared_with(figure),
        )
        # Earlier figures of the same key, by qualifier: the quotes they were read from.
        earlier = seen.setdefault(key, {})
        said = (figure.quote, at)
        if (
            (figure.indicator is None and _words(figure) is None)
            or not _repeats(earlier, figure, said)
            or _of_another_group(earlier, figure)
        ):
            kept.append(figure)  # two stations of one sentence may share a value
        earlier.setdefault(figure.qualifier, set()).add(said)
    return tuple(kept)


# What a change's own words compare with: the previous month, or the same period a year before.
_MONTH_BEFORE = re.compile(r"环比|上月|上个月|前一月|last month|month[- ]on[- ]month", re.I)
_YEAR_BEFORE = re.compile(r"同比|同期|上年|去年|year[- ]on[- ]year|a year (?:earlier|ago)", re.I)


def _compared_with(figure):
    """Which period a change's quote says it compares with ("month", "year" or ""): a change
    on the previous month and one on a year before ("CO月均浓度持平" under "与上月相比", then
    "CO月均浓度与上年同期持平") are two figures, however alike."""
    if figure.kind != "change":
        return ""
    quote = numbers.fold(figure.quote)
    # the words nearest before the value: "环比下降19.6%,同比下降30.0%" says 同比 of 30.0
    end = quote.find(figure.value_text) if figure.value_text in quote else len(quote)
    said = [(m.start(), "month") for m in _MONTH_BEFORE.finditer(quote, 0, end)]
    said += [(m.start(), "year") for m in _YEAR_BEFORE.finditer(quote, 0, end)]
    return max(said)[1] if said else ""


# Measures the catalogue keeps apart because a text need not mean the same by them, which
# one text giving both the same value shows it does ("城区空气质量优良天数比例为86.8%" and
# "城区环境空气质量达标率为86.8%"): one figure, the first said.
_SAME_WHEN_EQUAL = {"air-quality-standard-rate": "air-good-days-ratio"}


def _words(figure):
    """A proposal's value with the two clauses that say it, word for word ("1-11月,按日连续处罚
    案件共798件"): a proposal is one figure said twice only in the same words, as its name may
    be as general as another's (two stations' 夜间等效声级, two channels' 其他0件)."""
    if figure.derived or not figure.value_text:
        return None
    at = figure.quote.find(figure.value_text)
    if at < 0:
        return None
    clauses = re.split(r"[,，;；。]", figure.quote[: at + len(figure.value_text)])
    return "，".join(clauses[-2:]) if len(clauses) >= 2 else None


def _repeats(earlier, figure, said):
    """Whether an earlier figure of the same value, measure, place and period is of the same
    row and read elsewhere (another quote, or the same words at another place in the text);
    checked by qualifier, not figure by figure."""
    own = figure.qualifier
    if earlier.get(own, set()) - {said}:
        return True  # the same row, another quote
    if own:
        row = own.split()[0]
        return any(other != said and _names_row(other[0], row) for other in earlier.get("", ()))
    return any(
        qualifier and _names_row(figure.quote, qualifier.split()[0]) and quotes - {said}
        for qualifier, quotes in earlier.items()
    )


# A table's row of the places' mean is labelled 均值 or 平均, and a sentence stating that mean
# of the whole says either ("均值 | 13 |" beside "二氧化硫平均浓度为13微克/立方米").
_MEAN_ROW = ("平均", "均值")


def _names_row(quote, row):
    """Whether a sentence names a table's row: its label, or the mean in either word."""
    return any(word in quote for word in (_MEAN_ROW if row in _MEAN_ROW else (row,)))


# The places or sites a figure is of, counted: "全区14个设区市…", "10个县级城镇饮用水水源地…".
_GROUP = re.compile(r"(\d+)\s*[个個](?!百分点)(\S{0,2})")  # quotes keep traditional 個


def _of_another_group(earlier, figure):
    """Whether the figure is said of another group of places or sites than all its earlier
    equals were: another number ("14个设区市…为100%", "75个县级城市…为100%"), or as many of
    another kind ("2个城镇…水源地…100%", "2个农村…水源…100%"): two figures, not one said twice."""
    own = _GROUP.search(figure.quote)
    if own is None:
        return False
    groups = [_GROUP.search(quote) for quotes in earlier.values() for quote, _at in quotes]
    return bool(groups) and all(g is not None and g.groups() != own.groups() for g in groups)


# The end of a copy cut inside a figure: a bare number ("…was 7.1", "| 1.0" after rows that
# end with "|"), or a count whose noun is lost ("…为优,10个").
_CUT_NUMBER = re.compile(r"[-+−]?\d(?:[\d.,]*\d)?$")
_CUT_COUNT = re.compile(r"\d\s*[余多]?\s*[个項项件家座条處处名台起]$")


def _cut_at_the_end(folded, block, at, where, words_end):
    """Where in ``block.text`` a copy cut at the very end of the text starts its last, cut
    figure; None if the text does not end in this block or ends whole. A table's last cell
    counts only where the copy ended right after its digits while the rows above it close
    with a bar; a count may end the text with its measure word, a number with no unit in a
    sentence with what follows it. ``words_end`` is ``len(folded.rstrip())``, found once for
    all blocks: the rest of a long text is not copied again after each of its blocks."""
    if at < 0 or block.kind == "table" and "|" not in block.text:
        return None
    end = (where[-1] if where else at + len(block.text)) if block.text else at
    if end < words_end:
        return None  # words follow the block
    body = block.text.rstrip()
    if block.kind == "table":
        lines = [line for line in block.text.split("\n") if line.strip()]
        if end < len(folded) or len(lines) < 2 or not lines[-2].rstrip().endswith("|"):
            return None
        number = re.search(r"\|\s*([-+−]?\d(?:[\d.,]*\d)?)$", body)
        return number.start(1) if number else None
    count = _CUT_COUNT.search(body)
    if count:
        return count.start()
    # Only the end is searched: a run of digits and commas thousands long would be tried from
    # each of its digits.
    tail = max(0, len(body) - 100)
    number = _CUT_NUMBER.search(body, tail)
    return number.start() if number else None


def _is_cut(block, figure, cut):
    """Whether a figure is the one the copy cut (``_cut_at_the_end``)."""
    if block.kind == "table":
        return figure.quote_span[1] >= len(block.text.rstrip()) and block.text.rstrip().endswith(
            figure.raw.value_text
        )
    return figure.raw.start == cut or (figure.raw.start <= cut < figure.raw.end)


def _locate(folded, piece, cursor):
    """Where ``piece`` stands in ``folded`` from ``cursor``: its offset, and for a paragraph
    whose lines the segmenter joined ("…比例为" / "92.3%…"), each of its characters' offsets
    (the line breaks and the spaces beside them skipped), else None; -1 if not found."""
    at = folded.find(piece, cursor)
    if at >= 0 or "\n" not in folded:
        return at, None
    first_line = piece[: max(1, min(len(piece), 12))]
    at = folded.find(first_line, cursor)
    if at < 0:
        # A heading the segmenter ran into its paragraph ("蓝天常在" / "" / "一季度…"): the
        # first characters stand over lines too.
        spread = re.compile(r"\s*".join(map(re.escape, re.sub(r"\s", "", first_line))))
        found = spread.search(folded, cursor)
        if found is None:
            return _aligned(folded, piece, cursor)
        at = found.start()
    where, j, size = [], at, len(folded)
    for char in piece:
        while (
            j < size
            and folded[j] != char
            and folded[j] in " \t\n"
            and (not char.isspace() or folded[j] != "\n")
        ):
            j += 1
        if j >= size or (folded[j] != char and not (char.isspace() and folded[j] == "\n")):
            return _aligned(folded, piece, cursor)
        where.append(j)
        j += 1
    where.append(j)
    return at, where


def _aligned(folded, piece, cursor, reach=400):
    """Where ``piece`` stands in ``folded`` from ``cursor`` when the segmenter rewrote it (a
    table put together again without its Markdown rule line or its caption, its cells joined by
    spaces): the two compared without their spaces and line breaks, each character where the
    text has it next, or a little further on where the text holds more (the next few
    characters found within ``reach``); one the segmenter added stands where the character
    before it stands. -1 if too little of it is found within reach of ``cursor``."""
    window = range(cursor, min(len(folded), cursor + 2 * len(piece) + 2 * reach))
    text_at = [at for at in window if not folded[at].isspace()]
    bare = "".join(folded[at] for at in text_at)
    piece_at = [at for at, char in enumerate(piece) if not char.isspace()]
    wanted = "".join(piece[at] for at in piece_at)
    if not wanted:
        return -1, None
    found, j = [None] * len(wanted), max(bare.find(wanted[:4]), 0)
    for index, char in enumerate(wanted):
        if j < len(bare) and bare[j] == char:
            at = j
        else:
            chunk = wanted[index : index + 4]
            at = bare.find(chunk, j, j + reach + len(chunk))
        if at >= 0:
            found[index], j = at, at + 1
    placed = [at for at in found if at is not None]
    if len(placed) < 0.9 * len(wanted):
        return -1, None
    where, last = [None] * len(piece), text_at[placed[0]]
    for index, at in zip(piece_at, found, strict=True):
        where[index] = text_at[at] if at is not None else None
    for index, at in enumerate(where):
        last = where[index] = at if at is not None else last
    where.append(last + 1)
    return where[0], where


def _original(piece, folded, text):
    """The original spelling of a piece of the folded text (traditional characters kept),
    also of one the text breaks over lines (a title and its bracketed subtitle)."""
    at = folded.find(piece) if piece else -1
    if at >= 0:
        return text[at : at + len(piece)]
    bare = re.sub(r"\s+", "", piece or "")
    if not bare or len(bare) > 200:
        return piece
    found = re.search(r"\s*".join(map(re.escape, bare)), folded)
    return re.sub(r"\s*\n\s*", "", text[found.start() : found.end()]) if found else piece


def _place(division):
    if division is None:
        return None
    return Place(division.name, getattr(division, "code", "") or "")


def _approximately(text, bound):
    """An approximate figure's words as written ("1200余家次", "约3万元"), else ""."""
    raw = bound.raw
    if not raw.approximate or bound.derived:
        return ""
    before = numbers.APPROX_BEFORE.search(text[max(0, raw.start - 14) : raw.start])
    written = (before.group(0) if before else "") + text[raw.start : raw.end]
    if text.startswith("左右", raw.end):
        written += "左右"
    return written.strip()


# Measures of several grades of the AQI, the word of one of them, the other grades said one
# by one in the sentence (then that word names its grade alone), and what makes the grade all
# of the measure after all. 重度 beside 严重 or 中度 with their days, unless no 严重 was
# ("重度污染0.2%,无严重污染": the heavy days are all of them); 良好 beside 优 with its days.
_ONE_GRADE_OF = (
    (
        frozenset({"heavy-pollution-days", "heavy-pollution-days-ratio"}),
        re.compile(r"重度(?!及?以上|污染及?以上)"),
        re.compile(r"(?:严重|中度)污染?[^,，;；。\d]{0,12}?\d"),
        re.compile(r"(?:无|没有|未)(?:出现|发生)?严重污染"),
    ),
    (
        frozenset({"air-good-days"}),
        re.compile(r"^良"),
        re.compile(r"优(?!良)[级的]?(?:天数?)?[^,，;；。\d]{0,3}?\d"),
        None,
    ),
)
# Families of units only one measure of the environment is reported in (nGy/h: the gamma
# dose rate; t/(km²·month): dust fall).
_MEASURED_ALONE = ("dose_rate", "deposition")
_UNSAID_FAMILIES = ("concentration", "sound_level", "days")
_NIL_FAMILIES = ("percent", "days", "count")


def _one_grade(code, word, sentence):
    """Whether ``word``, filed under ``code``, names one grade of it among grades said one by
    one in ``sentence``."""
    return any(
        code in codes
        and grade.search(word)
        and others.search(sentence)
        and not (all_of_it and all_of_it.search(sentence))
        for codes, grade, others, all_of_it in _ONE_GRADE_OF
    )


def _each_measure(bound, vocabulary):
    """The figures, each followed by itself said of the other measures its subject joins
    ("emissions of sulfur dioxide and nitrogen oxide … dropped by 15 percent")."""
    out = []
    for figure in bound:
        raw = figure.raw

        def code(words, raw=raw, kind=figure.kind):
            return _match(vocabulary, words, "", raw.family, kind, raw.unit, False).code

        out.extend(shared.each_measure(figure, code))  # in the text's order: the first named
        out.append(figure)
    return out


def _named_by_the_figure_carried(bound):
    """Whether the figure this one carries named its measure in words of its own ("…配套办法的
    案件总数为3385件,同比增长0.5%"): the change is of that measure, known to the catalogue or
    not, never of the one a heading over the paragraph names."""
    carried = bound.carried_from
    return carried is not None and not getattr(carried, "unnamed", False)


def _days_moved_in_points(bound, match, vocabulary, part):
    """A change in points said right after a number of days ("had 25.6 good days on average,
    up 3 percentage points") moves those days: the writer named no share, only the days, and
    the share's words in the subject are the days' own. None where that is not so."""
    carried = bound.carried_from
    if bound.kind != "change" or bound.raw.family != "percentage_point" or carried is None:
        return None
    if carried.kind != "level" or carried.raw.family != "days":
        return None
    days = _match(
        vocabulary, carried.item, carried.head, "days", "level", carried.raw.unit, part
    ).code
    if days is None or matching.SHARES.get(days) != match.code:
        return None
    return matching.Match(
        days, f"{match.reason}；紧随其天数之后，以点计的变化是天数的变化 → {days}"
    )


# "N个<what is counted>中,(有)M个<what they did>,占": a share named by its whole and its part.
_SHARE_OF_COUNTED = re.compile(
    r"\d+\s*个([^,，;；。\d]{2,40}?)中\s*[,，]\s*(?:有|其中)?\s*\d+\s*个([^,，;；。\d]{1,16}?)"
    r"\s*[,，]?\s*占\s*$"
)
# A number in words, not a pollutant's subscript (O3, PM2.5).
_NUMBER_SAID = re.compile(r"(?<![A-Za-z.\d])\d")


def _points_carried_past_a_clause(bound, match, said, vocabulary):
    """Whether a change in 个百分点 is filed under a concentration only through a level it
    carries from an earlier clause ("PM2.5浓度为84微克/立方米;O3未出现超标,同比下降6.5个百分点"):
    a writer's points for a concentration are read in the pollutant's own words or right after
    its level ("…浓度39微克/立方米,同比下降11.4个百分点"), not across another clause."""
    return (
        bound.raw.unit_code == "pp"
        and bound.carried_from is not None
        and match.code is not None
        and vocabulary.reported_in(match.code, "concentration")
        and not _NUMBER_SAID.search(re.split(r"[;；]", said)[-1])
    )


# "…优良天数比例为94.0%,高于全国平均水平6.5个百分点": how far the share is above the country's
_NATIONAL_GAP = re.compile(
    r"(?:(?:高于|优于|好于|超过|超出)全国的?(?:平均水平|平均值|均值|平均)"
    r"|(?:比|较)全国的?(?:平均水平|平均值|均值|平均)(?:高|好)出?了?)\s*(?:约|近)?\s*$"
)


def _above_national(bound, match, said, vocabulary):
    """The good-day share's distance above the national average, its own indicator; a change of
    the share otherwise. None where that is not so."""
    if match.code != "air-good-days-ratio" or bound.kind != "change":
        return None
    if bound.raw.unit_code != "pp" or not _NATIONAL_GAP.search(numbers.fold(said)):
        return None
    if not vocabulary.has("air-good-days-ratio-above-national"):
        return None
    code = "air-good-days-ratio-above-national"
    return matching.Match(code, f"{match.reason}；高于全国平均 → {code}")


# English "the average number of days in the 2+26 cities was 68.3%": a share of days that
# names no grade is the share of good days, the one share of days a report gives unnamed
# (优良天数比例 translated without its 优良). Any grade or other measure named refuses it.
_DAYS_EN = re.compile(r"\bdays\b", re.I)
_GRADE_EN = re.compile(
    r"pollut|exceed|heavy|severe|moderate|light|haze|smog|sand|dust|rain|precipitation|"
    r"ozone|\bO3\b|PM2\.5|PM10|section|water|noise|monitor|valid|effective",
    re.I,
)


def _share_of_days_ungraded(bound, vocabulary):
    if bound.raw.family not in ("percent", "percentage_point") or not bound.raw.unit:
        return None
    words = f"{bound.head} {bound.item}"  # the item alone may be cut after a place's name
    if not _DAYS_EN.search(words) or _GRADE_EN.search(words):
        return None
    if not vocabulary.has("air-good-days-ratio"):
        return None
    return matching.Match("air-good-days-ratio", "“days”以百分比计，未言等级 → air-good-days-ratio")


# How far before its sentence a figure's measure may have been said, in its paragraph.
_BEFORE_SPAN = 160
_NOT_A_NAME = re.compile(r"[\s(（)）:：,，、\-]|^(?:其中|依次为|依次是|分别为|分别是)")


def _only_a_place(name, gazetteer):
    """Whether a proposal's name is only a place's ("平凉", "运城(", "高新区"): the item says
    where, and the measure is the one said around it."""
    name = _NOT_A_NAME.sub("", name or "")
    if len(name) < 2 or gazetteer is None:
        return False
    if gazetteer.named(name) is not None:
        return True
    return any(start == 0 and end == len(name) for start, end, _ in gazetteer.find_all(name))


# A measure's word ("长春、吉林轻度污染天数比例分别为"): the list's own measure, one the
# catalogue does not hold, not the one said before it.
_MEASURE_TERM = re.compile(r"比例|占比|浓度|天数|指数|个数|件数|次数|[率量值]")


def _measure_after_the_place(head, name):
    """Whether the words from the place to the number name a measure of their own."""
    at = head.find(_NOT_A_NAME.sub("", name))
    return bool(_MEASURE_TERM.search(head[max(at, 0) :]))


def _named_around(bound, vocabulary, part, said, before, topic):
    """The measure of a figure whose own words name none ("平凉上升88.5%", "鼓楼3件"): the one
    its sentence names before it (the nearest, as the vocabulary matches), else, where the
    sentence names no measure at all, the paragraph before the sentence, else its heading;
    only in a unit that measure is reported in."""
    raw = bound.raw
    for words, where in ((said, "句中"), (before, "前文"), (topic, "标题")):
        if not words:
            continue
        named = _match(vocabulary, words, "", raw.family, bound.kind, raw.unit, part)
        if named.code is not None and vocabulary.reported_in(named.code, raw.family):
            return matching.Match(named.code, f"{where}所述：{named.reason}")
        if where == "句中" and _MEASURE_TERM.search(words):
            return None  # "全省降水量较常年偏多,平凉上升18.5%": its own, uncatalogued
    return None


# Levels whose change is a percent of them, never a difference of shares.
_LEVELS_CHANGED_IN_PERCENT = ("concentration", "water_concentration")


# A concentration named by its statistic alone ("市中心城区年均浓度56微克/立方米"), under a
# line or a heading that names its pollutant ("(1)可吸入颗粒物(PM10)。").
_STATISTIC_ONLY = re.compile(
    r"^(?:全市|全省|全区|全县|市区|城区|中心城区|市中心城区|主城区|县城)?"
    r"((?:年均|年平均|月均|月平均|日均|平均)?浓度(?:值)?|均值)$"
)
# A line or a heading that is a pollutant's name and nothing more: "(1)可吸入颗粒物(PM10)。",
# "二、细颗粒物".
_POLLUTANT_LABEL = re.compile(
    r"(?:^|[。；;\n])\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]?\s*)?"
    r"(PM2\.5|PM10|细颗粒物|可吸入颗粒物|二氧化硫|二氧化氮|一氧化碳|臭氧)"
    r"(?:\s*[(（](?:PM2\.5|PM10|SO2|NO2|CO|O3)[)）])?\s*[。:：]?\s*$"
)


def _pollutant_said_before(bound, vocabulary, part, match, before, topic):
    """The measure of a concentration whose words name only its statistic: that statistic of
    the pollutant the line before it (or else its heading) names and nothing more."""
    name = match.proposed[0] if match.proposed else ""
    if not _STATISTIC_ONLY.search(name):
        return None
    raw = bound.raw
    for words, where in ((before, "前文"), (topic, "标题")):
        label = _POLLUTANT_LABEL.search((words or "").rstrip())
        named = [label] if label else []
        if not named:
            continue
        found = _match(
            vocabulary,
            f"{named[-1].group(1)}{_STATISTIC_ONLY.search(name).group(1)}",
            "",
            raw.family,
            bound.kind,
            raw.unit,
            part,
        )
        if found.code is not None:
            return matching.Match(found.code, f"{where}所述“{named[-1].group(1)}”：{found.reason}")
        return None
    return None


@lru_cache(maxsize=4096)
def _match(vocabulary, item, head, family, kind, unit, part):
    """The vocabulary's match, once per wording (a table's column repeats it row after row)."""
    return vocabulary.match(item, head, family, kind, unit, part=part)


def _figure(
    bound,
    quote,
    vocabulary,
    approximate_text="",
    topic="",
    said="",
    sentence="",
    before="",
    gazetteer=None,
):
    """The figure ``bound`` as read; ``topic`` is the heading over its paragraph, ``said`` its
    sentence up to the number (a table's caption for a cell), ``before`` the paragraph's words
    before that sentence; ``gazetteer`` tells an item that only names a place."""
    raw = bound.raw
    part = getattr(bound, "part", False)
    match = _match(vocabulary, bound.item, bound.head, raw.family, bound.kind, raw.unit, part)
    carried, steps = bound.carried_from, 0
    while match.code is None and carried is not None and steps < 4:
        # A figure carrying one that carried another ("…最大的是甲市,为19%;…最大的是乙市,
        # 为10.7%"): the words that name the measure are the first one's.
        match = vocabulary.match(
            carried.item, carried.head, raw.family, bound.kind, raw.unit, part=part
        )
        carried, steps = carried.carried_from, steps + 1
    carried = bound.carried_from
    if (
        match.code is None
        and bound.kind in ("change", "target")
        and carried is not None
        and carried.kind == "level"
        and getattr(carried, "filed_as", None)
        and (
            raw.family == "percent"
            or vocabulary.reported_in(carried.filed_as, raw.family)
            # "PM10为37.9微克/立方米,同比下降9.1个百分点": points written for a percent change
            or (raw.unit_code == "pp" and carried.raw.family in _LEVELS_CHANGED_IN_PERCENT)
        )
    ):
        # what the level it changes was filed under, from words the change does not repeat
        # (the level's sentence or heading named it): the change is of that indicator; so is
        # the target the level is compared with
        match = matching.Match(carried.filed_as, f"沿用前文同一指标 → {carried.filed_as}")
    said_before = getattr(bound, "said_before", "")
    said_after = getattr(bound, "said_after", "")
    for words, where in (
        # a bare measure ("水质达标率为100%") of what the sentence before named
        (f"{said_before}{bound.item}" if said_before else "", "前句所述"),
        # "录得35微克/立方米的PM2.5年均值": the measure named after the number
        (f"{bound.item}{said_after}" if said_after else "", "数值之后所述"),
    ):
        if match.code is None and words:
            named = _match(vocabulary, words, "", raw.family, bound.kind, raw.unit, part)
            if named.code is not None:
                match = matching.Match(named.code, f"{where}：{named.reason}")
    denominator = _SHARE_OF_COUNTED.search(said) if match.code is None and said else None
    if denominator:
        # "902个…饮用水水源监测断面(点位)中,830个全年均达标,占92.0%": a share named by what it
        # is of and what its part did, the counts between them context
        words = f"{denominator.group(1)}{denominator.group(2)}"
        # the counts read too, so that a share of places counted is no place's own rate
        clause = denominator.group(0)
        named = _match(vocabulary, words, clause, raw.family, bound.kind, raw.unit, part)
        word = re.match(r"“([^”]*)”", named.reason or "")
        if named.code is not None and word and word.group(1) in words:
            match = matching.Match(named.code, f"所占之总数：{named.reason}")
    if _points_carried_past_a_clause(bound, match, said, vocabulary):
        match = matching.Match(None, "", matching.proposal(bound.item, raw.unit, raw.family))
    match = _days_moved_in_points(bound, match, vocabulary, part) or match
    match = _above_national(bound, match, said, vocabulary) or match
    if match.code is None:
        match = _share_of_days_ungraded(bound, vocabulary) or match
    whole = getattr(bound, "share_of", None)
    if match.code is None and whole is not None:
        # the share of all days that the days counted before make ("重污染天数为3天,占0.8%")
        counted = _match(
            vocabulary, whole.item, whole.head, whole.raw.family, "level", whole.raw.unit, part
        )
        share = matching.SHARES.get(counted.code)
        if share is not None and vocabulary.has(share):
            match = matching.Match(share, f"{counted.reason}，所占比例 → {share}")
    if (
        match.code is None
        and topic
        and getattr(bound, "unnamed", False)
        and not _named_by_the_figure_carried(bound)
    ):
        under = _match(vocabulary, topic, "", raw.family, bound.kind, raw.unit, part)
        # only in a unit the heading's measure is reported in: "增加了12天" under a heading
        # "PM2.5达标天数增加" is no change of the PM2.5 concentration
        if under.code is not None and vocabulary.reported_in(under.code, raw.family):
            match = matching.Match(under.code, f"标题“{topic}”：{under.reason}")
    unit_unsaid = False
    in_table = bool(bound.reasons) and bound.reasons[0].startswith("表格")
    if match.code is None and raw.unit_code == "index" and in_table:
        # A table's cell whose unit the table never writes (a column headed 细颗粒物): the
        # measure its header names, the unit left for the editor to give.
        for family in _UNSAID_FAMILIES:
            guess = _match(vocabulary, bound.item, bound.head, family, bound.kind, "", part)
            if guess.code is not None:
                match, unit_unsaid = guess, True
                break
    if match.code is None and raw.family == "sound_level":
        match = vocabulary.by_day(f"{topic} {said} {bound.head} {bound.item}", raw.family) or match
    if (
        match.code is None
        and not in_table
        and _only_a_place(match.proposed[0], gazetteer)
        and not _measure_after_the_place(bound.head, match.proposed[0])
    ):
        match = _named_around(bound, vocabulary, part, said, before, topic) or match
    if match.code is None and not in_table and raw.family == "concentration":
        match = _pollutant_said_before(bound, vocabulary, part, match, before, topic) or match
    if match.code is None and raw.unit_code == "index" and not raw.value and not in_table:
        # "重污染天数比例为0", "劣Ⅴ类水体为0": nothing needs no unit; the words say what is
        # nil, a share, a number of days or a count.
        for family in _NIL_FAMILIES:
            nil = _match(vocabulary, bound.item, bound.head, family, bound.kind, "", part)
            if nil.code is not None:
                match = nil
                break
    statistic = getattr(bound, "statistic", "")
    if match.code is None and in_table and raw.family in _MEASURED_ALONE:
        # "平均值(单位:nGy/h)" in a station table: a dose rate is the gamma dose rate, whatever
        # the column's name leaves unsaid.
        alone = vocabulary.only_in(raw.family)
        if alone is not None:
            match = matching.Match(alone, f"单位“{raw.unit}” → {alone}")
    if statistic and match.code is not None:
        # A station's maximum or minimum is no level of the measure: a proposal of its own.
        name = f"{vocabulary.name_of(match.code)}{statistic}"
        match = matching.Match(None, "", matching.proposal(name, raw.unit, raw.family))
    named = re.match(r"“([^”]*)”", match.reason or "")
    if named and raw.value_text[:1].isdigit() and _one_grade(match.code, named.group(1), sentence):
        # "重度污染天数比例2.8%…;严重污染天数比例为0.6%", "中度污染3天、重度污染1天", "优级天数
        # 为5天、良好天数为23天": one grade of the measure, not all of it (which the word is
        # where no other grade is said; "无重度污染天气" says none of all)
        match = matching.Match(None, "", matching.proposal(named.group(1), raw.unit, raw.family))
    if hasattr(bound, "filed_as"):
        bound.filed_as = match.code
    reasons = []
    if match.code:
        reasons.append(f"指标：{match.reason}")
    else:
        reasons.append(f"指标：未识别，建议新建“{match.proposed[0]}”")
    if unit_unsaid:
        reasons.append("单位：表格未写明，请编辑补充")
    reasons.extend(bound.reasons)
    return Figure(
        value=bound.value,
        unit=raw.unit,
        unit_code=raw.unit_code,
        kind=bound.kind,
        indicator=match.code,
        proposed=None if match.code else match.proposed,
        region=_place(bound.place),
        period_start=bound.period_start,
        period_end=bound.period_end,
        qualifier=bound.qualifier,
        approximate=raw.approximate and not bound.derived,
        approximate_text=approximate_text,
        derived=bound.derived,
        quote=quote,
        reasons=tuple(reasons),
        value_text=str(bound.value) if bound.derived else raw.value_text,
        period_label=bound.period_label or "",
    )

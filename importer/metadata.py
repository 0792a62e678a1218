"""What the text says about itself: issuing body, author, date, original link, period.

``segment`` has already set the metadata lines apart (发布时间, 来源…); this stage reads their
values, once. Only what the text states is taken; nothing is inferred from outside knowledge.
A date is read from a labelled line or a line that is only a date, never from a sentence of
the article (the date of a meeting is not the date of the report on it). The period covered
is set only when every dated figure of the article names the same calendar year at the head
of its clause ("2023年全省优良天数比例为93.1%").
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from .segment import BULLET, DATE, DATE_LINE, DATETIME, LABEL, LABEL_KIND, URL, WECHAT_BYLINE


@dataclass
class Metadata:
    """Fields read from the header and footer of the raw text; empty when not stated."""

    source_name: str = ""
    author_name: str = ""
    issued_at_text: str = ""
    issued_on: date | None = None
    original_url: str = ""
    warnings: list[str] = field(default_factory=list)



def parse_date(text):
    match = DATE.search(text)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def read_metadata(lines):
    """Harvest the labelled fields from metadata lines (first statement of each wins)."""
    meta = Metadata()
    for line in lines:
        bare = BULLET.sub("", line)
        matches = list(LABEL.finditer(bare))
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(bare)
            value = bare[match.end() : end].strip(" \t|｜-—")
            _store(meta, LABEL_KIND[match.group(1)], value)
        wechat = WECHAT_BYLINE.match(bare)
        if wechat:
            names = wechat.group(1).split()
            _store(meta, "source", names[-1])
            if len(names) > 1 and names[0] != names[-1]:
                _store(meta, "author", names[0])
        if not matches and not meta.issued_at_text:
            if DATE_LINE.match(bare):
                _store(meta, "issued", bare)
            elif DATETIME.search(bare):
                _store(meta, "issued", DATETIME.search(bare).group(0))
    if meta.issued_at_text and meta.issued_on is None:
        meta.warnings.append(
            _("发布时间“%(text)s”不是可识别的日期，发布日期留空。") % {"text": meta.issued_at_text}
        )
    return meta


def _store(meta, kind, value):
    if not value:
        return
    if kind == "issued" and not meta.issued_at_text:
        found = DATE.search(value)
        meta.issued_at_text = value[:64]
        meta.issued_on = parse_date(found.group(0)) if found else None
    elif kind == "source" and not meta.source_name:
        meta.source_name = value[:128]
    elif kind == "author" and not meta.author_name:
        meta.author_name = value[:64]
    elif kind == "url" and not meta.original_url:
        url = URL.search(value)
        if url:
            meta.original_url = url.group(0)[:500]


# --- Period ------------------------------------------------------------------------------

# A year at the head of a clause, as the time of what the clause reports: "2023年全省…",
# "2021年,全市…". Not "2024年是…" (the year as subject), not a date, not "到2025年".
_CLAUSE_YEAR = re.compile(
    r"(?:^|[,，;；:：。])\s*(\d{4})年(?!度?(?:\d|\s*\d{1,2}\s*月|是|的|为|起|以来|底|末|前|后|目标|要|将))"
)
_QUANTITY = re.compile(
    r"(?<![\d.第])\d+(?:\.\d+)?\s*(?:%|％|个|项|件|台|座|家|人|次|天|篇|条|间|名|处|起|批|元|万元|亿元|亩|吨|米|公里|公顷|千瓦)"
)


def find_period(paragraphs):
    """The calendar year the article's figures are about, when they all agree on one."""
    years = set()
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[。！？])", paragraph):
            for match in _CLAUSE_YEAR.finditer(sentence):
                if _QUANTITY.search(sentence, match.end()):
                    years.add(int(match.group(1)))
    if len(years) == 1:
        year = years.pop()
        return date(year, 1, 1), date(year, 12, 31)
    return None, None


# --- A place the text does not name -----------------------------------------------------

# Redacted place names: "□市", "××县", or "口市" where the converter read □ as 口. A 口 that
# ends a word ("出口市场", "人口") is not a redaction mark.
_REDACTED = re.compile(
    r"(?<![出入进港门户窗路接端河海关道渡缺闸排井风山人江湖港岸])([口□○×Ｘ]{1,2}[市县区])(?![场民值])"
)


def redacted_place(paragraphs):
    """The label the text uses for a city it does not name, if it uses one throughout."""
    counts = Counter(match.group(1) for p in paragraphs for match in _REDACTED.finditer(p))
    if not counts:
        return ""
    label, count = counts.most_common(1)[0]
    return label if count >= 3 else ""

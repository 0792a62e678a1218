"""Raw text → a parsed document: title, metadata, cleaned body, achievement items.

Pure functions, no database: the service decides what to save. The body is Markdown
paragraphs: headings as ``## …``, achievement items as ``## N 标题``, every other paragraph a
line of the article exactly as written.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from django.utils.translation import gettext as _

from . import achievements, metadata, segment
from .achievements import Item
from .segment import Removed

#: Marks a title the importer had to make up; an editor must replace it before publishing.
PLACEHOLDER_PREFIX = "【待拟标题】"


@dataclass
class ParsedDocument:
    title: str
    title_found: bool
    body: str
    paragraphs: list[str]
    summary: str = ""
    source_name: str = ""
    author_name: str = ""
    labelled_title: str = ""  # "标题: …" in a disclosure page's header table
    byline: str = ""
    issued_on: date | None = None
    issued_at_text: str = ""
    issued_label: str = ""
    original_url: str = ""
    period_start: date | None = None
    period_end: date | None = None
    region_label: str = ""
    items: list[Item] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse(text, *, filename=""):
    """Parse normalised raw text (see ``decoding.normalise_text``)."""
    seg = segment.segment(text)
    warnings = list(seg.warnings)
    removed = seg.removed

    paragraphs, converted = segment.paragraphs_from_lines(seg.body_lines, removed)
    if (
        seg.title
        and paragraphs
        and paragraphs[0].startswith(seg.title)
        and len(paragraphs[0]) > len(seg.title)
    ):
        # A converter ran the document's title into its first page.
        removed.append(Removed(seg.title, "title"))
        paragraphs[0] = paragraphs[0][len(seg.title) :]
    if converted:
        paragraphs = segment.split_run_on_sections(paragraphs)
    paragraphs = segment.join_wrapped(paragraphs)

    meta = metadata.read_metadata(seg.meta_lines)
    warnings.extend(meta.warnings)

    title = seg.title.strip()
    title_found = bool(title)
    if not title_found:
        title = placeholder_title(filename, paragraphs)
        warnings.append(
            _("原文没有标题：已暂拟“%(title)s”，请编辑拟定标题，并在编者按中说明标题由编辑拟定。")
            % {"title": title}
        )

    found = achievements.detect(paragraphs, title=seg.title)
    if found.note:
        warnings.append(found.note)
    item_headings = {p for p in found.paragraphs if p.startswith("## ")}
    blocks = []
    for index, paragraph in enumerate(found.paragraphs):
        if paragraph in item_headings:
            blocks.append(paragraph)
        elif segment.is_heading(paragraph) and 0 < index < len(found.paragraphs) - 1:
            blocks.append(f"## {paragraph}")
        else:
            blocks.append(segment.escape_markdown(paragraph))

    period_start, period_end = metadata.find_period(paragraphs)

    return ParsedDocument(
        title=title[:200],
        title_found=title_found,
        body="\n\n".join(blocks),
        paragraphs=paragraphs,
        summary=_summary(paragraphs),
        source_name=meta.source_name,
        labelled_title=meta.title,
        author_name=meta.author_name,
        byline=seg.byline,
        issued_on=meta.issued_on,
        issued_at_text=meta.issued_at_text,
        issued_label=meta.issued_label,
        original_url=meta.original_url,
        period_start=period_start,
        period_end=period_end,
        region_label=metadata.redacted_place(paragraphs),
        items=found.items,
        removed=removed,
        warnings=warnings,
    )


def placeholder_title(filename, paragraphs):
    name = PurePath(filename).name if filename else ""
    if not name and paragraphs:
        first = re.sub(r"^\d+$", "", paragraphs[0]) or (
            paragraphs[1] if len(paragraphs) > 1 else ""
        )
        name = first[:24] + ("…" if len(first) > 24 else "")
    return f"{PLACEHOLDER_PREFIX}{name}"


def _summary(paragraphs):
    """The article's first full sentence, verbatim, as a starting point for the summary."""
    for paragraph in paragraphs:
        match = re.match(r"[^。！？]{10,200}[。！？]", paragraph)
        if match:
            return match.group(0)
    return ""

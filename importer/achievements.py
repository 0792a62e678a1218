"""Numbered highlights → an ordered achievement list.

Three ways of numbering are recognised, each only as a sequence 1, 2, 3… of at least three
items that open paragraphs:

* a number alone on its line, the item's title on the next line ("1" / "在国内…讲好故事");
* "1、标题" / "1. 标题" or "一、标题" as a heading line, the text in the paragraphs after it;
* the same openings, or "第一，", followed by the title sentence and the text in one paragraph
  ("第一，坚持把维护生态安全体现在…。国家生态文明建设…").

A numbered list is taken as a list of *achievements* only when it reports results: at least
half of its items state a figure, or the title calls it highlights (亮点、成果、成效…). A
numbered list of tasks and plans stays ordinary body text, and the import says so.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .segment import chinese_numeral, is_heading

_BARE = re.compile(r"^(\d{1,2})$")
_ARABIC = re.compile(r"^(\d{1,2})\s*[、.．]\s*(?=\S)")
_CHINESE = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(?=\S)")
_ORDINAL = re.compile(r"^第([一二三四五六七八九十]{1,3})\s*[,，、：:]\s*(?=\S)")
_FIGURE = re.compile(
    r"(?<![\d.第])\d+(?:\.\d+)?\s*(?:%|％|个|项|件|台|座|家|人|次|天|篇|条|间|名|处|起|批|元|万|亿|亩|吨|公里|公顷)"
)
_HIGHLIGHT_WORDS = re.compile(r"亮点|成果|成效|成绩|盘点|回顾|清单|十大|大事|实事|工作总结")
_TITLE_END = re.compile(r"[。！？!?；;：:]")
MIN_ITEMS = 3
MAX_TITLE = 60
MAX_INLINE_TITLE = 40


@dataclass
class Item:
    number: int
    title: str
    body: str


@dataclass
class Found:
    """The list found in the paragraphs, and the body paragraphs with item headings marked."""

    items: list[Item]
    paragraphs: list[str]
    note: str = ""


def detect(paragraphs, *, title=""):
    """Find the achievement list; ``paragraphs`` come back with "## N 标题" item headings."""
    best = None
    for style in ("bare", "chinese", "ordinal", "arabic"):
        found = _sequence(paragraphs, style)
        if found and (best is None or len(found) > len(best[1])):
            best = (style, found)
    if best is None:
        return Found([], list(paragraphs))
    style, markers = best
    items, out = _items(paragraphs, style, markers)
    if items is None:
        return Found([], list(paragraphs))
    with_figures = sum(1 for item in items if _FIGURE.search(item.title + item.body))
    if with_figures * 2 < len(items) and not _HIGHLIGHT_WORDS.search(title):
        note = _(
            "正文有 %(count)d 条编号段落，但多数未载数据（像是任务或计划），未作为成果清单导入；"
            "如确为成果，请在后台手工建立清单。"
        ) % {"count": len(items)}
        return Found([], list(paragraphs), note)
    return Found(items, out)


def _pattern(style):
    return {"bare": _BARE, "arabic": _ARABIC, "chinese": _CHINESE, "ordinal": _ORDINAL}[style]


def _number(style, text):
    return int(text) if style in ("bare", "arabic") else chinese_numeral(text)


def _sequence(paragraphs, style):
    """Indexes of the paragraphs that open items 1, 2, 3…, or None."""
    pattern = _pattern(style)
    markers = []
    for index, paragraph in enumerate(paragraphs):
        match = pattern.match(paragraph)
        if match and _number(style, match.group(1)) == len(markers) + 1:
            markers.append(index)
    return markers if len(markers) >= MIN_ITEMS else None


def _items(paragraphs, style, markers):
    pattern = _pattern(style)
    items = []
    out = list(paragraphs[: markers[0]])
    bounds = list(zip(markers, [*markers[1:], len(paragraphs)], strict=True))
    for number, (start, end) in enumerate(bounds, start=1):
        opening = paragraphs[start]
        rest = list(paragraphs[start + 1 : end])
        if style == "bare":
            if not rest or not is_heading(rest[0]):
                return None, None
            title, rest = rest[0], rest[1:]
            out.append(f"## {number} {title}")
            out.extend(rest)
        else:
            text = opening[pattern.match(opening).end() :]
            if is_heading(text) and len(text) <= MAX_TITLE:
                title = text
                out.append(f"## {opening}")
            else:
                # "第一，坚持把…创建。国家…": the title is a headline sentence, without commas.
                end_of_title = _TITLE_END.search(text)
                if (
                    not end_of_title
                    or not 2 <= end_of_title.start() <= MAX_INLINE_TITLE
                    or re.search(r"[,，]", text[: end_of_title.start()])
                ):
                    return None, None
                title = text[: end_of_title.start()]
                remainder = text[end_of_title.end() :]
                rest = ([remainder] if remainder else []) + rest
                out.append(opening)
            out.extend(paragraphs[start + 1 : end])
        items.append(Item(number, title[:200], "\n\n".join(rest)))
    return items, out

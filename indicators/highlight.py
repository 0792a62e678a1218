"""Marking, in a bulletin's rendered body, the sentence each figure was taken from.

``highlight_quotes`` takes the body as already sanitised by the renderer and wraps the first
occurrence of each figure's quote in ``<mark id="obs-<id>" class="figure-mark">``, which is
where a chart point or table row links to (``/bulletins/<slug>/#obs-<id>``).

It works on the text of the HTML, not on the markup: the body is split into tags, passed on
exactly as the sanitiser left them, and text, which is unescaped, searched and escaped again
when written out. A quote is found whatever the whitespace (a line break in the source), also
across inline markup (``<strong>``), in which case each piece gets its own ``<mark>`` and the
first carries the id. Several figures quoting the same sentence nest their marks. A quote
that is not in the text marks nothing; the caller keeps the anchor elsewhere.
"""

import bisect
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

MARK_CLASS = "figure-mark"


@dataclass
class Highlighted:
    """The body with its marks, and the ids of the figures that were found and marked."""

    html: SafeString
    marked: set = field(default_factory=set)


class _Splitter(HTMLParser):
    """Tags as written, text unescaped: ("tag", markup) and ("text", data) in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("tag", self.get_starttag_text()))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.tokens.append(("tag", f"</{tag}>"))

    def handle_data(self, data):
        self.tokens.append(("text", data))


def _compact(text):
    """``text`` without whitespace, and the offset in ``text`` of each character kept."""
    kept = [(index, char) for index, char in enumerate(text) if not char.isspace()]
    return "".join(char for _, char in kept), [index for index, _ in kept]


@dataclass(frozen=True, order=True)
class _Range:
    start: int
    end: int
    observation_id: int


def _find_ranges(text, observations):
    compact, offsets = _compact(text)
    found = {}
    ranges = []
    for observation in observations:
        quote, _ = _compact(observation.quote or "")
        if not quote:
            continue
        if quote not in found:
            position = compact.find(quote)
            found[quote] = None if position < 0 else (offsets[position], offsets[position + len(quote) - 1] + 1)
        if found[quote] is not None:
            ranges.append(_Range(*found[quote], observation.pk))
    return ranges


def _open(range_, segment_start):
    if range_.start == segment_start:
        return format_html('<mark id="obs-{}" class="{}">', range_.observation_id, MARK_CLASS)
    return format_html('<mark class="{}">', MARK_CLASS)


def _write_text(text, text_start, ranges):
    """``text`` (at ``text_start`` in the whole body) escaped, its marked parts wrapped."""
    if not ranges:
        return escape(text)
    text_end = text_start + len(text)
    cuts = {text_start, text_end}
    for range_ in ranges:
        cuts.update(cut for cut in (range_.start, range_.end) if text_start < cut < text_end)
    cuts = sorted(cuts)
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = text[start - text_start : end - text_start]
        covering = sorted(r for r in ranges if r.start <= start and end <= r.end)
        if not covering or piece.isspace():
            out.append(escape(piece))
            continue
        out.extend(_open(range_, start) for range_ in covering)
        out.append(escape(piece))
        out.append("</mark>" * len(covering))
    return "".join(out)


def highlight_quotes(html, observations) -> Highlighted:
    """Wrap each figure's quote in ``html`` (sanitised HTML) in a ``<mark>`` with its anchor."""
    splitter = _Splitter()
    splitter.feed(str(html))
    splitter.close()
    tokens = splitter.tokens
    starts, text, position = [], [], 0
    for kind, content in tokens:
        starts.append(position)
        if kind == "text":
            text.append(content)
            position += len(content)
    ranges = _find_ranges("".join(text), observations)
    if not ranges:
        return Highlighted(html=mark_safe(str(html)))  # noqa: S308 - unchanged sanitised input

    per_token = {}
    for range_ in ranges:
        first = bisect.bisect_right(starts, range_.start) - 1
        last = bisect.bisect_left(starts, range_.end)
        for index in range(max(first, 0), last):
            per_token.setdefault(index, []).append(range_)
    out = []
    for index, (kind, content) in enumerate(tokens):
        if kind == "tag":
            out.append(content)
        else:
            out.append(_write_text(content, starts[index], per_token.get(index, [])))
    return Highlighted(
        html=mark_safe("".join(out)),  # noqa: S308 - sanitised tags, escaped text, our marks
        marked={range_.observation_id for range_ in ranges},
    )

"""Markdown links and images to an address with a scheme readers may not follow
(``[label](javascript:alert('x'))``), read whole.

Markdown's own link reader takes a quote inside the address for the start of a title, so such
a link left ``)`` or ``"t")`` behind as text once the sanitiser had taken its address away.
Here the whole ``(…)`` is consumed, nested parentheses and quotes included, and what is made
is an anchor without an address (an image without a source), which the sanitiser then drops,
keeping the label.
"""

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import LinkInlineProcessor

_SCHEME = re.compile(r"\(\s*<?\s*([A-Za-z][A-Za-z0-9+.-]*):")
# Before Markdown's links (160) and images (150), after code spans (190) and escapes (180).
_PRIORITY = 165


def _past_closing_parenthesis(data, index):
    """The index just past the ``)`` that closes the ``(`` at ``index``; None if none does."""
    depth = 0
    for position in range(index, len(data)):
        depth += {"(": 1, ")": -1}.get(data[position], 0)
        if depth == 0:
            return position + 1
    return None


class _DisallowedLinkProcessor(LinkInlineProcessor):
    def __init__(self, pattern, md, allowed_schemes):
        super().__init__(pattern, md)
        self.allowed_schemes = allowed_schemes

    def handleMatch(self, m, data):
        label, index, handled = self.getText(data, m.end(0))
        scheme = _SCHEME.match(data, index) if handled else None
        end = _past_closing_parenthesis(data, index) if scheme else None
        if end is None or scheme.group(1).lower() in self.allowed_schemes:
            return None, None, None  # an ordinary link or image, or no link at all
        if m.group(0).startswith("!"):
            element = etree.Element("img", alt=label)
        else:
            element = etree.Element("a")
            element.text = label
        return element, m.start(0), end


class DisallowedLinks(Extension):
    """``DisallowedLinks(allowed_schemes={"http", "https"})``: links and images to any other
    scheme come out without their address."""

    def __init__(self, allowed_schemes):
        super().__init__()
        self.allowed_schemes = {scheme.lower() for scheme in allowed_schemes}

    def extendMarkdown(self, md):
        processor = _DisallowedLinkProcessor(r"!?\[", md, self.allowed_schemes)
        md.inlinePatterns.register(processor, "disallowed_link", _PRIORITY)

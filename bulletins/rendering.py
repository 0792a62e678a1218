"""Bulletin bodies: Markdown (or plain paragraphs) to HTML that is safe to show to readers.

Editors type Markdown; what comes out of the converter is cleaned with nh3 against an
allow-list, so raw HTML in a body (a pasted ``<script>``, an ``onerror=`` attribute, a
``javascript:`` link) never reaches a page. A link whose address is taken away leaves its label
as plain text (see ``script_links``). An image is kept only where a reader's browser can
fetch it (an http(s) address or the site's own media); any other ``<img>`` is dropped whole.
Everything that shows a body goes through ``render_body``.
"""

import re

import markdown
import nh3
from django.conf import settings
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from .script_links import DisallowedLinks

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark", "small", "abbr", "cite", "q",
    "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "code",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "a", "img", "figure", "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "ol": {"start"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
MARKDOWN_EXTENSIONS = ["sane_lists", "tables", DisallowedLinks(ALLOWED_URL_SCHEMES)]


IMAGE_URL_PREFIXES = ("http://", "https://")
# nh3's output quotes every attribute and escapes < > " inside values, so its tags can be read exactly.
_IMG = re.compile(r'<img((?:\s+[a-z-]+="[^"]*")*)\s*/?>')
# Anchors do not nest in parsed HTML, so the first </a> after one closes it.
_ANCHOR = re.compile(r'<a((?:\s+[a-z-]+="[^"]*")*)>(.*?)</a>', re.DOTALL)


def _image_source(tag, attribute, value):
    """An image's ``src`` only if a browser can fetch it from anywhere the page is read: an
    http(s) address or the site's media (``x``, ``a.png`` or ``//host/a.png`` would be broken
    or point elsewhere)."""
    if tag == "img" and attribute == "src" and not value.lower().startswith((*IMAGE_URL_PREFIXES, settings.MEDIA_URL)):
        return None
    return value


def _without_empty_links_and_images(html):
    """An anchor with no address is its label alone; an image with no source, nothing."""
    html = _ANCHOR.sub(lambda m: m.group(0) if re.search(r'\shref="', m.group(1)) else m.group(2), html)
    return _IMG.sub(lambda m: m.group(0) if re.search(r'\ssrc="', m.group(1)) else "", html)


def sanitise_html(html):
    """Keep only allow-listed tags, attributes and URL schemes; links get ``rel`` set; a link
    without an address it may keep is unwrapped, an image without such a source dropped."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=_image_source,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return _without_empty_links_and_images(cleaned)


# A paragraph that opens a numbered point of a speech or report (第一，… 一是… （一）… 一、…):
# marked so that it reads as the item it is; its words are not touched.
_NUMERAL = "一二三四五六七八九十"
_POINT = re.compile(rf"<p>(?=第[{_NUMERAL}]+[，,、]|[{_NUMERAL}]+是|[（(][{_NUMERAL}]+[）)]|[{_NUMERAL}]+、)")


def render_body(text) -> SafeString:
    """Markdown or plain paragraphs → sanitised HTML, marked safe for templates."""
    if not text:
        return mark_safe("")  # noqa: S308 - empty string
    html = markdown.markdown(str(text), extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return mark_safe(_POINT.sub('<p class="point">', sanitise_html(html)))  # noqa: S308 - cleaned by nh3 just above


def bulletin_cards(bulletins):
    """The card of each bulletin (``_bulletin_card.html``), as HTML, in the reader's language."""
    template = get_template("bulletins/_bulletin_card.html")
    return [mark_safe(template.render({"bulletin": bulletin})) for bulletin in bulletins]  # noqa: S308 - escaped by the template

"""Bytes as received → text, or a clear refusal.

What is accepted: plain text in UTF-8 (with or without a byte-order mark), UTF-16 with a
byte-order mark, GB18030 (which covers GBK and GB2312, the usual encodings of Chinese Windows
text), and Word ``.docx`` files, whose text is read from ``word/document.xml`` with the
standard library. Everything else is refused with a message that says what the file looks like
and what to do instead: an empty file, a binary file (PDF, legacy ``.doc``, an image, an
archive), text in an encoding we cannot recognise, or a file above the size limit.

The limit (``MAX_BYTES``, 2 MiB unless ``settings.BULLETIN_IMPORT_MAX_BYTES`` says otherwise)
applies to what is received and again to the decoded text measured in UTF-8, so a small
``.docx`` cannot expand into an enormous bulletin. A bulletin is a few to a few hundred
kilobytes; anything near the limit is almost certainly not one.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree import ElementTree

from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
#: Upper bound on the XML inside a .docx; a 2 MiB zip could otherwise inflate a thousandfold.
MAX_DOCX_XML_BYTES = 32 * 1024 * 1024

#: Reading costs about half a millisecond a number; the longest real bulletins hold a few thousand
#: (a yearbook table of every city), so this bounds an import at seconds, not minutes.
MAX_NUMBERS = 20_000
_NUMBER = re.compile(r"\d+")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Signatures of formats people upload by mistake, with the advice we give for each.
_SIGNATURES = (
    (b"%PDF", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "DOC"),
    (b"\x89PNG\r\n\x1a\n", "IMAGE"),
    (b"\xff\xd8\xff", "IMAGE"),
    (b"GIF87a", "IMAGE"),
    (b"GIF89a", "IMAGE"),
    (b"RIFF", "IMAGE"),
    (b"Rar!", "ARCHIVE"),
    (b"\x1f\x8b", "ARCHIVE"),
    (b"7z\xbc\xaf\x27\x1c", "ARCHIVE"),
)


class RejectedInput(Exception):
    """The input cannot be imported; ``str(error)`` is the message for the editor."""


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def max_bytes():
    return int(getattr(settings, "BULLETIN_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def size_label(size):
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _too_large(size):
    return RejectedInput(
        _("文件过大（%(size)s），超过导入上限 %(limit)s：一篇公报的正文通常只有几十 KB。")
        % {"size": size_label(size), "limit": size_label(max_bytes())}
    )


def check_size(size):
    """Refuse a file of ``size`` bytes above the limit, before reading it."""
    if size > max_bytes():
        raise _too_large(size)


def normalise_text(text):
    """Drop a byte-order mark and turn CRLF/CR line ends into LF; nothing else changes."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text):
    """Refuse text that is empty, too large, full of control characters (a binary file) or of numbers."""
    if not text.strip():
        raise RejectedInput(_("文件为空：没有可导入的文字。"))
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes():
        raise _too_large(size)
    controls = len(_CONTROL.findall(text))
    if controls and controls > max(2, len(text) // 1000):
        raise RejectedInput(_("这不是文本文件：其中含有大量控制字符，看起来是二进制文件。"))
    numbers = sum(1 for _match in _NUMBER.finditer(text))
    if numbers > MAX_NUMBERS:
        raise RejectedInput(
            _("文中有 %(count)s 个数字，超过导入上限 %(limit)s：这不像一篇公报，请分篇导入。")
            % {"count": numbers, "limit": MAX_NUMBERS}
        )
    return text


def decode_bytes(data, *, filename=""):
    """Decode an uploaded file (text or .docx) into normalised text, or raise RejectedInput."""
    if not data:
        raise RejectedInput(_("文件为空（0 字节）。"))
    check_size(len(data))
    if data.startswith(b"PK\x03\x04") or filename.lower().endswith(".docx"):
        return DecodedText(check_text(normalise_text(docx_text(data))), "docx")
    _refuse_known_binary(data)

    warnings = []
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _strict(data[3:], "utf-8"), "utf-8"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    elif b"\x00" in data:
        raise RejectedInput(_("这不是文本文件：其中含有空字节（NUL），看起来是二进制文件。"))
    else:
        text, encoding = _utf8_or_gb18030(data)
        if encoding == "gb18030":
            warnings.append(_("文件不是 UTF-8 编码，已按 GB18030（GBK）解码，请核对文字是否正确。"))
    if text is None:
        raise RejectedInput(
            _("文件声明了 %(encoding)s 编码，但内容无法按此解码。") % {"encoding": encoding}
        )
    return DecodedText(check_text(normalise_text(text)), encoding, warnings)


def _strict(data, encoding):
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf8_or_gb18030(data):
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = _strict(data, "gb18030")
    if text is not None and _looks_like_chinese(text):
        return text, "gb18030"
    raise RejectedInput(
        _(
            "无法识别文件的文字编码：既不是 UTF-8，也不是 GB18030/GBK。请用“另存为 UTF-8 文本”后再导入。"
        )
    )


def _looks_like_chinese(text):
    """GB18030 decodes many byte strings; real Chinese text is mostly CJK where not ASCII."""
    others = [ch for ch in text if ord(ch) > 0x7F]
    if not others:
        return True
    cjk = sum(
        1
        for ch in others
        if "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or unicodedata.category(ch).startswith("P")
    )
    return cjk / len(others) >= 0.9


def _refuse_known_binary(data):
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise RejectedInput(
                {
                    "PDF": _(
                        "这是 PDF 文件，不能直接导入：请复制其中的文字粘贴，或另存为 .txt / .docx。"
                    ),
                    "DOC": _(
                        "这是旧版 Word（.doc）文件，不能直接导入：请在 Word 中另存为 .docx 或 .txt。"
                    ),
                    "IMAGE": _("这是图片文件，不能导入：只接受文字（.txt 或 .docx）。"),
                    "ARCHIVE": _("这是压缩包，不能导入：请解压后逐个上传 .txt 或 .docx 文件。"),
                }[kind]
            )


def docx_text(data):
    """The text of a .docx: one line per paragraph, tabs and line breaks kept."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise RejectedInput(
            _("文件名是 .docx，但内容不是有效的 Word 文档（ZIP 结构损坏）。")
        ) from error
    with archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError as error:
            raise RejectedInput(
                _("这是 ZIP 压缩包而不是 Word 文档（缺少 word/document.xml）。")
            ) from error
        if info.file_size > MAX_DOCX_XML_BYTES:
            raise _too_large(info.file_size)
        try:
            xml = archive.read(info)
        except (zipfile.BadZipFile, OSError, RuntimeError) as error:
            raise RejectedInput(_("Word 文档已损坏，无法读取其中的文字。")) from error
    # A .docx never declares a DTD; refusing one rules out entity-expansion tricks.
    if b"<!DOCTYPE" in xml[:4096].upper():
        raise RejectedInput(_("Word 文档含有不允许的 DOCTYPE 声明。"))
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise RejectedInput(_("Word 文档的内容无法解析（XML 错误）。")) from error
    body = root.find(f"{_W}body")
    lines = []
    for node in body if body is not None else root.iter(f"{_W}p"):
        if node.tag == f"{_W}tbl":
            # A table: one line per row, its cells separated by tabs (segment reads it so).
            for row in node.iter(f"{_W}tr"):
                cells = [
                    " ".join(_paragraph_text(p).strip() for p in cell.iter(f"{_W}p")).strip()
                    for cell in row.iter(f"{_W}tc")
                ]
                lines.append("\t".join(cells))
        elif node.tag == f"{_W}p":
            lines.append(_paragraph_text(node))
    return "\n".join(lines)


def _paragraph_text(paragraph):
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


# --- HTML ---------------------------------------------------------------------------------

_HTML_TAG = re.compile(
    r"<(?:p|div|br|table|tr|td|span|html|body|h[1-6]|li|a)\b[^>]*>", re.IGNORECASE
)


# A line break kept as markup in a cell of a Markdown or pipe table ("| 优良天数<br>比例(%) |").
_BREAK_IN_CELL = re.compile(r"^(?=(?:[^|\n]*[|｜]){2})[^\n]*$", re.MULTILINE)


def looks_like_html(text):
    """Pasted page source rather than text: tags in numbers (a stray "<br>" is not enough, nor
    the breaks inside a pipe table's cells)."""
    text = _BREAK_IN_CELL.sub(
        lambda row: re.sub(r"<br\s*/?>", " ", row.group(0), flags=re.I), text[:200_000]
    )
    return len(_HTML_TAG.findall(text)) >= 5


class _TextOfHtml(HTMLParser):
    """Block elements become lines, table cells tab-separated cells of their row."""

    _BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "title",
        "ul",
        "ol",
        "dd",
        "dt",
    }
    _SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0
        self.cells_in_row = 0
        # Merged cells: a header cell spanning columns or rows is repeated in each of them (so
        # every column has its name); a data cell's span gives empty cells, never a copy of its
        # number. ``below`` holds, by column, what a cell spanning rows puts in the next rows.
        self.cell = None
        self.column = 0
        self.below = {}

    def _add_cell(self, text=None):
        if self.cells_in_row:
            self.parts.append("\t")
        self.cells_in_row += 1
        if text is not None:
            self.parts.append(text)

    def _fill_from_above(self, every=False):
        while self.below and (self.column in self.below or every):
            column = self.column if self.column in self.below else min(self.below)
            if column < self.column:
                break
            text, rows = self.below.pop(column)
            self._add_cell(text)
            if rows > 1:
                self.below[column] = (text, rows - 1)
            self.column = column + 1

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in ("td", "th"):
            self._fill_from_above()
            self._add_cell()
            spans = dict(attrs)
            self.cell = (len(self.parts), _span(spans.get("colspan")), _span(spans.get("rowspan")))
        elif tag in self._BLOCKS:
            self.parts.append("\n")
            if tag == "tr":
                self.cells_in_row = 0
                self.column = 0

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("td", "th") and self.cell is not None:
            start, columns, rows = self.cell
            self.cell = None
            text = " ".join("".join(self.parts[start:]).split())
            fill = "" if re.search(r"\d", text) and tag == "td" else text
            for _extra in range(columns - 1):
                self._add_cell(fill)
            if rows > 1:
                for column in range(self.column, self.column + columns):
                    self.below[column] = (fill, rows - 1)
            self.column += columns
        elif tag in self._BLOCKS:
            if tag == "tr":
                self._fill_from_above(every=True)
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(
                re.sub(r"[ \t\r\n]+", " ", data)
                if self.cells_in_row
                else re.sub(r"[\r\n]+", " ", data)
            )


def _span(value):
    try:
        return max(1, min(int(value or 1), 50))
    except ValueError:
        return 1


def readable_text(text):
    """What the importer reads of a normalised text: page source becomes its text (one line
    per block, no tags, scripts or styles); any other text is itself."""
    return html_to_text(text) if looks_like_html(text) else text


def html_to_text(text):
    """The text of an HTML page: one line per block element, table rows with tab-separated cells."""
    parser = _TextOfHtml()
    parser.feed(text)
    parser.close()
    lines = [
        re.sub(r"[ \u00a0]+", " ", line).strip(" ") for line in "".join(parser.parts).split("\n")
    ]
    lines = [line for line in lines if line.strip()]
    # A page's <title> is usually its heading too: the same line twice is said once.
    return "\n".join(
        line for i, line in enumerate(lines) if i == 0 or "\t" in line or line != lines[i - 1]
    )

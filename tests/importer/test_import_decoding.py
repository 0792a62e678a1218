"""Bytes → text for the importer: what is accepted, and the message for what is not."""

import io
import zipfile

import pytest

from importer import decode
from importer.decode import RejectedInput, decode_bytes, docx_text

TEXT = "江屿市召开生态环境保护大会\n全市空气质量优良天数比例为91.5%。\n"


def make_docx(paragraphs, *, doctype=False):
    """A minimal Word document: one w:p per paragraph, a tab in the text as <w:tab/>."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        "<w:p>"
        + "<w:r><w:tab/></w:r>".join(f"<w:r><w:t>{part}</w:t></w:r>" for part in text.split("\t"))
        + "</w:p>"
        for text in paragraphs
    )
    head = '<!DOCTYPE w:document [<!ENTITY a "x">]>' if doctype else ""
    xml = f'<?xml version="1.0" encoding="UTF-8"?>{head}<w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_utf8_text_is_decoded_unchanged():
    decoded = decode_bytes(TEXT.encode("utf-8"), filename="a.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == []


def test_utf8_byte_order_mark_and_crlf_line_ends_are_normalised():
    decoded = decode_bytes(
        b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"), filename="a.txt"
    )
    assert decoded.text == TEXT


def test_gb18030_text_is_decoded_with_a_warning():
    decoded = decode_bytes(TEXT.encode("gb18030"), filename="gbk.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == "gb18030"
    assert "GB18030" in decoded.warnings[0]


def test_gbk_text_is_decoded():
    assert decode_bytes(TEXT.encode("gbk"), filename="gbk.txt").text == TEXT


def test_utf16_with_byte_order_mark_is_decoded():
    assert decode_bytes(TEXT.encode("utf-16"), filename="notepad.txt").text == TEXT


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(RejectedInput, match="文件为空"):
        decode_bytes(data, filename="empty.txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".doc"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "图片"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 16, "压缩包"),
        (b"ELF\x00\x01\x02\x03" * 20, "二进制"),
    ],
)
def test_binary_files_are_refused_with_what_they_look_like(data, message):
    with pytest.raises(RejectedInput, match=message):
        decode_bytes(data, filename="upload.txt")


def test_text_full_of_control_characters_is_refused_as_binary():
    data = ("正文" + "\x01\x02\x03\x04" * 50).encode("utf-8")
    with pytest.raises(RejectedInput, match="二进制"):
        decode_bytes(data, filename="weird.txt")


def test_text_in_an_unrecognised_encoding_is_refused():
    data = "Environnement: qualité de l'air améliorée à 91 %.".encode("cp1252") * 3
    with pytest.raises(RejectedInput, match="编码"):
        decode_bytes(data, filename="french.txt")


def test_a_file_above_the_limit_is_refused_before_decoding(settings):
    settings.BULLETIN_IMPORT_MAX_BYTES = 1024
    with pytest.raises(RejectedInput, match="文件过大"):
        decode_bytes(("正文" * 1000).encode("utf-8"), filename="big.txt")


def test_the_default_limit_is_two_megabytes():
    with pytest.raises(RejectedInput, match="2.0 MB"):
        decode_bytes(b"a" * (2 * 1024 * 1024 + 1), filename="big.txt")


def test_docx_paragraphs_become_lines():
    data = make_docx(["江屿市召开生态环境保护大会", "全市空气质量优良天数比例为91.5%。\t尾"])
    decoded = decode_bytes(data, filename="report.docx")
    assert decoded.encoding == "docx"
    assert decoded.text == "江屿市召开生态环境保护大会\n全市空气质量优良天数比例为91.5%。\t尾"


def test_docx_is_recognised_by_content_whatever_its_name():
    assert decode_bytes(make_docx(["标题"]), filename="upload.bin").text == "标题"


def test_docx_with_a_doctype_is_refused():
    with pytest.raises(RejectedInput, match="DOCTYPE"):
        docx_text(make_docx(["标题"], doctype=True))


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(RejectedInput, match="word/document.xml"):
        decode_bytes(buffer.getvalue(), filename="notes.zip")


def test_a_docx_name_on_something_else_is_refused():
    with pytest.raises(RejectedInput, match="不是有效的 Word 文档"):
        decode_bytes(TEXT.encode("utf-8"), filename="fake.docx")


def test_an_empty_docx_is_refused():
    with pytest.raises(RejectedInput, match="文件为空"):
        decode_bytes(make_docx([""]), filename="empty.docx")


def test_text_of_more_numbers_than_any_bulletin_is_refused_saying_how_many():
    text = "，".join(str(i) for i in range(decode.MAX_NUMBERS + 1))
    with pytest.raises(decode.RejectedInput, match=str(decode.MAX_NUMBERS + 1)):
        decode.check_text(text)


def test_a_bulletin_sized_table_of_numbers_is_accepted():
    text = "\n".join(" | ".join(str(row * 10 + col) for col in range(10)) for row in range(1000))
    assert decode.check_text(text) == text

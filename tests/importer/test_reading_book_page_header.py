"""read() on invented pages of a book shown by a page-turning viewer: its header ("Page 318 -
某某年鉴2020", "P. 318") is no headline; a part's ordinal on a line of its own over its
heading ("第三节" / "生态环境") makes one headline with it."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region

BODY = (
    "2019年,临安区环境空气优良率为88.1%,PM2.5平均浓度\n"
    "为31微克/立方米。全年降水pH均值为5.12,酸雨频率为41.3%。 (王 某)\n"
)


@pytest.mark.parametrize(
    ("header", "heading", "title"),
    [
        ("Page 318 - 临安年鉴2020\nP. 318\n", "第三节\n生态环境\n", "第三节 生态环境"),
        ("Page 41 - 年鉴2020\n", "第二章\n环境保护\n", "第二章 环境保护"),
        ("P. 318\n", "第十二部分\n生态建设\n", "第十二部分 生态建设"),
    ],
)
def test_a_book_pages_header_is_no_headline_and_the_parts_heading_is(header, heading, title):
    document = pipeline.read(f"{header}{heading}{BODY}")
    assert document.title.replace(" ", "") == title.replace(" ", "")
    assert region(one(document, "88.1")) == "临安区"


def test_a_page_line_that_goes_on_as_a_sentence_is_no_page_header():
    # Near miss: "Page" opening a sentence of an English text is the text.
    document = pipeline.read(
        "Hangzhou air in 2019\n"
        "Page 3 - the city's good air rate was 88.1 percent, the bureau said in its report.\n"
    )
    assert document.title == "Hangzhou air in 2019"

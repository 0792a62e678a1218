"""read() on a converted document's running header: the line at the top of each page, by the
page numbers, is no title. Invented texts (evaluation/page_forms.py has more).
"""

from datetime import date

import pytest

from importer import pipeline

PAGE_ONE = "2024年3月，庚水市环境空气质量优良天数为28天，优良天数比例为90.3%，同比上升3.2个百分点。"
PAGE_TWO = "细颗粒物平均浓度为27微克/立方米，同比下降10.0%；二氧化氮平均浓度为21微克/立方米。"


@pytest.mark.parametrize(
    "running, number", [("庚水市人民政府公报 2024年第5期", "— {} —"), ("庚水市环境质量月报（第3期）", "第 {} 页")]
)
def test_a_running_header_by_the_page_numbers_is_no_title(running, number):
    document = pipeline.read(
        f"{running}\n2024年3月庚水市环境空气质量状况\n{PAGE_ONE}\n{number.format(1)}\n"
        f"{running}\n{PAGE_TWO}\n{number.format(2)}\n庚水市生态环境局\n2024年4月8日\n"
    )
    assert document.title == "2024年3月庚水市环境空气质量状况"
    assert (document.date, document.publisher) == (date(2024, 4, 8), "庚水市生态环境局")
    assert all(running not in paragraph for paragraph in document.body.split("\n\n"))


def test_a_headline_the_page_repeats_without_page_numbers_stays_the_title():
    title = "2024年3月庚水市环境空气质量状况"
    document = pipeline.read(f"{title}\n{title}\n{PAGE_ONE}\n{PAGE_TWO}\n{title}\n")
    assert document.title == title

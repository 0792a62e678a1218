"""read() on the page's fields each in square brackets, and on an outlet beside its date with
a middle dot, as an app's page gives them. Invented pages (evaluation/page_forms.py has
them among the forms written last).
"""

from datetime import date

import pytest

from importer import pipeline

BODY = "今年一季度，壬溪县3个地表水考核断面水质优良比例为100%，较去年同期提高33.3个百分点。\n"


@pytest.mark.parametrize(
    "line",
    [
        "[发布时间：2024-04-20] [来源：壬溪县融媒体中心] [浏览：76]",
        "【来源：壬溪县融媒体中心】【发布日期：2024-04-20】【打印】",
    ],
)
def test_fields_each_in_square_brackets(line):
    document = pipeline.read(f"壬溪县一季度地表水水质持续改善\n{line}\n{BODY}")
    assert document.title == "壬溪县一季度地表水水质持续改善"
    assert (document.date, document.publisher) == (date(2024, 4, 20), "壬溪县融媒体中心")


@pytest.mark.parametrize("line", ["壬溪县融媒体中心 · 2024-04-20 09:12", "壬溪日报·2024-04-20"])
def test_an_outlet_beside_its_date_with_a_middle_dot(line):
    document = pipeline.read(f"壬溪县一季度地表水水质持续改善\n{line}\n{BODY}")
    assert document.publisher == line.split("·")[0].strip()
    assert document.date == date(2024, 4, 20)


def test_a_source_naming_this_site_names_no_publisher():
    document = pipeline.read(f"壬溪县一季度地表水水质持续改善\n来源：本站  发布时间：2024-04-20\n{BODY}")
    assert document.publisher != "本站"

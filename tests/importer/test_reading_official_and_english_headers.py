"""read() on an official document's masthead, number and signature over a note, on a weekday
between the date and the fields, and on an English government page's menu and source.
Invented texts (evaluation/page_forms.py has them among its forms written after the rules).
"""

from datetime import date

import pytest

from importer import pipeline
from importer.segment import is_meta_line, is_nav

BODY = "2024年5月，辛岭市环境空气质量优良天数为29天，优良天数比例为93.5%，同比上升1.6个百分点。\n"


@pytest.mark.parametrize(
    "masthead, number",
    [("辛岭市生态环境局文件", "辛环发〔2024〕17号"), ("辛岭市人民政府办公室文件", "辛政办发[2024]5号")],
)
@pytest.mark.parametrize("note", ["（此件公开发布）", "（联系人：周岚）"])
def test_an_official_document_s_masthead_and_number_over_its_title(masthead, number, note):
    issuer = masthead.removesuffix("文件")
    document = pipeline.read(
        f"{masthead}\n{number}\n2024年5月辛岭市环境空气质量状况\n{BODY}{issuer}\n2024年6月6日\n{note}\n"
    )
    assert document.title == "2024年5月辛岭市环境空气质量状况"
    assert (document.date, document.publisher) == (date(2024, 6, 6), issuer)


def test_a_title_naming_a_document_is_no_masthead():
    document = pipeline.read(f"辛岭市关于印发大气污染防治方案的文件\n{BODY}")
    assert document.title == "辛岭市关于印发大气污染防治方案的文件"


@pytest.mark.parametrize(
    "line",
    [
        "2024年06月06日 星期四  来源：辛岭市生态环境局  字号：大 中 小",
        "2024-06-06 周四 来源：辛岭市生态环境局",
    ],
)
def test_a_weekday_between_the_date_and_the_fields(line):
    assert is_meta_line(line)
    document = pipeline.read(f"首页 > 环境质量\n辛岭市5月空气质量状况\n{line}\n{BODY}")
    assert document.title == "辛岭市5月空气质量状况"
    assert (document.date, document.publisher) == (date(2024, 6, 6), "辛岭市生态环境局")


@pytest.mark.parametrize("menu", ["Home | About | News | Services", "Home / Policies / Open Data"])
def test_an_english_menu_is_navigation_and_a_long_source_name_is_read(menu):
    assert is_nav(menu)
    document = pipeline.read(
        f"{menu}\nXinling releases its air quality report for May\nRelease Date: 2024-06-06\n"
        "Source: Xinling Municipal Bureau of Ecology and Environment\n"
        "The city had 29 days of good or excellent air in May, and all of its river sections "
        "met their water quality targets.\n"
    )
    assert document.title == "Xinling releases its air quality report for May"
    assert document.publisher == "Xinling Municipal Bureau of Ecology and Environment"


def test_an_english_headline_is_no_menu():
    assert not is_nav("Xinling / Air Quality Improves")

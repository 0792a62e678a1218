"""read() on a headline set over the page's breadcrumb, and on the page's fields and credits
that look like a menu. Invented pages (evaluation/page_forms.py has them in every form).
"""

from datetime import date

import pytest

from importer import pipeline
from importer.segment import is_nav

BODY = (
    "记者从区生态环境分局获悉，今年一季度，戊山区5个地表水考核断面水质优良比例为80%，"
    "较去年同期提高20个百分点。\n"
    "区内集中式饮用水水源地水质达标率保持100%。\n"
)


# The headline over the breadcrumb, the page's fields under it: the headline is the title,
# the breadcrumb never is, whether the headline names a year or not.


@pytest.mark.parametrize(
    "headline", ["戊山区一季度地表水水质持续改善", "2024年一季度戊山区地表水水质状况"]
)
@pytest.mark.parametrize(
    "fields",
    [
        "发布时间：2024-04-18  来源：戊山区生态环境分局  浏览次数：311",
        "作者：周岚 信息来源：戊山区生态环境分局 发布日期：2024/04/18 点击数：52",
    ],
)
def test_a_headline_over_the_breadcrumb_is_the_title(headline, fields):
    document = pipeline.read(f"{headline}\n首页 > 部门动态 > 正文\n{fields}\n{BODY}")
    assert document.title == headline
    assert (document.date, document.publisher) == (date(2024, 4, 18), "戊山区生态环境分局")


def test_the_site_name_over_the_breadcrumb_stays_out_where_the_headline_is_under_it():
    document = pipeline.read(
        "戊山区人民政府门户网站\n首页 > 部门动态 > 正文\n戊山区一季度地表水水质持续改善\n"
        f"发布时间：2024-04-18  来源：戊山区生态环境分局\n{BODY}"
    )
    assert document.title == "戊山区一季度地表水水质持续改善"


def test_a_search_box_over_the_breadcrumb_is_no_title():
    document = pipeline.read(
        f"请输入关键词进行搜索\n首页 > 部门动态 > 正文\n发布时间：2024-04-18\n{BODY}"
    )
    assert document.title != "请输入关键词进行搜索"


# Fields set apart by bars, and the reporters' credit: the page's fields, no menu; the
# headline over them is the title.


@pytest.mark.parametrize(
    "line",
    [
        "发布日期：2024年04月18日 | 编辑：周岚 | 文章来源：戊山区生态环境分局 | 责任编辑：周岚",
        "记者 周岚 通讯员 何云",
        "本报记者 周岚",
    ],
)
def test_fields_and_credits_are_no_menu(line):
    assert not is_nav(line)
    document = pipeline.read(f"戊山区一季度地表水水质持续改善\n{line}\n{BODY}")
    assert document.title == "戊山区一季度地表水水质持续改善"


def test_a_menu_stays_navigation():
    assert is_nav("首页 政务公开 政务服务 互动交流 数据开放")

"""The /search/ page: results with marked passages, filters, pages, and a clear answer to any query."""

from datetime import date

import pytest

from ecoportal.publishing import Status
from tests.factories import make_achievement_list, make_bulletin, make_region

pytestmark = pytest.mark.django_db


def test_results_show_the_count_and_the_title_and_passage_with_the_words_marked(client):
    make_bulletin(slug="straw", title="秸秆综合利用", body="前言。\n\n加快推进秸秆离田。")
    response = client.get("/search/", {"q": "秸秆"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "找到 1 篇公报" in html
    assert '<a href="/bulletins/straw/"><mark>秸秆</mark>综合利用</a>' in html
    assert "加快推进<mark>秸秆</mark>离田。" in html
    assert 'name="robots" content="noindex"' in html


def test_markup_in_a_bulletin_is_shown_as_text_not_run(client):
    make_bulletin(title="<b>水质</b>", body='<img src=x onerror="alert(1)">水质达标')
    html = client.get("/search/", {"q": "水质"}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<mark>水质</mark>达标" in html
    assert "&lt;b&gt;<mark>水质</mark>&lt;/b&gt;" in html


def test_an_achievement_item_can_be_the_passage_shown(client):
    bulletin = make_bulletin(body="年度工作。")
    achievement_list = make_achievement_list(bulletin, items=0)
    achievement_list.items.create(number=1, title="黑土地保护", body="推广保护性耕作。")
    html = client.get("/search/", {"q": "黑土地"}).content.decode()
    assert "<mark>黑土地</mark>保护：推广保护性耕作。" in html


def test_drafts_are_not_counted_or_shown(client):
    make_bulletin(title="督察草稿", status=Status.DRAFT)
    html = client.get("/search/", {"q": "督察"}).content.decode()
    assert "找到 0 篇公报" in html
    assert "督察草稿" not in html


def test_region_and_year_filters_narrow_the_results(client):
    province = make_region(slug="heilongjiang", level="province")
    city = make_region(slug="yichun", parent=province)
    other = make_region(slug="changchun")
    make_bulletin(slug="yichun-2023", region=city, body="水质。", issued_on=date(2024, 3, 1), period_end=date(2023, 12, 31))
    make_bulletin(slug="yichun-2024", region=city, body="水质。", issued_on=date(2024, 3, 1), period_end=date(2024, 2, 29))
    make_bulletin(slug="changchun-2023", region=other, body="水质。", issued_on=date(2024, 3, 1), period_end=date(2023, 12, 31))
    html = client.get("/search/", {"q": "水质", "region": "heilongjiang", "year": "2023"}).content.decode()
    assert "/bulletins/yichun-2023/" in html
    assert "/bulletins/yichun-2024/" not in html
    assert "/bulletins/changchun-2023/" not in html


def test_a_bad_filter_is_named_and_the_search_still_runs(client):
    make_bulletin(slug="water", body="水质。")
    response = client.get("/search/", {"q": "水质", "region": "atlantis", "year": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "/bulletins/water/" in html
    assert html.count('class="field-error"') == 2


def test_results_are_paginated_keeping_the_query(client):
    for n in range(23):
        make_bulletin(slug=f"water-{n}", body="水质达标。")
    first = client.get("/search/", {"q": "水质"}).content.decode()
    assert "找到 23 篇公报" in first
    assert first.count('class="card search-result"') == 20
    assert 'href="?q=%E6%B0%B4%E8%B4%A8&amp;page=2"' in first
    second = client.get("/search/", {"q": "水质", "page": "2"}).content.decode()
    assert second.count('class="card search-result"') == 3
    assert client.get("/search/", {"q": "水质", "page": "zzz"}).status_code == 200


def test_an_empty_query_shows_the_form_and_a_hint(client):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get("/search/", params)
        assert response.status_code == 200
        assert "多个词都须出现" in response.content.decode()


def test_a_query_over_100_characters_gets_a_message_naming_the_limit(client):
    response = client.get("/search/", {"q": "水" * 101})
    assert response.status_code == 200
    assert "最多 100 个字符，现在是 101 个" in response.content.decode()


def test_a_query_of_symbols_only_gets_a_message(client):
    response = client.get("/search/", {"q": "😀 *** ???"})
    assert response.status_code == 200
    assert "没有可检索的文字或数字" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ['"', "*", "NEAR(a b)", "a AND b", "-x", "title:x", "^x", "(", ")", "'; DROP TABLE x; --",
     "%", "_", "\\", "<script>alert(1)</script>", "水质\u202e", "𠀀𠀁", "a" * 100, " 水质 " * 14],
)
def test_strange_queries_get_a_page_never_an_error(client, query):
    make_bulletin(body="水质达标。")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_the_query_is_kept_in_the_header_search_box(client):
    html = client.get("/search/", {"q": '"水质'}).content.decode()
    assert 'value="&quot;水质"' in html

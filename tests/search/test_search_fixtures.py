"""Searching the shipped bulletins (fixtures/portal.json)."""

from pathlib import Path

import pytest
from django.conf import settings

from search.query import search_bulletins

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (Path(settings.BASE_DIR) / "fixtures" / "portal.json").exists(),
        reason="fixtures/portal.json is not built yet",
    ),
]


@pytest.fixture
def portal_fixtures(db, portal_fixtures_of_the_module):
    """The shipped fixtures, loaded once for this module's tests, which only read them."""


def found(query):
    return [bulletin.slug for bulletin in search_bulletins(query)]


def test_straw_finds_the_changchun_bulletin_first(portal_fixtures):
    results = found("秸秆")
    assert results[0] == "changchun-2021-review"


def test_the_api_ranks_straw_as_the_page_does(client, portal_fixtures):
    response = client.get("/api/v1/bulletins/", {"q": "秸秆"})
    assert [item["slug"] for item in response.json()["results"]] == found("秸秆")
    assert response.json()["results"][0]["slug"] == "changchun-2021-review"


def test_black_soil_finds_changchun_and_heihe(portal_fixtures):
    assert set(found("黑土地")) == {"changchun-2021-review", "heihe-ecological-security"}


def test_pm25_in_chinese_text_is_found(portal_fixtures):
    results = found("PM2.5")
    assert "heilongjiang-2024-work-conference" in results
    assert all("PM2.5" in _text(slug) for slug in results)


@pytest.mark.parametrize("word", ["水质", "督察", "秸秆", "臭氧", "生态环境"])
def test_every_bulletin_containing_a_word_is_found(portal_fixtures, word):
    from bulletins.models import Bulletin

    containing = {
        b.slug for b in Bulletin.objects.published() if word in b.title + b.summary + b.body
    }
    assert containing
    assert containing <= set(found(word))


def test_the_search_page_marks_the_word_in_a_shipped_bulletin(client, portal_fixtures):
    html = client.get("/search/", {"q": "黑土地"}).content.decode()
    assert "找到 2 篇公报" in html
    assert "<mark>黑土地</mark>" in html


def _text(slug):
    from bulletins.models import Bulletin

    bulletin = Bulletin.objects.get(slug=slug)
    return bulletin.title + bulletin.summary + bulletin.body

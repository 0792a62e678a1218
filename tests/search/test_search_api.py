"""The API's q filter is the same search as the page."""

from datetime import date

import pytest

from ecoportal.publishing import Status
from search.query import search_bulletins
from tests.api.errors import by_parameter
from tests.factories import make_bulletin

pytestmark = pytest.mark.django_db


def slugs(client, params):
    response = client.get("/api/v1/bulletins/", params)
    assert response.status_code == 200, response.content
    return sorted(item["slug"] for item in response.json()["results"])


def test_q_finds_chinese_words_and_latin_words_in_chinese_text(client):
    make_bulletin(slug="straw", body="加快推进秸秆离田。")
    make_bulletin(slug="pm", body="PM2.5平均浓度为25微克/立方米。")
    make_bulletin(slug="draft", body="秸秆草稿。", status=Status.DRAFT)
    assert slugs(client, {"q": "秸秆"}) == ["straw"]
    assert slugs(client, {"q": "pm2.5"}) == ["pm"]


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "'; DROP TABLE x; --", "😀"])
def test_q_with_query_language_characters_is_an_empty_list_not_an_error(client, query):
    make_bulletin(body="水质。")
    assert slugs(client, {"q": query}) == []


def test_q_over_100_characters_is_a_400_naming_q(client):
    response = client.get("/api/v1/bulletins/", {"q": "水" * 101})
    assert response.status_code == 400
    assert by_parameter(response)["q"] == ["搜索词太长：最多 100 个字符，现在是 101 个。"]


def test_q_of_exactly_the_limit_is_searched(client):
    make_bulletin(slug="water", body="水质。")
    assert slugs(client, {"q": "水质" + " " * 97 + "水"}) == []
    assert slugs(client, {"q": "水质" + " " * 98}) == ["water"]


def test_the_page_and_the_api_refuse_the_same_length_with_the_same_message(client):
    page = client.get("/search/", {"q": "水" * 101})
    api = client.get("/api/v1/bulletins/", {"q": "水" * 101}, headers={"Accept-Language": "en"})
    assert "搜索词太长：最多 100 个字符，现在是 101 个。" in page.content.decode()
    assert by_parameter(api)["q"] == ["The search is too long: at most 100 characters, this one has 101."]


def ranked(client, params):
    response = client.get("/api/v1/bulletins/", params)
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_q_without_ordering_puts_the_best_match_first_as_the_page_does(client):
    make_bulletin(slug="title-match", title="秸秆禁烧", body="正文。", issued_on=None)
    make_bulletin(slug="body-match", body="秸秆。", issued_on=date(2025, 1, 1))
    make_bulletin(slug="twice-in-body", body="秸秆，秸秆。", issued_on=date(2024, 6, 1))
    make_bulletin(slug="other", body="水质。")
    page = [bulletin.slug for bulletin in search_bulletins("秸秆")]
    assert page[0] == "title-match"
    assert ranked(client, {"q": "秸秆"}) == page
    assert ranked(client, {"q": "秸秆", "ordering": "relevance"}) == page
    assert ranked(client, {"q": "秸秆", "ordering": "-issued_on"}) == ["body-match", "twice-in-body", "title-match"]


def test_ranking_by_relevance_pages_like_the_search(client):
    for n in range(5):
        make_bulletin(slug=f"water-{n}", title="水质" * (n + 1), body="正文。")
    first = client.get("/api/v1/bulletins/", {"q": "水质", "page_size": 2}).json()
    assert first["count"] == 5
    assert [item["slug"] for item in first["results"]] == ["water-4", "water-3"]
    last = client.get("/api/v1/bulletins/", {"q": "水质", "page_size": 2, "page": 3}).json()
    assert [item["slug"] for item in last["results"]] == ["water-0"]


def test_ranking_by_relevance_finds_no_draft(client):
    make_bulletin(slug="straw", body="秸秆。")
    make_bulletin(slug="draft", title="秸秆秸秆", body="秸秆。", status=Status.DRAFT)
    response = client.get("/api/v1/bulletins/", {"q": "秸秆"}).json()
    assert response["count"] == 1
    assert [item["slug"] for item in response["results"]] == ["straw"]


@pytest.mark.parametrize(
    "params", [{"ordering": "relevance"}, {"ordering": "relevance", "q": " "}, {"q": "秸秆", "ordering": "relevance,title"}]
)
def test_relevance_needs_q_and_stands_alone(client, params):
    response = client.get("/api/v1/bulletins/", params)
    assert response.status_code == 400
    assert list(by_parameter(response)) == ["ordering"]


def test_descending_relevance_is_not_an_order(client):
    response = client.get("/api/v1/bulletins/", {"q": "秸秆", "ordering": "-relevance"})
    assert response.status_code == 400
    assert list(by_parameter(response)) == ["ordering"]


def test_results_can_be_indexed_sliced_and_counted():
    for n in range(5):
        make_bulletin(slug=f"water-{n}", title="水质" * (n + 1), body="正文。")
    results = search_bulletins("水质")
    assert len(results) == 5
    assert results[0].slug == "water-4"
    assert [b.slug for b in results[1:3]] == ["water-3", "water-2"]
    assert results[5:] == []
    assert all(b.search_rank > 0 for b in results)
    with pytest.raises(IndexError):
        results[5]

"""The API's q filter is the same search as the page."""

import pytest

from ecoportal.publishing import Status
from search.query import search_bulletins
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
    assert "100" in response.json()["q"][0]


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

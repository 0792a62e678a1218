"""A results page costs the same for any number of matches: only the newest ones are ranked.

``SEARCH_RANK_LIMIT`` is set to 3 here: with more matches than that, the page ranks the three
newest, best first, and says the count is a lower bound; the API still counts every match and
lists the older ones after the ranked ones. The ranking is kept per content generation.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecoportal.publishing import Status
from search.query import search_bulletins
from tests.factories import make_bulletin

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.SEARCH_RANK_LIMIT = 3


def straw(slug, times=1, **kwargs):
    """A bulletin with 秸秆 ``times`` times in its body: more times rank higher."""
    return make_bulletin(slug=slug, body="，".join(["秸秆"] * times) + "。", **kwargs)


def slugs(results):
    return [bulletin.slug for bulletin in results]


def test_no_more_matches_than_the_limit_are_all_ranked_best_first_with_an_exact_count():
    straw("once", 1)
    straw("thrice", 3)
    straw("twice", 2)
    results = search_bulletins("秸秆")
    assert slugs(results) == ["thrice", "twice", "once"]
    assert results.count() == 3
    assert not results.count_is_estimate


def test_more_matches_than_the_limit_rank_the_newest_ones_and_count_at_least_them():
    straw("oldest-best", 9)
    straw("old", 1)
    straw("new-1", 1)
    straw("new-3", 3)
    straw("new-2", 2)
    make_bulletin(slug="draft", body="秸秆，秸秆，秸秆，秸秆。", status=Status.DRAFT)  # newest of all
    results = search_bulletins("秸秆")
    assert slugs(results) == ["new-3", "new-2", "new-1"]
    assert results.count() == 3
    assert results.count_is_estimate
    assert results[3:] == []
    assert results.exact_count() == 5


def test_the_page_says_the_count_is_a_lower_bound_in_chinese_and_in_english(client):
    for n in range(4):
        straw(f"straw-{n}")
    html = client.get("/search/", {"q": "秸秆"}).content.decode()
    assert "“秸秆”：找到 3+ 篇公报，列出其中最新的 3 篇，最相关的在前" in html
    assert html.count('class="card search-result"') == 3
    english = client.get("/search/", {"q": "秸秆"}, headers={"Accept-Language": "en"}).content.decode()
    assert "more than 3 bulletins found; the 3 newest are listed, best match first" in english


def test_the_page_gives_the_exact_count_up_to_the_limit(client):
    for n in range(3):
        straw(f"straw-{n}")
    make_bulletin(body="秸秆草稿。", status=Status.DRAFT)
    html = client.get("/search/", {"q": "秸秆"}).content.decode()
    assert "“秸秆”：找到 3 篇公报" in html
    assert "3+" not in html


def test_the_api_counts_every_match_and_lists_the_older_ones_after_the_ranked_ones(client):
    straw("oldest-best", 9)
    straw("old", 1)
    straw("new-1", 1)
    straw("new-3", 3)
    straw("new-2", 2)
    make_bulletin(slug="draft", body="秸秆。", status=Status.DRAFT)
    expected = ["new-3", "new-2", "new-1", "old", "oldest-best"]
    pages = [client.get("/api/v1/bulletins/", {"q": "秸秆", "page_size": 2, "page": n}).json() for n in (1, 2, 3)]
    assert {page["count"] for page in pages} == {5}
    assert [item["slug"] for page in pages for item in page["results"]] == expected
    # The same order in SQL, for a caller that derives a queryset from it.
    ranked = search_bulletins("秸秆").ranked_queryset
    assert [bulletin.slug for bulletin in ranked.filter(pk__gt=0)] == expected
    assert [bulletin.slug for bulletin in ranked] == expected
    assert ranked.count() == 5


def test_a_common_word_ranks_the_newest_matches_whichever_way_the_index_reads_them():
    # Fifteen matches: PostgreSQL finds the newest among the newest documents, not the index.
    for n in range(12):
        straw(f"old-{n}", 5)
    straw("new-1", 1)
    straw("new-3", 3)
    straw("new-2", 2)
    results = search_bulletins("秸秆")
    assert slugs(results) == ["new-3", "new-2", "new-1"]
    assert results.count_is_estimate
    assert results.exact_count() == 15


def test_newer_matches_turned_away_never_hide_older_ones():
    # PostgreSQL first reads a window of the newest matches (twice the limit and one): ten
    # newer drafts fill it, so every match is read before the two published ones are missed.
    straw("published-best", 2)
    straw("published-newer", 1)
    for n in range(10):
        make_bulletin(slug=f"draft-{n}", body="秸秆。", status=Status.DRAFT)
    results = search_bulletins("秸秆")
    assert slugs(results) == ["published-best", "published-newer"]
    assert results.count() == 2
    assert not results.count_is_estimate


def test_filters_are_applied_before_the_limit(client):
    for n in range(5):
        straw(f"straw-{n}", issued_on=f"202{n}-01-01", period_end=f"{2019 + n}-12-31")
    html = client.get("/search/", {"q": "秸秆", "year": "2021"}).content.decode()
    assert "“秸秆”：找到 1 篇公报" in html
    # ``year`` is the year reported on: issued in 2022, about 2021.
    assert "/bulletins/straw-2/" in html


def test_a_results_page_costs_the_same_queries_for_2_or_30_matches(client, settings):
    settings.PAGE_CACHE_MEMO_ENABLED = False
    counts = []
    for added in (2, 28):  # 2 matches, then 30: ten times the limit
        for n in range(added):
            straw(f"straw-{added}-{n}")
        with CaptureQueriesContext(connection) as captured:
            client.get("/search/", {"q": "秸秆", "page": 1})
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_the_ranking_is_kept_until_the_content_changes(client, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_MEMO_ENABLED = True
    cache.clear()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            straw("first")
        client.get("/search/", {"q": "秸秆"})
        with CaptureQueriesContext(connection) as captured:
            html = client.get("/search/", {"q": "秸秆"}).content.decode()
        assert "找到 1 篇公报" in html
        assert not any("search_fts" in query["sql"] or "search_newest" in query["sql"] for query in captured)
        with django_capture_on_commit_callbacks(execute=True):
            straw("second", 2)
        html = client.get("/search/", {"q": "秸秆"}).content.decode()
        assert "找到 2 篇公报" in html
        assert html.index("/bulletins/second/") < html.index("/bulletins/first/")
    finally:
        cache.clear()

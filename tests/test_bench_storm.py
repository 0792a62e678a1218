"""The bench's check that no page is stale after a publication (bench/storm.py)."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from bench.storm import PAGES, compare, shows, stale_pages
from bulletins import workflow
from bulletins.models import Bulletin
from tests.factories import make_bulletin, make_region, make_user

ALL = [name for name, _ in PAGES]


def test_a_page_shows_a_bulletin_when_it_answers_and_links_to_it():
    assert shows(200, '<a href="/bulletins/b-1/">', "b-1")
    assert shows(200, '{"url": "http://127.0.0.1:8000/api/v1/bulletins/b-1/"}', "b-1")
    assert not shows(404, '<a href="/bulletins/b-1/">', "b-1")
    assert not shows(200, '<a href="/bulletins/b-12/">', "b-1")  # another bulletin's slug begins with it


def test_every_page_that_does_not_show_the_bulletin_is_stale():
    served = {
        "/bulletins/b-1/": (200, '<link rel="canonical" href="https://x/bulletins/b-1/">'),
        "/": (200, '<a href="/bulletins/b-1/">'),
        "/bulletins/": (200, '<a href="/bulletins/b-0/">'),
        "/regions/city/": (503, ""),
        "/api/v1/bulletins/": (200, '{"results": [{"url": "http://x/api/v1/bulletins/b-1/"}]}'),
    }
    read = []

    def get(path):
        read.append(path)
        return served[path]

    assert stale_pages(get, {"slug": "b-1", "region": "city"}) == ["bulletin list", "region page"]
    assert read == list(served)  # each page read once, in order


def test_a_page_is_stale_only_if_the_bulletin_shows_on_it_rendered_with_nothing_kept():
    # The server missed the list and the home page; rendered afresh, the home page shows it and
    # the list does not (older bulletins with no issue date come first on PostgreSQL).
    assert compare(["home", "bulletin list"], ["bulletin list"]) == (["home"], ["bulletin list"])
    assert compare([], ["bulletin list"]) == ([], [])


@pytest.mark.django_db
def test_through_the_page_cache_a_draft_is_stale_everywhere_and_once_published_nowhere(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):  # each block bumps as its commit would
        region = make_region(slug="storm-city")
        make_bulletin(slug="older", region=region)
        editor = make_user(is_superuser=True)
        draft = workflow.bulletin_create(
            Bulletin(title="压测公报", slug="bench-storm-1", body="正文。", raw_text="正文。", region=region,
                     issued_on=timezone.localdate()),
            by=editor,
        )
    bulletin = {"slug": draft.slug, "region": region.slug}

    def get(path):
        response = client.get(path)
        return response.status_code, response.content.decode()

    assert stale_pages(get, bulletin) == ALL
    assert client.get("/bulletins/").headers["X-Page-Cache"] == "hit"  # the stale pages are kept
    with django_capture_on_commit_callbacks(execute=True):
        workflow.bulletin_publish_without_review(draft, by=editor, comment="bench", override_reason="bench")
    assert stale_pages(get, bulletin) == []
    cache.clear()

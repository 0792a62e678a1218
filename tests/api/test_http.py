"""HTTP behaviour: read-only methods, conditional GETs, caching headers, CORS and throttling."""

import math
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils.http import http_date, parse_http_date

from bulletins.models import Bulletin
from ecoportal.caching.generation import bump, current
from ecoportal.publishing import Status
from tests.factories import make_bulletin

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v1/bulletins/",
    "/api/v1/bulletins/yichun-2023/",
    "/api/v1/achievement-lists/",
    "/api/v1/achievement-lists/yichun-2023-achievements/",
    "/api/v1/indicators/",
    "/api/v1/indicators/pm25/",
    "/api/v1/observations/",
    "/api/v1/regions/",
    "/api/v1/regions/yichun/",
    "/api/v1/publishers/",
    "/api/v1/publishers/yichun-bureau/",
    "/api/v1/topics/",
    "/api/v1/topics/air/",
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_only_reading_is_allowed(client, world, url, method):
    response = getattr(client, method)(url, data={"title": "x"}, content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_trace_is_not_allowed_either(client, world):
    assert client.generic("TRACE", "/api/v1/bulletins/").status_code == 405


@pytest.mark.parametrize("url", URLS)
def test_head_and_options_answer(client, world, url):
    assert client.head(url).status_code == 200
    options = client.options(url)
    assert options.status_code == 200
    assert options.json()["renders"][0] == "application/json"


@pytest.mark.parametrize("url", URLS)
def test_a_conditional_get_of_unchanged_data_is_a_304(client, world, url):
    response = client.get(url)
    assert response["Cache-Control"] == "public, max-age=60"
    etag = response["ETag"]
    not_modified = client.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert not_modified["Cache-Control"] == "public, max-age=60"
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_head_has_the_same_etag_as_get(client, world):
    assert client.head("/api/v1/bulletins/")["ETag"] == client.get("/api/v1/bulletins/")["ETag"]


def test_publishing_and_withdrawing_change_the_etag(client, world):
    etag = client.get("/api/v1/bulletins/")["ETag"]
    draft = make_bulletin(slug="new-one", status=Status.DRAFT, publish_at=None)
    assert client.get("/api/v1/bulletins/", headers={"If-None-Match": etag}).status_code == 304

    Bulletin.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED, publish_at=world["bulletins"]["yichun-2023"].publish_at)
    published = client.get("/api/v1/bulletins/", headers={"If-None-Match": etag})
    assert published.status_code == 200
    assert "new-one" in published.content.decode()

    Bulletin.objects.filter(pk=draft.pk).update(status=Status.DRAFT)
    withdrawn = client.get("/api/v1/bulletins/", headers={"If-None-Match": published["ETag"]})
    assert withdrawn.status_code == 200
    assert withdrawn["ETag"] == etag


def test_an_edit_of_a_related_row_changes_the_etag(client, world):
    etag = client.get("/api/v1/bulletins/yichun-2023/")["ETag"]
    world["bulletins"]["yichun-2023"].corrections.update(note="新的说明")
    assert client.get("/api/v1/bulletins/yichun-2023/", headers={"If-None-Match": etag}).status_code == 200


@pytest.mark.parametrize("url", ["/api/v1/bulletins/?year=abc", "/api/v1/bulletins/nothing/"])
def test_errors_are_not_cached_as_public_data(client, world, url):
    response = client.get(url)
    assert "public" not in response.get("Cache-Control", "")
    assert not response.has_header("ETag")


def test_the_csv_is_cacheable_too(client, world):
    assert client.get("/api/v1/observations/?format=csv")["Cache-Control"] == "public, max-age=60"


def test_any_origin_may_read(client, world):
    response = client.get("/api/v1/bulletins/", headers={"Origin": "https://news.example.com"})
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/observations/",
        headers={"Origin": "https://news.example.com", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_the_browsable_api_stays_available(client, world):
    response = client.get("/api/v1/bulletins/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "yichun-2023" in response.content.decode()


@pytest.fixture
def low_rate(settings):
    rest_framework = dict(django_settings.REST_FRAMEWORK)
    rest_framework["DEFAULT_THROTTLE_RATES"] = {"anon": "3/minute"}
    settings.REST_FRAMEWORK = rest_framework


def test_an_anonymous_client_beyond_the_rate_gets_a_429_with_retry_after(client, world, low_rate):
    for _ in range(3):
        assert client.get("/api/v1/topics/").status_code == 200
    response = client.get("/api/v1/bulletins/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert 0 < int(response["Retry-After"]) <= 60
    assert client.get("/api/v1/observations/?format=csv").status_code == 429


def test_the_rate_is_per_client_address(client, world, low_rate):
    for _ in range(3):
        client.get("/api/v1/topics/", REMOTE_ADDR="10.0.0.1")
    assert client.get("/api/v1/topics/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/api/v1/topics/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_the_default_rate_is_documented_and_configurable():
    rate = django_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]
    assert rate.split("/")[1] in {"minute", "second", "hour", "day"}
    assert rate in django_settings.SPECTACULAR_SETTINGS["DESCRIPTION"]
    assert "API_ANON_RATE" in django_settings.SPECTACULAR_SETTINGS["DESCRIPTION"]


# Last-Modified: the start of the content generation, where the cache is shared (Redis). The
# portal's clock is the test's (``clock``): the whole second each step falls in is known.


@pytest.fixture
def shared_generation(settings, world, clock):
    """A generation in use, as with Redis, begun a few seconds before the test's requests."""
    settings.PAGE_CACHE_MEMO_ENABLED = True
    bump()
    began = current().began / 1_000_000
    assert began == pytest.approx(clock.time)
    clock.advance(3)
    return math.floor(began)


@pytest.mark.parametrize("url", ["/api/v1/bulletins/", "/api/v1/bulletins/yichun-2023/", "/api/v1/observations/?format=csv"])
def test_last_modified_is_when_the_content_generation_began(client, shared_generation, url):
    response = client.get(url)
    assert response.status_code == 200
    assert parse_http_date(response["Last-Modified"]) == shared_generation
    since = response["Last-Modified"]
    not_modified = client.get(url, headers={"If-Modified-Since": since})
    assert not_modified.status_code == 304
    assert not_modified["Last-Modified"] == since
    assert not_modified.content == b""
    earlier = http_date(shared_generation - 1)
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200


# Committed for real: a change bumps the generation once its transaction commits.
@pytest.mark.django_db(transaction=True)
def test_a_change_makes_the_data_modified_since(client, shared_generation, clock):
    since = client.get("/api/v1/bulletins/")["Last-Modified"]
    make_bulletin(slug="new-one")
    response = client.get("/api/v1/bulletins/", headers={"If-Modified-Since": since})
    assert response.status_code == 200
    assert "new-one" in response.content.decode()
    clock.next_second()
    later = client.get("/api/v1/bulletins/")["Last-Modified"]
    assert parse_http_date(later) > parse_http_date(since)


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_publication_that_comes_makes_the_data_modified_since(client, shared_generation, clock):
    publish_at = clock.now() + timedelta(seconds=2)
    make_bulletin(slug="scheduled", publish_at=publish_at)
    clock.next_second()
    before = client.get("/api/v1/bulletins/")
    assert "scheduled" not in before.content.decode()
    since = before["Last-Modified"]
    clock.advance(publish_at.timestamp() - clock.time + 0.1)
    response = client.get("/api/v1/bulletins/", headers={"If-Modified-Since": since})
    assert response.status_code == 200
    assert "scheduled" in response.content.decode()
    clock.next_second()
    later = client.get("/api/v1/bulletins/")["Last-Modified"]
    assert parse_http_date(later) == math.floor(publish_at.timestamp() + 0.1)


def test_no_last_modified_in_the_second_the_generation_began(client, settings, world, clock):
    settings.PAGE_CACHE_MEMO_ENABLED = True
    bump()
    began = math.floor(clock.time)
    # A change later in this same second would carry the same HTTP date: no date is sound yet.
    clock.advance(0.7)
    assert math.floor(clock.time) == began
    assert not client.get("/api/v1/bulletins/").has_header("Last-Modified")
    clock.next_second()
    assert parse_http_date(client.get("/api/v1/bulletins/")["Last-Modified"]) == began


def test_no_last_modified_with_caching_off(client, settings, world, clock):
    settings.PAGE_CACHE_MEMO_ENABLED = False
    bump()
    clock.next_second()
    response = client.get("/api/v1/bulletins/")
    assert not response.has_header("Last-Modified")
    assert client.get("/api/v1/bulletins/", headers={"If-Modified-Since": http_date(clock.time + 60)}).status_code == 200


def test_if_none_match_decides_when_both_are_sent(client, shared_generation):
    response = client.get("/api/v1/bulletins/")
    both = {"If-None-Match": '"something-else"', "If-Modified-Since": response["Last-Modified"]}
    assert client.get("/api/v1/bulletins/", headers=both).status_code == 200


def test_a_csv_answered_with_304_leaves_no_cursor_open(client, shared_generation):
    url = "/api/v1/observations/?format=csv"
    first = client.get(url)
    b"".join(first.streaming_content)  # read to the end, which closes its cursor
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_cursors")
            assert cursor.fetchone()[0] == 0

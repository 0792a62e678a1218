"""HTTP for clients: CORS that exposes what a script needs, rate-limit headers on every answer,
conditional downloads and feeds without Redis, cacheable root and schema."""

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import parse_http_date

from ecoportal.caching.generation import bump
from tests.factories import make_bulletin

pytestmark = pytest.mark.django_db

ORIGIN = {"Origin": "https://newsroom.example"}
RATE_LIMIT = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")


def test_cors_exposes_validators_throttle_headers_and_the_file_name(client, world):
    response = client.get("/api/v1/observations/?format=csv", headers=ORIGIN)
    exposed = {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert exposed >= {
        "etag", "last-modified", "retry-after", "content-disposition",
        "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "ratelimit-policy",
    }


@pytest.mark.parametrize("header", ["if-none-match", "if-modified-since"])
def test_a_preflight_allows_conditional_requests(client, world, header):
    preflight = client.options(
        "/api/v1/bulletins/",
        headers={**ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": header},
    )
    assert preflight.status_code == 200
    assert header in preflight["Access-Control-Allow-Headers"].lower()


@pytest.fixture
def rate_of_five(settings):
    rest_framework = dict(django_settings.REST_FRAMEWORK)
    rest_framework["DEFAULT_THROTTLE_RATES"] = {"anon": "5/minute", "docs": "4/minute"}
    settings.REST_FRAMEWORK = rest_framework


def test_every_answer_says_what_is_left_of_the_rate(client, world, rate_of_five):
    first = client.get("/api/v1/bulletins/")
    assert (first["RateLimit-Limit"], first["RateLimit-Remaining"], first["RateLimit-Policy"]) == ("5", "4", "5;w=60")
    assert 0 < int(first["RateLimit-Reset"]) <= 60
    not_modified = client.get("/api/v1/bulletins/", headers={"If-None-Match": first["ETag"]})
    assert not_modified.status_code == 304 and not_modified["RateLimit-Remaining"] == "3"
    bad = client.get("/api/v1/bulletins/?regoin=x")
    assert bad.status_code == 400 and bad["RateLimit-Remaining"] == "2"
    assert client.get("/api/v1/").get("RateLimit-Remaining") == "1"
    assert client.get("/api/v1/observations/?format=csv")["RateLimit-Remaining"] == "0"
    throttled = client.get("/api/v1/topics/")
    assert throttled.status_code == 429
    assert throttled["RateLimit-Remaining"] == "0"
    assert throttled["RateLimit-Reset"] == throttled["Retry-After"]


def test_the_schema_and_docs_have_a_rate_of_their_own_and_say_it(client, world, rate_of_five):
    for _ in range(5):
        client.get("/api/v1/topics/")
    assert client.get("/api/v1/topics/").status_code == 429
    schema = client.get("/api/schema/?format=json")
    assert schema.status_code == 200
    assert (schema["RateLimit-Limit"], schema["RateLimit-Remaining"]) == ("4", "3")
    assert client.get("/api/docs/")["RateLimit-Remaining"] == "2"


@pytest.mark.parametrize("url", ["/api/v1/", "/api/schema/", "/api/schema/?format=json"])
def test_the_root_and_the_schema_are_cacheable_and_conditional(client, world, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert client.get(url, headers={"If-None-Match": response["ETag"]}).status_code == 304


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_download_is_conditional_without_redis_and_a_304_reads_no_figures(client, world, settings, fmt):
    settings.PAGE_CACHE_ENABLED = settings.PAGE_CACHE_MEMO_ENABLED = False
    url = f"/api/v1/observations/?format={fmt}&indicator=good-days"
    first = client.get(url)
    b"".join(first.streaming_content)
    assert first["ETag"].startswith('W/"')
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"] and again["Cache-Control"] == "public, max-age=60"
    assert not any("indicators_observation" in q["sql"] for q in queries), [q["sql"] for q in queries]


def test_a_download_has_another_etag_per_format_and_filter(client, world):
    def etag(url, **headers):
        response = client.get(url, headers=headers)
        b"".join(response.streaming_content)
        return response["ETag"]

    tags = {
        etag("/api/v1/observations/?format=csv"),
        etag("/api/v1/observations/?format=xlsx"),
        etag("/api/v1/observations/", Accept="text/csv"),
        etag("/api/v1/observations/?format=csv&indicator=pm25"),
    }
    assert len(tags) == 4


@pytest.mark.django_db(transaction=True)
def test_a_download_changes_with_the_content_without_redis(client, settings, clock):
    settings.PAGE_CACHE_ENABLED = settings.PAGE_CACHE_MEMO_ENABLED = False
    make_bulletin(slug="first")
    clock.next_second()
    first = client.get("/api/v1/observations/?format=csv")
    b"".join(first.streaming_content)
    assert parse_http_date(first["Last-Modified"]) <= clock.time
    held = {"If-None-Match": first["ETag"], "If-Modified-Since": first["Last-Modified"]}
    assert client.get("/api/v1/observations/?format=csv", headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    make_bulletin(slug="second")
    response = client.get("/api/v1/observations/?format=csv", headers=held)
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert response["ETag"] != first["ETag"]


@pytest.mark.parametrize("url", ["/feeds/bulletins/", "/feeds/bulletins/atom/"])
def test_a_feed_answers_conditional_requests(client, world, settings, url, clock):
    settings.PAGE_CACHE_ENABLED = settings.PAGE_CACHE_MEMO_ENABLED = False
    bump()  # the generation the fixtures' writes would have started, had they committed
    clock.next_second()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert client.get(url, headers={"If-None-Match": response["ETag"]}).status_code == 304
    not_modified = client.get(url, headers={"If-Modified-Since": response["Last-Modified"]})
    assert not_modified.status_code == 304
    assert not_modified.content == b""


@pytest.mark.django_db(transaction=True)
def test_a_withdrawal_makes_a_feed_modified_since(client, settings, clock):
    settings.PAGE_CACHE_ENABLED = settings.PAGE_CACHE_MEMO_ENABLED = False
    first, second = make_bulletin(slug="kept", title="留下的公报"), make_bulletin(slug="gone", title="撤下的公报")
    clock.next_second()
    response = client.get("/feeds/bulletins/atom/")
    assert "撤下的公报" in response.content.decode()
    since = response["Last-Modified"]
    second.status = "archived"
    second.save()
    clock.next_second()
    again = client.get("/feeds/bulletins/atom/", headers={"If-Modified-Since": since})
    assert again.status_code == 200
    assert "撤下的公报" not in again.content.decode() and first.title in again.content.decode()
    assert parse_http_date(again["Last-Modified"]) > parse_http_date(since)

"""The anonymous clients' rate: a window sliding in slices, counted with a few integers a client.

Run on the tests' in-process cache and on Redis as deployed (``any_cache``), on a clock the test
moves: ``T0`` starts a slice (3 s of a minute), so which slice each moment falls in is known.
"""

import threading

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import RequestFactory
from rest_framework.request import Request

from ecoportal.api import viewsets
from ecoportal.api.viewsets import AnonymousRateThrottle
from ecoportal.caching.backends import ResilientRedisCache
from tests.test_caching import _closed_port, _redis_available, _redis_cache

T0 = 1_800_000_000.0


@pytest.fixture(params=["in memory", pytest.param("redis", marks=pytest.mark.skipif(not _redis_available(), reason="no Redis"))])
def any_cache(request, settings):
    # Through ``settings``, like the rate: its changes are undone in the reverse order.
    if request.param == "in memory":
        yield "in memory"
        return
    prefix = f"test-throttle-{_closed_port()}"
    settings.CACHES = _redis_cache("redis://127.0.0.1:6379/15", prefix)
    yield prefix
    import redis

    server = redis.Redis(host="127.0.0.1", port=6379, db=15)
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


@pytest.fixture
def rate(settings, monkeypatch, any_cache):
    """Sets the anonymous rate; returns the clock (seconds after ``T0``) the throttle reads."""
    now = [0.0]
    monkeypatch.setattr(AnonymousRateThrottle, "timer", staticmethod(lambda: T0 + now[0]))

    def set_rate(value):
        rest_framework = dict(django_settings.REST_FRAMEWORK)
        rest_framework["DEFAULT_THROTTLE_RATES"] = {"anon": value, "docs": value}
        settings.REST_FRAMEWORK = rest_framework
        return now

    return set_rate


def headers(response):
    return response.status_code, response["RateLimit-Remaining"], response["RateLimit-Reset"]


def test_beyond_the_rate_a_429_says_when_to_come_back_and_refusals_are_not_counted(client, db, rate):
    now = rate("3/minute")
    now[0] = 1
    assert [headers(client.get("/api/v1/topics/")) for _ in range(3)] == [(200, "2", "59"), (200, "1", "59"), (200, "0", "59")]
    now[0] = 10
    refused = client.get("/api/v1/topics/")
    assert headers(refused) == (429, "0", "50") and refused["Retry-After"] == "50"
    assert refused.json()["code"] == "throttled"
    now[0] = 20
    for _ in range(10):  # a client that keeps asking
        assert client.get("/api/v1/bulletins/")["Retry-After"] == "40"
    now[0] = 60  # the slice of the first three has left the window
    assert headers(client.get("/api/v1/topics/")) == (200, "2", "60")


def test_the_window_slides(client, db, rate):
    now = rate("3/minute")
    for moment in (1, 31, 59):
        now[0] = moment
        assert client.get("/api/v1/topics/").status_code == 200
    now[0] = 61  # the first request's slice has left; the second's leaves at 90
    assert headers(client.get("/api/v1/topics/")) == (200, "0", "29")
    now[0] = 62
    assert headers(client.get("/api/v1/topics/")) == (429, "0", "28")
    now[0] = 90
    assert headers(client.get("/api/v1/topics/")) == (200, "0", "27")  # 59's slice leaves at 117


def throttle_request(address="10.1.2.3"):
    request = Request(RequestFactory().get("/api/v1/topics/", REMOTE_ADDR=address))
    request.user = AnonymousUser()
    return request


def test_racing_requests_get_exactly_the_rate(db, rate):
    rate("50/minute")
    allowed = []

    def ask():
        for _ in range(25):
            allowed.append(AnonymousRateThrottle().allow_request(throttle_request(), None))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 50 and allowed.count(False) == 50


def test_what_a_request_costs_does_not_grow_with_the_requests_in_the_window(db, rate, any_cache, monkeypatch):
    now = rate("1000000/minute")
    exchanged = []
    count_request = viewsets.count_request

    def spy(store, keys, timeout, also=()):
        counts, found = count_request(store, keys, timeout, also)
        exchanged.append((len(keys), all(isinstance(count, int) for count in counts)))
        return counts, found

    monkeypatch.setattr(viewsets, "count_request", spy)
    for step in range(3000):  # 3,000 requests over 59 s
        now[0] = step * 59 / 3000
        assert AnonymousRateThrottle().allow_request(throttle_request(), None)
    assert set(exchanged) == {(AnonymousRateThrottle.SLICES, True)}
    # What is kept of the client: one integer a slice, whatever the number of requests.
    if any_cache == "in memory":
        kept = {key: value for key, value in cache._cache.items() if "throttle_anon_10.1.2.3" in key}
        counts = [cache.get(key.split(":", 2)[2]) for key in kept]
    else:
        import redis

        server = redis.Redis(host="127.0.0.1", port=6379, db=15)
        kept = {key: server.get(key) for key in server.scan_iter(f"{any_cache}:*throttle_anon_10.1.2.3*")}
        counts = [int(value) for value in kept.values()]
    assert len(kept) == AnonymousRateThrottle.SLICES and max(len(value) for value in kept.values()) < 32
    assert sum(counts) == 3000


def test_a_redis_that_does_not_know_the_counting_script_is_sent_it_whole(db, rate, any_cache, monkeypatch):
    if any_cache == "in memory":
        pytest.skip("a script is Redis's")
    rate("3/minute")
    monkeypatch.setattr(ResilientRedisCache, "COUNT_SCRIPT_SHA", "0" * 40)  # a script Redis was never sent
    allowed = [AnonymousRateThrottle().allow_request(throttle_request(), None) for _ in range(4)]
    assert allowed == [True, True, True, False]

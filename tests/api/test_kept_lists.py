"""An API list page read again is sent as it was kept (``MemoItemsMixin``): the same bytes and
headers as a page computed afresh, without rendering its JSON again, read from Redis with the
client's count."""

import json
import re
from hashlib import md5

import pytest
from django.utils.cache import set_response_etag
from django.utils.http import quote_etag
from redis.connection import AbstractConnection
from rest_framework.renderers import JSONRenderer

from ecoportal import http_caching
from tests.test_caching import _closed_port, _redis_available, _redis_cache

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/bulletins/",
    "/api/v1/bulletins/?page_size=2&page=2",
    "/api/v1/observations/?indicator=good-days&region=heilongjiang",
    "/api/v1/observations/?format=json&page_size=1",
]


@pytest.fixture
def kept(settings, world):
    settings.PAGE_CACHE_MEMO_ENABLED = True


def answer(response):
    """All but what moves from one request to the next (the client's rate) or is sent only with
    the cache (``Last-Modified``)."""
    headers = {
        name: value for name, value in response.items()
        if name not in {"Last-Modified", "RateLimit-Remaining", "RateLimit-Reset"}
    }
    return response.status_code, headers, response.content


@pytest.mark.parametrize("url", LISTS)
def test_a_kept_list_page_is_sent_as_kept_not_rendered_again(client, kept, settings, monkeypatch, url):
    first = client.get(url)
    renders, hashed = [], []
    render = JSONRenderer.render
    monkeypatch.setattr(JSONRenderer, "render", lambda self, *args, **kwargs: renders.append(1) or render(self, *args, **kwargs))
    monkeypatch.setattr(http_caching, "set_response_etag", lambda response: hashed.append(1) or set_response_etag(response))
    again = client.get(url)
    assert renders == [] and hashed == []
    assert answer(again) == answer(first)
    assert again["ETag"] == quote_etag(md5(again.content, usedforsecurity=False).hexdigest())
    settings.PAGE_CACHE_MEMO_ENABLED = False  # nothing kept: the page made and rendered afresh
    assert answer(client.get(url)) == answer(again)
    assert renders


@pytest.mark.parametrize("url", LISTS)
def test_a_kept_list_page_asked_for_indented_is_rendered_from_its_values(client, kept, url):
    compact = client.get(url)
    indented = client.get(url, headers={"Accept": "application/json; indent=2"})
    assert indented.content.decode() == json.dumps(json.loads(compact.content), indent=2, ensure_ascii=False)
    assert client.get(url).content == compact.content


@pytest.fixture
def kept_in_redis(kept, settings):
    prefix = f"test-kept-lists-{_closed_port()}"
    settings.CACHES = _redis_cache("redis://127.0.0.1:6379/15", prefix)
    yield
    import redis

    server = redis.Redis(host="127.0.0.1", port=6379, db=15)
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def commands(packed):
    """The names of the commands in what redis-py sends at once (one, or a pipeline's)."""
    return re.findall(rb"\*\d+\r\n\$\d+\r\n([A-Z]+)\r\n", b"".join(packed) if isinstance(packed, list) else packed)


@pytest.mark.skipif(not _redis_available(), reason="no Redis on 127.0.0.1:6379")
@pytest.mark.parametrize("url", LISTS)
def test_a_kept_list_page_is_read_with_the_clients_count_in_one_command(client, kept_in_redis, monkeypatch, url):
    first = client.get(url)
    sent = []
    send = AbstractConnection.send_packed_command
    monkeypatch.setattr(
        AbstractConnection, "send_packed_command",
        lambda self, packed, *args, **kwargs: sent.append(commands(packed)) or send(self, packed, *args, **kwargs),
    )
    again = client.get(url)
    assert answer(again) == answer(first)
    assert again["RateLimit-Remaining"] == str(int(first["RateLimit-Remaining"]) - 1)
    assert sent == [[b"EVALSHA"]]

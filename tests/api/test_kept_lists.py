"""An API list page read again is sent as it was kept (``MemoItemsMixin``): the same bytes and
headers as a page computed afresh, without rendering its JSON again."""

import json

import pytest
from rest_framework.renderers import JSONRenderer

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
    renders = []
    render = JSONRenderer.render
    monkeypatch.setattr(JSONRenderer, "render", lambda self, *args, **kwargs: renders.append(1) or render(self, *args, **kwargs))
    again = client.get(url)
    assert renders == []
    assert answer(again) == answer(first)
    settings.PAGE_CACHE_MEMO_ENABLED = False  # nothing kept: the page made and rendered afresh
    assert answer(client.get(url)) == answer(again)
    assert renders


@pytest.mark.parametrize("url", LISTS)
def test_a_kept_list_page_asked_for_indented_is_rendered_from_its_values(client, kept, url):
    compact = client.get(url)
    indented = client.get(url, headers={"Accept": "application/json; indent=2"})
    assert indented.content.decode() == json.dumps(json.loads(compact.content), indent=2, ensure_ascii=False)
    assert client.get(url).content == compact.content

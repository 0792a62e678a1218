"""The API's content negotiation chooses as DRF's does, and remembers its choice."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request

from ecoportal.api.negotiation import RememberedNegotiation
from indicators.api.views import CSVRenderer, XLSXRenderer

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
ACCEPTS = [
    None, "*/*", "application/json", "application/json; indent=4", "application/*", "text/html", BROWSER,
    "text/csv", "text/csv;q=0.5, application/json", "image/png", "application/json; indent=abc", "",
]
FORMATS = [None, "json", "api", "csv", "xlsx", "yaml"]


@pytest.fixture(autouse=True)
def nothing_remembered(monkeypatch):
    monkeypatch.setattr(RememberedNegotiation, "_chosen", {})


def renderers(downloads):
    return [JSONRenderer(), BrowsableAPIRenderer(), *([CSVRenderer(), XLSXRenderer()] if downloads else [])]


def request(accept, format):
    headers = {} if accept is None else {"HTTP_ACCEPT": accept}
    return Request(RequestFactory().get("/api/v1/observations/", {"format": format} if format else {}, **headers))


def choice(negotiation, accept, format, downloads):
    offered = renderers(downloads)
    try:
        renderer, media_type = negotiation.select_renderer(request(accept, format), offered)
    except (NotAcceptable, Http404) as refused:
        return type(refused)
    assert any(renderer is offer for offer in offered)
    return type(renderer), media_type


@pytest.mark.parametrize("downloads", [False, True])
def test_the_choice_is_drfs_the_first_time_and_after(downloads):
    drf, remembered = DefaultContentNegotiation(), RememberedNegotiation()
    for _ in range(2):
        for accept in ACCEPTS:
            for format in FORMATS:
                assert choice(remembered, accept, format, downloads) == choice(drf, accept, format, downloads)


def test_a_header_met_again_is_not_parsed_again(monkeypatch):
    parsed = []
    parse = DefaultContentNegotiation.get_accept_list
    monkeypatch.setattr(
        DefaultContentNegotiation, "get_accept_list", lambda self, request: parsed.append(1) or parse(self, request)
    )
    negotiation = RememberedNegotiation()
    for accept in ("application/json", BROWSER, "application/json"):
        choice(negotiation, accept, None, downloads=False)
    assert len(parsed) == 2
    choice(negotiation, "application/json", None, downloads=True)  # other renderers offered
    assert len(parsed) == 3


def test_what_is_remembered_is_bounded():
    negotiation = RememberedNegotiation()
    for number in range(RememberedNegotiation.REMEMBERED + 50):
        assert choice(negotiation, f"application/json; indent={number % 9}; n={number}", None, False)[0] is JSONRenderer
    assert len(RememberedNegotiation._chosen) == RememberedNegotiation.REMEMBERED

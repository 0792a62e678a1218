"""The whole-page cache: anonymous GETs of public pages and API calls, kept under the release
and the content generation.

The middleware sits after the session, locale, CSRF, authentication and message middleware, so
that a page served from the cache has its language known (part of the key), ``Vary`` and
``Content-Language`` added by LocaleMiddleware and a CSP nonce for CSPMiddleware's header. A
stored page holds nothing of one reader: the nonce is replaced by a placeholder and put back
fresh into each hit, and a page that used a CSRF token (public pages have none: the language
switcher is checked by its origin) or sets a cookie is not stored. A streamed response (a CSV)
is stored once it has streamed out whole and came to at most ``PAGE_CACHE_STREAM_LIMIT``.

``WholePageMiddleware``, first in the stack, answers most hits without the stack: with the page
as the stack sent it out the first time it was a hit, headers and all, kept beside the page
above (see its docstring). A hit through the whole stack costs 0.79–0.85 ms of CPU in-process,
one served whole 0.40–0.43, against 0.43–0.44 for a view returning a constant (the test
client's own 0.14 included; bench/page_timing.py, PostgreSQL, 2026-12-07).
"""

import base64
import os
import re
import time
from urllib.parse import urlencode

from csp.constants import HEADER as CSP_HEADER
from csp.constants import HEADER_REPORT_ONLY as CSP_HEADER_REPORT_ONLY
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

from ..middleware_db import DATABASE_ERRORS
from . import generation
from .local import LocalCopies

NONCE_PLACEHOLDER = b"\x00pagecache:csp-nonce\x00"
_PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}
# Headers the cache answers for itself (or that another middleware sets on every response).
_NOT_STORED = {"set-cookie", "content-length", "x-page-cache"}
# Vary headers the key already covers: the language (LocaleMiddleware) and, for the API, Accept.
_KEYED_VARY = {"accept-language", "accept"}
# Excluded even under a public prefix: editors' previews, wherever they end up.
_PREVIEW = re.compile(r"(^|/)preview(/|$)")


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not is_cacheable_request(request):
            return self.get_response(request)
        cache, key = generation.page_cache(), page_key(request, generation.current_generation())
        entry = cache.get(key)
        if entry is not None:
            response = thaw(request, entry)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_storable(request, response):

            def keep(body=None):
                cache.set(key, freeze(request, response, body), settings.PAGE_CACHE_TIMEOUT)

            if response.streaming:
                response.streaming_content = kept_if_small(response.streaming_content, keep)
            else:
                keep()
            response["X-Page-Cache"] = "miss"
        return response


def is_cacheable_request(request):
    """An anonymous GET or HEAD of a public path, from a reader with no session."""
    path = request.path_info
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    if not (path == "/" or any(path.startswith(p) for p in settings.PAGE_CACHE_PREFIXES if p != "/")):
        return False
    if any(path.startswith(p) for p in settings.PAGE_CACHE_EXCLUDED_PREFIXES) or _PREVIEW.search(path):
        return False
    return not (settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES)


def page_key(request, number, kind="page"):
    """The page's key: its address and, for the API, the formats accepted; in the language
    LocaleMiddleware chose."""
    accept = request.META.get("HTTP_ACCEPT", "") if request.path_info.startswith("/api/") else ""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    return generation.memo_key(f"{request.scheme}://{request.get_host()}{request.path}?{query}\n{accept}", number, kind)


def is_storable(request, response):
    """A complete 200 that is the same for every anonymous reader and sets nothing per reader."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if directives & _PRIVATE_DIRECTIVES or vary - _KEYED_VARY or ("accept" in vary and not request.path_info.startswith("/api/")):
        return False
    if getattr(getattr(response, "accepted_renderer", None), "format", None) == "api":
        return False  # DRF's browsable API: a page with forms for a person, not data
    user, session = getattr(request, "user", None), getattr(request, "session", None)
    if (user is not None and user.is_authenticated) or (session is not None and session.modified):
        return False
    return not getattr(getattr(request, "_messages", None), "added_new", False)


def freeze(request, response, body=None):
    """What is stored of ``response`` (``body``: a streamed one's content, as it streamed out):
    status, headers and body, without per-reader values."""
    body = response.content if body is None else body
    nonce = getattr(request, "_csp_nonce", None)
    has_nonce = isinstance(nonce, str) and nonce.encode() in body
    if has_nonce:
        body = body.replace(nonce.encode(), NONCE_PLACEHOLDER)
    headers = [(k, v) for k, v in response.items() if k.lower() not in _NOT_STORED]
    return {"status": response.status_code, "headers": headers, "body": body, "nonce": has_nonce}


def kept_if_small(chunks, keep):
    """Yields ``chunks``; once all are out and came to at most ``PAGE_CACHE_STREAM_LIMIT``
    bytes, ``keep(body)``. Nothing is kept of a stream abandoned or failed midway, nor of a
    large one, whose chunks are let go as soon as it passes the limit."""
    kept, size = [], 0
    for chunk in chunks:
        yield chunk
        size += len(chunk)
        if size > settings.PAGE_CACHE_STREAM_LIMIT:
            kept = None
        elif kept is not None:
            kept.append(chunk)
    if kept is not None:
        keep(b"".join(kept))


def thaw(request, entry):
    """A response for ``request`` from a stored page, with a fresh nonce."""
    body = entry["body"]
    if entry["nonce"]:
        body = body.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode())
    response = HttpResponse(body, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    if response.has_header("ETag") or last_modified is not None:
        return get_conditional_response(request, etag=response.get("ETag"), last_modified=last_modified, response=response)
    return response


class WholePageMiddleware:
    """A hit without the rest of the stack: first in ``MIDDLEWARE``, for readers whose request
    nothing below reads beyond what the key holds.

    Those are the requests ``is_cacheable_request`` accepts that carry neither a language or
    CSRF cookie nor an ``Origin``: for them every middleware below adds the same headers to a
    given page in a given language and scheme (security, CSP, ``Vary``, ``Content-Language``,
    ``X-Frame-Options``, ``Content-Length``) and sets no cookie, the nonce apart. Such a
    request's page, when the whole stack answered it as a hit (``X-Page-Cache: hit``, a 200),
    is kept as it went out, under the same generation, language and address as the page it was
    made from, with the nonce replaced by the placeholder in the body and in the CSP headers;
    the next such request is answered with it and a fresh nonce, from this process's memory
    (``LocalPages``) or else from the shared cache. The language is chosen by
    LocaleMiddleware's own code, and the generation is the same row read once per request, so
    nothing older than the page below is ever served. A conditional request the page does not
    answer with a 200 (304, 412), a database that fails the generation's read and a host not
    allowed go through the whole stack, which answers them as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.locale = LocaleMiddleware(get_response)

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not is_whole_page_request(request):
            return self.get_response(request)
        self.locale.process_request(request)  # the language, as LocaleMiddleware chooses it
        checked = _skip_health_check()
        try:
            key = page_key(request, generation.current_generation(), "whole")
        except DisallowedHost:
            return self.get_response(request)
        except DATABASE_ERRORS:
            if checked:
                connections[DEFAULT_DB_ALIAS].close()  # lost: the stack below connects anew
            return self.get_response(request)
        entry = LOCAL_PAGES.get(key)
        if entry is None:
            entry = generation.page_cache().get(key)
            if entry is not None:
                LOCAL_PAGES.put(key, entry)
        response = None if entry is None else thaw_whole(request, entry)
        if response is not None:
            return response
        response = self.get_response(request)
        if response.status_code == 200 and response.get("X-Page-Cache") == "hit" and not response.streaming and not response.cookies:
            entry = freeze_whole(request, response)
            generation.page_cache().set(key, entry, settings.PAGE_CACHE_TIMEOUT)
            LOCAL_PAGES.put(key, entry)
        return response


def _skip_health_check():
    """Whether the generation's read stands for Django's health check of a persistent connection
    (``CONN_HEALTH_CHECKS``: a ``SELECT 1`` before the request's first query, a round trip as
    long as the read): a lost connection fails the read as it would fail the check, and is
    then closed."""
    wrapper = connections[DEFAULT_DB_ALIAS]
    if wrapper.health_check_enabled and not wrapper.health_check_done and wrapper.connection is not None:
        wrapper.health_check_done = True
        return True
    return False


def is_whole_page_request(request):
    """A request ``WholePageMiddleware`` answers: cacheable, and nothing in it that a middleware
    below reads (a language or CSRF cookie, an ``Origin`` for CORS)."""
    cookies = request.COOKIES
    return (
        is_cacheable_request(request)
        and settings.LANGUAGE_COOKIE_NAME not in cookies
        and settings.CSRF_COOKIE_NAME not in cookies
        and "HTTP_ORIGIN" not in request.META
    )


_NONCE_TEXT = NONCE_PLACEHOLDER.decode()
# What get_conditional_response reads: without them a kept page is the answer as it is.
_CONDITIONS = {"HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE"}
_CSP_HEADERS = {CSP_HEADER.lower(), CSP_HEADER_REPORT_ONLY.lower()}


def freeze_whole(request, response):
    """A page as the whole stack sent it: status, headers in their order (``Content-Length``
    as None, computed again) and body, with the nonce replaced in the body and CSP headers."""
    body, nonce = response.content, getattr(request, "_csp_nonce", None)
    has_nonce = isinstance(nonce, str)
    if has_nonce:
        body = body.replace(nonce.encode(), NONCE_PLACEHOLDER)
    headers = []
    for name, value in response.items():
        if name.lower() == "content-length":
            value = None
        elif has_nonce and name.lower() in _CSP_HEADERS:
            value = value.replace(nonce, _NONCE_TEXT)
        headers.append((name, value))
    expires = time.time() + settings.PAGE_CACHE_TIMEOUT
    return {"status": response.status_code, "headers": headers, "body": body, "nonce": has_nonce, "expires": expires}


def thaw_whole(request, entry):
    """The kept page with a fresh nonce, or None when the request's conditions would make it
    other than this 200 (left to the whole stack)."""
    body, headers = entry["body"], entry["headers"]
    if entry["nonce"]:
        # As CSPMiddleware makes it.
        nonce = request._csp_nonce = base64.b64encode(os.urandom(16)).decode("ascii")
        body = body.replace(NONCE_PLACEHOLDER, nonce.encode())
        headers = [(name, value.replace(_NONCE_TEXT, nonce) if value else value) for name, value in headers]
    length = str(len(body))
    response = HttpResponse(body, status=entry["status"], headers={name: length if value is None else value for name, value in headers})
    if not _CONDITIONS.isdisjoint(request.META):
        etag, last_modified = response.get("ETag"), parse_http_date_safe(response.get("Last-Modified", ""))
        if (etag is not None or last_modified is not None) and get_conditional_response(request, etag=etag, last_modified=last_modified, response=response) is not response:
            return None
    return response


class LocalPages:
    """Pages served whole, kept in this process's memory as well (``local.LocalCopies``): a hit
    then costs no round trip to Redis. A page is dropped at the time the shared cache would drop
    it (``expires``, set when it was made) or sooner, the least recently read first once the
    pages kept come to more than ``PAGE_CACHE_LOCAL_BYTES``.
    """

    def __init__(self):
        self.copies = LocalCopies()

    def get(self, key):
        return self.copies.get(key)

    def put(self, key, entry):
        self.copies.put(key, entry, len(entry["body"]), entry["expires"])

    def clear(self):
        self.copies.clear()


LOCAL_PAGES = LocalPages()

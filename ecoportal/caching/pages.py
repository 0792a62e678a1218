"""The whole-page cache: anonymous GETs of public pages and API calls, kept under the release
and the content generation.

The middleware sits after the session, locale, CSRF, authentication and message middleware, so
that a page served from the cache has its language known (part of the key), ``Vary`` and
``Content-Language`` added by LocaleMiddleware and a CSP nonce for CSPMiddleware's header. A
stored page holds nothing of one reader: the nonce is replaced by a placeholder and put back
fresh into each hit, and a page that used a CSRF token (public pages have none: the language
switcher is checked by its origin) or sets a cookie is not stored. A streamed response (a CSV)
is stored once it has streamed out whole and came to at most ``PAGE_CACHE_STREAM_LIMIT``.
"""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

from . import generation

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


def page_key(request, number):
    """The page's key: its address and, for the API, the formats accepted; in the language
    LocaleMiddleware chose."""
    accept = request.headers.get("Accept", "") if request.path_info.startswith("/api/") else ""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    return generation.memo_key(f"{request.scheme}://{request.get_host()}{request.path}?{query}\n{accept}", number, "page")


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

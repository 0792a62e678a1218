"""Which requests and responses may be cached, their keys, and what is stored of a response.

A stored page holds nothing that belongs to one reader. The CSP nonce of inline scripts and
styles is replaced by a placeholder before storing, and a response served from the cache gets a
fresh one. A page that used a CSRF token (public pages have none: the language switcher is
checked by its origin) or sets a cookie is not stored.

A streamed response (a CSV download) is stored only once it has streamed out whole and turned
out small (``PAGE_CACHE_STREAM_LIMIT``): a large one is never held in memory.
"""

import hashlib
import os
import re
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

PAGE_KEY = "pagecache:page:{release}:{generation}:{digest}"
NONCE_PLACEHOLDER = b"\x00pagecache:csp-nonce\x00"
_PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}
# Headers the cache answers for itself (or that another middleware sets on every response).
_NOT_STORED = {"set-cookie", "content-length", "x-page-cache"}
# Vary headers the key already covers: the language (LocaleMiddleware) and, for the API, Accept.
_KEYED_VARY = {"accept-language", "accept"}
# Excluded even under a public prefix: editors' previews, wherever they end up.
_PREVIEW = re.compile(r"(^|/)preview(/|$)")
_RELEASE_SUFFIXES = (".py", ".html", ".txt", ".mo", ".css", ".js", ".svg")


def is_cacheable_request(request):
    """An anonymous GET or HEAD of a public path, from a reader with no session."""
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path_info
    if not (path == "/" or any(path.startswith(p) for p in settings.PAGE_CACHE_PREFIXES if p != "/")):
        return False
    if any(path.startswith(p) for p in settings.PAGE_CACHE_EXCLUDED_PREFIXES) or _PREVIEW.search(path):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def page_key(request, generation):
    query = sorted((name, values) for name, values in request.GET.lists())
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        urlencode(query, doseq=True),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        request.headers.get("Accept", "") if request.path_info.startswith("/api/") else "",
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
    return PAGE_KEY.format(release=release(), generation=generation, digest=digest)


def is_storable(request, response):
    """A complete 200 that is the same for every anonymous reader and sets nothing per reader."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(response, "_page_cache_exempt", False):
        return False
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & _PRIVATE_DIRECTIVES:
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if vary - _KEYED_VARY or ("accept" in vary and not request.path_info.startswith("/api/")):
        return False
    renderer = getattr(response, "accepted_renderer", None)
    if getattr(renderer, "format", None) == "api":
        return False  # DRF's browsable API: a page with forms for a person, not data
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not getattr(messages, "added_new", False)


def freeze(request, response, body=None):
    """What is stored of ``response``: status, headers and body, without per-reader values.

    ``body``: the content of a streamed response, as it streamed out.
    """
    body = response.content if body is None else body
    nonce = getattr(request, "_csp_nonce", None)
    has_nonce = isinstance(nonce, str) and nonce.encode() in body
    if has_nonce:
        body = body.replace(nonce.encode(), NONCE_PLACEHOLDER)
    headers = [(k, v) for k, v in response.items() if k.lower() not in _NOT_STORED]
    return {"status": response.status_code, "headers": headers, "body": body, "nonce": has_nonce}


def kept_if_small(chunks, keep, *, limit):
    """Yields ``chunks``; once all are out and came to at most ``limit`` bytes, ``keep(body)``.

    Nothing is kept of a stream the client abandons or that fails midway, nor of a large one,
    whose chunks are let go as soon as it passes the limit.
    """
    kept, size = [], 0
    for chunk in chunks:
        yield chunk
        if kept is None:
            continue
        size += len(chunk)
        if size > limit:
            kept = None
        else:
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
        response = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
    return response


@lru_cache(maxsize=1)
def release():
    """Identifies the code and templates: pages cached by another release are never served.

    ``PAGE_CACHE_RELEASE`` (e.g. the commit deployed) when set; otherwise a hash of the
    project's Python files, templates, translations and static files, computed once.
    """
    if settings.PAGE_CACHE_RELEASE:
        return settings.PAGE_CACHE_RELEASE
    digest = hashlib.sha256()
    skip = {".git", ".venv", "var", "staticfiles", "node_modules", "tests", "fixtures", "bench"}
    base = settings.BASE_DIR
    for root, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith(_RELEASE_SUFFIXES):
                path = os.path.join(root, name)
                with open(path, "rb") as handle:
                    digest.update(os.path.relpath(path, base).encode())
                    digest.update(handle.read())
    return digest.hexdigest()[:12]

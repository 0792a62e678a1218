"""HTTP caching of public API responses and feeds: ``Cache-Control: public``, ETag,
Last-Modified, 304s, with ``django.utils.cache``'s helpers.

The ETag is a hash of the rendered body (as ConditionalGetMiddleware computes it): the one
validator that is always right, where ``max(updated_at)`` would miss withdrawals and edits of
related rows. ``Last-Modified`` is when the content generation began (``ecoportal.caching``),
which every change of public content moves on; it is sent where the generation is read anyway
(with Redis), and on downloads and feeds always (one query). HTTP dates count whole seconds, so
it waits for the second after the generation began. A streamed download is not hashed: its
ETag names the generation and the request, and a client holding it gets its 304 before the
download's query runs. ``If-None-Match`` decides over ``If-Modified-Since`` (RFC 9110).
ConditionalGetMiddleware itself is not used: it gives a HEAD no ETag, and its 304 keeps none
of the ``RateLimit-*`` headers the API sends on every answer.
"""

import hashlib

from django.http import HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date

from ecoportal.caching.generation import current

PUBLIC_MAX_AGE = 60


def download_validators(request, variant=""):
    """The ETag and Last-Modified of a streamed download (``variant``: the format negotiated)."""
    identity = "\n".join([request.get_host(), request.get_full_path(), variant])
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return f'W/"{current(always=True).number}-{digest}"', content_last_modified(always=True)


def download_not_modified(request, variant=""):
    """A 304 for a download the client holds, or a 412 for a failed precondition, before its
    query runs; else None."""
    etag, last_modified = download_validators(request, variant)
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if isinstance(response, HttpResponseNotModified):
        _mark(response, PUBLIC_MAX_AGE, etag, last_modified)
    return response


def _mark(response, max_age, etag, last_modified):
    patch_cache_control(response, public=True, max_age=max_age)
    if etag:
        response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    elif response.has_header("Last-Modified"):
        del response["Last-Modified"]  # set by the view (a feed's newest item): a withdrawal would not move it
    return response


def conditional_public_response(request, response, *, max_age=PUBLIC_MAX_AGE, dated=False, variant=""):
    """Mark a successful GET/HEAD of public data cacheable and answer a matching one with 304.

    ``dated``: send ``Last-Modified`` whatever the cache (a feed, polled with
    ``If-Modified-Since``). A streamed download is always dated, and was answered with its 304
    before it was made (``download_not_modified``).
    """
    renderer = getattr(response, "accepted_renderer", None)
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or getattr(renderer, "format", None) == "api":
        return response  # the browsable API page carries a CSRF token: not for shared caches
    if response.streaming:
        return _mark(response, max_age, *download_validators(request, variant))
    if hasattr(response, "render"):
        response.render()
    etag = getattr(response, "content_etag", None)  # made as set_response_etag makes it, when the body was kept
    if etag is None:
        set_response_etag(response)
    else:
        response.headers["ETag"] = etag
    last_modified = content_last_modified(always=dated)
    _mark(response, max_age, response.get("ETag"), last_modified)
    return get_conditional_response(request, etag=response.get("ETag"), last_modified=last_modified, response=response)


def content_last_modified(*, always=False):
    """The ``Last-Modified`` of public data (whole seconds), or None when none is sound (or
    responses are not cached, unless ``always``)."""
    row = current(always=always)
    seconds = None if row is None else row.began // 1_000_000
    return seconds if seconds is not None and seconds < int(timezone.now().timestamp()) else None


class ConditionalGetMixin:
    """For read-only API views: ``Cache-Control: public``, ETag and Last-Modified, 304s."""

    cache_max_age = PUBLIC_MAX_AGE

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        # The format negotiated (``?format=`` or ``Accept``), which a download's ETag names.
        renderer = getattr(getattr(self, "request", None), "accepted_renderer", None)
        return conditional_public_response(
            request, response, max_age=self.cache_max_age, variant=getattr(renderer, "format", "") or ""
        )


def conditional_feed(feed):
    """A syndication feed view answering conditional requests, dated whether or not Redis is
    there; it is marked as its feed is (``shows_published_only``)."""

    def view(request, *args, **kwargs):
        return conditional_public_response(request, feed(request, *args, **kwargs), dated=True)

    view.shows_published_only = getattr(feed, "shows_published_only", False)
    return view

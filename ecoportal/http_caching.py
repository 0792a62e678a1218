"""HTTP caching of public API responses: ETag and Last-Modified on every successful read, 304s.

The ETag is a hash of the rendered representation, as Django's ConditionalGetMiddleware would
compute it. That is the one validator that is always right: publishing, withdrawing, archiving
or editing anything a response shows changes its bytes and so its ETag, while a timestamp
such as ``max(updated_at)`` misses withdrawals and edits of related rows. It saves bandwidth,
not the database work, which the per-request query budget keeps small.

``Last-Modified`` is the start of the current content generation (``ecoportal.caching``): every
change to public content, withdrawals and related rows included, and every scheduled
publication that comes starts a new one, so no response can have changed since. It is read
with the generation's row, which a request reads anyway where responses are cached (Redis);
elsewhere it is not sent, which would cost every response a query, except on downloads and
feeds, which read it anyway (one query). HTTP dates count whole seconds: in the second a
generation begins a later change in the same second could not be told apart, so the header
waits for the next second. When a client sends both, ``If-None-Match`` decides (RFC 9110);
``If-Modified-Since`` alone gives a 304 too. A streamed download (CSV, XLSX) is not hashed: its
ETag names the generation and the request (``download_validators``), and a client that holds
it is answered with 304 before its query runs.
"""

import hashlib
import math
import time

from django.http import HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date

from ecoportal.caching.generation import current, generation_began

PUBLIC_MAX_AGE = 60


def download_validators(request, variant=""):
    """The ETag and Last-Modified (or None) of a streamed download, known before it is read.

    Its bytes are not hashed (they are not all there before it is sent): the ETag names the
    content generation, which any change of public content moves on, and the request (address,
    host and ``variant``, the format negotiated). Read whether or not responses are cached:
    one primary-key query, so that a download is conditional without Redis too.
    """
    row = current(always=True)
    identity = "\n".join([request.get_host(), request.get_full_path(), variant])
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return f'W/"{row.number}-{digest}"', content_last_modified(always=True)


def download_not_modified(request, variant=""):
    """A 304 for a download the client holds (``If-None-Match`` or ``If-Modified-Since``), or
    a 412 for a failed precondition, before its query runs; else None."""
    if request.method not in ("GET", "HEAD"):
        return None
    etag, last_modified = download_validators(request, variant)
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if isinstance(response, HttpResponseNotModified):
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def conditional_public_response(request, response, *, max_age=PUBLIC_MAX_AGE, dated=False, variant=""):
    """Mark a successful GET/HEAD of public data cacheable and answer a matching one with 304.

    ``dated``: send ``Last-Modified`` whether or not responses are cached (a feed, whose
    readers poll with ``If-Modified-Since``), at the cost of a query without Redis. A streamed
    response is always dated and has the ETag of ``download_validators(request, variant)``.
    """
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    renderer = getattr(response, "accepted_renderer", None)
    if getattr(renderer, "format", None) == "api":
        # The browsable API page carries a CSRF token: not for shared caches.
        return response
    patch_cache_control(response, public=True, max_age=max_age)
    if response.streaming:
        etag, last_modified = download_validators(request, variant)
        response["ETag"] = etag
    else:
        last_modified = content_last_modified(always=dated)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    elif response.has_header("Last-Modified"):
        # Set by the view (a feed's newest item): a withdrawal would not move it on.
        del response["Last-Modified"]
    if response.streaming:
        conditional = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
        if conditional is not response:
            # The 304 replaces the stream unsent: close its content now (a CSV holds an open
            # server-side cursor). response.close() would also signal request_finished mid-request.
            for close in response._resource_closers:
                close()
            response._resource_closers.clear()
        return conditional
    if hasattr(response, "render"):
        response.render()
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )


def content_last_modified(*, always=False):
    """The ``Last-Modified`` of public data (whole seconds), or None when none is sound (or
    responses are not cached, unless ``always``)."""
    began = generation_began(always=always)
    if began is None:
        return None
    seconds = math.floor(began)
    return seconds if seconds < math.floor(time.time()) else None


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
    """A syndication feed view answering conditional requests: ETag, and ``Last-Modified``
    the last change of public content (withdrawals included), whether or not Redis is there."""

    def view(request, *args, **kwargs):
        return conditional_public_response(request, feed(request, *args, **kwargs), dated=True)

    # What the feed is marked with (``shows_published_only``) marks its view.
    view.shows_published_only = getattr(feed, "shows_published_only", False)
    return view

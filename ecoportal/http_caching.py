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
elsewhere it is not sent, which would cost every response a query. HTTP dates count whole seconds: in the second a generation begins a later change in
the same second could not be told apart, so the header waits for the next second. When a
client sends both, ``If-None-Match`` decides (RFC 9110); ``If-Modified-Since`` alone gives a
304 too, also for the streamed CSV, which has no ETag.
"""

import math
import time

from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date

from ecoportal.caching.generation import generation_began

PUBLIC_MAX_AGE = 60


def conditional_public_response(request, response, *, max_age=PUBLIC_MAX_AGE):
    """Mark a successful GET/HEAD of public data cacheable and answer a matching one with 304."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    renderer = getattr(response, "accepted_renderer", None)
    if getattr(renderer, "format", None) == "api":
        # The browsable API page carries a CSRF token: not for shared caches.
        return response
    patch_cache_control(response, public=True, max_age=max_age)
    last_modified = content_last_modified()
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    if response.streaming:
        conditional = get_conditional_response(request, last_modified=last_modified, response=response)
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


def content_last_modified():
    """The ``Last-Modified`` of public data (whole seconds), or None when none is sound."""
    began = generation_began()
    if began is None:
        return None
    seconds = math.floor(began)
    return seconds if seconds < math.floor(time.time()) else None


class ConditionalGetMixin:
    """For read-only API views: ``Cache-Control: public``, ETag and Last-Modified, 304s."""

    cache_max_age = PUBLIC_MAX_AGE

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        return conditional_public_response(request, response, max_age=self.cache_max_age)

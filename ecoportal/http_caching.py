"""HTTP caching of public API responses: an ETag on every successful read, and 304s.

The ETag is a hash of the rendered representation, as Django's ConditionalGetMiddleware would
compute it. That is the one validator that is always right: publishing, withdrawing, archiving
or editing anything a response shows changes its bytes and so its ETag, while a timestamp
such as ``max(updated_at)`` misses withdrawals and edits of related rows. It saves bandwidth,
not the database work, which the per-request query budget keeps small.
"""

from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

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
    if response.streaming:
        return response
    if hasattr(response, "render"):
        response.render()
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


class ConditionalGetMixin:
    """For read-only API views: ``Cache-Control: public`` plus ETag / If-None-Match → 304."""

    cache_max_age = PUBLIC_MAX_AGE

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        return conditional_public_response(request, response, max_age=self.cache_max_age)

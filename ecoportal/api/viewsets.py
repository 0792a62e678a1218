"""The base every public viewset uses, so that each names only its model, serializer and FilterSet.

``PublicReadOnlyViewSet``: rows from ``PublicQuerysetMixin`` (published only), GET/HEAD/OPTIONS
only, validated filters, bounded pages, per-IP throttling of anonymous clients, ETag and 304,
and the error answers documented in the schema.
"""

import math

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import viewsets
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from ecoportal.http_caching import ConditionalGetMixin
from ecoportal.publishing import PublicQuerysetMixin

from .errors import BAD_REQUEST, NOT_ACCEPTABLE, NOT_FOUND, THROTTLED, UNAVAILABLE
from .negotiation import RememberedNegotiation
from .pagination import PortalPagination
from .schema import PerViewSchema
from .strict_params import StrictQueryParamsMixin


class AnonymousRateThrottle(AnonRateThrottle):
    """Requests per client IP, at ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]``.

    The window slides in ``SLICES`` steps: each slice of it (3 s of a minute) is one counter in
    the cache, added to atomically (``INCR`` on Redis, one round trip with the reading of the
    others), and a request is forgotten when its slice leaves the window, 57–60 s later for a
    minute. DRF's own throttle keeps the time of every request in the window, read and written
    whole at each request: 2.5 ms of CPU at 24,000 requests a minute (the bench's one client).
    A refused request is not counted, so a client that keeps asking still gets its rate.

    The rate is read at each request (DRF reads it once at import), so that settings
    overrides in tests and deployments take effect. What is left of it is kept on the request
    for ``RateLimitHeadersMixin`` to send.

    A view with values kept in the same cache names them (``read_with_count()``): they are read
    in the count's round trip and handed to it (``counted_with(found)``), so that a kept API
    page costs one round trip to Redis, not two.
    """

    SLICES = 20

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        self.now, step = self.timer(), self.duration / self.SLICES
        current = int(self.now // step)
        slices = range(current - self.SLICES + 1, current + 1)
        also = view.read_with_count() if hasattr(view, "read_with_count") else []
        counts, found = count_request(self.cache, [f"{key}:{index}" for index in slices], self.duration, also)
        if also:
            view.counted_with(found)
        used, allowed = sum(counts), sum(counts) <= self.num_requests
        if not allowed:
            uncount_request(self.cache, f"{key}:{current}")
            counts[-1] -= 1
            used -= 1
        # Seconds until enough of the oldest slices leave the window for one more request (a
        # refused one) or for one request to be free again (an allowed one).
        free, self.reset = used - self.num_requests + 1 if not allowed else 1, self.duration
        for index, count in zip(slices, counts, strict=True):
            free -= count
            if free <= 0:
                self.reset = (index + self.SLICES) * step - self.now
                break
        remaining = max(0, self.num_requests - used)
        request._request.rate_limit = (self.num_requests, remaining, math.ceil(self.reset), self.duration)
        return allowed

    def wait(self):
        return self.reset


def count_request(cache, keys, timeout, also=()):
    """Adds one to the counter ``keys[-1]`` (created to live ``timeout`` seconds) and returns
    the counts of ``keys``, this one included, and the values of the keys ``also`` names (None
    where there is none)."""
    if hasattr(cache, "count_request"):
        return cache.count_request(keys, timeout, also)
    cache.add(keys[-1], 0, timeout)
    older = cache.get_many([*keys[:-1], *also])
    return [older.get(key, 0) for key in keys[:-1]] + [cache.incr(keys[-1])], {key: older.get(key) for key in also}


def uncount_request(cache, key):
    if hasattr(cache, "uncount_request"):
        cache.uncount_request(key)
    else:
        cache.decr(key)


class RateLimitHeadersMixin:
    """Sends what is left of the client's rate on every answer, 304 and errors included:
    ``RateLimit-Limit``, ``RateLimit-Remaining``, ``RateLimit-Reset`` (seconds until a request is
    free again) and ``RateLimit-Policy`` (``120;w=60``: 120 requests in a 60-second window), as
    in the IETF draft *RateLimit header fields for HTTP*."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        rate_limit = getattr(request, "rate_limit", None)
        if rate_limit is not None:
            limit, remaining, reset, window = rate_limit
            response["RateLimit-Limit"] = str(limit)
            response["RateLimit-Remaining"] = str(remaining)
            response["RateLimit-Reset"] = str(reset)
            response["RateLimit-Policy"] = f"{limit};w={window}"
        return response


def error_responses(*, detail):
    """The error answers of an operation (``detail``: one that names an item, so may be a 404),
    each the ``Error`` component."""
    responses = {400: BAD_REQUEST, 404: NOT_FOUND, 406: NOT_ACCEPTABLE, 429: THROTTLED, 503: UNAVAILABLE}
    if not detail:
        del responses[404]
    return {(status, "application/json"): response for status, response in responses.items()}


RATE_LIMIT_HEADERS = [
    OpenApiParameter(name, OpenApiTypes.INT if name != "RateLimit-Policy" else OpenApiTypes.STR,
                     OpenApiParameter.HEADER, response=True, description=description)
    for name, description in (
        ("RateLimit-Limit", "Requests allowed per window to this client address."),
        ("RateLimit-Remaining", "Requests left in the current window."),
        ("RateLimit-Reset", "Seconds until a request is free again."),
        ("RateLimit-Policy", "The limit and its window in seconds, e.g. `120;w=60`."),
    )
]


class PublicApiSchema(AutoSchema):
    """Documents the error answers every public endpoint may give."""

    def get_response_serializers(self):
        responses = {(200, "application/json"): super().get_response_serializers()}
        responses.update(error_responses(detail=self.view.action != "list"))
        return responses

    def get_override_parameters(self):
        retry_after = OpenApiParameter(
            "Retry-After", OpenApiTypes.INT, OpenApiParameter.HEADER, response=[429, 503],
            description="Seconds to wait before the next request.",
        )
        return [*super().get_override_parameters(), retry_after, *RATE_LIMIT_HEADERS]


class PublicReadOnlyViewSet(
    RateLimitHeadersMixin,
    StrictQueryParamsMixin,
    ConditionalGetMixin,
    PublicQuerysetMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Published rows only, read only, filtered, paginated, throttled and cacheable."""

    http_method_names = ["get", "head", "options"]
    filter_backends = [DjangoFilterBackend]
    pagination_class = PortalPagination
    throttle_classes = [AnonymousRateThrottle]
    content_negotiation_class = RememberedNegotiation
    schema = PerViewSchema(PublicApiSchema)
    detail_serializer_class = None
    # Slugs and codes are ASCII; anything else never reaches the database (a JSON 404).
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

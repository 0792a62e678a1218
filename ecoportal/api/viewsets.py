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
from .pagination import PortalPagination
from .schema import PerViewSchema
from .strict_params import StrictQueryParamsMixin


class AnonymousRateThrottle(AnonRateThrottle):
    """Requests per client IP, at ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]``.

    The rate is read at each request (DRF reads it once at import), so that settings
    overrides in tests and deployments take effect. What is left of it is kept on the request
    for ``RateLimitHeadersMixin`` to send.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        if self.rate is not None:
            if allowed:
                remaining = max(0, self.num_requests - len(self.history))
                # The window slides: a request is free again once the oldest counted one leaves it.
                reset = self.duration - (self.now - self.history[-1]) if self.history else self.duration
            else:
                remaining, reset = 0, self.wait() or 0
            request._request.rate_limit = (self.num_requests, remaining, math.ceil(reset), self.duration)
        return allowed


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
    schema = PerViewSchema(PublicApiSchema)
    detail_serializer_class = None
    # Slugs and codes are ASCII; anything else never reaches the database (a JSON 404).
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

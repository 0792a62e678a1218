"""The read API: version 1 routes, the OpenAPI schema and its interactive documentation.

Included by ``ecoportal.urls`` under ``api/`` with the ``api`` namespace, so URL names are
``api:bulletin-list``, ``api:bulletin-detail``, ``api:schema``, ``api:docs``… Each installed app
lists its own endpoints in ``<app>/api/routes.py`` (``register(router)``), as its ``admin.py``
lists its models: the API's base knows no app.
"""

import logging
import threading
from importlib import import_module

from django.apps import apps
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.generic import RedirectView
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.exceptions import APIException
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView, DefaultRouter

from ecoportal import portal
from ecoportal.http_caching import ConditionalGetMixin
from ecoportal.middleware_db import DATABASE_ERRORS
from ecoportal.publishing import shows_published_only

from .errors import error_response
from .viewsets import AnonymousRateThrottle, RateLimitHeadersMixin


class PortalAPIRootView(RateLimitHeadersMixin, ConditionalGetMixin, APIRootView):
    """The read API of the environmental bulletins portal, version 1.

    Bulletins, achievement lists, indicators and their figures (observations), with regions,
    publishers and topics. Every figure carries the verbatim sentence that states it and the
    bulletin it comes from. Read-only (GET, HEAD, OPTIONS), JSON by default, lists paginated;
    observations also as CSV and XLSX (`?format=csv`, `?format=xlsx`). Only published content
    is served.
    """

    throttle_classes = [AnonymousRateThrottle]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        licence = portal.licence()
        return Response({
            "about": " ".join(self.get_view_description().split()),
            "documentation": reverse("api:docs", request=request),
            "schema": reverse("api:schema", request=request),
            "licence": {"name": licence.name, "url": licence.url or None, "is_default": licence.is_default},
            "terms": portal.data_terms(),
            "endpoints": response.data,
        })


class PortalRouter(DefaultRouter):
    APIRootView = PortalAPIRootView
    # No ``/bulletins.json``-style routes: ``?format=`` says the format, and the only suffixed
    # addresses are the downloads an app lists itself (``/observations.csv``), in the schema.
    include_format_suffixes = False


def _app_routes():
    """The ``api.routes`` module of each installed app that has one, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        try:
            yield import_module(f"{config.name}.api.routes")
        except ModuleNotFoundError as missing:
            if missing.name not in (f"{config.name}.api", f"{config.name}.api.routes"):
                raise


router = PortalRouter()
app_urlpatterns = []
for routes in _app_routes():
    routes.register(router)
    if hasattr(routes, "urlpatterns"):
        app_urlpatterns += routes.urlpatterns()

logger = logging.getLogger(__name__)


class DocsRateThrottle(AnonymousRateThrottle):
    """The schema and the docs page, per client address, on a budget apart from the data's:
    reading the documentation costs a client none of its data requests, and the reverse."""

    scope = "docs"


class JsonErrorsMixin:
    """Errors of the schema and docs in JSON, like the rest of the API.

    Left to themselves they would be rendered by the format negotiated for success: a 429 as a
    YAML body labelled ``application/vnd.oai.openapi``, which a client takes for the schema.
    """

    throttle_classes = [DocsRateThrottle]

    def handle_exception(self, exc):
        if not isinstance(exc, (APIException, *DATABASE_ERRORS)):
            # DRF would re-raise it into Django's HTML 500 page; the database's own errors go on
            # to the 503 page of DatabaseUnavailableMiddleware.
            logger.error("the API schema or docs failed", exc_info=exc)
            exc = APIException()
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        if isinstance(response, Response) and response.status_code >= 400:
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


class SchemaView(RateLimitHeadersMixin, ConditionalGetMixin, JsonErrorsMixin, SpectacularAPIView):
    """The OpenAPI 3 schema: YAML by default, JSON with ``?format=json``."""

    # drf-spectacular keeps state of its own between builds (extensions that import their
    # targets on first use, warning counts), and two first builds at once fail on it: builds
    # in one process take turns, about 30 ms each.
    build_lock = threading.Lock()

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        with self.build_lock:
            return super().get(request, *args, **kwargs)


class DocsView(RateLimitHeadersMixin, JsonErrorsMixin, SpectacularSwaggerView):
    """Swagger UI, served from /static/."""


def document_empty_query_values(result, generator, request, public):
    """Schema hook: any query parameter may be sent empty, which is the same as leaving it out."""
    for operations in result["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    parameter["allowEmptyValue"] = True
    return result


@shows_published_only
def not_found(request, *args, **kwargs):
    """Any other address under /api/ is a JSON 404, as an API client expects."""
    # DRF's own 404 says the same ("未找到。" / "Not found."), in the reader's language.
    return error_response(request, 404, _("未找到。"))


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:docs"), name="root"),
    path("v1/", include(app_urlpatterns + router.urls)),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^[\s\S]*/$", not_found),
]

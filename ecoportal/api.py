"""The read API: version 1 routes, the OpenAPI schema and its interactive documentation.

Included by ``ecoportal.urls`` under ``api/`` with the ``api`` namespace, so URL names are
``api:bulletin-list``, ``api:bulletin-detail``, ``api:schema``, ``api:docs``…
"""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from bulletins.api import views as bulletin_views
from ecoportal.publishing import shows_published_only
from indicators.api import views as indicator_views

router = DefaultRouter()
router.register("bulletins", bulletin_views.BulletinViewSet, basename="bulletin")
router.register("achievement-lists", bulletin_views.AchievementListViewSet, basename="achievementlist")
router.register("indicators", indicator_views.IndicatorViewSet, basename="indicator")
router.register("observations", indicator_views.ObservationViewSet, basename="observation")
router.register("regions", bulletin_views.RegionViewSet, basename="region")
router.register("publishers", bulletin_views.PublisherViewSet, basename="publisher")
router.register("topics", bulletin_views.TopicViewSet, basename="topic")

throttled = {"throttle_classes": [bulletin_views.AnonymousRateThrottle]}


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
    return JsonResponse({"detail": _("未找到。")}, status=404)


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:docs"), name="root"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(**throttled), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema", **throttled), name="docs"),
    re_path(r"^[\s\S]*/$", not_found),
]

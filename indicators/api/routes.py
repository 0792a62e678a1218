"""The indicators' endpoints of the v1 API (ecoportal.api.urls finds this module)."""

from . import views


def register(router):
    router.register("indicators", views.IndicatorViewSet, basename="indicator")
    router.register("observations", views.ObservationViewSet, basename="observation")

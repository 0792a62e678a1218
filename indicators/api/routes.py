"""The indicators' endpoints of the v1 API (ecoportal.api.urls finds this module)."""

from . import views


def urlpatterns():
    """The downloads, each at an address of its own (the list's ``?format=csv|xlsx`` too)."""
    from django.urls import path

    return [
        path(
            f"observations.{extension}",
            views.ObservationDownloadViewSet.as_view({"get": "list"}, download_format=extension),
            name=f"observation-{extension}",
        )
        for extension in ("csv", "xlsx")
    ]


def register(router):
    router.register("indicators", views.IndicatorViewSet, basename="indicator")
    router.register("observations", views.ObservationViewSet, basename="observation")

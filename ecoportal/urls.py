from django.contrib import admin
from django.urls import include, path

from ecoportal import about, i18n

# The apps are included by name: the ground imports none of them.
urlpatterns = [
    path("", include("bulletins.site_urls")),
    path("", include("bulletins.urls")),
    path("about/", about.about, name="about"),
    path("indicators/", include("indicators.urls")),
    path("search/", include("search.urls")),
    path("api/", include(("ecoportal.api.urls", "api"), namespace="api")),
    path("i18n/setlang/", i18n.set_language, name="set_language"),
    path("admin/bulletins/import/", include("importer.urls")),
    path("admin/", admin.site.urls),
]

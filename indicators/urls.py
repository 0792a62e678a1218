from django.urls import path, re_path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.indicator_list, name="list"),
    path("<slug:code>/", views.indicator_detail, name="detail"),
    # Aliases of the API's download (a redirect there), kept for the links already given out.
    re_path(r"^(?P<code>[-a-zA-Z0-9_]+)\.(?P<format>csv|xlsx|json)$", views.indicator_download, name="download"),
]

from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.indicator_list, name="list"),
    path("<slug:code>/", views.indicator_detail, name="detail"),
    path("<slug:code>.csv", views.indicator_csv, name="csv"),
    path("<slug:code>.json", views.indicator_json, name="json"),
]

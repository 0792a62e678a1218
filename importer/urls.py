from django.contrib import admin
from django.urls import path

from . import views

app_name = "bulletin_import"

urlpatterns = [
    path("", admin.site.admin_view(views.import_bulletins), name="index"),
    path("<int:pk>/reading/", admin.site.admin_view(views.reading), name="reading"),
    path(
        "<int:pk>/reading/table/<int:line>/",
        admin.site.admin_view(views.reading_table),
        name="reading_table",
    ),
]

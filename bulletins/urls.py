from django.urls import path

from . import calendar, views

app_name = "bulletins"

urlpatterns = [
    path("bulletins/", views.BulletinListView.as_view(), name="list"),
    path("bulletins/<slug:slug>/", views.BulletinDetailView.as_view(), name="detail"),
    path("achievements/", views.AchievementListListView.as_view(), name="achievements"),
    path("achievements/<slug:slug>/", views.AchievementListDetailView.as_view(), name="achievement"),
    path("regions/", views.region_index, name="regions"),
    path("regions/<slug:slug>/", views.region_detail, name="region"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar.ics", calendar.calendar_ics, name="calendar-ics"),
]

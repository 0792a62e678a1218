"""The bulletins' endpoints of the v1 API (ecoportal.api.urls finds this module)."""

from . import views


def register(router):
    router.register("bulletins", views.BulletinViewSet, basename="bulletin")
    router.register("achievement-lists", views.AchievementListViewSet, basename="achievementlist")
    router.register("regions", views.RegionViewSet, basename="region")
    router.register("publishers", views.PublisherViewSet, basename="publisher")
    router.register("topics", views.TopicViewSet, basename="topic")

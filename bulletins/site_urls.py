"""What the bulletins app serves at the site's root, without a namespace: the home page, the
feeds, the sitemap, robots.txt and the health check (``ecoportal.urls`` includes it by name)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .feeds import LatestBulletinsAtomFeed, LatestBulletinsFeed
from .sitemaps import sitemaps

urlpatterns = [
    path("", views.home, name="home"),
    path("feeds/bulletins/", LatestBulletinsFeed(), name="feed-rss"),
    path("feeds/bulletins/atom/", LatestBulletinsAtomFeed(), name="feed-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
]

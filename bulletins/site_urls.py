"""What the bulletins app serves at the site's root, without a namespace: the home page, the
feeds, the sitemap, robots.txt, the health check and the uploaded cover images under /media/
(``ecoportal.urls`` includes it by name)."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import path

from ecoportal.http_caching import conditional_feed

from . import cover_files, views
from .feeds import LatestBulletinsAtomFeed, LatestBulletinsFeed
from .sitemaps import sitemaps

urlpatterns = [
    path("", views.home, name="home"),
    # Conditional (ETag, Last-Modified): feed readers poll.
    path("feeds/bulletins/", conditional_feed(LatestBulletinsFeed()), name="feed-rss"),
    path("feeds/bulletins/atom/", conditional_feed(LatestBulletinsAtomFeed()), name="feed-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    # In production too: only while a bulletin may be seen with them (bulletins.cover_files).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", cover_files.serve_cover, name="media"),
]

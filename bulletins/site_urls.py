"""What the bulletins app serves at the site's root, without a namespace: the home page, the
feeds, the sitemap, robots.txt, the health check and the uploaded cover images under /media/
(``ecoportal.urls`` includes it by name)."""

from django.conf import settings
from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from ecoportal.http_caching import conditional_feed
from ecoportal.publishing import shows_published_only

from . import cover_files, views
from .feeds import LatestBulletinsAtomFeed, LatestBulletinsFeed
from .sitemaps import sitemaps

urlpatterns = [
    path("", views.home, name="home"),
    # Conditional (ETag, Last-Modified): feed readers poll.
    path("feeds/bulletins/", conditional_feed(LatestBulletinsFeed()), name="feed-rss"),
    path("feeds/bulletins/atom/", conditional_feed(LatestBulletinsAtomFeed()), name="feed-atom"),
    # An index of one sitemap per section, each in pages of at most 5,000 addresses (?p=2…).
    path("sitemap.xml", shows_published_only(index), {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", shows_published_only(sitemap), {"sitemaps": sitemaps}, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    # In production too: only while a bulletin may be seen with them (bulletins.cover_files).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", cover_files.serve_cover, name="media"),
]

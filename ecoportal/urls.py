from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from bulletins import views as bulletin_views
from bulletins.feeds import LatestBulletinsAtomFeed, LatestBulletinsFeed
from bulletins.sitemaps import sitemaps
from ecoportal import about, i18n

urlpatterns = [
    path("", bulletin_views.home, name="home"),
    path("", include("bulletins.urls")),
    path("about/", about.about, name="about"),
    path("indicators/", include("indicators.urls")),
    path("search/", include("search.urls")),
    path("api/", include(("ecoportal.api.urls", "api"), namespace="api")),
    path("feeds/bulletins/", LatestBulletinsFeed(), name="feed-rss"),
    path("feeds/bulletins/atom/", LatestBulletinsAtomFeed(), name="feed-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", bulletin_views.robots_txt, name="robots"),
    path("healthz", bulletin_views.healthz, name="healthz"),
    path("i18n/setlang/", i18n.set_language, name="set_language"),
    path("admin/bulletins/import/", include("importer.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

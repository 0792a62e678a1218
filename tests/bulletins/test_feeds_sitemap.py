"""Feeds whose every Atom entry has an author, and a sitemap index that leaves no page out."""

import re
from datetime import datetime
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bulletins.sitemaps import BulletinSitemap
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def atom_authors(client):
    feed = ElementTree.fromstring(client.get("/feeds/bulletins/atom/").content)
    return {
        entry.find(f"{ATOM}title").text: entry.find(f"{ATOM}author/{ATOM}name").text
        for entry in feed.findall(f"{ATOM}entry")
    }


def test_every_atom_entry_has_an_author_the_publisher_the_source_or_the_portal(client, settings):
    make_bulletin(title="局发的公报", publisher=make_publisher(name="某市生态环境局"))
    make_bulletin(title="来源写明的公报", source_name="某县融媒体中心")
    make_bulletin(title="来源不明的公报")
    authors = atom_authors(client)
    assert authors == {
        "局发的公报": "某市生态环境局",
        "来源写明的公报": "某县融媒体中心",
        "来源不明的公报": settings.SITE_NAME,
    }
    settings.PORTAL_OPERATOR = "某某数据中心"
    assert atom_authors(client)["来源不明的公报"] == "某某数据中心"


def locations(client, url):
    root = ElementTree.fromstring(client.get(url).content)
    return {
        entry.find(f"{SITEMAP}loc").text: _moment(getattr(entry.find(f"{SITEMAP}lastmod"), "text", None))
        for entry in root
    }


def _moment(text):
    return None if text is None else datetime.fromisoformat(text)


def test_the_sitemap_is_an_index_of_sections_with_their_newest_change(client):
    bulletin = make_bulletin(region=make_region(slug="some-city"))
    index = locations(client, "/sitemap.xml")
    sections = {re.sub(r"^http://testserver/sitemap-(\w+)\.xml$", r"\1", url) for url in index}
    assert sections == {"static", "bulletins", "achievements", "regions", "indicators"}
    assert index["http://testserver/sitemap-bulletins.xml"] == bulletin.updated_at
    assert index["http://testserver/sitemap-regions.xml"] == bulletin.updated_at


def test_no_bulletin_is_dropped_past_a_sitemap_page(client, monkeypatch):
    monkeypatch.setattr(BulletinSitemap, "limit", 3)
    slugs = {make_bulletin().slug for _ in range(7)}
    pages = [url for url in locations(client, "/sitemap.xml") if "bulletins" in url]
    assert pages == [
        "http://testserver/sitemap-bulletins.xml",
        "http://testserver/sitemap-bulletins.xml?p=2",
        "http://testserver/sitemap-bulletins.xml?p=3",
    ]
    listed = set()
    for page in pages:
        listed |= {url.rstrip("/").rsplit("/", 1)[1] for url in locations(client, page.removeprefix("http://testserver"))}
    assert listed == slugs


def test_indicator_region_and_achievement_pages_are_listed_with_lastmod(client):
    region = make_region(slug="lastmod-city")
    bulletin = make_bulletin(region=region)
    make_achievement_list(bulletin, slug="lastmod-achievements")
    indicator = make_indicator(code="lastmod-days")
    make_indicator(code="never-stated")
    make_observation(bulletin=bulletin, indicator=indicator, region=region, value="300")
    # A page's lastmod is its day in the site's time zone (Django's sitemap template writes the
    # date): the UTC date differs for eight hours of every day.
    changed = datetime.combine(timezone.localdate(bulletin.updated_at), datetime.min.time())
    assert locations(client, "/sitemap-indicators.xml") == {
        "http://testserver/indicators/lastmod-days/": changed,
        "http://testserver/indicators/never-stated/": None,
    }
    assert locations(client, "/sitemap-regions.xml")["http://testserver/regions/lastmod-city/"] == changed
    assert locations(client, "/sitemap-achievements.xml") == {
        "http://testserver/achievements/lastmod-achievements/": changed,
    }


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-bulletins.xml", "/sitemap-regions.xml", "/sitemap-indicators.xml"])
def test_the_sitemap_reads_a_fixed_number_of_queries(client, url):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    region = make_region()
    indicator = make_indicator()
    make_observation(bulletin=make_bulletin(region=region), indicator=indicator, region=region, value="1")
    small = count()
    for n in range(20):
        make_observation(bulletin=make_bulletin(region=make_region()), indicator=make_indicator(), value=str(n))
    assert count() == small

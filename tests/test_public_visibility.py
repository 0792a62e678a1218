"""Nothing unpublished leaks: crawl every public URL as an anonymous reader.

A draft, an item in review, a scheduled item before its time, an archived item and a deleted
item each carry a unique marker in every text field and in their achievement list and figures.
The crawl starts from the public contract, follows every same-site link in HTML, XML and JSON
responses, and must never meet a marker; the hidden items' own URLs must be 404.
"""

import re
from datetime import date, timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from django.utils import timezone

from ecoportal.publishing import Status
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
    make_topic,
)

START_URLS = [
    "/",
    "/bulletins/",
    "/achievements/",
    "/indicators/",
    "/regions/",
    "/about/",
    "/calendar/",
    "/calendar.ics",
    "/feeds/bulletins/",
    "/feeds/bulletins/atom/",
    "/sitemap.xml",
    "/sitemap-bulletins.xml",
    "/sitemap-achievements.xml",
    "/sitemap-regions.xml",
    "/sitemap-indicators.xml",
    "/robots.txt",
    "/search/?q=MARKER",
    "/api/v1/",
    "/api/v1/bulletins/",
    "/api/v1/achievement-lists/",
    "/api/v1/indicators/",
    "/api/v1/observations/",
    "/api/v1/observations/?format=csv",
    "/api/v1/observations/?as_of=2100-01-01T00:00:00%2B08:00",
    "/api/v1/observations/?as_of=2100-01-01T00:00:00%2B08:00&format=csv",
    # The indicator page as published yesterday (the archived and deleted items were public then).
    f"/indicators/good-days/?as_of={date.today() - timedelta(days=1)}",
    "/api/v1/regions/",
    "/api/v1/publishers/",
    "/api/v1/topics/",
]
LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)|"(https?://testserver/[^"]+)"|<loc>([^<]+)</loc>|<link>([^<]+)</link>""")
SKIP_PREFIXES = ("/static/", "/media/", "/admin/", "/i18n/", "/api/schema", "/api/docs")
MAX_PAGES = 400


def hidden_variants():
    now = timezone.now()
    return {
        "DRAFTMARKER": {"status": Status.DRAFT, "publish_at": None},
        "REVIEWMARKER": {"status": Status.IN_REVIEW, "publish_at": None},
        "SCHEDULEDMARKER": {"status": Status.PUBLISHED, "publish_at": now + timedelta(days=2)},
        "ARCHIVEDMARKER": {"status": Status.ARCHIVED, "publish_at": now - timedelta(days=3)},
        "DELETEDMARKER": {"status": Status.PUBLISHED, "publish_at": now - timedelta(days=3), "deleted_at": now},
    }


@pytest.fixture
def site(db):
    region = make_region(slug="visible-city")
    publisher = make_publisher()
    topic = make_topic()
    indicator = make_indicator(code="good-days", is_headline=True)
    public = make_bulletin(title="公开的公报", region=region, publisher=publisher, topics=[topic])
    make_achievement_list(public)
    make_observation(bulletin=public, indicator=indicator, value="300")
    hidden = {}
    for marker, state in hidden_variants().items():
        bulletin = make_bulletin(
            title=f"{marker}标题",
            slug=marker.lower(),
            summary=f"{marker}摘要",
            body=f"{marker}正文。",
            region=region,
            publisher=publisher,
            topics=[topic],
            # Asked for on every hidden item: only a scheduled one may be announced, and then
            # only by the test below, which looks for exactly what the calendar may show.
            pre_announce=marker != "SCHEDULEDMARKER",
            **state,
        )
        make_achievement_list(bulletin, slug=f"{marker.lower()}-list", title=f"{marker}清单")
        make_observation(bulletin=bulletin, indicator=indicator, value="123", quote=f"{marker}优良天数123天。")
        hidden[marker] = bulletin
    return public, hidden


def crawl(client):
    seen, queue, pages = set(), list(START_URLS), {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        if response.status_code == 404:
            continue
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        content = b"".join(response.streaming_content) if response.streaming else response.content
        text = content.decode("utf-8", errors="replace")
        pages[url] = text
        for match in LINK.finditer(text):
            link = next(group for group in match.groups() if group)
            parts = urlsplit(urljoin("http://testserver" + url, link.replace("&amp;", "&")))
            if parts.netloc not in ("testserver", "") or parts.path.startswith(SKIP_PREFIXES):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return pages


def test_crawl_of_every_public_url_finds_no_unpublished_item(client, site):
    public, hidden = site
    pages = crawl(client)
    assert any("公开的公报" in text for text in pages.values()), "the crawl did not reach the public bulletin"
    assert f"/bulletins/{public.slug}/" in pages
    for url, text in pages.items():
        for marker in hidden:
            assert marker not in text, f"{marker} leaked on {url}"
            assert marker.lower() not in text, f"{marker.lower()} (slug) leaked on {url}"


@pytest.mark.parametrize("marker", list(hidden_variants()))
def test_hidden_items_own_urls_are_not_found(client, site, marker):
    _, hidden = site
    bulletin = hidden[marker]
    assert client.get(f"/bulletins/{bulletin.slug}/").status_code == 404
    assert client.get(f"/achievements/{bulletin.slug}-list/").status_code == 404


def test_scheduled_item_appears_everywhere_once_its_time_comes(client, site, monkeypatch):
    _, hidden = site
    scheduled = hidden["SCHEDULEDMARKER"]
    later = timezone.now() + timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert client.get(f"/bulletins/{scheduled.slug}/").status_code == 200
    assert "SCHEDULEDMARKER" in client.get("/bulletins/").content.decode()
    assert "SCHEDULEDMARKER" in client.get("/feeds/bulletins/").content.decode()
    assert scheduled.slug in client.get("/sitemap-bulletins.xml").content.decode()


def test_every_hidden_figures_history_is_not_found(client, site):
    public, hidden = site
    assert client.get(f"/api/v1/observations/{public.observations.get().pk}/history/").status_code == 200
    for bulletin in hidden.values():
        assert client.get(f"/api/v1/observations/{bulletin.observations.get().pk}/history/").status_code == 404


ANNOUNCED_SECRET = "ANNOUNCEDSECRET"


@pytest.fixture
def announced(site):
    """A scheduled, pre-announced bulletin: its title and publisher may show, nothing else."""
    region = make_region()
    publisher = make_publisher(name="预告发布机构")
    bulletin = make_bulletin(
        title="ANNOUNCEDTITLE 预告的公报", slug="announcedsecret", summary=f"{ANNOUNCED_SECRET}摘要",
        body=f"{ANNOUNCED_SECRET}正文。", raw_text=ANNOUNCED_SECRET, editorial_note=ANNOUNCED_SECRET,
        region=region, region_label=ANNOUNCED_SECRET, publisher=publisher, source_name=ANNOUNCED_SECRET,
        author_name=ANNOUNCED_SECRET, source_url="https://example.org/announcedsecret",
        original_url="https://example.org/announcedsecret", cover_alt=ANNOUNCED_SECRET,
        status=Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=5), pre_announce=True,
    )
    make_achievement_list(bulletin, slug="announcedsecret-list", title=f"{ANNOUNCED_SECRET}清单")
    make_observation(bulletin=bulletin, indicator=make_indicator(), value="321",
                     quote=f"{ANNOUNCED_SECRET}优良天数321天。")
    return bulletin


def test_the_calendar_shows_a_pre_announced_item_by_title_publisher_and_time_only(client, announced):
    pages = crawl(client)
    calendar, feed = pages["/calendar/"], pages["/calendar.ics"]
    assert "ANNOUNCEDTITLE" in calendar and "预告发布机构" in calendar
    assert timezone.localtime(announced.publish_at).strftime("%Y-%m-%d %H:%M") in calendar
    assert "ANNOUNCEDTITLE" in feed and "预告发布机构" in feed
    for url, text in pages.items():
        assert ANNOUNCED_SECRET not in text and ANNOUNCED_SECRET.lower() not in text, f"leaked on {url}"
        if url not in ("/calendar/", "/calendar.ics"):
            assert "ANNOUNCEDTITLE" not in text, f"the announced title shows on {url}"
        for marker in hidden_variants():
            assert marker not in text, f"{marker} leaked on {url}"


def test_the_calendar_lists_only_scheduled_items_an_editor_announced(client, site, announced):
    page = client.get("/calendar/").content.decode()
    assert "ANNOUNCEDTITLE" in page
    assert "SCHEDULEDMARKER" not in page  # scheduled, not announced
    assert '<td lang="zh-Hans">公开的公报</td>' not in page  # public already


def test_an_announced_item_leaves_the_calendar_once_public(client, announced, monkeypatch):
    later = timezone.now() + timedelta(days=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "ANNOUNCEDTITLE" not in client.get("/calendar/").content.decode()

"""Queries per request do not grow with the data: API, search, CSV and deep list pages.

Measured on two sizes of the synthetic data set (``generate_demo_data``: regions, publishers,
topics, drafts and scheduled items among published bulletins, achievement lists, figures), so
that every request meets what production meets. Page-level budgets of the common pages are in
tests/bulletins/test_public_pages.py and tests/api/test_queries.py; this file adds the API at
realistic sizes, search, the CSV export, deep pages of the bulletin list and the page cache.
"""

import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from bulletins.models import Bulletin, Region
from ecoportal.caching.generation import current_generation, suspend_invalidation
from ecoportal.caching.models import Generation
from indicators import summaries
from indicators.models import Observation
from tests.factories import make_bulletin, make_indicator, make_observation, make_region
from tests.shared_data import shared_by_tests

pytestmark = pytest.mark.django_db

GENERATION_QUERY = "SELECT scope, number, began, next_due, due_known FROM pagecache_generation WHERE scope IN ('site', '{}')"

SMALL, LARGE = 150, 1200

URLS = [
    "/bulletins/",
    "/bulletins/?page=3",
    "/bulletins/?page=5",
    "/bulletins/?page=2&region={province}",
    "/bulletins/?page=99999",
    "/bulletins/{bulletin}/",
    "/regions/",
    "/regions/{city}/",
    "/regions/{province}/",
    "/about/",
    "/indicators/",
    "/indicators/?category=air",
    "/indicators/?region={city}",
    "/indicators/{indicator}/",
    "/indicators/{indicator}/?as_of=2024-05-01",
    "/api/v1/",
    "/api/v1/bulletins/",
    "/api/v1/bulletins/?page=5",
    "/api/v1/bulletins/?region={province}&year={year}&ordering=-published_at",
    "/api/v1/bulletins/{bulletin}/",
    "/api/v1/achievement-lists/?region={province}",
    "/api/v1/observations/?indicator={indicator}&region={province}",
    "/api/v1/observations/?indicator={indicator}&page=3",
    "/api/v1/observations/?bulletin={bulletin}",
    "/api/v1/indicators/",
    "/api/v1/regions/",
    "/api/v1/publishers/?page=2",
    "/api/v1/observations/?format=csv&indicator={indicator}&region={city}",
]


@pytest.fixture(autouse=True)
def memoised(settings):
    """Keep counts and pages in the (local) cache, as with Redis."""
    settings.PAGE_CACHE_MEMO_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def demo_data(size, capture):
    with capture(execute=True):
        call_command(
            "generate_demo_data", "--clear", "--bulletins", str(size), "--now", "2024-06-01T00:00:00+08:00",
            stdout=StringIO(), stderr=StringIO(),
        )
    bulletin = (
        Bulletin.objects.published()
        .filter(observations__isnull=False, issued_on__isnull=False, region__level="prefecture")
        .select_related("region__parent")
        .first()
    )
    return {
        "bulletin": bulletin.slug,
        "city": bulletin.region.slug,
        "province": bulletin.region.parent.slug,
        "year": bulletin.issued_on.year,
        "indicator": "demo-pm25",
    }


def state():
    """What a test could leave behind in the shared data: counts, the newest key, the generation."""
    return (
        Bulletin.objects.count(), Bulletin.objects.published().count(), Observation.objects.count(),
        Bulletin.objects.order_by("-pk").values_list("pk", flat=True).first(),
        tuple(Generation.objects.values_list("number", "began")),
    )


@pytest.fixture(scope="class")
def small_demo(django_db_setup, django_db_blocker):
    """The demo data at SMALL, generated once for the tests of a class (in each xdist worker that
    runs some), and what they must find of it."""

    def build():
        return demo_data(SMALL, TestCase.captureOnCommitCallbacks), state()

    with shared_by_tests(django_db_blocker, build) as built:
        yield built


@pytest.fixture
def demo(db, small_demo):
    """The shared demo data, as generated: no test before this one changed it for good."""
    names, before = small_demo
    assert state() == before, "a test left the shared demo data changed"
    return dict(names)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, (url, response.content[:300])
    return len(captured)


def test_search_results_cost_the_same_queries_for_2_or_30_matches(client, settings):
    # Every request computes everything: what is memoised costs nothing here (and the bulletins
    # below are never committed, so they would not start a new generation).
    settings.PAGE_CACHE_MEMO_ENABLED = False
    region = make_region()
    urls = ("/search/?q=秸秆", "/search/?q=秸秆&page=2", f"/search/?q=秸秆&region={region.slug}")
    counts = []
    for size in (2, 30):
        for n in range(size):
            make_bulletin(title=f"秸秆禁烧工作通报{n}", body="全面推进秸秆禁烧，空气质量持续改善。", region=region)
        make_bulletin(title="秸秆草稿", body="秸秆", status="draft")
        counts.append([queries(client, url) for url in urls])
    assert counts[0] == counts[1]


@pytest.mark.parametrize("rows", [10, 400])
def test_the_csv_export_costs_the_same_queries_for_any_number_of_rows(client, rows):
    indicator = make_indicator(code="pm25")
    region = make_region(slug="city")
    # A bulk write, as the fixtures load: 400 figures of one series refreshed its summary 400 times.
    with suspend_invalidation():
        for n in range(rows // 10):
            bulletin = make_bulletin(region=region)
            for m in range(10):
                make_observation(bulletin=bulletin, indicator=indicator, value=str(n * 10 + m))
    summaries.rebuild()
    # A content generation looks its next scheduled publication up once (ecoportal.caching,
    # for Last-Modified): measured are the requests after that, which read its row (one query).
    current_generation()
    assert queries(client, "/api/v1/observations/?format=csv&indicator=pm25") == 3
    assert queries(client, "/api/v1/observations/?format=csv&indicator=pm25&region=city") == 4


class TestOnTheDemoData:
    """Requests on the SMALL demo data, generated once for them all (``small_demo``)."""

    def test_every_page_and_endpoint_costs_the_same_queries_at_both_sizes(
        self, client, demo, django_capture_on_commit_callbacks
    ):
        counts = {}
        for size in (SMALL, LARGE):
            names = demo if size == SMALL else demo_data(size, django_capture_on_commit_callbacks)
            assert Bulletin.objects.published().count() > 5 * 20, "too few pages to test deep ones"
            for url in URLS:
                first = queries(client, url.format(**names))  # computes what is kept per generation
                again = queries(client, url.format(**names))
                counts.setdefault(url, []).append((first, again))
        # A page may differ by a query with what it holds (the last page of a short list can reach
        # the undated bulletins), never by growing with the data.
        grew = {
            url: (small, large)
            for url, (small, large) in counts.items()
            if any(b > a or b < a - 1 for a, b in zip(small, large, strict=True))
        }
        assert not grew, f"queries (first, again) at {SMALL} and {LARGE} bulletins: {grew}"

    def test_pages_read_through_the_order_index_show_the_bulletins_in_the_list_order(
        self, client, demo, django_capture_on_commit_callbacks
    ):
        # Unknown issue dates and equal dates and times, which the index must order like the database.
        region = Region.objects.filter(slug__startswith="demo-city").first()
        with django_capture_on_commit_callbacks(execute=True):
            twins = make_bulletin(region=region, issued_on=None)
            make_bulletin(region=region, issued_on=None, publish_at=twins.publish_at)
            make_bulletin(region=region, issued_on="2023-05-05", publish_at=twins.publish_at)
            make_bulletin(region=region, issued_on="2023-05-05", publish_at=twins.publish_at)

        def slugs(page):
            text = client.get(f"/bulletins/?page={page}").content.decode()
            return re.findall(r'<h3><a href="/bulletins/([^/"]+)/', text)

        pages = -(-Bulletin.objects.published().count() // 20)
        shown = [slug for page in range(1, pages + 1) for slug in slugs(page)]
        assert shown == list(Bulletin.objects.published().values_list("slug", flat=True))

    @pytest.mark.parametrize("page_size", [7, 20, 100])
    def test_the_api_list_read_through_the_order_index_keeps_its_order(
        self, client, demo, django_capture_on_commit_callbacks, page_size
    ):
        """Newest issue first and undated last on every page, across the page where the dated
        bulletins end, as the database orders them (``bulletins.api.pagination``)."""
        from django.db.models import F

        region = Region.objects.filter(slug__startswith="demo-city").first()
        with django_capture_on_commit_callbacks(execute=True):
            twins = make_bulletin(region=region, issued_on=None)
            for issued_on in (None, None, "2023-05-05", "2023-05-05"):
                make_bulletin(region=region, issued_on=issued_on, publish_at=twins.publish_at)
        expected = list(
            Bulletin.objects.published()
            .order_by(F("issued_on").desc(nulls_last=True), F("publish_at").desc(nulls_last=True), "-pk")
            .values_list("slug", flat=True)
        )
        assert Bulletin.objects.published().filter(issued_on__isnull=True).count() > 7, "the undated span pages"
        shown, url = [], f"/api/v1/bulletins/?page_size={page_size}"
        while url:
            page = client.get(url).json()
            assert page["count"] == len(expected)
            shown += [item["slug"] for item in page["results"]]
            url = page["next"]
        assert shown == expected
        by_region = client.get(f"/api/v1/bulletins/?region={region.slug}&page_size=100").json()["results"]
        assert [item["slug"] for item in by_region] == [
            slug for slug in expected if Bulletin.objects.get(slug=slug).region_id == region.pk
        ]

    @pytest.mark.parametrize(
        "url",
        [
            "/api/v1/bulletins/?region={province}&year={year}&ordering=-published_at",
            "/api/v1/observations/?indicator={indicator}&region={province}",
            "/api/v1/observations/?indicator={indicator}&page=3",
        ],
    )
    def test_an_api_page_kept_costs_one_query_for_the_generation(self, client, demo, url):
        """With its answer kept (``MemoItemsMixin``), an API list builds no queryset and looks
        up no filter's value (the indicator and the province: a query each, before)."""
        url = url.format(**demo)
        first = client.get(url)
        with CaptureQueriesContext(connection) as captured:
            again = client.get(url)
        assert again.json() == first.json()
        assert [query["sql"] for query in captured] == [GENERATION_QUERY.format("lists")]

    @pytest.mark.parametrize(
        "url",
        [
            "/", "/bulletins/", "/bulletins/?page=2", "/bulletins/{bulletin}/", "/regions/{city}/",
            "/indicators/", "/indicators/{indicator}/", "/search/?q=示例", "/feeds/bulletins/",
            "/sitemap.xml", "/api/v1/bulletins/", "/api/v1/observations/?indicator={indicator}",
        ],
    )
    def test_a_page_served_from_the_page_cache_costs_one_query_for_the_generation(self, client, settings, demo, url):
        settings.PAGE_CACHE_ENABLED = True
        url = url.format(**demo)
        client.get(url)
        scoped = re.match(r"^/(?:api/v1/)?(region|indicator|bulletin)s/([-\w]+)/(\?|$)", url)  # the page's own scope
        for _ in range(2):  # through the middleware, then served whole before it
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.headers.get("X-Page-Cache") == "hit"
            assert [query["sql"] for query in captured] == [GENERATION_QUERY.format(":".join(scoped.groups()[:2]) if scoped else "lists")]

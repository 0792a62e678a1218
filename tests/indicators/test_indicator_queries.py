"""Every page showing figures costs the same number of queries with 10 figures or 10,000."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_bulletin, make_indicator, make_region
from tests.indicators.helpers import bulk_figures

pytestmark = pytest.mark.django_db

REGIONS, INDICATORS, YEARS = 20, 10, 50  # 10,000 figures


def measure(client, urls):
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, url
        counts[url] = len(context.captured_queries)
    return counts


def test_pages_cost_a_fixed_number_of_queries_with_10_or_10000_figures(client):
    province = make_region(slug="big-province", name="大省", level="province")
    regions = [make_region(slug=f"city-{i}", name=f"城市{i}", parent=province) for i in range(REGIONS)]
    indicators = [
        make_indicator(code=f"ind-{i}", name=f"指标{i}", unit="%", is_headline=i < 4) for i in range(INDICATORS)
    ]
    # The first city's bulletin, whose page is measured, states all its 500 figures.
    body = "\n\n".join(
        f"{year}年{indicator.name}为{(year % 97) + 1}.5%。" for indicator in indicators for year in range(1900, 1900 + YEARS)
    )
    bulletins = [make_bulletin(region=region, body=body if i == 0 else "正文。") for i, region in enumerate(regions)]

    # 10 figures: one city, two indicators, five years.
    bulk_figures(bulletins=bulletins[:1], indicators=indicators[:2], regions=regions[:1], years=5)
    urls = [
        "/",
        "/indicators/",
        indicators[0].get_absolute_url(),
        indicators[0].get_absolute_url() + "?page=2",
        regions[0].get_absolute_url(),
        province.get_absolute_url(),
        bulletins[0].get_absolute_url(),
    ]
    small = measure(client, urls)

    # Up to 10,000: the rest of the years, indicators and cities.
    bulk_figures(bulletins=bulletins[:1], indicators=indicators[:2], regions=regions[:1], years=YEARS - 5, first_year=1905)
    bulk_figures(bulletins=bulletins[:1], indicators=indicators[2:], regions=regions[:1], years=YEARS)
    bulk_figures(bulletins=bulletins[1:], indicators=indicators, regions=regions[1:], years=YEARS)
    started = time.monotonic()
    large = measure(client, urls)
    elapsed = time.monotonic() - started

    from indicators.models import Observation

    assert Observation.objects.count() == REGIONS * INDICATORS * YEARS == 10_000
    assert small == large, {url: (small[url], large[url]) for url in urls if small[url] != large[url]}
    assert elapsed < 20, f"pages with 10,000 figures took {elapsed:.1f}s"


def test_an_indicators_latest_corrections_are_read_through_their_index():
    """The indicator page's links to the day before each correction: 86 ms of its first reader
    at 1,000,000 figures when SQLite read every figure of PM2.5 to find the corrected ones."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's query plan")
    from indicators.views import AS_OF_LINKS, table_rows

    indicator = make_indicator(code="plan", name="计划", unit="%")
    latest = (
        table_rows(indicator).filter(corrected_at__isnull=False).order_by("-corrected_at")
        .values_list("corrected_at", flat=True)[:AS_OF_LINKS]
    )
    sql, params = latest.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "obs_indicator_corrected_idx" in plan, plan

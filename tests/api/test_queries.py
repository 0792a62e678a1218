"""Every endpoint answers with a fixed number of queries, whatever the number of rows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_correction,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
    make_topic,
)
from tests.shared_data import shared_by_tests

pytestmark = pytest.mark.django_db

# Measured budgets: count + page, plus one per prefetched relation and one per filter lookup
# (here nothing is memoised; with a shared cache the count and the page are kept instead).
ENDPOINTS = {
    "/api/v1/bulletins/?page_size=100": 3,
    "/api/v1/bulletins/?page_size=100&region={province}&topic={topic}&publisher={publisher}&issued_from=2024-01-01": 6,
    # Several values of a filter cost one query, as one does.
    "/api/v1/bulletins/?page_size=100&region={province},{region}&topic={topic},{topic}&period=unknown"
    "&issued_from=2020-01-01&issued_to=2030-12-31": 5,
    "/api/v1/observations/?page_size=100&region={province},{region}&indicator={indicator},{indicator}"
    "&period_from=2023-01-01&period_to=2024-12-31": 4,
    "/api/v1/observations/?page_size=100&period=known&year=2023": 2,
    "/api/v1/bulletins/?page_size=100&q=正文&ordering=-published_at,title": 3,
    "/api/v1/bulletins/?page_size=100&q=正文": 3,  # ranked by relevance
    "/api/v1/bulletins/{bulletin}/": 4,
    "/api/v1/achievement-lists/?page_size=100&region={province}&year=2024": 3,
    "/api/v1/achievement-lists/{achievements}/": 2,
    "/api/v1/indicators/?page_size=100&category=air": 2,
    "/api/v1/indicators/{indicator}/": 1,
    "/api/v1/observations/?page_size=100": 2,
    "/api/v1/observations/?page_size=100&region={province}&indicator={indicator}&year=2023": 4,
    "/api/v1/observations/?page_size=100&bulletin={bulletin}": 3,
    "/api/v1/observations/{observation}/": 1,
    "/api/v1/regions/?page_size=100": 2,
    "/api/v1/regions/{region}/": 1,
    "/api/v1/publishers/?page_size=100": 2,
    "/api/v1/publishers/{publisher}/": 1,
    "/api/v1/topics/?page_size=100": 2,
    "/api/v1/topics/{topic}/": 1,
}

# Details whose nested rows (items, corrections) grow with the data set.
NESTING_DETAILS = {"/api/v1/bulletins/{bulletin}/", "/api/v1/achievement-lists/{achievements}/"}


def populate(rows):
    """``rows`` of everything: bulletins, lists, figures, regions, publishers, topics."""
    province = make_region(level="province")
    topic = make_topic()
    publisher = make_publisher(region=province)
    indicator = make_indicator()
    bulletin = None
    for n in range(rows):
        city = make_region(parent=province)
        make_publisher(region=city)
        bulletin = make_bulletin(region=city, publisher=publisher, topics=[topic, make_topic()])
        achievements = make_achievement_list(bulletin, items=rows)
        make_correction(bulletin)
        make_correction(bulletin)
        make_observation(bulletin=bulletin, indicator=indicator, region=city, value=str(n))
        make_indicator()
    # The last bulletin gets every row's worth of figures, corrections and items.
    for n in range(rows):
        observation = make_observation(bulletin=bulletin, indicator=indicator, value=str(n))
        make_correction(bulletin)
    return {
        "bulletin": bulletin.slug,
        "achievements": achievements.slug,
        "indicator": indicator.code,
        "observation": observation.pk,
        "region": city.slug,
        "province": province.slug,
        "publisher": publisher.slug,
        "topic": topic.slug,
    }


def measure(client, url):
    """The status, the number of queries, and the size of what came back (rows or nested rows)."""
    cache.clear()  # as each test starts: no throttle history
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries), len(response.content)


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """Every endpoint measured on 2 rows of everything, then again once 30 more are added: the
    data built once for all of them (``shared_by_tests``)."""

    def build():
        client = Client()
        few = populate(2)
        measures = {url: [measure(client, url.format(**few))] for url in ENDPOINTS}
        many = populate(30)
        for url in ENDPOINTS:
            measures[url].append(measure(client, url.format(**many)))
        return measures

    with shared_by_tests(django_db_blocker, build) as measures:
        yield measures


@pytest.mark.parametrize("url", list(ENDPOINTS))
def test_queries_do_not_grow_with_the_rows(measured, url):
    (few_status, few_queries, few_bytes), (many_status, many_queries, many_bytes) = measured[url]
    assert few_status == many_status == 200
    assert few_queries == many_queries == ENDPOINTS[url]
    if "page_size" in url or url in NESTING_DETAILS:
        assert many_bytes > 2 * few_bytes, "the larger data set did not show"

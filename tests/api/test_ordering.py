"""``ordering`` on the observation and achievement lists: documented fields, stable, validated."""

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.errors import by_parameter
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_region,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures():
    """Observations of one indicator with distinct periods and values, an unknown one of each."""
    indicator = make_indicator(code="fines", unit="万元")
    bulletin = make_bulletin(region=make_region())
    rows = {}
    for name, end, value in [("a", date(2021, 12, 31), "5"), ("b", date(2023, 12, 31), "1"), ("c", None, "3")]:
        rows[name] = make_observation(bulletin=bulletin, indicator=indicator, period_end=end, value=value)
    # Same period and value as "b": only the tie-breaker (newest first) tells them apart.
    rows["d"] = make_observation(bulletin=bulletin, indicator=indicator, period_end=date(2023, 12, 31), value="1")
    return {observation.pk: name for name, observation in rows.items()}


def order(client, figures, ordering):
    response = client.get("/api/v1/observations/", {"indicator": "fines", "ordering": ordering})
    assert response.status_code == 200, response.content
    return "".join(figures[item["id"]] for item in response.json()["results"])


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("period_end", "adbc"),
        ("-period_end", "dbac"),
        ("value_normalised", "dbca"),
        ("-value_normalised", "acdb"),
        ("-period_end,-value_normalised", "dbac"),
    ],
)
def test_observations_sort_by_period_and_value_with_unknowns_last_and_ties_newest_first(client, figures, ordering, expected):
    assert order(client, figures, ordering) == expected


def test_the_csv_follows_the_ordering(client, figures):
    body = client.get("/api/v1/observations/", {"indicator": "fines", "ordering": "value_normalised", "format": "csv"})
    rows = csv.DictReader(io.StringIO(b"".join(body.streaming_content).decode("utf-8-sig")))
    assert [row["value"] for row in rows] == ["1", "1", "3", "5"]


def test_the_csv_file_is_named_by_the_filters_not_the_ordering(client, figures):
    response = client.get("/api/v1/observations/", {"indicator": "fines", "ordering": "-period_end", "format": "csv"})
    assert 'filename="observations-fines.csv"' in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("ordering", "same_as"), [(",,", ""), (",", ""), ("value_normalised,,", "value_normalised"), (",-period_end", "-period_end")]
)
def test_empty_pieces_of_an_ordering_ask_for_nothing(client, figures, ordering, same_as):
    assert order(client, figures, ordering) == order(client, figures, same_as)


@pytest.mark.parametrize("path", ["/api/v1/bulletins/", "/api/v1/achievement-lists/", "/api/v1/observations/"])
def test_an_ordering_of_empty_pieces_is_the_default_order(client, figures, path):
    response = client.get(path, {"ordering": ",,", "page_size": 1, "year": 1900})
    assert response.status_code == 200, response.content
    assert response.json()["results"] == client.get(path, {"page_size": 1, "year": 1900}).json()["results"]


@pytest.mark.parametrize("ordering", ["nonsense", "quote", "bulletin__status", "value", "-"])
def test_a_bad_observation_ordering_is_a_400_naming_it(client, figures, ordering):
    response = client.get("/api/v1/observations/", {"ordering": ordering})
    assert response.status_code == 400
    assert list(by_parameter(response)) == ["ordering"]


def test_achievement_lists_sort_by_year_with_unknown_years_last(client):
    for slug, year in [("old", 2020), ("new", 2024), ("unknown", None)]:
        make_achievement_list(make_bulletin(slug=slug), slug=f"list-{slug}", title=f"成果{slug}", year=year)

    def slugs(ordering):
        response = client.get("/api/v1/achievement-lists/", {"ordering": ordering})
        assert response.status_code == 200, response.content
        return [item["slug"] for item in response.json()["results"]]

    assert slugs("year") == ["list-old", "list-new", "list-unknown"]
    assert slugs("-year") == ["list-new", "list-old", "list-unknown"]
    assert slugs("title") == sorted(slugs("-title"))
    assert client.get("/api/v1/achievement-lists/", {"ordering": "bulletin"}).status_code == 400


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/observations/?page_size=100&ordering=-period_end",
        "/api/v1/observations/?page_size=100&indicator=fines&ordering=value_normalised,-period_end",
        "/api/v1/achievement-lists/?page_size=100&ordering=-year,title",
    ],
)
def test_ordering_costs_the_same_queries_for_few_or_many_rows(client, url):
    indicator = make_indicator(code="fines", unit="万元")

    def add(rows):
        for n in range(rows):
            bulletin = make_bulletin(region=make_region())
            make_achievement_list(bulletin, items=2, year=2000 + n % 20)
            make_observation(bulletin=bulletin, indicator=indicator, value=str(n), period_end=date(2000 + n % 20, 12, 31))

    add(2)
    few = _queries(client, url)
    add(40)
    assert _queries(client, url) == few

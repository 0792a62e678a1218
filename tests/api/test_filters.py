"""Every filter of the contract, and the 400 that names a bad or unknown value."""

from datetime import date

import pytest

from ecoportal.publishing import Status
from tests.factories import make_bulletin, make_observation

pytestmark = pytest.mark.django_db


def slugs(client, url, key="slug"):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return sorted(item[key] for item in response.json()["results"])


def ids(client, url):
    return slugs(client, url, key="id")


def assert_bad_parameter(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert parameter in response.json(), response.json()


# Bulletins


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=yichun", ["yichun-2023"]),
        ("region=heilongjiang", ["heihe-2022", "yichun-2023"]),
        ("region=china", ["changchun-2023", "heihe-2022", "yichun-2023"]),
        ("publisher=yichun-bureau", ["yichun-2023"]),
        ("topic=water", ["heihe-2022"]),
        ("year=2024", ["changchun-2023", "yichun-2023"]),
        ("year=2023", ["heihe-2022", "unnamed-city"]),
        ("year=1999", []),
        ("q=秸秆", ["yichun-2023"]),
        ("q=水质", ["heihe-2022"]),
        ("q=优良天数", ["changchun-2023"]),
        ("q=pm2.5", ["yichun-2023"]),
        ("q=", ["changchun-2023", "heihe-2022", "unnamed-city", "yichun-2023"]),
        ("q=%20%20", ["changchun-2023", "heihe-2022", "unnamed-city", "yichun-2023"]),
        ("region=heilongjiang&year=2024&topic=air", ["yichun-2023"]),
        ("region=&publisher=&topic=&year=", ["changchun-2023", "heihe-2022", "unnamed-city", "yichun-2023"]),
    ],
)
def test_bulletin_filters(client, world, query, expected):
    assert slugs(client, f"/api/v1/bulletins/?{query}") == expected


def test_bulletins_are_newest_first_by_default(client, world):
    response = client.get("/api/v1/bulletins/")
    order = [item["slug"] for item in response.json()["results"]]
    assert order == ["changchun-2023", "yichun-2023", "heihe-2022", "unnamed-city"]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("issued_on", ["heihe-2022", "yichun-2023", "changchun-2023", "unnamed-city"]),
        ("-issued_on", ["changchun-2023", "yichun-2023", "heihe-2022", "unnamed-city"]),
        ("-issued_on,title", ["changchun-2023", "yichun-2023", "heihe-2022", "unnamed-city"]),
    ],
)
def test_bulletin_ordering_puts_unknown_dates_last(client, world, ordering, expected):
    results = client.get(f"/api/v1/bulletins/?ordering={ordering}").json()["results"]
    assert [item["slug"] for item in results] == expected


@pytest.mark.parametrize("ordering", ["title", "-title"])
def test_bulletin_ordering_by_title(client, world, ordering):
    titles = [item["title"] for item in client.get(f"/api/v1/bulletins/?ordering={ordering}").json()["results"]]
    assert titles == sorted(titles, reverse=ordering.startswith("-"))


def test_bulletins_order_by_publication_time(client, world):
    later = make_bulletin(slug="latest-news", issued_on=date(2020, 1, 1))
    order = [item["slug"] for item in client.get("/api/v1/bulletins/?ordering=-published_at").json()["results"]]
    assert order[0] == later.slug
    order = [item["slug"] for item in client.get("/api/v1/bulletins/?ordering=published_at").json()["results"]]
    assert order[-1] == later.slug


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("region=atlantis", "region"),
        ("region=Heilongjiang%20", "region"),
        ("publisher=nobody", "publisher"),
        ("topic=nothing", "topic"),
        ("year=abc", "year"),
        ("year=2023.5", "year"),
        ("year=-1", "year"),
        ("year=99999999999999999999999", "year"),
        ("q=" + "长" * 201, "q"),
        ("q=a%00b", "q"),
        ("region=a%00b", "region"),
        ("ordering=nonsense", "ordering"),
        ("ordering=body", "ordering"),
        ("ordering=status", "ordering"),
    ],
)
def test_bad_bulletin_filters_are_a_400_naming_the_parameter(client, world, query, parameter):
    assert_bad_parameter(client, f"/api/v1/bulletins/?{query}", parameter)


def test_every_bad_parameter_is_named_at_once(client, world):
    response = client.get("/api/v1/bulletins/?region=atlantis&year=abc&topic=air")
    assert response.status_code == 400
    assert set(response.json()) == {"region", "year"}


# Achievement lists


def test_achievement_list_filters(client, world):
    assert slugs(client, "/api/v1/achievement-lists/?region=heilongjiang") == ["yichun-2023-achievements"]
    assert slugs(client, "/api/v1/achievement-lists/?region=jilin") == []
    assert slugs(client, "/api/v1/achievement-lists/?year=2023") == ["yichun-2023-achievements"]
    assert slugs(client, "/api/v1/achievement-lists/?year=2022") == []


@pytest.mark.parametrize(("query", "parameter"), [("region=atlantis", "region"), ("year=twenty", "year")])
def test_bad_achievement_list_filters_are_a_400(client, world, query, parameter):
    assert_bad_parameter(client, f"/api/v1/achievement-lists/?{query}", parameter)


# Indicators


def test_indicator_category_filter(client, world):
    assert slugs(client, "/api/v1/indicators/?category=enforcement", key="code") == ["fines"]
    assert slugs(client, "/api/v1/indicators/?category=air", key="code") == ["good-days", "pm25"]
    assert slugs(client, "/api/v1/indicators/?category=water", key="code") == []
    assert_bad_parameter(client, "/api/v1/indicators/?category=weather", "category")


# Observations


def test_observations_of_a_province_include_its_cities(client, world):
    obs = world["observations"]
    expected = sorted([obs["yichun_pm25"].pk, obs["yichun_good_days"].pk, obs["heihe_good_days"].pk])
    assert ids(client, "/api/v1/observations/?region=heilongjiang") == expected
    assert ids(client, "/api/v1/observations/?region=heihe") == [obs["heihe_good_days"].pk]


def test_observation_filters_combine(client, world):
    obs = world["observations"]
    assert ids(client, "/api/v1/observations/?indicator=good-days&year=2023") == sorted(
        [obs["yichun_good_days"].pk, obs["changchun_good_days"].pk]
    )
    assert ids(client, "/api/v1/observations/?region=heilongjiang&year=2023&indicator=pm25") == [
        obs["yichun_pm25"].pk
    ]
    assert ids(client, "/api/v1/observations/?bulletin=heihe-2022") == [obs["heihe_good_days"].pk]
    assert ids(client, "/api/v1/observations/?bulletin=heihe-2022&year=2023") == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("indicator=no-such-code", "indicator"),
        ("region=atlantis", "region"),
        ("year=last", "year"),
        ("bulletin=no-such-bulletin", "bulletin"),
        ("indicator=pm25&region=atlantis", "region"),
    ],
)
def test_bad_observation_filters_are_a_400_naming_the_parameter(client, world, query, parameter):
    assert_bad_parameter(client, f"/api/v1/observations/?{query}", parameter)


def test_the_slug_of_an_unpublished_bulletin_is_as_unknown_as_a_typo(client, world):
    draft = make_bulletin(slug="draft-bulletin", status=Status.DRAFT, publish_at=None)
    make_observation(bulletin=draft, indicator=world["indicators"]["pm25"], value="99")
    assert_bad_parameter(client, "/api/v1/observations/?bulletin=draft-bulletin", "bulletin")

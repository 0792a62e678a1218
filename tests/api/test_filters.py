"""Every filter of the contract, and the 400 that names a bad or unknown value."""

from datetime import date, timedelta

import pytest

from ecoportal.publishing import Status
from tests.api.errors import by_parameter
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
    assert parameter in by_parameter(response), response.json()


# Bulletins


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=yichun", ["yichun-2023"]),
        ("region=heilongjiang", ["heihe-2022", "yichun-2023"]),
        ("region=china", ["changchun-2023", "heihe-2022", "yichun-2023"]),
        ("publisher=yichun-bureau", ["yichun-2023"]),
        ("topic=water", ["heihe-2022"]),
        # ``year`` is the year reported on: of these only the unnamed city's states a period.
        ("year=2023", ["unnamed-city"]),
        ("year=2024", []),
        ("year=1999", []),
        ("period=unknown", ["changchun-2023", "heihe-2022", "yichun-2023"]),
        ("period=known", ["unnamed-city"]),
        ("issued_from=2024-01-01", ["changchun-2023", "yichun-2023"]),
        ("issued_from=2023-01-01&issued_to=2023-12-31", ["heihe-2022"]),
        ("topic=air,water", ["heihe-2022", "yichun-2023"]),
        ("topic=air&topic=water", ["heihe-2022", "yichun-2023"]),
        ("region=yichun,changchun", ["changchun-2023", "yichun-2023"]),
        ("q=秸秆", ["yichun-2023"]),
        ("q=水质", ["heihe-2022"]),
        ("q=优良天数", ["changchun-2023"]),
        ("q=pm2.5", ["yichun-2023"]),
        ("q=", ["changchun-2023", "heihe-2022", "unnamed-city", "yichun-2023"]),
        ("q=%20%20", ["changchun-2023", "heihe-2022", "unnamed-city", "yichun-2023"]),
        ("region=heilongjiang&issued_from=2024-01-01&topic=air", ["yichun-2023"]),
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
    assert set(by_parameter(response)) == {"region", "year"}


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


def test_observations_filtered_by_their_kind(client, world):
    obs = world["observations"]
    bulletin, pm25 = obs["yichun_pm25"].bulletin, world["indicators"]["pm25"]
    change = make_observation(bulletin=bulletin, indicator=pm25, value="-2.1", kind="change")
    target = make_observation(bulletin=bulletin, indicator=pm25, value="30", kind="target")
    url = "/api/v1/observations/?indicator=pm25&region=yichun"
    assert ids(client, f"{url}&kind=change") == [change.pk]
    assert ids(client, f"{url}&kind=target") == [target.pk]
    assert ids(client, f"{url}&kind=level") == [obs["yichun_pm25"].pk]
    assert ids(client, f"{url}&kind=") == sorted([obs["yichun_pm25"].pk, change.pk, target.pk])
    assert [row["kind"] for row in client.get(f"{url}&kind=change").json()["results"]] == ["change"]
    assert_bad_parameter(client, f"{url}&kind=rate", "kind")
    assert_bad_parameter(client, f"{url}&kind=level&kind=change", "kind")


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


def test_a_scheduled_bulletin_s_slug_is_unknown_until_its_moment_though_the_form_is_kept(client, world, clock):
    # The form class is made once per filters and language; the bulletins a slug may name are
    # read for each request, at its moment.
    scheduled = make_bulletin(slug="scheduled-bulletin", publish_at=clock.now() + timedelta(minutes=5))
    make_observation(bulletin=scheduled, indicator=world["indicators"]["pm25"], value="99")
    url = "/api/v1/observations/?bulletin=scheduled-bulletin"
    assert_bad_parameter(client, url, "bulletin")
    clock.advance(301)
    assert [item["value"] for item in client.get(url).json()["results"]] == ["99"]
    clock.advance(-301)
    assert_bad_parameter(client, url, "bulletin")


# Time and sets (several values, periods, undated figures)


def test_several_regions_indicators_or_topics_match_any_of_them(client, world):
    obs = world["observations"]
    both = sorted([obs["yichun_good_days"].pk, obs["heihe_good_days"].pk, obs["changchun_good_days"].pk])
    assert ids(client, "/api/v1/observations/?indicator=good-days&region=heilongjiang,jilin") == both
    assert ids(client, "/api/v1/observations/?indicator=good-days&region=heilongjiang&region=jilin") == both
    assert ids(client, "/api/v1/observations/?indicator=pm25,fines") == sorted(
        [obs["yichun_pm25"].pk, obs["unnamed_fines"].pk]
    )
    # A city and its province together give each figure once.
    assert ids(client, "/api/v1/observations/?indicator=pm25&region=heilongjiang,yichun") == [obs["yichun_pm25"].pk]


def test_a_bulletin_with_two_of_the_topics_asked_for_comes_once(client, world):
    world["bulletins"]["yichun-2023"].topics.add(world["topics"]["water"])
    assert slugs(client, "/api/v1/bulletins/?topic=air,water") == ["heihe-2022", "yichun-2023"]
    assert client.get("/api/v1/bulletins/?topic=air,water").json()["count"] == 2


@pytest.mark.parametrize(
    ("query", "parameter", "naming"),
    [
        ("region=heilongjiang,atlantis", "region", "atlantis"),
        ("indicator=pm25,,no-such-code", "indicator", "no-such-code"),
        ("topic=air,wa%00ter", "topic", "wa"),
        ("region=" + ",".join(f"r{n}" for n in range(21)), "region", "21"),
    ],
)
def test_a_bad_value_among_several_is_named(client, world, query, parameter, naming):
    path = "observations" if parameter != "topic" else "bulletins"
    response = client.get(f"/api/v1/{path}/?{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert naming in by_parameter(response)[parameter][0]


def test_a_single_valued_filter_stays_single(client, world):
    assert_bad_parameter(client, "/api/v1/observations/?bulletin=heihe-2022&bulletin=yichun-2023", "bulletin")
    assert_bad_parameter(client, "/api/v1/observations/?year=2023&year=2022", "year")


def test_period_from_and_to_keep_the_figures_whose_period_overlaps(client, world):
    obs = world["observations"]
    as_of_end_2022 = make_observation(
        bulletin=world["bulletins"]["heihe-2022"], indicator=world["indicators"]["good-days"],
        region=world["regions"]["heihe"], value="351", period_start=None, period_end=date(2022, 12, 31),
        period_label="截至2022年底",
    )
    undated = make_observation(
        bulletin=world["bulletins"]["heihe-2022"], indicator=world["indicators"]["good-days"],
        region=world["regions"]["heihe"], value="352", period_start=None, period_end=None, period_label="",
    )
    url = "/api/v1/observations/?indicator=good-days&"
    in_2022 = sorted([obs["heihe_good_days"].pk, as_of_end_2022.pk])
    in_2023 = sorted([obs["yichun_good_days"].pk, obs["changchun_good_days"].pk])
    assert ids(client, url + "period_from=2022-06-01&period_to=2022-06-30") == [obs["heihe_good_days"].pk]
    assert ids(client, url + "period_from=2022-12-31&period_to=2022-12-31") == in_2022
    assert ids(client, url + "period_to=2022-12-31") == in_2022
    assert ids(client, url + "period_from=2023-01-01") == in_2023
    assert ids(client, url + "period_from=2022-12-31&period_to=2023-01-01") == sorted(in_2022 + in_2023)
    # ``year`` is the year the period ends, and an undated figure has none.
    assert ids(client, url + "year=2022") == in_2022
    assert ids(client, url + "period=unknown") == [undated.pk]
    assert ids(client, url + "period=known") == sorted(in_2022 + in_2023)
    csv = b"".join(client.get(url + "period=unknown&format=csv").streaming_content).decode("utf-8-sig")
    assert len(csv.strip().splitlines()) == 2


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("period_from=2023-12-31&period_to=2023-01-01", "period_to"),
        ("period=unknown&year=2023", "period"),
        ("period=unknown&period_from=2023-01-01", "period"),
        ("period=sometime", "period"),
        ("period_from=2023", "period_from"),
        ("period_from=01/01/2023", "period_from"),
        ("period_to=2023-02-30", "period_to"),
    ],
)
def test_bad_periods_are_a_400_naming_the_parameter(client, world, query, parameter):
    for path in ("observations", "bulletins"):
        assert_bad_parameter(client, f"/api/v1/{path}/?{query}", parameter)


def test_the_bulletins_year_is_the_year_they_report_on(client, world):
    report = make_bulletin(
        slug="province-2024-conference", issued_on=date(2024, 1, 29),
        period_start=date(2023, 1, 1), period_end=date(2023, 12, 31),
    )
    assert report.slug in slugs(client, "/api/v1/bulletins/?year=2023")
    # The bulletin's own ``year`` says the same as the filter, not the year of issue.
    assert client.get(f"/api/v1/bulletins/{report.slug}/").json()["year"] == 2023
    assert client.get("/api/v1/bulletins/yichun-2023/").json()["year"] is None
    assert report.slug not in slugs(client, "/api/v1/bulletins/?year=2024")
    assert report.slug in slugs(client, "/api/v1/bulletins/?period_from=2023-06-01&period_to=2023-06-30")
    assert report.slug in slugs(client, "/api/v1/bulletins/?issued_from=2024-01-29&issued_to=2024-01-29")

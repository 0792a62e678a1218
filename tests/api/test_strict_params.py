"""A parameter an endpoint does not read is a 400 naming it, never silently everything."""

import pytest

from tests.api.errors import by_parameter

pytestmark = pytest.mark.django_db


def test_a_misspelt_filter_is_a_400_naming_it_and_listing_the_accepted_ones(client, world):
    response = client.get("/api/v1/observations/?regoin=heilongjiang", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    message = by_parameter(response)["regoin"][0]
    assert message.startswith("Unknown parameter; accepted:")
    for name in ("region", "indicator", "year", "page", "page_size", "as_of", "format"):
        assert name in message


def test_a_single_valued_parameter_given_twice_is_a_400(client, world):
    response = client.get("/api/v1/observations/?year=2023&year=2022")
    assert response.status_code == 400
    assert list(by_parameter(response)) == ["year"]


@pytest.mark.parametrize("path", ["/api/v1/observations/?format=xml", "/api/v1/bulletins/?format=csv"])
def test_an_unknown_format_is_a_400_listing_the_offered_ones(client, world, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "offered: " in by_parameter(response)["format"][0]
    assert "json" in by_parameter(response)["format"][0]


def test_q_where_there_is_no_search_is_a_400(client, world):
    response = client.get("/api/v1/observations/?q=PM2.5")
    assert response.status_code == 400
    assert "q" in by_parameter(response)
    assert client.get("/api/v1/bulletins/?q=环境").status_code == 200


def test_a_detail_takes_no_filter(client, world):
    assert client.get("/api/v1/indicators/pm25/?region=yichun").status_code == 400
    assert client.get("/api/v1/indicators/pm25/?format=json").status_code == 200


def test_every_accepted_parameter_still_works(client, world):
    response = client.get(
        "/api/v1/observations/?region=heilongjiang&indicator=pm25&year=2023&ordering=-period_end&page=1&page_size=5"
    )
    assert response.status_code == 200
    assert client.get("/api/v1/observations/?format=csv&indicator=pm25").status_code == 200

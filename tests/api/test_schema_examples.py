"""Every example in the OpenAPI schema is what the API answers for the shipped fixtures."""

from pathlib import Path

import pytest
from django.conf import settings

from bulletins.api.serializers import EXAMPLE_SITE

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "portal.json"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not FIXTURE.exists(), reason="fixtures/portal.json is not there yet"),
]

@pytest.fixture
def portal_fixtures(db, portal_fixtures_of_the_module):
    """The shipped fixtures, loaded once for this module's tests, which only read them."""


# Schema path → where the API shows the object of its 200 example.
SOURCES = {
    "/api/v1/bulletins/": "/api/v1/bulletins/",
    "/api/v1/bulletins/{slug}/": "/api/v1/bulletins/unnamed-city-2023-work-report/",
    "/api/v1/achievement-lists/": "/api/v1/achievement-lists/",
    "/api/v1/achievement-lists/{slug}/": "/api/v1/achievement-lists/yichun-highlights/",
    "/api/v1/indicators/": "/api/v1/indicators/?page_size=100",
    "/api/v1/indicators/{code}/": "/api/v1/indicators/pm25/",
    "/api/v1/observations/": "/api/v1/observations/?region=heilongjiang&year=2023&indicator=pm25",
    "/api/v1/observations/{id}/": "/api/v1/observations/123/",
    "/api/v1/observations/metadata/": "/api/v1/observations/metadata/?indicator=pm25&region=heilongjiang",
    "/api/v1/observations/{id}/history/": "/api/v1/observations/123/history/",
    "/api/v1/regions/": "/api/v1/regions/",
    "/api/v1/regions/{slug}/": "/api/v1/regions/heilongjiang/",
    "/api/v1/publishers/": "/api/v1/publishers/",
    "/api/v1/publishers/{slug}/": "/api/v1/publishers/heilongjiang-shengtai-huanjing/",
    "/api/v1/topics/": "/api/v1/topics/",
    "/api/v1/topics/{slug}/": "/api/v1/topics/air/",
}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return Client().get("/api/schema/?format=json").json()


def example_of(schema, path):
    content = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    (example,) = content["examples"].values()
    value = example["value"]
    if "results" in value:
        (value,) = value["results"]
    return value


def agrees(example, actual, where):
    """``example`` shows ``actual``; a text the example shortens with "…" starts the same way."""
    if isinstance(example, dict):
        assert isinstance(actual, dict) and set(example) == set(actual), where
        for key in example:
            agrees(example[key], actual[key], f"{where}.{key}")
    elif isinstance(example, list):
        # Lists (items, corrections) show some of their elements, each one real.
        assert isinstance(actual, list) and len(example) <= len(actual), where
        for n, element in enumerate(example):
            assert any(_agree(element, candidate) for candidate in actual), f"{where}[{n}]"
    elif isinstance(example, str) and example.endswith("…"):
        assert isinstance(actual, str) and actual.startswith(example[:-1]), where
    else:
        assert example == actual, where


def _agree(example, actual):
    try:
        agrees(example, actual, "")
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize("path", list(SOURCES))
def test_the_example_is_the_api_answer_for_the_fixtures(client, portal_fixtures, schema, path):
    example = example_of(schema, path)
    answer = client.get(SOURCES[path]).json()
    if "results" in answer:
        key = next(name for name in ("slug", "code", "id") if name in example)
        answer = next(row for row in answer["results"] if row[key] == example[key])
    host = "http://testserver"
    answer = _rehost(answer, host)
    agrees(example, answer, path)


def _rehost(value, host):
    if isinstance(value, dict):
        return {key: _rehost(item, host) for key, item in value.items()}
    if isinstance(value, list):
        return [_rehost(item, host) for item in value]
    if isinstance(value, str) and value.startswith(host):
        return EXAMPLE_SITE + value[len(host):]
    return value


def test_a_wrong_example_would_be_caught():
    with pytest.raises(AssertionError):
        agrees({"value": "25", "unit": "微克/立方米"}, {"value": "26", "unit": "微克/立方米"}, "x")
    with pytest.raises(AssertionError):
        agrees({"body": "近年来…"}, {"body": "今年…"}, "x")

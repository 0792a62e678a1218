"""One error shape for every status, with machine-readable codes, in the reader's language."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.api.errors import by_parameter, codes
from tests.api.test_csv import observations_unreadable

pytestmark = pytest.mark.django_db

SHAPE = {"status", "code", "detail", "errors"}


@pytest.mark.parametrize(
    ("query", "parameter", "code"),
    [
        ("regoin=heilongjiang", "regoin", "unknown_parameter"),
        ("year=2023&year=2022", "year", "repeated_parameter"),
        ("format=xml", "format", "unknown_format"),
        ("region=atlantis", "region", "unknown_value"),
        ("indicator=pm25,nothing", "indicator", "unknown_value"),
        ("year=abc", "year", "invalid"),
        ("period_from=2023-13-01", "period_from", "invalid"),
        ("year=1800", "year", "out_of_range"),
        ("page_size=1000", "page_size", "out_of_range"),
        ("page=99", "page", "out_of_range"),
        ("page=x", "page", "invalid"),
        ("region=" + ",".join(["china"] * 2 + [f"r{n}" for n in range(20)]), "region", "too_many_values"),
        ("period=unknown&year=2023", "period", "conflict"),
        ("ordering=nonsense", "ordering", "unknown_value"),
        ("q=PM2.5", "q", "unknown_parameter"),
    ],
)
def test_a_400_names_each_parameter_with_a_code(client, world, query, parameter, code):
    response = client.get(f"/api/v1/observations/?{query}")
    assert response.status_code == 400
    assert parameter in by_parameter(response)
    assert codes(response)[parameter] == code


def test_a_long_search_is_too_long(client, world):
    response = client.get("/api/v1/bulletins/", {"q": "长" * 101})
    assert codes(response) == {"q": "too_long"}


def test_several_bad_parameters_are_each_listed(client, world):
    response = client.get("/api/v1/bulletins/?region=atlantis&year=abc", HTTP_ACCEPT_LANGUAGE="en")
    assert codes(response) == {"region": "unknown_value", "year": "invalid"}
    assert response.json()["detail"] == "Invalid parameters: region, year."
    # Parameters the endpoint does not read are refused before any value is read.
    response = client.get("/api/v1/bulletins/?regoin=x&yaer=1&year=abc")
    assert codes(response) == {"regoin": "unknown_parameter", "yaer": "unknown_parameter"}


@pytest.mark.parametrize(
    "url", ["/api/v1/bulletins/no-such-bulletin/", "/api/v1/observations/999999/", "/api/v1/observations/999999/history/",
            "/api/v1/indicators/nothing/", "/api/v1/bulletins/yichun-2023.nope/", "/api/v2/"],
)
@pytest.mark.parametrize(("language", "message"), [("zh-hans", "未找到。"), ("en", "Not found.")])
def test_a_404_names_no_model_and_speaks_the_readers_language(client, world, url, language, message):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": 404, "code": "not_found", "detail": message, "errors": []}


def test_the_portals_language_cookie_chooses_the_language_too(client, world):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/api/v1/bulletins/nothing/").json()["detail"] == "Not found."
    assert client.put("/api/v1/bulletins/").json()["detail"] == 'Method "PUT" not allowed.'
    assert by_parameter(client.get("/api/v1/bulletins/?regoin=x"))["regoin"][0].startswith("Unknown parameter")


@pytest.mark.parametrize("method", ["put", "post", "delete", "patch"])
def test_a_405_has_the_shape_and_allow(client, world, method):
    response = getattr(client, method)("/api/v1/bulletins/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    body = response.json()
    assert set(body) == SHAPE and body["code"] == "method_not_allowed"
    assert body["detail"] == f'Method "{method.upper()}" not allowed.'
    assert "不被允许" in getattr(client, method)("/api/v1/bulletins/").json()["detail"]


@pytest.mark.parametrize("url", ["/api/v1/bulletins/", "/api/v1/observations/", "/api/v1/topics/air/"])
def test_a_406_has_the_shape(client, world, url):
    response = client.get(url, HTTP_ACCEPT="application/xml", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == SHAPE and body["code"] == "not_acceptable" and "Accept" in body["detail"]


def test_a_429_has_the_shape_and_the_wait(client, world, settings):
    rest_framework = dict(django_settings.REST_FRAMEWORK)
    rest_framework["DEFAULT_THROTTLE_RATES"] = {"anon": "2/minute", "docs": "2/minute"}
    settings.REST_FRAMEWORK = rest_framework
    for _ in range(2):
        client.get("/api/v1/topics/")
    response = client.get("/api/v1/topics/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    body = response.json()
    assert set(body) == SHAPE | {"retry_after"} and body["code"] == "throttled"
    assert body["retry_after"] == int(response["Retry-After"]) > 0
    assert body["detail"].startswith("Request was throttled.")


@pytest.mark.parametrize("url", ["/api/v1/observations/", "/api/v1/observations/?format=csv"])
@pytest.mark.parametrize(("language", "word"), [("zh-hans", "数据库"), ("en", "database")])
def test_a_503_under_the_api_has_the_shape_not_the_html_page(world, url, language, word):
    client = Client(raise_request_exception=False)
    with observations_unreadable():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "30" and response["Cache-Control"] == "no-store"
    body = response.json()
    assert body == {"status": 503, "code": "service_unavailable", "detail": body["detail"], "errors": [], "retry_after": 30}
    assert word in body["detail"]
    # The pages keep their HTML 503.
    with observations_unreadable():
        page = client.get("/indicators/good-days/")
    assert page.status_code == 503 and page["Content-Type"].startswith("text/html")


def test_the_schema_documents_the_shape_once_and_every_operation_uses_it(client, db):
    schema = client.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]
    assert set(components["Error"]["properties"]) == SHAPE | {"retry_after"}
    assert components["Error"]["properties"]["code"]["allOf"] == [{"$ref": "#/components/schemas/ErrorCodeEnum"}]
    assert {"not_found", "method_not_allowed", "not_acceptable", "throttled", "service_unavailable"} <= set(
        components["ErrorCodeEnum"]["enum"]
    )
    assert "unknown_parameter" in components["ParameterErrorCodeEnum"]["enum"]
    for path, operations in schema["paths"].items():
        responses = operations["get"]["responses"]
        expected = {"400", "406", "429", "503"} | ({"404"} if "{" in path else set())
        assert expected <= set(responses), path
        for status in expected:
            content = responses[status]["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/Error"}, (path, status)
            (example,) = content["examples"].values()
            assert example["value"]["status"] == int(status) and set(example["value"]) >= SHAPE

"""The OpenAPI schema documents every endpoint, filter and field; the docs need no CDN."""

import pytest
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

CONTRACT = {
    "/api/v1/bulletins/": {
        "region", "publisher", "topic", "year", "period_from", "period_to", "period", "issued_from", "issued_to",
        "q", "ordering",
    },
    "/api/v1/bulletins/{slug}/": set(),
    "/api/v1/achievement-lists/": {"region", "year", "ordering"},
    "/api/v1/achievement-lists/{slug}/": set(),
    "/api/v1/indicators/": {"category"},
    "/api/v1/indicators/{code}/": set(),
    "/api/v1/observations/": {
        "indicator", "region", "kind", "year", "period_from", "period_to", "period", "bulletin", "format", "ordering",
        "as_of",
    },
    "/api/v1/observations/metadata/": {
        "indicator", "region", "kind", "year", "period_from", "period_to", "period", "bulletin", "ordering", "as_of",
    },
    "/api/v1/observations.csv": {
        "indicator", "region", "kind", "year", "period_from", "period_to", "period", "bulletin", "ordering", "as_of",
    },
    "/api/v1/observations.xlsx": {
        "indicator", "region", "kind", "year", "period_from", "period_to", "period", "bulletin", "ordering", "as_of",
    },
    "/api/v1/observations/{id}/": set(),
    "/api/v1/observations/{id}/history/": set(),
    "/api/v1/regions/": set(),
    "/api/v1/regions/{slug}/": set(),
    "/api/v1/publishers/": set(),
    "/api/v1/publishers/{slug}/": set(),
    "/api/v1/topics/": set(),
    "/api/v1/topics/{slug}/": set(),
}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_the_schema_describes_exactly_the_contract_and_only_get(schema):
    assert set(schema["paths"]) == set(CONTRACT)
    for path, operations in schema["paths"].items():
        assert set(operations) == {"get"}, path
        assert operations["get"].get("description"), path


@pytest.mark.parametrize("path", [path for path, filters in CONTRACT.items() if path.endswith("s/")])
def test_every_list_documents_its_filters_pages_and_errors(schema, path):
    operation = schema["paths"][path]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert set(parameters) == CONTRACT[path] | {"page", "page_size"}
    for name, parameter in parameters.items():
        assert parameter["in"] == "query"
        assert parameter["schema"].get("type") or parameter["schema"].get("anyOf"), name
        assert parameter.get("description"), name
        assert "example" in parameter or parameter.get("examples"), name
    assert parameters["page_size"]["schema"]["maximum"] == 100
    assert "400" in parameters["page"]["description"]
    assert {"200", "400", "429"} <= set(operation["responses"])
    assert "Retry-After" in operation["responses"]["429"]["headers"]


@pytest.mark.parametrize("path", ["/api/v1/bulletins/", "/api/v1/observations/", "/api/v1/achievement-lists/"])
def test_the_region_filter_says_a_province_includes_its_cities(schema, path):
    region = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "region")
    assert "province" in region["description"]
    assert "400" in region["description"]


def test_the_year_filter_is_a_bounded_integer(schema):
    year = next(p for p in schema["paths"]["/api/v1/bulletins/"]["get"]["parameters"] if p["name"] == "year")
    assert year["schema"] == {"type": "integer", "minimum": 1900, "maximum": 2100}


def test_the_observation_downloads_are_documented(schema):
    assert set(schema["paths"]["/api/v1/observations.csv"]["get"]["responses"]["200"]["content"]) == {"text/csv"}
    assert "/api/v1/observations.xlsx" in schema["paths"]


@pytest.mark.parametrize("path", [path for path in CONTRACT if "{" in path])
def test_every_item_path_documents_its_404_and_429(schema, path):
    assert {"200", "404", "429"} <= set(schema["paths"][path]["get"]["responses"])


def test_every_field_is_described_and_none_is_internal(schema):
    for name, component in schema["components"]["schemas"].items():
        properties = component.get("properties", {})
        # An error's ``status`` is the HTTP status it repeats, not a bulletin's workflow state.
        internal = {"version", "created_by", "deleted_at", "raw_text"} | ({"status"} if name != "Error" else set())
        assert not internal & set(properties), name
        for field, definition in properties.items():
            if name.startswith("Paginated") and field == "results":
                continue
            assert definition.get("description") or "$ref" in str(definition), f"{name}.{field}"


def test_the_observation_fields_are_in_the_schema(schema):
    properties = schema["components"]["schemas"]["Observation"]["properties"]
    assert {"indicator", "region", "period_start", "period_end", "value", "unit", "quote", "bulletin", "bulletin_url"} <= set(properties)
    assert properties["region"]["nullable"] is True
    assert properties["value"]["type"] == "string"


def test_the_interactive_docs_are_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "/api/schema/" in html
    for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs", "googleapis"):
        assert cdn not in html


def test_the_schema_is_also_served_as_yaml(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")


# The downloads answer a file, whose columns are the JSON's (tests/api/test_downloads.py).
@pytest.mark.parametrize("path", [path for path in CONTRACT if not path.endswith((".csv", ".xlsx"))])
def test_every_answer_has_an_example(schema, path):
    content = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    assert content.get("examples"), path


def test_q_has_the_search_pages_length_limit(schema):
    q = next(p for p in schema["paths"]["/api/v1/bulletins/"]["get"]["parameters"] if p["name"] == "q")
    assert q["schema"]["maxLength"] == 100
    assert "100" in q["description"]


def test_ordering_offers_relevance(schema):
    ordering = next(p for p in schema["paths"]["/api/v1/bulletins/"]["get"]["parameters"] if p["name"] == "ordering")
    assert "relevance" in ordering["schema"]["items"]["enum"]
    assert "-relevance" not in ordering["schema"]["items"]["enum"]


@pytest.mark.parametrize(
    ("path", "name"),
    [("/api/v1/bulletins/", "region"), ("/api/v1/bulletins/", "topic"), ("/api/v1/observations/", "region"),
     ("/api/v1/observations/", "indicator"), ("/api/v1/achievement-lists/", "region")],
)
def test_several_values_are_documented_as_a_comma_separated_list(schema, path, name):
    parameter = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name)
    assert parameter["schema"]["type"] == "array"
    assert parameter["schema"]["maxItems"] == 20
    assert (parameter["style"], parameter["explode"]) == ("form", False)
    assert isinstance(parameter["example"], list)
    assert "commas" in parameter["description"]


def test_the_period_filters_are_dates_and_year_says_what_it_means(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/observations/"]["get"]["parameters"]}
    assert parameters["period_from"]["schema"] == {"type": "string", "format": "date"}
    assert parameters["period"]["schema"]["enum"] == ["known", "unknown"]
    bulletin_year = next(p for p in schema["paths"]["/api/v1/bulletins/"]["get"]["parameters"] if p["name"] == "year")
    for year in (parameters["year"], bulletin_year):
        assert "year the" in year["description"] and "period ends" in year["description"]


@pytest.mark.parametrize("path", ["/api/v1/observations/", "/api/v1/observations/metadata/", "/api/v1/observations.csv"])
def test_the_kind_filter_offers_the_kinds_of_figure(schema, path):
    kind = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "kind")
    assert kind["schema"]["enum"] == ["change", "level", "target"]
    assert "`change`" in kind["description"] and "400" in kind["description"]

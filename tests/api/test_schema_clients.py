"""The schema as strict validators and generated clients read it (the client itself is checked
by scripts/check_generated_client.sh, which CI runs)."""

import json

import pytest

from tests.api.errors import by_parameter

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    return client.get("/api/schema/?format=json").json()


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def test_nullable_is_never_beside_allof_without_a_type(schema):
    offending = [node for node in _nodes(schema) if node.get("nullable") and "type" not in node]
    assert offending == []
    achievement_list = schema["components"]["schemas"]["BulletinDetail"]["properties"]["achievement_list"]
    assert achievement_list["oneOf"] == [
        {"$ref": "#/components/schemas/NestedAchievementList"}, {"$ref": "#/components/schemas/NullEnum"},
    ]
    assert schema["components"]["schemas"]["NullEnum"] == {"enum": [None]}


def test_every_operation_is_anonymous(schema):
    operations = [op for ops in schema["paths"].values() for op in ops.values()]
    assert operations and all(op["security"] == [] for op in operations)


def test_descending_orderings_have_readable_names(schema):
    parameter = next(p for p in schema["paths"]["/api/v1/bulletins/"]["get"]["parameters"] if p["name"] == "ordering")
    items = parameter["schema"]["items"]
    names = dict(zip(items["enum"], items["x-enum-varnames"], strict=True))
    assert names["-issued_on"] == "ISSUED_ON_DESC" and names["issued_on"] == "ISSUED_ON"


def test_page_is_offered_as_a_number_or_last_and_both_are_accepted(schema, client, world):
    parameter = next(p for p in schema["paths"]["/api/v1/topics/"]["get"]["parameters"] if p["name"] == "page")
    assert parameter["schema"]["anyOf"][1] == {"type": "string", "enum": ["last"]}
    assert client.get("/api/v1/topics/?page=last").status_code == 200


@pytest.mark.parametrize("extension, media_type", [
    ("csv", "text/csv"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
])
def test_each_download_is_an_operation_of_its_own_with_only_the_file_as_its_200(schema, extension, media_type):
    operation = schema["paths"][f"/api/v1/observations.{extension}"]["get"]
    assert operation["operationId"] == f"observations_download_{extension}"
    assert list(operation["responses"]["200"]["content"]) == [media_type]
    names = {p["name"] for p in operation["parameters"]}
    assert {"indicator", "region", "year", "ordering", "as_of"} <= names
    assert not names & {"format", "page", "page_size"}
    listing = schema["paths"]["/api/v1/observations/"]["get"]
    assert list(listing["responses"]["200"]["content"]) == ["application/json"]


def test_the_download_addresses_answer_as_the_list_with_format(client, world):
    by_address = client.get("/api/v1/observations.csv?indicator=good-days")
    by_format = client.get("/api/v1/observations/?format=csv&indicator=good-days")
    assert by_address["Content-Type"] == "text/csv; charset=utf-8"
    assert b"".join(by_address.streaming_content) == b"".join(by_format.streaming_content)
    xlsx = client.get("/api/v1/observations.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    b"".join(xlsx.streaming_content)


@pytest.mark.parametrize("query", ["page=2", "format=json"])
def test_a_download_address_refuses_what_it_does_not_read(client, world, query):
    response = client.get(f"/api/v1/observations.csv?{query}")
    assert response.status_code == 400
    assert list(by_parameter(response)) == [query.split("=")[0]]


@pytest.mark.parametrize("url", ["/api/v1/bulletins.json", "/api/v1/observations.json", "/api/v1/topics/air.json"])
def test_no_other_format_suffix_routes_remain(client, world, url):
    response = client.get(url, follow=True)  # a slash appended, then nothing there
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_every_path_of_the_schema_answers(client, world, schema):
    for path in schema["paths"]:
        if "{" not in path:
            response = client.get(path)
            assert response.status_code == 200, path
            if response.streaming:
                b"".join(response.streaming_content)
    assert json.dumps(schema).count("observations.csv") >= 1

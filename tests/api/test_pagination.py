"""Pages: bounded size, links, and a 400 naming `page` for a page that cannot be."""

import pytest

from tests.api.errors import by_parameter
from tests.factories import make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics(db):
    return [make_topic(slug=f"topic-{n:03d}") for n in range(105)]


def test_a_list_has_count_and_links(client, topics):
    data = client.get("/api/v1/topics/").json()
    assert data["count"] == 105
    assert len(data["results"]) == 20
    assert data["previous"] is None
    assert data["next"] == "http://testserver/api/v1/topics/?page=2"
    second = client.get(data["next"]).json()
    assert second["previous"] == "http://testserver/api/v1/topics/"
    assert second["results"][0]["slug"] == "topic-020"


def test_page_size_is_chosen_by_the_client(client, topics):
    data = client.get("/api/v1/topics/?page_size=7&page=2").json()
    assert [item["slug"] for item in data["results"]] == [f"topic-{n:03d}" for n in range(7, 14)]
    assert "page_size=7" in data["next"]


def test_the_last_page(client, topics):
    data = client.get("/api/v1/topics/?page=last").json()
    assert len(data["results"]) == 5
    assert data["next"] is None


def test_page_size_goes_up_to_100(client, topics):
    assert len(client.get("/api/v1/topics/?page_size=100").json()["results"]) == 100


@pytest.mark.parametrize("page_size", ["101", "100000", "99999999999999999999999", "abc", "0", "-5", "1.5", "%00"])
def test_a_page_size_that_cannot_be_is_a_400_naming_page_size(client, topics, page_size):
    response = client.get(f"/api/v1/topics/?page_size={page_size}")
    assert response.status_code == 400
    assert list(by_parameter(response)) == ["page_size"]


def test_an_empty_page_size_is_the_default(client, topics):
    assert len(client.get("/api/v1/topics/?page_size=").json()["results"]) == 20


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "1.5", "99999999999999999999999", "%00"])
def test_a_page_that_cannot_be_is_a_400_naming_page(client, topics, page):
    response = client.get(f"/api/v1/topics/?page={page}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(by_parameter(response)) == ["page"]


def test_the_first_page_of_an_empty_list_is_empty_not_an_error(client, db):
    response = client.get("/api/v1/topics/?page=1")
    assert response.status_code == 200
    assert response.json() == {
        "count": 0, "page": 1, "pages": 1, "page_size": 20, "next": None, "previous": None, "results": [],
    }


@pytest.mark.parametrize("page", ["", "1"])
def test_page_one_or_none_is_the_first_page(client, topics, page):
    assert client.get(f"/api/v1/topics/?page={page}").json()["results"][0]["slug"] == "topic-000"


def test_the_page_says_its_number_the_number_of_pages_and_its_size(client, topics):
    count = client.get("/api/v1/topics/").json()["count"]
    data = client.get("/api/v1/topics/?page=2&page_size=7").json()
    assert (data["count"], data["page"], data["pages"], data["page_size"]) == (count, 2, -(-count // 7), 7)
    last = client.get("/api/v1/topics/?page=last&page_size=7").json()
    assert last["page"] == last["pages"] == data["pages"]
    assert last["next"] is None

"""The shipped fixtures through the API: the numbers third parties will quote."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "portal.json"
SOURCES = Path(settings.BASE_DIR) / "fixtures" / "sources"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not FIXTURE.exists(), reason="fixtures/portal.json is not there yet"),
]


@pytest.fixture
def portal_fixtures(db, portal_fixtures_of_the_module):
    """The shipped fixtures, loaded once for this module's tests, which only read them."""


def all_results(client, url):
    results = []
    while url:
        data = client.get(url).json()
        results += data["results"]
        url = data["next"]
    return results


def test_heilongjiang_pm25_in_2023_is_25_with_its_sentence(client, portal_fixtures):
    response = client.get("/api/v1/observations/?region=heilongjiang&year=2023&indicator=pm25")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(item["value"], item["unit"]) for item in results] == [("25", "微克/立方米")]
    assert "PM2.5浓度为25微克/立方米" in results[0]["quote"]
    assert results[0]["region"] == "heilongjiang"
    assert results[0]["bulletin_url"].startswith("http://testserver/bulletins/")


def test_the_contract_region_slugs_are_all_there(client, portal_fixtures):
    slugs = {item["slug"] for item in all_results(client, "/api/v1/regions/?page_size=100")}
    assert {"china", "heilongjiang", "yichun", "heihe", "jilin", "changchun"} <= slugs


@pytest.mark.parametrize(
    "url",
    ["/api/v1/bulletins/", "/api/v1/achievement-lists/", "/api/v1/indicators/", "/api/v1/observations/", "/api/v1/regions/", "/api/v1/publishers/", "/api/v1/topics/"],
)
def test_every_list_has_shipped_content(client, portal_fixtures, url):
    assert client.get(url).json()["count"] > 0


def test_every_figure_is_stated_by_its_quote_and_the_quote_by_its_bulletin(client, portal_fixtures):
    sources = "".join(path.read_text(encoding="utf-8") for path in SOURCES.glob("*.txt"))
    bodies = {}
    for item in all_results(client, "/api/v1/observations/?page_size=100"):
        assert item["value"] in item["quote"].replace(",", ""), item
        assert item["quote"] in sources, item["quote"]
        if item["bulletin"] not in bodies:
            bodies[item["bulletin"]] = client.get(f"/api/v1/bulletins/{item['bulletin']}/").json()["body"]
        assert item["quote"] in bodies[item["bulletin"]], item["quote"]


def test_the_csv_has_every_shipped_figure(client, portal_fixtures):
    count = client.get("/api/v1/observations/").json()["count"]
    response = client.get("/api/v1/observations/?format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == count


def test_every_shipped_bulletin_and_list_opens(client, portal_fixtures):
    for item in all_results(client, "/api/v1/bulletins/?page_size=100"):
        detail = client.get(item["url"])
        assert detail.status_code == 200
        assert detail.json()["body"]
    for item in all_results(client, "/api/v1/achievement-lists/?page_size=100"):
        assert client.get(item["url"]).json()["items"]

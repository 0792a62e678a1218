"""One licence setting shown by every surface; a CSV's companion metadata (OWID style)."""

import csv
import io
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.errors import codes
from tests.factories import make_observation

pytestmark = pytest.mark.django_db

CSV = "/api/v1/observations/?format=csv&indicator=good-days&region=heilongjiang"


def surfaces(client):
    """The licence as each surface shows it: footer, about page, API root, schema, metadata."""
    html = client.get("/about/").content.decode()
    schema = client.get("/api/schema/?format=json").json()
    return {
        "footer": html[html.index('class="site-footer"'):],
        "about": html[: html.index('class="site-footer"')],
        "root": client.get("/api/v1/", HTTP_ACCEPT="application/json").json()["licence"],
        "schema": schema["info"]["license"],
        "metadata": client.get("/api/v1/observations/metadata/").json()["licence"],
    }


def test_every_surface_shows_the_default_licence_labelled_as_the_default(client, world):
    shown = surfaces(client)
    assert "CC BY 4.0" in shown["footer"] and "默认设置" in shown["footer"]
    assert "CC BY 4.0" in shown["about"]
    default = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/", "is_default": True}
    assert shown["root"] == shown["metadata"] == default
    assert shown["schema"]["name"].startswith("CC BY 4.0 (default")
    assert shown["schema"]["url"] == default["url"]


def test_every_surface_shows_the_operators_licence_once_set(client, world, settings):
    settings.PORTAL_LICENCE = "ODbL 1.0"
    settings.PORTAL_LICENCE_URL = "https://opendatacommons.org/licenses/odbl/1-0/"
    shown = surfaces(client)
    assert "ODbL 1.0" in shown["footer"] and "默认设置" not in shown["footer"]
    assert "ODbL 1.0" in shown["about"]
    chosen = {"name": "ODbL 1.0", "url": "https://opendatacommons.org/licenses/odbl/1-0/", "is_default": False}
    assert shown["root"] == shown["metadata"] == chosen
    assert shown["schema"] == {"name": "ODbL 1.0", "url": chosen["url"]}


def test_the_schema_names_servers_contact_and_terms_from_the_settings(client, db, settings):
    settings.SITE_URL = "https://data.example.org/"
    settings.PORTAL_OPERATOR_EN = "Some City Bureau"
    settings.PORTAL_CONTACT_EMAIL = "data@example.org"
    schema = client.get("/api/schema/?format=json").json()
    assert [server["url"] for server in schema["servers"]] == ["https://data.example.org"]
    assert schema["info"]["contact"] == {
        "name": "Some City Bureau", "email": "data@example.org", "url": "https://data.example.org/about/",
    }
    assert schema["info"]["termsOfService"] == "https://data.example.org/about/"


def test_the_schema_invents_no_contact_when_none_is_set(client, db, settings):
    settings.PORTAL_OPERATOR = settings.PORTAL_OPERATOR_EN = settings.PORTAL_CONTACT_EMAIL = ""
    assert client.get("/api/schema/?format=json").json()["info"]["contact"] == {"url": "http://127.0.0.1:8000/about/"}


def test_the_csv_links_its_metadata_with_the_same_filters(client, world):
    response = client.get(CSV)
    link = response["Link"]
    assert link.endswith('>; rel="describedby"; type="application/json"')
    url = urlsplit(link[1: link.index(">")])
    assert url.path == "/api/v1/observations/metadata/"
    assert sorted(url.query.split("&")) == ["indicator=good-days", "region=heilongjiang"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    metadata = client.get(f"{url.path}?{url.query}").json()
    assert metadata["rows"] == len(rows) == 2
    assert metadata["csv"] == "http://testserver" + CSV.replace("?format=csv&", "?") + "&format=csv"
    assert metadata["filters"] == {"indicator": ["good-days"], "region": ["heilongjiang"]}
    assert set(metadata["columns"]) == set(rows[0])
    assert metadata["columns"]["quote"] == "The sentence that states the value, verbatim."


def test_the_metadata_names_indicators_sources_publishers_citation_and_dates(client, world):
    metadata = client.get("/api/v1/observations/metadata/?indicator=pm25,good-days&region=yichun").json()
    assert [i["code"] for i in metadata["indicators"]] == ["good-days", "pm25"]
    pm25 = metadata["indicators"][1]
    assert (pm25["name"], pm25["unit"], pm25["rows"]) == ("PM2.5平均浓度", "微克/立方米", 1)
    (source,) = metadata["sources"]
    assert source["slug"] == "yichun-2023" and source["rows"] == 2
    assert source["url"] == "http://testserver/bulletins/yichun-2023/"
    assert source["publisher"]["name"] == "伊春市生态环境局"
    assert metadata["publishers"] == ["伊春市生态环境局"]
    assert metadata["title"] == "优良天数、PM2.5平均浓度：环境公报所载数值"
    citation = metadata["citation"]
    assert "伊春市生态环境局" in citation and metadata["csv"] in citation and "CC BY 4.0" in citation
    assert metadata["date_of_data"]["period_end"] == "2023-12-31"
    assert metadata["date_of_data"]["last_updated"]
    assert metadata["date_downloaded"] in citation
    assert "版权" in metadata["terms"]


def test_the_metadata_speaks_english_on_request(client, world):
    metadata = client.get("/api/v1/observations/metadata/?indicator=pm25", HTTP_ACCEPT_LANGUAGE="en").json()
    assert metadata["title"] == "PM2.5: figures stated by environmental bulletins"
    assert "retrieved" in metadata["citation"] and "Licence: CC BY 4.0." in metadata["citation"]


def test_the_metadata_takes_the_filters_and_nothing_else(client, world):
    assert codes(client.get("/api/v1/observations/metadata/?page=2")) == {"page": "unknown_parameter"}
    assert codes(client.get("/api/v1/observations/metadata/?region=atlantis")) == {"region": "unknown_value"}


def test_the_metadata_costs_the_same_queries_for_few_or_many_rows(client, world):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/observations/metadata/?region=heilongjiang,jilin&indicator=good-days").status_code == 200
        return len(queries)

    few = count()
    for n in range(20):
        make_observation(bulletin=world["bulletins"]["heihe-2022"], indicator=world["indicators"]["good-days"],
                         region=world["regions"]["heihe"], value=str(300 + n))
    assert count() == few == 5

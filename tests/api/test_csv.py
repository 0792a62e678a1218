"""The observations CSV: all rows, same filters, UTF-8 with BOM, streamed, reusable."""

import csv
import io
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from indicators.downloads import observation_csv_rows, observations_csv_response
from indicators.models import Observation
from indicators.observation_columns import NAMES
from tests.api.errors import by_parameter
from tests.api.test_downloads import as_csv
from tests.factories import make_bulletin, make_indicator, make_observation, make_region

pytestmark = pytest.mark.django_db


def read_csv(response):
    assert response.streaming
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_csv_is_a_utf8_attachment_with_a_byte_order_mark(client, world):
    response = client.get("/api/v1/observations/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="observations.csv"'
    rows = read_csv(response)
    assert len(rows) == 5


def test_the_csv_columns_are_the_json_fields_with_the_same_values(client, world):
    json_rows = client.get("/api/v1/observations/").json()["results"]
    csv_rows = read_csv(client.get("/api/v1/observations/?format=csv"))
    assert list(csv_rows[0]) == NAMES == list(json_rows[0])
    for json_row, csv_row in zip(json_rows, csv_rows, strict=True):
        assert csv_row == {key: as_csv(value) for key, value in json_row.items()}


def test_the_csv_honours_the_filters_and_names_the_file_after_them(client, world):
    response = client.get("/api/v1/observations/?format=csv&region=heilongjiang&year=2023&indicator=pm25")
    assert response["Content-Disposition"] == 'attachment; filename="observations-pm25-heilongjiang-2023.csv"'
    rows = read_csv(response)
    assert [(row["indicator"], row["region"], row["value"], row["unit"]) for row in rows] == [
        ("pm25", "yichun", "18", "微克/立方米")
    ]
    assert rows[0]["quote"] == "全年PM2.5平均浓度为18微克/立方米。"


def test_the_csv_has_every_row_not_one_page(client, world):
    bulletin = world["bulletins"]["changchun-2023"]
    indicator = make_indicator(code="cases")
    for n in range(130):
        make_observation(bulletin=bulletin, indicator=indicator, value=str(n))
    assert client.get("/api/v1/observations/?indicator=cases").json()["count"] == 130
    assert len(read_csv(client.get("/api/v1/observations/?format=csv&indicator=cases"))) == 130
    assert len(read_csv(client.get("/api/v1/observations/?format=csv&indicator=cases&page=2&page_size=5"))) == 130


@pytest.mark.parametrize("query", ["page_size=1.4", "page_size=0", "page_size=101", "page=0", "page=-1", "page=x"])
def test_a_malformed_page_parameter_on_the_csv_is_a_json_400(client, world, query):
    response = client.get(f"/api/v1/observations/?format=csv&{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert query.split("=")[0] in by_parameter(response)


def test_csv_can_be_asked_for_with_the_accept_header(client, world):
    response = client.get("/api/v1/observations/", headers={"Accept": "text/csv"})
    assert len(read_csv(response)) == 5


def test_a_bad_filter_on_the_csv_is_a_json_400(client, world):
    response = client.get("/api/v1/observations/?format=csv&region=atlantis")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "region" in by_parameter(response)


@pytest.mark.parametrize("url", ["/api/v1/bulletins/?format=csv", "/api/v1/observations/1/?format=csv"])
def test_csv_is_only_offered_for_the_observation_list(client, world, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "format" in by_parameter(response)


def test_text_a_spreadsheet_would_run_as_a_formula_is_defused(client, world):
    region = make_region(slug="formula-city")
    bulletin = make_bulletin(region=region)
    make_observation(
        bulletin=bulletin, indicator=world["indicators"]["pm25"], value="-3",
        quote="=HYPERLINK(\"http://evil\")-3", qualifier="+1", period_label="@2023",
    )
    row = read_csv(client.get("/api/v1/observations/?format=csv&region=formula-city"))[0]
    assert row["quote"] == "'=HYPERLINK(\"http://evil\")-3"
    assert row["qualifier"] == "'+1"
    assert row["period_label"] == "'@2023"
    assert row["value"] == "-3"


def read_rows(count):
    region = make_region()
    indicator = make_indicator()
    bulletin = make_bulletin(region=region)
    for n in range(count):
        make_observation(bulletin=make_bulletin(region=region) if n % 2 else bulletin, indicator=indicator, value=str(n))
    return region


@pytest.mark.parametrize("count", [2, 30])
def test_the_csv_reads_all_rows_in_one_query(client, count):
    region = read_rows(count)
    read_csv(client.get("/api/v1/observations/?format=csv"))  # the generation's first reader sets it up
    with CaptureQueriesContext(connection) as queries:
        rows = read_csv(client.get(f"/api/v1/observations/?format=csv&region={region.slug}"))
    assert len(rows) == count
    # The region filter's lookup, the content generation (the download's ETag), then the
    # observations with indicator, region and bulletin.
    assert len(queries) == 3, [q["sql"] for q in queries]


def test_the_csv_writer_is_reusable_for_any_public_queryset(world):
    request = RequestFactory().get("/indicators/pm25/")
    queryset = Observation.objects.published().filter(indicator__code="good-days")
    rows = list(observation_csv_rows(queryset, absolute_url=request.build_absolute_uri))
    assert rows[0] == NAMES
    assert sorted(row[NAMES.index("value")] for row in rows[1:]) == ["302", "341", "350"]
    response = observations_csv_response(queryset, request=request, filename="优良天数.csv")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''%E4%BC%98%E8%89%AF%E5%A4%A9%E6%95%B0.csv"
    assert len(read_csv(response)) == 3


def test_the_csv_reads_the_database_in_chunks(world, monkeypatch):
    seen = {}
    original = Observation.objects.none().__class__.iterator

    def spy(self, chunk_size=None):
        seen["chunk_size"] = chunk_size
        return original(self, chunk_size=chunk_size)

    monkeypatch.setattr(Observation.objects.none().__class__, "iterator", spy)
    request = RequestFactory().get("/")
    list(observation_csv_rows(Observation.objects.published(), absolute_url=request.build_absolute_uri))
    assert seen["chunk_size"] >= 100


@contextmanager
def observations_unreadable():
    """The database lost as the CSV's own query reaches it (the connection is gone, as after a
    restart of PostgreSQL): whatever the view read before still worked."""

    def lose(execute, sql, params, many, context):
        if 'FROM "indicators_observation"' in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(lose):
        yield


@pytest.mark.parametrize("url", ["/api/v1/observations/?format=csv", "/api/v1/observations/?format=xlsx"])
def test_a_download_whose_database_is_lost_is_the_503_with_retry_after_not_a_cut_stream(client, world, url):
    with observations_unreadable():
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert not response.streaming

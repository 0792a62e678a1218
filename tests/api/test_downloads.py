"""Downloads from one definition: JSON, CSV and XLSX have the columns of
``indicators.observation_columns`` and the same values; the indicator pages' addresses are
aliases (redirects) of the API's."""

import csv
import io
from datetime import datetime

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.api.serializers import ObservationSerializer
from indicators.observation_columns import COLUMNS, NAMES
from tests.factories import make_bulletin, make_observation, make_region

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_xlsx(response):
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    sheet = openpyxl.load_workbook(io.BytesIO(content(response)), read_only=True).active
    header, *rows = sheet.iter_rows(values_only=True)
    return list(header), rows


def read_csv(response):
    return list(csv.DictReader(io.StringIO(content(response).decode("utf-8-sig"))))


def as_csv(value):
    """A JSON value as the CSV writes it: nothing for null, JSON's true and false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_the_serializer_and_the_schema_have_exactly_the_defined_columns(client):
    assert list(ObservationSerializer().fields) == NAMES
    schema = client.get("/api/schema/?format=json").json()
    properties = schema["components"]["schemas"]["Observation"]["properties"]
    assert list(properties) == NAMES
    for column in COLUMNS:
        assert properties[column.name]["description"].startswith(column.help_text.split("`")[0][:30])


def test_json_csv_and_xlsx_carry_the_same_values_for_every_row(client, world):
    json_rows = client.get("/api/v1/observations/?page_size=100").json()["results"]
    csv_rows = read_csv(client.get("/api/v1/observations/?format=csv"))
    header, xlsx_rows = read_xlsx(client.get("/api/v1/observations/?format=xlsx"))
    assert header == NAMES == list(json_rows[0]) == list(csv_rows[0])
    assert len(json_rows) == len(csv_rows) == len(xlsx_rows) == 5
    for json_row, csv_row, xlsx_row in zip(json_rows, csv_rows, xlsx_rows, strict=True):
        assert csv_row == {key: as_csv(value) for key, value in json_row.items()}
        for name, cell in zip(NAMES, xlsx_row, strict=True):
            expected = json_row[name]
            if expected is None or expected == "":
                assert cell is None, name
            elif isinstance(cell, datetime):
                assert cell.date().isoformat() == expected, name
            elif isinstance(cell, (int, float)):
                # Numbers are numbers in the spreadsheet, equal to the JSON's decimal strings.
                assert cell == float(expected), name
            else:
                assert cell == expected, name


def test_the_xlsx_has_numbers_dates_and_the_value_as_written(client, world):
    header, rows = read_xlsx(client.get("/api/v1/observations/?format=xlsx&indicator=fines"))
    row = dict(zip(header, rows[0], strict=True))
    assert row["value"] == "1234"  # as written (1,234), as text
    assert row["value_normalised"] == 12340000 and isinstance(row["value_normalised"], (int, float))
    assert row["value_in_indicator_unit"] == 1234.0
    assert row["period_end"] == datetime(2023, 12, 31)
    assert isinstance(row["id"], int)


def test_the_xlsx_is_named_after_the_filters_and_reads_in_four_queries(client, world):
    read_xlsx(client.get("/api/v1/observations/?format=xlsx"))  # the generation's first reader sets it up
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/observations/?format=xlsx&indicator=pm25&region=heilongjiang")
    assert response["Content-Disposition"] == 'attachment; filename="observations-pm25-heilongjiang.xlsx"'
    assert len(read_xlsx(response)[1]) == 1
    # The two filters' lookups, the content generation (the ETag), then the observations with
    # indicator, region and bulletin.
    assert len(queries) == 4, [q["sql"] for q in queries]


def test_xlsx_can_be_asked_for_with_the_accept_header(client, world):
    assert len(read_xlsx(client.get("/api/v1/observations/", headers={"Accept": XLSX}))[1]) == 5


def test_text_in_the_xlsx_is_never_a_formula(client, world):
    region = make_region(slug="formula-town")
    make_observation(
        bulletin=make_bulletin(region=region), indicator=world["indicators"]["pm25"], value="3",
        quote='=HYPERLINK("http://evil")', region=region,
    )
    response = client.get("/api/v1/observations/?format=xlsx&region=formula-town")
    workbook = openpyxl.load_workbook(io.BytesIO(content(response)))
    sheet = workbook.active
    quote = sheet.cell(row=2, column=NAMES.index("quote") + 1)
    assert quote.data_type == "s" and quote.value == '=HYPERLINK("http://evil")'


def test_a_bad_filter_on_the_xlsx_is_a_json_400(client, world):
    response = client.get("/api/v1/observations/?format=xlsx&region=atlantis")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_indicator_download_is_a_redirect_to_the_api_download(client, world, suffix):
    response = client.get(f"/indicators/pm25.{suffix}")
    assert response.status_code == 302
    assert response["Location"] == f"/api/v1/observations/?indicator=pm25&ordering=-period_end&format={suffix}"
    followed = client.get(f"/indicators/pm25.{suffix}", follow=True)
    assert followed.status_code == 200
    assert followed["Cache-Control"] == "public, max-age=60"


def test_the_indicator_json_is_the_api_list_of_the_indicator(client, world):
    response = client.get("/indicators/good-days.json")
    assert response["Location"] == "/api/v1/observations/?indicator=good-days&ordering=-period_end"
    data = client.get(response["Location"]).json()
    assert data["count"] == 3
    assert {row["indicator"] for row in data["results"]} == {"good-days"}
    ends = [row["period_end"] or "" for row in data["results"]]
    assert ends == sorted(ends, reverse=True)


def test_the_indicator_download_redirect_is_readable_cross_origin(client, world):
    response = client.get("/indicators/pm25.csv", headers={"Origin": "https://newsroom.example"})
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "json"])
def test_an_unknown_indicator_download_is_a_404(client, db, suffix):
    assert client.get(f"/indicators/no-such-code.{suffix}").status_code == 404


def test_approximate_and_derived_figures_say_so_in_json_csv_and_xlsx(client, world):
    """An approximate count (1200余家次) and a figure implied by a level and its change are
    flagged as such in every format, so a reader never takes them for a figure stated exactly."""
    approximate = world["observations"]["yichun_good_days"]
    derived = world["observations"]["changchun_good_days"]
    type(approximate).objects.filter(pk=approximate.pk).update(approximate=True)
    type(derived).objects.filter(pk=derived.pk).update(derived=True)
    json_rows = {row["id"]: row for row in client.get("/api/v1/observations/?page_size=100").json()["results"]}
    csv_rows = {int(row["id"]): row for row in read_csv(client.get("/api/v1/observations/?format=csv"))}
    header, xlsx_rows = read_xlsx(client.get("/api/v1/observations/?format=xlsx"))
    xlsx_by_id = {row[header.index("id")]: dict(zip(header, row, strict=True)) for row in xlsx_rows}
    for pk, flags in ((approximate.pk, (True, False)), (derived.pk, (False, True))):
        assert (json_rows[pk]["approximate"], json_rows[pk]["derived"]) == flags
        assert (csv_rows[pk]["approximate"], csv_rows[pk]["derived"]) == tuple(as_csv(f) for f in flags)
        assert (xlsx_by_id[pk]["approximate"], xlsx_by_id[pk]["derived"]) == flags
    others = [row for pk, row in json_rows.items() if pk not in (approximate.pk, derived.pk)]
    assert others and not any(row["approximate"] or row["derived"] for row in others)

"""Every observation row, JSON and CSV, gives its units as codes a machine can read."""

import json
from decimal import Decimal

import pytest

from indicators import units
from indicators.models import Observation
from tests.api.test_csv import read_csv

pytestmark = pytest.mark.django_db


def _reported_in(world, value, value_text, unit):
    fines = world["observations"]["unnamed_fines"]
    return Observation.objects.create(
        bulletin=fines.bulletin, indicator=fines.indicator, value=Decimal(value), value_text=value_text,
        unit=unit, quote=f"罚款{value_text}{unit}。", value_normalised=units.normalise(Decimal(value), unit),
    )


def test_a_value_in_another_unit_of_the_family_reads_in_the_indicators_unit(client, world):
    # The indicator counts 万元; the bulletin wrote 亿元: 1.4 亿元 is 14000 万元, 140000000 元.
    observation = _reported_in(world, "1.4", "1.4", "亿元")
    data = client.get(f"/api/v1/observations/{observation.pk}/").json()
    assert (data["value"], data["unit"], data["unit_en"], data["unit_code"]) == (
        "1.4", "亿元", "100 million yuan", "100m-yuan"
    )
    assert (data["value_normalised"], data["normalised_unit"]) == ("140000000.0000", "yuan")
    assert (data["value_in_indicator_unit"], data["indicator_unit"]) == ("14000.0000", "10k-yuan")


def test_a_unit_the_table_does_not_know_gives_nulls_not_a_guess(client, world):
    observation = _reported_in(world, "3", "3", "斤")
    data = client.get(f"/api/v1/observations/{observation.pk}/").json()
    assert data["unit"] == "斤"
    assert [data[key] for key in ("unit_en", "unit_code", "normalised_unit", "value_in_indicator_unit")] == [None] * 4
    assert data["indicator_unit"] == "10k-yuan"


def test_a_unit_of_another_family_has_no_value_in_the_indicators_unit(client, world):
    observation = _reported_in(world, "12", "12", "%")
    data = client.get(f"/api/v1/observations/{observation.pk}/").json()
    assert (data["unit_code"], data["normalised_unit"]) == ("percent", "percent")
    assert data["value_in_indicator_unit"] is None


def test_the_csv_carries_the_same_unit_columns(client, world):
    _reported_in(world, "1.4", "1.4", "亿元")
    rows = read_csv(client.get("/api/v1/observations/?format=csv&indicator=fines"))
    by_unit = {row["unit"]: row for row in rows}
    assert by_unit["亿元"]["unit_code"] == "100m-yuan"
    assert by_unit["亿元"]["value_in_indicator_unit"] == "14000.0000"
    assert by_unit["万元"]["value_in_indicator_unit"] == "1234.0000"
    assert by_unit["万元"]["indicator_unit"] == "10k-yuan"


def test_the_indicator_page_download_carries_the_unit_columns(client, world):
    _reported_in(world, "1.4", "1.4", "亿元")
    response = client.get("/indicators/fines.json", follow=True)
    data = json.loads(response.content)
    assert client.get("/api/v1/indicators/fines/").json()["unit_code"] == "10k-yuan"
    row = next(row for row in data["results"] if row["unit"] == "亿元")
    assert (row["unit_en"], row["value_in_indicator_unit"], row["indicator_unit"]) == (
        "100 million yuan", "14000.0000", "10k-yuan"
    )


def test_the_schema_documents_the_unit_code_vocabulary(client):
    schema = client.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]
    assert components["UnitCodeEnum"]["enum"] == [u.code for u in units.TABLE]
    observation = components["Observation"]["properties"]
    for key in ("unit_code", "normalised_unit", "indicator_unit"):
        assert "#/components/schemas/UnitCodeEnum" in json.dumps(observation[key])
    assert "`10k-yuan`: 万元 / 10,000 yuan, money" in observation["unit_code"]["description"]
    assert "#/components/schemas/UnitCodeEnum" in json.dumps(components["Indicator"]["properties"]["unit_code"])

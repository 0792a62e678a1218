"""The reference catalogue: its vocabulary, its limits, and how it reaches the database."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from indicators import units
from indicators.catalogue import Catalogue, CatalogueError
from indicators.catalogue_sync import catalogue_apply, indicator_for_code
from indicators.models import Indicator, IndicatorLimit
from tests.factories import make_indicator

# The codes annotators of bulletins use (the evaluation's vocabulary): all must be in the file.
ANNOTATION_CODES = [
    "so2", "no2", "pm10", "pm25", "co", "o3", "air-good-days", "air-good-days-ratio",
    "air-excellent-days", "heavy-pollution-days", "heavy-pollution-days-ratio",
    "exceedance-days-ratio", "air-quality-composite-index", "acid-rain-frequency",
    "precipitation-ph", "dust-fall", "water-good-sections-ratio", "water-inferior-v-ratio",
    "drinking-water-compliance", "groundwater-good-ratio", "coastal-good-water-ratio",
    "lake-eutrophication", "noise-day", "noise-night", "noise-traffic-day",
    "noise-functional-compliance-day", "noise-functional-compliance-night", "eco-index",
    "forest-cover", "green-cover-built-up", "wetland-protection-ratio", "nature-reserve-area",
    "cod-reduction", "nh3n-reduction", "nox-reduction", "voc-reduction",
    "so2-emission-reduction", "carbon-intensity-reduction", "energy-intensity-reduction",
    "energy-consumption", "renewable-capacity", "solid-waste-generated",
    "solid-waste-utilisation-ratio", "hazardous-waste", "medical-waste", "radiation-dose-rate",
    "enforcement-cases", "fines", "seizure-cases", "production-restriction-cases",
    "detention-referrals", "pollution-crime-cases", "inspections", "petitions",
    "petitions-resolved-ratio", "public-satisfaction", "env-investment",
    "contaminated-farmland-safe-use-rate", "construction-land-safe-use-rate", "afforestation",
    "investment-completed",
]

PORTAL = Path(settings.BASE_DIR) / "fixtures" / "portal.json"


def seed_indicators():
    return [row["fields"] for row in json.loads(PORTAL.read_text()) if row["model"] == "indicators.indicator"]


@pytest.fixture(scope="module")
def reference():
    return Catalogue.from_reference()


def test_reference_has_every_annotation_code(reference):
    assert [code for code in ANNOTATION_CODES if code not in reference] == []


def test_reference_has_every_seed_indicator_in_its_unit_family(reference):
    for seed in seed_indicators():
        entry = reference.get(seed["code"])
        assert entry is not None, seed["code"]
        assert units.family(seed["unit"]) == entry.unit_family, seed["code"]


def test_every_entry_is_named_and_defined_in_both_languages(reference):
    for entry in reference:
        assert entry.name_zh and entry.name_en, entry.code
        assert entry.definition_zh and entry.definition_en, entry.code


@pytest.mark.parametrize(
    ("code", "value", "unit"),
    [("so2", "60", "ug/m3"), ("no2", "40", "ug/m3"), ("pm10", "70", "ug/m3"),
     ("pm25", "35", "ug/m3"), ("co", "4", "mg/m3"), ("o3", "160", "ug/m3")],
)
def test_air_pollutants_carry_their_gb_3095_grade_ii_limit(reference, code, value, unit):
    limit = reference.get(code).limit
    assert (limit.value, limit.unit) == (Decimal(value), unit)
    assert "GB 3095-2012" in limit.basis_zh and "GB 3095-2012" in limit.basis_en


def test_night_noise_limits_are_below_the_day_limits_class_by_class(reference):
    day = [limit.value for limit in reference.get("noise-day").limits]
    night = [limit.value for limit in reference.get("noise-night").limits]
    assert day[:4] == [50, 55, 60, 65] and night[:4] == [40, 45, 50, 55]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("细颗粒物", "pm25"), ("PM2.5", "pm25"), ("fine particulate matter", "pm25"),
     ("ＰＭ２．５", "pm25"), ("优良天数比例", "air-good-days-ratio"), ("空气质量优良率", "air-good-days-ratio"),
     ("share of days with good air quality", "air-good-days-ratio"),
     ("地表水国控断面Ⅰ～Ⅲ类水质比例", "water-good-sections-ratio"), ("SO₂", "so2"),
     ("二氧化硫减排量", "so2-emission-reduction"), ("罚没金额", "fines")],
)
def test_bulletin_phrasings_name_their_indicator(reference, phrase, code):
    assert code in reference.codes_for_alias(phrase)


def test_no_phrase_names_two_indicators_of_one_unit_family(reference):
    clashes = []
    for entry in reference:
        for alias in (entry.name_zh, *entry.aliases):
            others = [
                code for code in reference.codes_for_alias(alias)
                if code != entry.code and reference.get(code).unit_family == entry.unit_family
                and entry.code != reference.get(code).same_as and code != entry.same_as
            ]
            if others:
                clashes.append((alias, entry.code, others))
    assert clashes == []


def test_a_seed_indicator_that_duplicates_a_reference_one_names_it(reference):
    assert reference.get("good-water-ratio").same_as == "water-good-sections-ratio"


def test_the_reference_file_refuses_an_unknown_unit(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[indicator]]\ncode = "x"\nname_zh = "某"\ncategory = "air"\nunit = "furlongs"\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match="unknown unit code 'furlongs'"):
        Catalogue.from_reference(path)


def test_the_reference_file_refuses_a_code_listed_twice(tmp_path):
    path = tmp_path / "twice.toml"
    item = '[[indicator]]\ncode = "x"\nname_zh = "某"\ncategory = "air"\nunit = "percent"\n'
    path.write_text(item + item, encoding="utf-8")
    with pytest.raises(CatalogueError, match="codes listed twice: x"):
        Catalogue.from_reference(path)


def test_from_database_puts_the_editors_version_first_and_adds_the_reference(db, django_assert_num_queries):
    make_indicator(code="pm25", name="PM2.5浓度", unit="微克/立方米", aliases_zh="微细粒子\nPM2.5", category="air")
    with django_assert_num_queries(2):
        catalogue = Catalogue.from_database()
    pm25 = catalogue.get("pm25")
    assert pm25.in_database and pm25.aliases_zh == ("微细粒子", "PM2.5") and pm25.unit == "ug/m3"
    assert catalogue.codes_for_alias("微细粒子") == ("pm25",)
    so2 = catalogue.get("so2")
    assert not so2.in_database and so2.limit.value == 60


def test_catalogue_apply_fills_empty_reference_fields_and_keeps_the_editors(db):
    pm25 = make_indicator(code="pm25", name="PM2.5浓度", unit="微克/立方米", definition="编辑写的定义")
    filled, created = catalogue_apply()
    pm25.refresh_from_db()
    assert (filled, created) == (1, 0)
    assert pm25.definition == "编辑写的定义" and "细颗粒物" in pm25.aliases_zh.splitlines()
    assert pm25.unit_code == "ug/m3" and [limit.value for limit in pm25.limits.all()] == [35]
    assert not Indicator.objects.filter(code="so2").exists()
    assert catalogue_apply() == (0, 0)
    assert pm25.limits.count() == 1


def test_catalogue_apply_with_create_adds_every_reference_indicator(db, reference):
    assert catalogue_apply(create=True) == (0, len(reference))
    co = Indicator.objects.get(code="co")
    assert (co.unit, co.unit_en, co.unit_code, co.higher_is_better) == ("毫克/立方米", "mg/m³", "mg/m3", False)
    assert IndicatorLimit.objects.get(indicator=co).value == 4
    co.full_clean()


def test_indicator_for_code_creates_a_reference_indicator_on_first_use_only(db):
    first = indicator_for_code("no2")
    assert first.name == "二氧化氮年均浓度" and first.limits.get().value == 40
    assert indicator_for_code("no2") == first
    assert indicator_for_code("no-such-code") is None


def test_loading_the_shipped_fixtures_maps_the_seeds_onto_the_reference(db):
    call_command("load_portal_data", verbosity=0)
    fines = Indicator.objects.get(code="fines")
    assert "罚没金额" in fines.aliases_zh.splitlines() and fines.unit_code == "10k-yuan"
    assert Indicator.objects.get(code="good-water-ratio").same_as == "water-good-sections-ratio"
    assert Indicator.objects.get(code="pm25").name == "PM2.5浓度"


def test_an_indicator_whose_unit_code_contradicts_its_unit_does_not_validate(db):
    indicator = make_indicator(code="x", unit="%", unit_code="ug/m3")
    with pytest.raises(Exception, match="不属同一类"):
        indicator.full_clean()


def test_an_indicator_whose_unit_the_table_does_not_know_still_gives_an_entry(db):
    make_indicator(code="odd", unit="furlongs")
    entry = Catalogue.from_database().get("odd")
    assert (entry.unit, entry.unit_zh, entry.accepts_unit("percent")) == ("", "", False)

"""Names of regions, publishers, topics and indicators in the reader's language."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from ecoportal.localized import localized, localized_unit
from ecoportal.templatetags.i18n_names import localized_name
from tests.factories import (
    make_bulletin,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db


def test_english_names_show_when_english_is_active():
    region = make_region(name="伊春市", name_en="Yichun")
    with translation.override("en"):
        assert localized_name(region) == "Yichun"
    with translation.override("zh-hans"):
        assert localized_name(region) == "伊春市"


def test_a_missing_english_name_falls_back_to_the_chinese_one():
    topic = make_topic(name="督察", name_en="")
    with translation.override("en"):
        assert localized_name(topic) == "督察"
    assert localized_name(None) == ""


def test_units_of_indicators_and_of_figures_stated_in_that_unit():
    indicator = make_indicator(unit="微克/立方米", unit_en="μg/m³")
    bulletin = make_bulletin()
    same = make_observation(bulletin=bulletin, indicator=indicator, value="25")
    other = make_observation(bulletin=bulletin, indicator=indicator, value="25", unit="毫克/立方米")
    with translation.override("en"):
        assert localized_unit(indicator) == "μg/m³"
        assert localized_unit(same) == "μg/m³"
        assert localized_unit(other) == "mg/m³", "another unit: the units table's English symbol"
    with translation.override("zh-hans"):
        assert localized_unit(same) == "微克/立方米"


def test_the_filters_in_a_template():
    region = make_region(name="黑河市", name_en="Heihe")
    template = Template("{% load i18n_names %}{{ region|localized_name }}")
    with translation.override("en"):
        assert template.render(Context({"region": region})) == "Heihe"


def test_a_figure_unit_never_costs_a_query(django_assert_num_queries):
    from indicators.models import Observation

    indicator = make_indicator(unit="天", unit_en="days")
    make_observation(bulletin=make_bulletin(), indicator=indicator, value="300")
    bare = Observation.objects.get()
    with translation.override("en"), django_assert_num_queries(0):
        assert localized_unit(bare) == "days", "from the units table: no query for the indicator"
        assert localized_unit(bare, indicator) == "days"
    loaded = Observation.objects.select_related("indicator").get()
    with translation.override("en"), django_assert_num_queries(0):
        assert localized_unit(loaded) == "days"


def test_indicator_surfaces_name_regions_in_english(client):
    from django.conf import settings
    region = make_region(name="黑河市", name_en="Heihe")
    indicator = make_indicator(code="pm25", name="PM2.5浓度", name_en="PM2.5 concentration",
                               unit="微克/立方米", unit_en="μg/m³", is_headline=True)
    make_observation(bulletin=make_bulletin(region=region), indicator=indicator, value="25")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for url in ("/", "/indicators/", f"/indicators/{indicator.code}/", f"/regions/{region.slug}/"):
        page = client.get(url).content.decode()
        assert "Heihe" in page, url
        assert "黑河市" not in page, url
        assert "μg/m³" in page, url
        assert "微克/立方米" not in page.split("<table", 1)[0], url  # quotes in tables stay verbatim
    chart = client.get(f"/indicators/{indicator.code}/").content.decode()
    assert "PM2.5 concentration" in chart and "25 μg/m³" in chart.split("<svg", 1)[1]


def test_a_publishers_official_english_name_comes_before_a_descriptive_one():
    publisher = make_publisher(name="黑河市生态环境局", name_en="Heihe Bureau (descriptive)")
    with translation.override("en"):
        assert localized(publisher) == "Heihe Bureau (descriptive)"
        publisher.official_name_en = "Heihe Municipal Bureau of Ecology and Environment"
        assert localized(publisher) == "Heihe Municipal Bureau of Ecology and Environment"
    assert localized(publisher) == "黑河市生态环境局"


def test_a_publisher_without_an_official_english_name_shows_a_labelled_translation(client):
    publisher = make_publisher(name="某某环境", name_en="Someplace Environment")
    bulletin = make_bulletin(publisher=publisher)
    client.cookies["django_language"] = "en"
    page = client.get(bulletin.get_absolute_url()).content.decode()
    assert 'Someplace Environment <span class="lang-label">(our translation of <span lang="zh-Hans">某某环境</span>)' in page
    publisher.official_name_en = "Someplace Official Name"
    publisher.save()
    page = client.get(bulletin.get_absolute_url()).content.decode()
    assert "Someplace Official Name" in page and "our translation of" not in page
    client.cookies["django_language"] = "zh-hans"
    page = client.get(bulletin.get_absolute_url()).content.decode()
    assert "某某环境" in page and "Someplace" not in page


def test_a_publisher_with_no_english_name_at_all_stays_in_chinese_marked_so():
    from ecoportal.localized import publisher_name

    with translation.override("en"):
        assert publisher_name("某某环境") == '<span lang="zh-Hans">某某环境</span>'


def test_no_shipped_publisher_is_named_in_pinyin_on_english_pages(client, portal_fixtures):
    from bulletins.models import Bulletin, Publisher

    pinyin = re.compile(r"\b(?:Huanjing|Shengtai|Shengtai Huanjing|Ju|Ting)\b")
    for publisher in Publisher.objects.all():
        assert not pinyin.search(publisher.name_en), publisher.name_en
    client.cookies["django_language"] = "en"
    for bulletin in Bulletin.objects.published().filter(publisher__isnull=False).select_related("publisher"):
        page = client.get(bulletin.get_absolute_url()).content.decode()
        assert bulletin.publisher.name_en in page and "our translation of" in page, bulletin.slug

"""Catalogue, indicator, region and home pages: published figures only, downloads = table
(the API's, to which the indicator's download addresses redirect)."""

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from ecoportal.publishing import Status
from indicators.choices import ReviewState
from tests.factories import make_bulletin, make_indicator, make_observation, make_region
from tests.indicators.helpers import bulk_figures, yearly

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def download(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


@pytest.fixture
def hidden(city, ratio):
    """Figures that must never show: from unpublished bulletins, or not accepted."""
    now = timezone.now()
    markers = {}
    for marker, state in {
        "111.1": {"status": Status.DRAFT},
        "222.2": {"status": Status.IN_REVIEW},
        "333.3": {"status": Status.PUBLISHED, "publish_at": now + timedelta(days=1)},
        "444.4": {"status": Status.ARCHIVED, "publish_at": now - timedelta(days=2)},
    }.items():
        markers[marker] = make_observation(bulletin=make_bulletin(region=city, **state), indicator=ratio, value=marker)
    public = make_bulletin(region=city)
    for marker, review_state in (("555.5", ReviewState.CANDIDATE), ("666.6", ReviewState.REJECTED)):
        markers[marker] = make_observation(bulletin=public, indicator=ratio, value=marker, review_state=review_state)
    return markers


def test_only_published_accepted_figures_appear_on_any_indicator_surface(client, province, city, ratio, bulletin, hidden):
    make_observation(bulletin=bulletin, indicator=ratio, value="93.1")
    urls = [
        "/",
        "/indicators/",
        ratio.get_absolute_url(),
        f"/indicators/{ratio.code}.csv",
        f"/indicators/{ratio.code}.json",
        city.get_absolute_url(),
        province.get_absolute_url(),
    ]
    for url in urls:
        text = download(client, url)
        assert "93.1" in text, f"the published figure is missing from {url}"
        for marker, observation in hidden.items():
            assert marker not in text, f"{marker} leaked on {url}"
            assert f"obs-{observation.pk}\"" not in text


def test_catalogue_groups_indicators_by_category_with_latest_values_and_a_trend(client, city, ratio, bulletin):
    make_indicator(code="cases", name="行政处罚案件", unit="件", category="enforcement")
    yearly(bulletin, ratio, city, [88.1, 90.2, 91.5])
    html = page(client, "/indicators/")
    assert html.index('id="cat-air"') < html.index('id="cat-enforcement"')
    assert "91.5" in html and "某市 · 2021年" in html
    assert 'class="chart sparkline"' in html
    assert "暂无已发布的数值" in html
    assert "尚无趋势" not in html


def test_a_single_value_draws_no_trend_and_repeats_no_boilerplate(client, city, ratio, bulletin):
    make_observation(bulletin=bulletin, indicator=ratio, value="93.1")
    for url in ("/indicators/", city.get_absolute_url()):
        html = page(client, url)
        assert "93.1" in html and "尚无趋势" not in html, url
        assert 'class="chart sparkline"' not in html, url


def test_indicator_page_states_unit_and_direction_and_links_rows_to_sentences(client, city, ratio, bulletin):
    figures = yearly(bulletin, ratio, city, [88.1, 90.2])
    html = page(client, ratio.get_absolute_url())
    assert "单位" in html and "数值越高越好" in html
    for figure in figures:
        assert f'<a href="/bulletins/{bulletin.slug}/#obs-{figure.pk}">' in html


def test_indicator_table_is_paginated_and_downloads_hold_every_row_in_table_order(client, city, ratio):
    bulletins = [make_bulletin(region=city, body="正文")]
    bulk_figures(bulletins=bulletins, indicators=[ratio], regions=[city], years=150)
    html = page(client, ratio.get_absolute_url())
    table = html[html.index("<tbody") : html.index("</tbody>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    assert len(rows) == 100
    assert "第 1 / 2 页" in html
    table_ids = [int(i) for i in re.findall(r'#obs-(\d+)">', table)]
    table_values = [
        re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r'<td[^>]*class="num"[^>]*>(.*?)</td>', table)
    ]

    records = list(csv.DictReader(io.StringIO(download(client, f"/indicators/{ratio.code}.csv"))))
    document = json.loads(download(client, f"/indicators/{ratio.code}.json"))
    assert len(records) == document["count"] == 150
    assert [int(r["id"]) for r in records][:100] == table_ids
    assert [r["id"] for r in document["results"]] == table_ids[:20]
    assert [f"{r['value']}{r['unit']}" for r in records][:100] == table_values
    for record, item in zip(records, document["results"], strict=False):
        assert str(item["id"]) == record["id"]
        assert item["period_label"] == record["period_label"] and item["quote"] == record["quote"]
        assert item["source_url"] == record["source_url"]
        assert item["source_url"].endswith(f"#obs-{item['id']}")

    second = page(client, ratio.get_absolute_url() + "?page=2")
    assert len(re.findall(r'#obs-(\d+)">', second[second.index("<tbody") : second.index("</tbody>")])) == 50
    assert page(client, ratio.get_absolute_url() + "?page=abc").count("#obs-") >= 100


@pytest.mark.parametrize("suffix", ["/", ".csv", ".json"])
def test_unknown_indicator_is_a_404(client, suffix):
    assert client.get(f"/indicators/no-such-code{suffix}").status_code == 404


def test_region_page_lists_latest_value_per_indicator_with_trend_and_bulletins(client, city, ratio, bulletin):
    yearly(bulletin, ratio, city, [88.1, 90.2, 91.5])
    html = page(client, city.get_absolute_url())
    section = html[html.index('id="latest-values-title"') : html.index('id="region-bulletins-title"')]
    assert 'class="chart sparkline"' in section
    values = re.sub(r"<svg.*?</svg>", "", section, flags=re.S)
    assert "91.5" in values and "88.1" not in values, "the latest value, the others only in the trend"
    assert bulletin.title in html


def test_province_page_shows_each_city_as_a_card_with_only_the_values_it_has(client, province, city, ratio, bulletin):
    make_region(slug="other-city", name="另一市", parent=province)
    yearly(bulletin, ratio, city, [88.1, 90.2])
    html = page(client, province.get_absolute_url())
    cities = html[html.index('id="children-title"') : html.index('id="latest-values-title"')]
    assert cities.count('class="card region-card"') == 2
    cities = re.sub(r"<[^>]+>", "", cities)
    assert "某市" in cities and "另一市" in cities
    assert "90.2%" in cities and "88.1%" not in cities
    assert "—" not in cities, "a city without a value shows no empty column"


def test_home_page_shows_headline_cards_with_a_chart_from_published_data(client, city, ratio, bulletin, hidden):
    make_indicator(code="not-headline", name="非重点指标")
    yearly(bulletin, ratio, city, [88.1, 90.2])
    html = page(client, "/")
    cards = html[html.index('id="headline-title"') : html.index('id="latest-bulletins"')]
    assert "优良天数比例" in cards and "非重点指标" not in cards
    assert "90.2" in cards and 'class="chart bar-chart"' in cards
    for marker in hidden:
        assert marker not in cards


def test_headline_card_leads_with_the_province_and_the_plain_figure(client, province, city, ratio):
    province_bulletin = make_bulletin(region=province, body="正文")
    yearly(province_bulletin, ratio, province, [93.1], first_year=2023)
    yearly(province_bulletin, ratio, province, [94.2], first_year=2023, qualifier="扣除沙尘异常超标天数后")
    yearly(make_bulletin(region=city, body="正文"), ratio, city, [95.0], first_year=2024)
    cards = page(client, "/")
    lead = re.search(r'class="headline-value"><a [^>]*>([^<]+)<', cards).group(1)
    assert lead == "93.1"


def test_figures_without_a_known_city_say_so(client, ratio):
    bulletin = make_bulletin(region=None, region_label="口市", body="正文")
    make_observation(bulletin=bulletin, indicator=ratio, value="215", region=None)
    assert "口市（城市不详）" in page(client, ratio.get_absolute_url())

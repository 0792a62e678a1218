"""The catalogue a reader can scan: environment first, the administrations' own work apart,
a few indicators per category with the rest a filter away, filters by category and region."""

import pytest

from tests.factories import make_bulletin, make_indicator, make_observation, make_region

pytestmark = pytest.mark.django_db


def section(html, code):
    start = html.index(f'id="section-{code}"')
    end = html.find('class="catalogue-section"', start)
    return html[start : end if end > 0 else len(html)]


def test_environmental_measures_come_first_and_administrative_counts_apart(client, city, ratio, bulletin):
    cadres = make_indicator(code="cadres", name="选拔任用科级干部", unit="名", category="capacity")
    cases = make_indicator(code="cases", name="行政处罚案件", unit="件", category="enforcement")
    for indicator, value in ((ratio, "93.1"), (cadres, "2"), (cases, "644")):
        make_observation(bulletin=bulletin, indicator=indicator, value=value)
    html = client.get("/indicators/").content.decode()
    assert html.index('id="section-environment"') < html.index('id="section-enforcement"') < html.index('id="section-administration"')
    assert "选拔任用科级干部" in section(html, "administration")
    assert "选拔任用科级干部" not in section(html, "environment") + section(html, "enforcement")
    assert "<details" in html[: html.index('id="section-administration"')], "the administrations' work is folded"


def test_each_category_lists_a_few_and_its_filter_lists_all_with_what_each_means(client, city, bulletin):
    for n in range(5):
        indicator = make_indicator(code=f"air-{n}", name=f"空气指标{n}", category="air", definition=f"第{n}个空气指标的含义。其余说明。")
        make_observation(bulletin=bulletin, indicator=indicator, value=str(10 + n))
    html = client.get("/indicators/").content.decode()
    assert html.count('class="catalogue-item"') == 3
    assert "另外 2 个“大气”指标" in html and 'href="?category=air"' in html
    everything = client.get("/indicators/?category=air").content.decode()
    assert everything.count('class="catalogue-item"') == 5
    assert "第0个空气指标的含义。" in everything and "其余说明" not in everything, "the first sentence only"


def test_the_region_filter_keeps_the_indicators_with_figures_there(client, city, ratio, bulletin):
    other = make_region(slug="other", name="别市")
    cases = make_indicator(code="cases", name="行政处罚案件", unit="件", category="enforcement")
    make_observation(bulletin=bulletin, indicator=ratio, region=city, value="93.1")
    make_observation(bulletin=make_bulletin(region=other), indicator=cases, region=other, value="644")
    html = client.get(f"/indicators/?region={city.slug}").content.decode()
    assert "93.1" in html and "行政处罚案件" not in html


@pytest.mark.parametrize("query", ["category=nope", "region=nope", "region=" + "x" * 300, "category=%00&region=%00"])
def test_an_unknown_filter_is_named_and_left_out_not_a_500(client, query):
    response = client.get(f"/indicators/?{query}")
    assert response.status_code == 200
    assert "没有这样的筛选条件，已忽略" in response.content.decode()

"""An indicator page explains: definition, axes with ticks, the national limit, a legend, and
figures of different periods or qualifiers never on one scale (there or on the home page)."""

import re
from datetime import date

import pytest

from indicators.charts import BarGroup, Point, bar_chart
from indicators.models import IndicatorLimit
from tests.factories import make_bulletin, make_indicator, make_observation

pytestmark = pytest.mark.django_db


def svgs(html):
    return re.findall(r"<svg.*?</svg>", html, re.S)


def test_a_bar_chart_has_an_axis_with_round_ticks():
    group = BarGroup("2023年", [Point(93.1, "93.1%", "/b/#obs-1", "点")])
    svg = bar_chart([group], id_prefix="t", title="图")
    ticks = re.findall(r'text-anchor="middle"[^>]*>([\d,.]+)</text>', svg)
    assert ticks == ["0", "25", "50", "75", "100"]


@pytest.fixture
def pm25(city):
    indicator = make_indicator(code="pm25", name="PM2.5年均浓度", name_en="PM2.5, annual mean", unit="微克/立方米",
                               higher_is_better=False, definition="细颗粒物的年均浓度。",
                               definition_en="The annual mean concentration of fine particles.")
    IndicatorLimit.objects.create(indicator=indicator, value=35, unit_code="ug/m3",
                                  basis="GB 3095-2012 二级浓度限值（年平均）", basis_en="GB 3095-2012 grade II limit (annual mean)")
    return indicator


def test_the_national_limit_is_a_reference_line_over_whole_years_and_named_in_the_legend(client, city, bulletin, pm25):
    make_observation(bulletin=bulletin, indicator=pm25, region=city, value="28")
    make_observation(bulletin=bulletin, indicator=pm25, region=city, value="31", period_start=date(2024, 1, 1),
                     period_end=date(2024, 11, 30), period_label="1—11月")
    html = client.get(pm25.get_absolute_url()).content.decode()
    months, whole_year = [svg for svg in svgs(html) if 'class="chart bar-chart"' in svg]
    assert "1—11月" in months, "newest period first"
    assert 'class="reference"' in whole_year and "国家标准 35" in whole_year
    assert 'class="reference"' not in months, "an annual limit is not drawn over eleven months"
    legend = html[html.index('class="chart-legend"') :]
    assert "GB 3095-2012 二级浓度限值（年平均）" in legend[: legend.index("</ul>")]


def test_the_definition_and_limit_are_shown_in_the_readers_language(client, city, bulletin, pm25):
    make_observation(bulletin=bulletin, indicator=pm25, region=city, value="28")
    client.cookies["django_language"] = "en"
    html = client.get(pm25.get_absolute_url()).content.decode()
    assert "The annual mean concentration of fine particles." in html
    assert "35 μg/m³ (GB 3095-2012 grade II limit (annual mean))" in html


def test_the_home_page_never_draws_figures_of_different_periods_on_one_scale(client, city):
    cases = make_indicator(code="cases", name="行政处罚案件", unit="件", higher_is_better=None, is_headline=True)
    make_observation(bulletin=make_bulletin(region=city), indicator=cases, region=city, value="644", period_label="2021年",
                     period_start=date(2021, 1, 1), period_end=date(2021, 12, 31))
    make_observation(bulletin=make_bulletin(region=city), indicator=cases, region=city, value="2880", unit="起",
                     period_label="“十三五”期间", period_start=None, period_end=date(2020, 12, 31))
    html = client.get("/").content.decode()
    card = html[html.index('id="headline-title"') : html.index('id="latest-bulletins"')]
    charts = [svg for svg in svgs(card) if "bar-chart" in svg]
    assert len(charts) == 2
    assert all(len(re.findall(r'class="bar"', svg)) == 1 for svg in charts), "one figure per scale"

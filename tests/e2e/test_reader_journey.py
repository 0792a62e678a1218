"""A citizen reads the portal on a phone and on a desktop: from the home page's headline
indicator to the sentence a chart point comes from, the region, search, and English."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from indicators.models import Observation

from .helpers import DESKTOP, PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TARGET_HIGHLIGHT = "rgb(255, 217, 102)"  # mark.figure-mark:target in site.css


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reader_follows_a_headline_figure_to_its_sentence_region_search_and_english(
    transactional_db, new_context, shoot, viewport
):
    call_command("loaddata", "portal", verbosity=0)
    page = new_context(viewport=viewport).new_page()

    page.goto("/")
    card = page.locator(".headline-card").first
    indicator_name = card.locator("h3").inner_text()
    expect(card.locator("svg.chart").first).to_be_visible()  # one small chart per period and qualifier
    shoot(page, "01-home")

    card.get_by_role("link", name="图表与全部数值").click()
    page.wait_for_url("**/indicators/*/")
    expect(page.locator("h1")).to_have_text(indicator_name)
    chart = page.locator(".indicator-charts svg.chart").first
    expect(chart).to_be_visible()
    shoot(page, "02-indicator-chart")

    point = chart.locator("a").first
    href = point.get_attribute("href")
    observation = Observation.objects.select_related("bulletin", "region").get(pk=int(href.rsplit("-", 1)[1]))
    point.click()
    page.wait_for_url(re.compile(rf"/bulletins/{observation.bulletin.slug}/#obs-{observation.pk}$"))
    sentence = page.locator(f"#obs-{observation.pk}")
    expect(sentence).to_be_in_viewport()
    assert sentence.evaluate("el => el.matches(':target')")
    if sentence.evaluate("el => el.tagName") == "MARK":  # marked in the body, not only listed
        assert sentence.evaluate("el => getComputedStyle(el).backgroundColor") == TARGET_HIGHLIGHT
    assert observation.value_text in sentence.inner_text()
    assert sentence.inner_text().strip() in observation.quote
    shoot(page, "03-highlighted-sentence", full_page=False)

    region = observation.bulletin.region
    page.locator(".bulletin-header .breadcrumbs").get_by_role("link", name=region.name).click()
    page.wait_for_url(f"**/regions/{region.slug}/")
    expect(page.locator("h1")).to_have_text(region.name)
    expect(page.get_by_role("link", name=observation.bulletin.title).first).to_be_visible()
    shoot(page, "04-region")

    page.get_by_role("searchbox", name="搜索公报").fill("水质")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    results = page.locator(".search-result h2 a")
    expect(results.first).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("“水质”")
    search_url = page.url
    shoot(page, "05-search")

    page.get_by_role("button", name="English").click()
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.url == search_url
    expect(page.get_by_role("navigation", name="Main navigation")).to_contain_text("Indicators")
    expect(results.first).to_be_visible()
    shoot(page, "06-english")

    page.get_by_role("button", name="中文").click()
    page.wait_for_function("() => document.documentElement.lang === 'zh-Hans'")
    assert page.url == search_url
    expect(page.get_by_role("navigation", name="主导航")).to_contain_text("环境指标")
    shoot(page, "07-back-to-chinese", full_page=False)

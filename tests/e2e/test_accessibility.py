"""Accessibility in a real browser: axe-core on every public page template and the main admin
pages, keyboard-only use, and text alternatives of the charts.

The pages are those of the shipped fixtures, so that real bulletins, tables and charts are
checked. Each context that runs axe bypasses the CSP, which would block the injected script.
"""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ecoportal.publishing import Status
from tests.factories import make_bulletin, make_user

from .helpers import AXE, DESKTOP, PHONE, log_in, report, serious_violations

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not AXE.exists(), reason=f"no axe-core at {AXE} (run npm ci in tests/e2e)"),
]

PUBLIC_PAGES = {
    "home": "/",
    "bulletin list": "/bulletins/",
    "bulletin list, filtered": "/bulletins/?region=yichun",
    "bulletin": "/bulletins/yichun-highlights/",
    "achievement lists": "/achievements/",
    "achievement list": "/achievements/yichun-highlights/",
    "indicators": "/indicators/",
    "indicators, filtered": "/indicators/?category=air&region=heilongjiang",
    "indicator": "/indicators/pm25/",
    "regions": "/regions/",
    "region": "/regions/heilongjiang/",
    "city": "/regions/yichun/",
    "about": "/about/",
    "search results": "/search/?q=水质",
    "search, nothing found": "/search/?q=不存在的词语",
    "not found": "/no-such-page/",
}

# What the keyboard can reach: the focusable elements a reader can see. Chart points are left
# out on purpose (tabindex=-1): each one's link is also in the table beside the chart.
FOCUSABLE = """() => [...document.querySelectorAll(
    'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex]'
)].filter(el => el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true}))"""


@pytest.fixture
def shipped_site(transactional_db):
    call_command("loaddata", "portal", verbosity=0)


def keyboard_walk(page, limit=400):
    """Tab through the page from its top: each element reached, in order, and how it shows focus.

    Stops when focus leaves the document or comes back to the first element (no trap).
    """
    page.evaluate(f"() => ({FOCUSABLE})().forEach((el, i) => el.dataset.kbd = i)")
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        step = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body || el.dataset.kbd === undefined) return null;
                const style = getComputedStyle(el);
                return {index: Number(el.dataset.kbd), shown: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
            }"""
        )
        if step is None or (reached and step["index"] == reached[0]["index"]):
            break
        reached.append(step)
    return reached


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_public_pages_have_no_serious_violations_and_work_by_keyboard(shipped_site, new_context, viewport):
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    problems = {}
    for name, url in PUBLIC_PAGES.items():
        response = page.goto(url)
        assert response.status == (404 if name == "not found" else 200), url
        found = serious_violations(page)
        total = page.evaluate(f"() => ({FOCUSABLE})().length")
        reached = keyboard_walk(page)
        missed = total - len({step["index"] for step in reached})
        if missed:
            found.append(f"keyboard: {missed} of {total} focusable elements not reached by Tab")
        unseen = [step["index"] for step in reached if not step["shown"]]
        if unseen:
            found.append(f"keyboard: no visible focus on elements {unseen[:10]}")
        if found:
            problems[name] = found
    assert not problems, report(problems)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_english_pages_have_no_serious_violations(shipped_site, site, new_context, viewport):
    """The same pages in English (the reader's language cookie), where Chinese quotes and names
    are marked ``lang="zh-Hans"`` inside an English document; and the indicator page as
    published on a past day."""
    context = new_context(viewport=viewport, bypass_csp=True)
    context.add_cookies([{"name": "django_language", "value": "en", "url": site}])
    page = context.new_page()
    problems = {}
    pages = {**PUBLIC_PAGES, "indicator, as published on a day": "/indicators/pm25/?as_of=2024-03-01"}
    for name, url in pages.items():
        response = page.goto(url)
        assert response.status == (404 if name == "not found" else 200), url
        assert page.evaluate("() => document.documentElement.lang") == "en", url
        found = serious_violations(page)
        if found:
            problems[name] = found
    assert not problems, report(problems)


def test_admin_pages_have_no_serious_violations(shipped_site, new_context):
    make_user(username="a11y.editor", password="Editor-pass-2024", groups=["Editor"])
    # A bulletin in every state, so the changelist shows each status badge.
    for status in (Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED):
        make_bulletin(status=status)
    make_bulletin(publish_at=timezone.now() + timedelta(days=1))
    page = new_context(bypass_csp=True).new_page()
    page.goto("/admin/login/")
    problems = {"login": serious_violations(page)}
    log_in(page, "a11y.editor", "Editor-pass-2024")
    page.goto("/admin/")
    problems["admin index"] = serious_violations(page)
    page.goto("/admin/bulletins/bulletin/")
    problems["bulletin changelist"] = serious_violations(page)
    page.get_by_role("link", name="伊春市生态环境保护工作亮点（15项）").click()
    page.wait_for_url("**/change/")
    problems["bulletin change form"] = serious_violations(page)
    problems = {name: found for name, found in problems.items() if found}
    assert not problems, report(problems)


def tab_to(page, text, limit=20):
    """Press Tab until the focused element reads ``text``; fail if it is never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.locator(":focus").inner_text().strip() == text:
            return
    pytest.fail(f"“{text}” not reached in {limit} presses of Tab on {page.url}")


def test_the_skip_link_navigation_and_language_switcher_work_by_keyboard(shipped_site, new_context, shoot):
    page = new_context().new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "跳到正文"
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0, "the focused skip link is on screen"
    shoot(page, "01-skip-link", full_page=False)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null"), "the header is skipped"

    # From the top through the header to the main navigation; Enter follows the link.
    page.goto("/")
    tab_to(page, "环境指标", limit=6)
    page.keyboard.press("Enter")
    page.wait_for_url("**/indicators/")
    assert page.locator("h1").inner_text() == "环境指标"

    # The language switcher is a button in the header: reached by Tab, pressed with Enter.
    tab_to(page, "English", limit=12)
    shoot(page, "02-language-button-focused", full_page=False)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.url.endswith("/indicators/")
    assert page.locator("h1").inner_text() == "Indicators"
    tab_to(page, "中文", limit=12)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.documentElement.lang === 'zh-Hans'")
    assert page.locator("h1").inner_text() == "环境指标"


def test_every_chart_has_a_text_alternative(shipped_site, new_context):
    page = new_context().new_page()
    for url in ["/", "/indicators/pm25/", "/indicators/air-good-days-ratio/", "/indicators/good-water-ratio/"]:
        page.goto(url)
        charts = page.locator("svg.chart")
        assert charts.count() > 0, url
        for chart in charts.all():
            title = chart.locator("title").first.text_content().strip()
            description = chart.locator("desc").text_content().strip()
            assert title and description, f"a chart on {url} lacks its title or description"
            # The name assistive technology gets, computed from the accessibility tree.
            named = page.get_by_role("group", name=f"{title} {description}", exact=True)
            assert named.count() >= 1, f"chart “{title}” on {url} is not named by its title and description"
            # Every point drawn is also said in words: its value is in the description
            # (beyond 30 values the description sends the reader to the table instead).
            for tooltip in chart.locator("a > title").all_text_contents():
                value = tooltip.rsplit("：", 1)[1].split("（")[0]
                assert value in description or "见表格" in description, (url, title, tooltip)

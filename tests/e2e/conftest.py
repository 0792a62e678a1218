"""Browser tests: Playwright drives the system's Chromium against pytest-django's live server.

No browser is ever downloaded: Chromium is the one at ``CHROMIUM`` (Debian's package by
default), and every test here is skipped, saying why, when it or Playwright is missing.
Screenshots of the journeys' key steps go to ``artifacts/e2e/`` for a person to look at.
"""

import os
import shutil
from pathlib import Path

import pytest

from .helpers import CHROMIUM, CHROMIUM_ARGS, DESKTOP, SCREENSHOTS

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the test extras are not installed
    sync_playwright = None

def _missing():
    if sync_playwright is None:
        return "Playwright is not installed (pip install -r requirements.lock)"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _missing()
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
            if reason:
                item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))


@pytest.fixture(scope="package")
def browser(django_db_setup):
    from django.db import connections

    # Playwright's sync API keeps an asyncio loop in this thread, which Django's async-safety
    # check mistakes for async code: allowed only while the browser runs.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    playwright = sync_playwright().start()
    # Inside that loop Django hands out new connection objects (to the same test databases);
    # they need the contents serialized at set-up for serialized_rollback to restore them.
    for alias, contents in serialized.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def site(live_server, settings, tmp_path):
    """The live server with the page cache on, as readers get it in production."""
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED = True
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield live_server.url
    cache.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "call":
        item.failed_in_call = report.failed
    return report


@pytest.fixture
def new_context(request, browser, site, shoot):
    """Opens a browser context (a separate reader or editor: own cookies and HTTP cache).

    When the test fails, each page still open is saved as ``failed-<n>.png`` beside its steps.
    """
    contexts = []

    def open_context(viewport=DESKTOP, **options):
        context = browser.new_context(base_url=site, viewport=viewport, locale="zh-CN", **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield open_context
    if getattr(request.node, "failed_in_call", False):
        pages = [page for context in contexts for page in context.pages]
        for n, page in enumerate(pages, 1):
            shoot(page, f"failed-{n}")
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.fixture
def shoot(request, screenshot_dir):
    """``shoot(page, "03-submitted")`` saves artifacts/e2e/<test>/03-submitted.png."""
    folder = screenshot_dir / request.node.name.replace("/", "_")

    def save(page, name, full_page=True):
        folder.mkdir(exist_ok=True)
        page.screenshot(path=folder / f"{name}.png", full_page=full_page)

    return save


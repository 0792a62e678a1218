"""Browser tests: Playwright drives the system's Chromium against pytest-django's live server.

No browser is ever downloaded: Chromium is the one at ``CHROMIUM`` (Debian's package by
default), and every test here is skipped, saying why, when it or Playwright is missing.
Screenshots of the journeys' key steps go to ``artifacts/e2e/`` for a person to look at.
"""

import fcntl
import importlib
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
    # Playwright's sync API keeps an asyncio loop in this thread, which Django's async-safety
    # check mistakes for async code: allowed only while the browser runs.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(autouse=True)
def editorial_groups(transactional_db):
    """The Author, Editor and Administrator groups, as the data migrations make them.

    A live server needs a transactional database, which is emptied after each test that uses
    one (content types and permissions come back, data rows of migrations do not), so the
    groups are put back here from the migrations' own definitions. ``serialized_rollback`` would
    restore them too, but fails once an earlier transactional test has recreated the content
    types under other ids.
    """
    from django.contrib.auth.models import Group, Permission

    roles = importlib.import_module("bulletins.migrations.0003_editorial_groups").GROUPS
    lockouts = importlib.import_module("bulletins.migrations.0004_administrators_see_sign_in_attempts")
    for name, wanted in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in wanted.items():
            group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    without_review = importlib.import_module("bulletins.migrations.0010_administrators_publish_without_review")
    Group.objects.get(name="Administrator").permissions.add(
        *Permission.objects.filter(content_type__app_label="axes", codename__in=lockouts.AXES_PERMISSIONS),
        *Permission.objects.filter(content_type__app_label="bulletins", codename=without_review.CODENAME),
    )


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
    """artifacts/e2e/, emptied once a run: with pytest-xdist each worker gets here, and only the
    first of this run (the lock and the run's id decide) may clear what the others shot."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run is None:
        shutil.rmtree(SCREENSHOTS, ignore_errors=True)
        SCREENSHOTS.mkdir(parents=True)
        return SCREENSHOTS
    SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
    with open(SCREENSHOTS.parent / ".e2e.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stamp = SCREENSHOTS / ".run"
        if not stamp.exists() or stamp.read_text() != run:
            shutil.rmtree(SCREENSHOTS, ignore_errors=True)
            SCREENSHOTS.mkdir()
            stamp.write_text(run)
    return SCREENSHOTS


@pytest.fixture
def shoot(request, screenshot_dir):
    """``shoot(page, "03-submitted")`` saves artifacts/e2e/<test>/03-submitted.png."""
    folder = screenshot_dir / request.node.name.replace("/", "_")

    def save(page, name, full_page=True):
        folder.mkdir(exist_ok=True)
        page.screenshot(path=folder / f"{name}.png", full_page=full_page)

    return save


"""A withdrawn, archived or trashed bulletin leaves every public surface, whatever Redis did.

The portal runs as in production (gunicorn, DEBUG off, the page cache and memoised values in a
Redis of this test's own, on a free port; never the shared one), over a SQLite file that other
processes write too. Three marked bulletins are published and every public surface is read
twice in both languages, so that each is kept in Redis. Then:

* Redis is paused (SIGSTOP) while a ``manage.py shell`` in another process withdraws the first;
  the site is crawled while Redis is paused and again once it answers.
* Redis writes what it holds to disk and stops; the second is archived through the admin and
  the third moved to the trash from a shell; Redis starts again from its saved data, every page
  of before included.

After each change, no surface shows the item (a detail is a 404), and pages are still served
from Redis (hits), so the cache was in use, not bypassed.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

pytestmark = pytest.mark.separate_processes

ROOT = Path(__file__).resolve().parents[2]
REDIS = shutil.which("redis-server")
LANGUAGES = ("zh-hans", "en")
MARKERS = {"withdrawn": "耐久检验甲", "archived": "耐久检验乙", "trashed": "耐久检验丙"}

SEED = """
from django.contrib.auth import get_user_model
from tests.factories import make_achievement_list, make_bulletin, make_indicator, make_observation, make_region
region = make_region(slug="durable-city", name="耐久市", name_en="Durable City")
indicator = make_indicator(code="durable-days", is_headline=True)
for key, marker in {markers!r}.items():
    bulletin = make_bulletin(slug=f"durable-{{key}}", title=f"{{marker}}公报", region=region, summary=f"{{marker}}摘要")
    make_achievement_list(bulletin, slug=f"durable-list-{{key}}", title=f"{{marker}}成果清单")
    make_observation(bulletin=bulletin, indicator=indicator, region=region, value="301", quote=f"{{marker}}优良天数301天。")
    print("ID", key, bulletin.pk)
get_user_model().objects.create_superuser("durable-editor", "editor@example.org", "durable-password-1")
"""

CHANGE = """
from django.contrib.auth import get_user_model
from bulletins import workflow
from bulletins.models import Bulletin
editor = get_user_model().objects.get(username="durable-editor")
bulletin = Bulletin.objects.get(slug="durable-{key}")
workflow.bulletin_{action}(bulletin, by=editor, comment="耐久检验")
"""


def surfaces(key, marker):
    """Every public surface that shows the bulletin ``key`` while it is public."""
    slug, query = f"durable-{key}", quote(marker)
    return [
        f"/bulletins/{slug}/",
        "/",
        "/bulletins/",
        "/bulletins/?region=durable-city",
        "/regions/durable-city/",
        "/achievements/",
        f"/achievements/durable-list-{key}/",
        "/indicators/durable-days/",
        # /indicators/durable-days.csv redirects here, the download the indicator page offers.
        "/api/v1/observations/?indicator=durable-days&ordering=-period_end&format=csv",
        "/feeds/bulletins/",
        "/feeds/bulletins/atom/",
        "/sitemap-bulletins.xml",
        f"/search/?q={query}",
        "/api/v1/bulletins/",
        f"/api/v1/bulletins/{slug}/",
        "/api/v1/achievement-lists/",
        "/api/v1/observations/?indicator=durable-days",
        "/api/v1/observations/?format=csv&indicator=durable-days",
        f"/api/v1/bulletins/?q={query}",
    ]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = {}

    def request(self, path, *, language="zh-hans", data=None, signed_in=False):
        headers = {"X-Forwarded-Proto": "https", "Accept-Language": language}
        if signed_in:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
            headers["Origin"] = headers["Referer"] = self.base.replace("http://", "https://")
        body = urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for cookie in response.headers.get_all("Set-Cookie") or []:
                name, _, value = cookie.split(";", 1)[0].partition("=")
                self.cookies[name.strip()] = value
            return response.status, response.headers, response.read().decode("utf-8", errors="replace")

    def sign_in(self, username, password):
        _, _, page = self.request("/admin/login/", signed_in=True)
        self.request(
            "/admin/login/?next=/admin/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": _token(page), "next": "/admin/"},
            signed_in=True,
        )
        assert "sessionid" in self.cookies, "could not sign in to the admin"

    def admin_post(self, path, page, **data):
        _, _, form = self.request(page, signed_in=True)
        status, headers, _ = self.request(path, data={"csrfmiddlewaretoken": _token(form), **data}, signed_in=True)
        assert status == 302, f"{path} answered {status}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.fixture
def portal(tmp_path):
    """Redis, the database and gunicorn, each of this test's own; stopped whatever happens."""
    redis_port, web_port = _free_port(), _free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PYTEST_CURRENT_TEST", "ECOPORTAL_TESTING"}}
    env.update(
        DEBUG="0", SECRET_KEY="durable-" + "x" * 50, ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="0",
        ECOPORTAL_DATA_DIR=str(tmp_path), REDIS_URL=f"redis://127.0.0.1:{redis_port}/0", PAGE_CACHE="1",
        API_ANON_RATE="100000/minute", STATIC_ROOT=str(tmp_path / "static"), PAGE_CACHE_RELEASE="durable",
        GUNICORN_BIND=f"127.0.0.1:{web_port}", GUNICORN_WORKERS="2", GUNICORN_ACCESSLOG="", GUNICORN_LOGLEVEL="warning",
    )
    redis_command = [REDIS, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--dir", str(tmp_path), "--dbfilename", "redis.rdb"]
    processes = {}

    def start_redis():
        processes["redis"] = subprocess.Popen(redis_command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        _wait_for_port(redis_port)

    def manage(*args, script=None):
        command = [sys.executable, "manage.py", *args] + (["--no-imports", "-c", script] if script else [])
        result = subprocess.run(command, cwd=ROOT, env=env, timeout=300, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    start_redis()
    try:
        manage("migrate", "--noinput", "-v0")
        manage("collectstatic", "--noinput", "-v0")
        seeded = manage("shell", script=SEED.format(markers=MARKERS))
        ids = dict(line.split()[1:] for line in seeded.splitlines() if line.startswith("ID "))
        processes["web"] = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "ecoportal.wsgi"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )
        _wait_for_port(web_port)
        yield {
            "site": Site(web_port), "redis": processes, "ids": ids, "start_redis": start_redis, "manage": manage,
            "redis_cli": lambda *words: subprocess.run(
                ["redis-cli", "-p", str(redis_port), *words], check=True, timeout=30, capture_output=True
            ),
        }
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGCONT)
                process.terminate()
                process.wait(timeout=30)


def _wait_for_port(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listening on port {port} after {timeout} s")


def crawl(site, key):
    """Where the marker of ``key`` shows, in either language, and how many pages came from Redis."""
    marker, shown, hits = MARKERS[key], [], 0
    for language in LANGUAGES:
        for path in surfaces(key, marker):
            status, headers, body = site.request(path, language=language)
            assert status in (200, 404), f"{path} ({language}) answered {status}"
            hits += headers.get("X-Page-Cache") == "hit"
            # A search page repeats its query: there only a link to the bulletin counts.
            if status == 200 and (f"durable-{key}/" in body or ("q=" not in path and marker in body)):
                shown.append(f"{path} ({language})")
    return shown, hits


@pytest.mark.skipif(REDIS is None or shutil.which("redis-cli") is None, reason="redis-server is not installed")
def test_no_surface_shows_a_withdrawn_archived_or_trashed_bulletin_whatever_redis_did(portal):
    site, manage = portal["site"], portal["manage"]
    for key in MARKERS:
        crawl(site, key)  # keeps every surface in Redis
        shown, hits = crawl(site, key)
        assert len(shown) == 2 * len(surfaces(key, "")), f"{key} not on every surface before: {shown}"
        assert hits == len(shown), "every surface is served from the cache before the change"

    redis = portal["redis"]["redis"]
    redis.send_signal(signal.SIGSTOP)  # paused: connections hang until the client gives up
    manage("shell", script=CHANGE.format(key="withdrawn", action="withdraw"))
    assert crawl(site, "withdrawn")[0] == [], "shown while Redis is paused"
    redis.send_signal(signal.SIGCONT)
    time.sleep(6)  # past the time each worker leaves an unreachable Redis alone
    assert crawl(site, "withdrawn")[0] == [], "shown once Redis answers again"

    portal["redis_cli"]("SHUTDOWN", "SAVE")  # on disk: every page kept before the changes
    redis.wait(timeout=30)
    site.sign_in("durable-editor", "durable-password-1")
    archived = portal["ids"]["archived"]
    site.admin_post(
        f"/admin/bulletins/bulletin/{archived}/transition/archive/",
        f"/admin/bulletins/bulletin/{archived}/change/",
        comment="耐久检验",
    )
    manage("shell", script=CHANGE.format(key="trashed", action="trash"))
    portal["start_redis"]()
    time.sleep(6)
    pages_kept = portal["redis_cli"]("DBSIZE").stdout
    assert int(pages_kept) > 0, "Redis came back empty: the test would prove nothing"
    for key in MARKERS:
        shown, _ = crawl(site, key)
        assert shown == [], f"{key} still shown after Redis came back: {shown}"
    _, hits = crawl(site, "withdrawn")
    assert hits > 0, "pages are served from Redis again"

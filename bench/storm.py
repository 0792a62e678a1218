"""The publication storm of bench/run.py, and the check that no server serves a stale page.

Every ``interval`` seconds a draft bulletin with five figures (a random city, five demo
indicators) is created beside the servers, then published through the editorial workflow by
an editor signed in to the *publishing* server: the POST of the admin's "publish without
review" button, as an editor would send it. As soon as that request returns, the pages that
must now show the bulletin are read, anonymously, from the *reading* server — another gunicorn
over the same PostgreSQL and Redis (``--servers 2``), or the same one: the bulletin itself, the
home page, the bulletin list, its region's page and the API's bulletin list. The same pages are
then rendered beside the servers with nothing kept (no page cache, no memoised value, no Redis):
a page that shows the bulletin there but not on the server is stale. (Whether a list's first
page shows it depends on the data too: on PostgreSQL the list pages put bulletins with no issue
date before the newest, so they may rightly not show it; those are counted apart.)
``stale_pages`` and ``compare`` are that check; tests/test_bench_storm.py tests them.
"""

import json
import re
import secrets
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "bench-storm-"

#: The pages that show a bulletin as soon as it is published, and how to reach each of them.
PAGES = [
    ("bulletin", "/bulletins/{slug}/"),
    ("home", "/"),
    ("bulletin list", "/bulletins/"),
    ("region page", "/regions/{region}/"),
    ("API bulletin list", "/api/v1/bulletins/"),
]


def shows(status, body, slug):
    """Whether a page (its HTTP status and text) shows the bulletin ``slug``: it answers 200 and
    links to the bulletin (the API gives each bulletin's URL, the pages link to it, the bulletin's
    own page names itself in its canonical link and language switch)."""
    return status == 200 and f"/bulletins/{slug}/" in body


def stale_pages(get, bulletin):
    """The names of the PAGES that do not show ``bulletin`` ({"slug", "region"}), read through
    ``get(path) -> (status, text)``, each read once, in order."""
    return [name for name, template in PAGES if not shows(*get(template.format(**bulletin)), bulletin["slug"])]


def compare(missing_on_server, missing_in_reference):
    """(stale, absent): the pages the server did not show the bulletin on although the reference
    rendering did, and those where neither did (the data puts it elsewhere)."""
    stale = [name for name in missing_on_server if name not in missing_in_reference]
    absent = [name for name in missing_on_server if name in missing_in_reference]
    return stale, absent


_DRAFTS = """
import json, random, sys
from decimal import Decimal
from django.contrib.auth import get_user_model
from django.utils import timezone
from bulletins import workflow
from bulletins.models import Bulletin, Region
from indicators.models import Indicator, Observation
prefix, password = sys.argv[1], sys.argv[2]
editor, _ = get_user_model().objects.get_or_create(username="bench-publisher")
editor.is_superuser = editor.is_staff = editor.is_active = True
editor.set_password(password)
editor.save()
regions = list(Region.objects.filter(level="prefecture")) or list(Region.objects.all())
indicators = list(Indicator.objects.filter(code__startswith="demo-")) or list(Indicator.objects.all())
rng, n = random.Random(24), 0
print("ready", flush=True)
for line in sys.stdin:
    words = line.split()
    if words[0] == "draft":
        n, region, today = n + 1, rng.choice(regions), timezone.localdate()
        bulletin = workflow.bulletin_create(Bulletin(
            title=f"［示例］压测公报{n}", slug=f"{prefix}{int(timezone.now().timestamp() * 1000)}-{n}",
            body="［示例］正文。", raw_text="［示例］正文。", region=region, issued_on=today), by=editor)
        for indicator in rng.sample(indicators, min(5, len(indicators))):
            value = Decimal(rng.randint(10, 990)) / 10
            Observation.objects.create(
                bulletin=bulletin, indicator=indicator, region=region, period_start=today.replace(month=1, day=1),
                period_end=today, period_label="［示例］今年以来", value=value, value_text=str(value),
                unit=indicator.unit, quote=f"［示例］数值为{value}{indicator.unit}。")
        print(json.dumps({"id": bulletin.pk, "slug": bulletin.slug, "region": region.slug}), flush=True)
    elif words[0] == "public":
        print(int(Bulletin.objects.published().filter(pk=int(words[1])).exists()), flush=True)
    elif words[0] == "missing":  # the pages that do not show it, rendered with nothing kept
        from django.test import Client
        from bench.storm import stale_pages
        client = Client(HTTP_HOST="127.0.0.1")
        def get(path):
            response = client.get(path)
            return response.status_code, response.content.decode()
        print(json.dumps(stale_pages(get, json.loads(line.split(None, 1)[1]))), flush=True)
"""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def request(url, *, data=None, cookies=None, timeout=60):
    """(status, headers, text) of one request, redirects not followed."""
    headers = {"Accept-Encoding": "identity"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = urlencode(data).encode() if data is not None else None
    try:
        response = _OPENER.open(urllib.request.Request(url, data=body, headers=headers), timeout=timeout)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        if cookies is not None:
            for cookie in response.headers.get_all("Set-Cookie") or []:
                name, _, value = cookie.split(";", 1)[0].partition("=")
                cookies[name.strip()] = value
        return response.status, response.headers, response.read().decode("utf-8", errors="replace")


class Storm:
    """Publishes through ``publish_on`` every ``interval`` seconds for at most ``seconds`` and,
    after each publication, reads PAGES from ``read_from`` (``Server``s of bench/run.py)."""

    def __init__(self, python, env, interval, seconds, publish_on, read_from):
        self.interval, self.until = interval, time.monotonic() + seconds
        self.publish_on, self.read_from = publish_on, read_from
        password = secrets.token_urlsafe(24)
        setup = 'import os, django\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")\ndjango.setup()\n'
        # Without Redis and with the page cache off, its renderings are the reference: nothing kept.
        env = {key: value for key, value in env.items() if key != "REDIS_URL"}
        env.update(PAGE_CACHE="0", PAGE_CACHE_MEMO="0", DJANGO_SETTINGS_MODULE="ecoportal.settings")
        self.drafts = subprocess.Popen(
            [python, "-c", setup + _DRAFTS, PREFIX, password], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        if self.drafts.stdout.readline().strip() != "ready":
            raise SystemExit("the storm's draft writer did not start")
        self.cookies = {}
        self._sign_in(password)
        self.records, self.stopped = [], threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _ask(self, line):
        self.drafts.stdin.write(line + "\n")
        self.drafts.stdin.flush()
        return self.drafts.stdout.readline()

    def _sign_in(self, password):
        _, _, page = request(self.publish_on.url("/admin/login/"), cookies=self.cookies)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, _, _ = request(
            self.publish_on.url("/admin/login/?next=/admin/"), cookies=self.cookies,
            data={"username": "bench-publisher", "password": password, "csrfmiddlewaretoken": token, "next": "/admin/"},
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"the storm's editor could not sign in (HTTP {status})")

    def _get(self, path):
        status, headers, text = request(self.read_from.url(path))
        self.hits += headers.get("X-Page-Cache") == "hit"
        return status, text

    def _run(self):
        while not self.stopped.is_set() and time.monotonic() < self.until:
            started = time.monotonic()
            try:
                self.records.append(self._publish_and_check())
            except (OSError, ValueError) as error:  # a refused connection, a reply cut short
                self.records.append({"error": repr(error)})
            self.stopped.wait(max(0.0, self.interval - (time.monotonic() - started)))

    def _publish_and_check(self):
        draft = json.loads(self._ask("draft"))
        started = time.monotonic()
        # The login rotated the CSRF secret; its cookie's value is a valid token on its own.
        status, _, _ = request(
            self.publish_on.url(f"/admin/bulletins/bulletin/{draft['id']}/transition/publish_without_review/"),
            cookies=self.cookies,
            data={"csrfmiddlewaretoken": self.cookies["csrftoken"], "comment": "bench", "override_reason": "bench"},
        )
        returned = time.monotonic()
        self.hits = 0
        missing = stale_pages(self._get, draft)
        checked, hits = time.monotonic(), self.hits
        published = status == 302 and self._ask(f"public {draft['id']}").strip() == "1"
        stale, absent = compare(missing, json.loads(self._ask("missing " + json.dumps(draft))) if missing else [])
        # Stale pages read again a second later: a page late, or one that stays wrong.
        time.sleep(1.0 if stale else 0)
        still = [name for name in stale if not shows(*self._get(dict(PAGES)[name].format(**draft)), draft["slug"])]
        return {
            "publish_ms": (returned - started) * 1000, "check_ms": (checked - returned) * 1000,
            "published": published, "stale": stale, "absent": absent, "stale_after_1s": still, "hits": hits,
            "slug": draft["slug"],
        }

    def stop(self):
        """What the storm did: publications, their times and the pages found stale."""
        self.stopped.set()
        self.thread.join(timeout=120)
        self.drafts.stdin.close()
        try:
            self.drafts.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.drafts.kill()
            self.drafts.wait()
        return summary(self.records, same_server=self.publish_on is self.read_from)


def summary(records, same_server):
    done = [record for record in records if "error" not in record]
    published = [record for record in done if record["published"]]
    took = sorted(record["publish_ms"] for record in published)
    stale = Counter(name for record in published for name in record["stale"])
    return {
        "published": len(published),
        "failed": len(records) - len(published),
        "errors": [record["error"] for record in records if "error" in record][:5],
        "publish_ms_median": statistics.median(took) if took else None,
        "publish_ms_max": took[-1] if took else None,
        "read_from": "the same server" if same_server else "the other server",
        "pages_checked": len(published) * len(PAGES),
        "stale": sum(stale.values()),
        "stale_by_page": dict(stale),
        "stale_after_1s": sum(len(record["stale_after_1s"]) for record in published),
        "absent_by_page": dict(Counter(name for record in published for name in record["absent"])),
        "check_ms_median": statistics.median(record["check_ms"] for record in published) if published else None,
        "checked_from_page_cache": sum(record["hits"] for record in published),
    }

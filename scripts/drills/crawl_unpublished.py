"""Crawl a running portal as an anonymous reader and fail if any unpublished item shows.

    python scripts/drills/crawl_unpublished.py http://127.0.0.1:8099

The same start URLs, link rules and markers as tests/test_public_visibility.py, over real
HTTP. Prints one RESULT line; exits 1 on a leak or a server error.
"""

import os
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")

import django  # noqa: E402

django.setup()

from tests.test_public_visibility import LINK, MAX_PAGES, SKIP_PREFIXES, START_URLS, hidden_variants  # noqa: E402


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", "Accept-Language": "zh-hans"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")


def main(base):
    netloc = urlsplit(base).netloc
    markers = list(hidden_variants())
    seen, queue, leaks, errors, pages = set(), list(START_URLS), [], [], 0
    while queue and pages < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        status, text = fetch(base + path)
        if status >= 500:
            errors.append(f"{path} {status}")
            continue
        if status != 200:
            continue
        pages += 1
        for marker in markers:
            if marker in text or marker.lower() in text:
                leaks.append(f"{marker} on {path}")
        for match in LINK.finditer(text):
            link = next(group for group in match.groups() if group)
            parts = urlsplit(urljoin(base + path, link.replace("&amp;", "&")))
            if parts.netloc not in (netloc, "testserver", "") or parts.path.startswith(SKIP_PREFIXES):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    for marker in markers:
        status, _ = fetch(f"{base}/bulletins/{marker.lower()}/")
        if status != 404:
            leaks.append(f"/bulletins/{marker.lower()}/ answered {status}")
    print(f"RESULT crawl pages={pages} leaks={len(leaks)} server_errors={len(errors)}")
    for line in leaks + errors:
        print(f"  {line}")
    return 1 if leaks or errors or pages < 10 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1].rstrip("/")))

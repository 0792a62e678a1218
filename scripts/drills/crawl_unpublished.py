"""Crawl a running portal as an anonymous reader and fail if any unpublished item shows.

    python scripts/drills/crawl_unpublished.py http://127.0.0.1:8099 [zh-hans|en]

The same start URLs, link rules and markers as tests/test_public_visibility.py, over real
HTTP. Prints one RESULT line; exits 1 on a leak or a server error. ``crawl`` is what
scripts/drills/run.py calls, with its own markers.
"""

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")

import django  # noqa: E402

django.setup()

from scripts.drills.client import Client  # noqa: E402
from tests.test_public_visibility import LINK, MAX_PAGES, SKIP_PREFIXES, START_URLS, hidden_variants  # noqa: E402


@dataclass
class Crawl:
    language: str
    requests: int = 0
    pages: int = 0
    leaks: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    seen_markers: set = field(default_factory=set)


def crawl(base, *, language="zh-hans", markers=None, hidden_urls=(), max_pages=MAX_PAGES, start=START_URLS, watch=()):
    """Follow every same-site link from ``start``; a marker on any page is a leak, and so is a
    hidden item's own URL answering anything but 404. ``watch``: markers only noted as seen."""
    client = Client(base, language=language)
    markers = list(markers if markers is not None else hidden_variants())
    result = Crawl(language)
    netloc = urlsplit(base).netloc
    seen, queue = set(), list(start)
    while queue and result.pages < max_pages:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        try:
            status, headers, text = client.get(path)
        except OSError as error:
            result.errors.append(f"{path} {type(error).__name__}")
            continue
        if status in (301, 302):
            queue.append(urlsplit(urljoin(base + path, headers["Location"])).path)
            continue
        if status >= 500:
            result.errors.append(f"{path} {status}")
            continue
        if status != 200:
            continue
        result.pages += 1
        for marker in markers:
            if marker in text or marker.lower() in text:
                result.leaks.append(f"{marker} on {path}")
        for marker in watch:
            if marker in text or marker.lower() in text:
                result.seen_markers.add(path)
        for match in LINK.finditer(text):
            link = next(group for group in match.groups() if group)
            parts = urlsplit(urljoin(base + path, link.replace("&amp;", "&")))
            if parts.netloc not in (netloc, "testserver", "127.0.0.1", "") or parts.path.startswith(SKIP_PREFIXES):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    for path in hidden_urls:
        status, _, _ = client.get(path)
        if status >= 500:
            result.errors.append(f"{path} {status}")
        elif status != 404:
            result.leaks.append(f"{path} answered {status}")
    result.requests = client.requests
    return result


def hidden_item_urls(markers):
    return [url for marker in markers for url in (f"/bulletins/{marker.lower()}/", f"/achievements/{marker.lower()}-list/")]


def main(base, language="zh-hans"):
    markers = list(hidden_variants())
    result = crawl(base, language=language, markers=markers, hidden_urls=hidden_item_urls(markers))
    print(f"RESULT crawl language={language} requests={result.requests} pages={result.pages} "
          f"leaks={len(result.leaks)} server_errors={len(result.errors)}")
    for line in result.leaks + result.errors:
        print(f"  {line}")
    return 1 if result.leaks or result.errors or result.pages < 10 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1].rstrip("/"), *sys.argv[2:3]))

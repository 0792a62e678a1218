"""English pages read as English: a crawl of every public page in English finds no Chinese
character and no full-width punctuation outside what is marked as Chinese (``lang="zh-Hans"``):
quotes from the sources, bulletin texts and titles, and names the sources give (or marked
``translate="no"``). ``<head>`` is not read: a bulletin's page is titled with the bulletin's
own title. Search starts without words: a query is echoed in the reader's own words."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = pytest.mark.django_db

START_URLS = ["/", "/bulletins/", "/achievements/", "/indicators/", "/regions/", "/about/", "/search/"]
SKIP = ("/admin/", "/api/", "/feeds/", "/static/", "/media/", "/i18n/", "/sitemap.xml", "/robots.txt", "/healthz")
MAX_PAGES = 300
# Han characters, and the full-width marks an English sentence never uses.
CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001\u3002\uff08\uff09\uff0c\uff1a\uff1b]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


class EnglishReader(HTMLParser):
    """Collects the page's text outside ``<head>``, scripts and elements marked Chinese."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, is_chinese, is_hidden)
        self.found = []
        self.links = []

    @property
    def chinese(self):
        return any(chinese for _, chinese, _ in self.stack)

    @property
    def hidden(self):
        return any(hidden for _, _, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        # Marked as Chinese, or as words not to translate (translate="no").
        marked = (attrs.get("lang") or "").lower().startswith("zh") or attrs.get("translate") == "no"
        chinese = marked or self.chinese
        if not chinese and not self.hidden:
            for name in READ_ATTRIBUTES:
                if attrs.get(name) and CHINESE.search(attrs[name]):
                    self.found.append(f"<{tag} {name}=“{attrs[name][:60]}”>")
        if tag not in VOID:
            self.stack.append((tag, marked, tag in {"head", "script", "style"}))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.chinese and not self.hidden and CHINESE.search(data):
            where = "/".join(tag for tag, _, _ in self.stack[-3:])
            self.found.append(f"{where}: “{data.strip()[:60]}”")


def crawl(client):
    client.cookies["django_language"] = "en"
    queue, seen, problems = list(START_URLS), set(), {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if not response["Content-Type"].startswith("text/html"):
            continue
        assert response.content.decode().count('<html lang="en"') == 1, f"{url} is not in English"
        reader = EnglishReader()
        reader.feed(response.content.decode())
        if reader.found:
            problems[url] = reader.found
        for link in reader.links:
            parts = urlsplit(urljoin("http://testserver" + url, link))
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.netloc == "testserver" and not path.startswith(SKIP) and not path.endswith((".csv", ".json", ".xlsx")):
                queue.append(path)
    return seen, problems


def test_every_english_page_has_no_chinese_outside_quotes_and_marked_names(client, portal_fixtures):
    seen, problems = crawl(client)
    assert len(seen) > 40, "the crawl reached the bulletins, indicators and regions"
    assert not problems, "\n".join(f"{url}: {found[:5]}" for url, found in problems.items())


def test_the_reader_flags_chinese_outside_marked_elements():
    reader = EnglishReader()
    reader.feed('<body><p>Fine <span lang="zh-Hans">原文</span></p><p title="标题">Period: 2023年</p></body>')
    assert reader.found == ["<p title=“标题”>", "body/p: “Period: 2023年”"]

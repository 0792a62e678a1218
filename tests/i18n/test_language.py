"""Chinese by default, English on request: Accept-Language on a first visit, then the cookie."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import make_bulletin, make_region

pytestmark = pytest.mark.django_db

PAGES = ["/", "/bulletins/", "/achievements/", "/indicators/", "/search/", "/search/?q=水质"]


def test_a_first_visit_without_preference_is_in_chinese(client):
    response = client.get("/")
    html = response.content.decode()
    assert response["Content-Language"] == "zh-hans"
    assert '<html lang="zh-Hans">' in html
    assert "搜索公报" in html


@pytest.mark.parametrize("header", ["en", "en-US,en;q=0.9", "en-GB", "fr,en;q=0.5"])
def test_accept_language_english_is_honoured_on_a_first_visit(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    html = response.content.decode()
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in html
    assert "Search bulletins" in html
    assert "搜索公报" not in html


@pytest.mark.parametrize("header", ["zh-CN", "zh-cn,zh;q=0.9,en;q=0.5", "zh", "zh-Hans-CN", "de"])
def test_chinese_or_an_unsupported_language_gets_chinese(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response["Content-Language"] == "zh-hans"


def test_the_switcher_keeps_the_choice_in_a_cookie_over_accept_language(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/bulletins/"})
    assert response.status_code == 302
    assert response["Location"] == "/bulletins/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert int(cookie["max-age"]) >= 365 * 24 * 60 * 60
    page = client.get("/bulletins/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert page["Content-Language"] == "en"
    assert "Filter bulletins" in page.content.decode()
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "zh-hans"


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"},
     {"Sec-Fetch-Site": "same-site", "Origin": "http://testserver"}],
)
def test_the_switcher_refuses_a_form_from_another_site(client, headers):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, headers=headers)
    assert response.status_code == 403
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize(
    "headers", [{"Origin": "http://testserver"}, {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}, {}]
)
def test_the_switcher_needs_no_token_from_this_site(headers):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, headers=headers)
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_the_switcher_only_takes_a_post(client):
    assert client.get("/i18n/setlang/?language=en").status_code == 405


def test_public_pages_set_no_cookie(client):
    make_bulletin(slug="water", body="水质达标。")
    for path in [*PAGES, "/bulletins/water/"]:
        response = client.get(path)
        assert response.status_code == 200 and not response.cookies, path


def test_the_switcher_does_not_redirect_off_site(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_page_has_the_switcher_offering_the_other_language(client, path, language):
    make_bulletin(slug="water", body="水质达标。")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="/i18n/setlang/"' in html
    other = "zh-hans" if language == "en" else "en"
    assert f'name="language" value="{other}"' in html


def test_a_bulletin_page_and_the_error_pages_have_the_switcher(client):
    make_bulletin(slug="water", body="水质达标。")
    for path in ("/bulletins/water/", "/bulletins/no-such-bulletin/"):
        html = client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert 'action="/i18n/setlang/"' in html


def test_the_search_page_in_english(client):
    make_bulletin(slug="water", title="水质公报", body="水质达标。")
    html = client.get("/search/", {"q": "水质"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "“水质”: 1 bulletin found" in html
    assert "<mark>水质</mark>公报" in html
    too_long = client.get("/search/", {"q": "水" * 101}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "at most 100 characters, this one has 101" in too_long


def test_the_api_gives_both_names(client):
    make_region(slug="yichun", name="伊春市", name_en="Yichun")
    response = client.get("/api/v1/regions/")
    region = next(item for item in response.json()["results"] if item["slug"] == "yichun")
    assert (region["name"], region["name_en"]) == ("伊春市", "Yichun")


def test_a_bulletin_in_english_shows_english_names_and_says_its_text_is_not_translated(client):
    from tests.factories import make_publisher, make_topic

    region = make_region(slug="yichun", name="伊春市", name_en="Yichun")
    publisher = make_publisher(name="伊春市生态环境局", name_en="Yichun Ecology and Environment Bureau")
    topic = make_topic(name="大气", name_en="Air")
    make_bulletin(slug="b", region=region, publisher=publisher, topics=[topic], body="全市空气质量优良。")
    english = client.get("/bulletins/b/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ">Yichun</a>" in english
    assert "Yichun Ecology and Environment Bureau" in english
    assert ">Air</a>" in english
    assert "全市空气质量优良。" in english
    assert 'class="language-note" lang="en"' in english
    chinese = client.get("/bulletins/b/").content.decode()
    assert ">伊春市</a>" in chinese and ">大气</a>" in chinese
    assert "language-note" not in chinese


def test_lists_and_region_pages_show_english_region_names(client):
    region = make_region(slug="heihe", name="黑河市", name_en="Heihe")
    make_bulletin(slug="b", region=region, body="水质。")
    for path in ("/bulletins/", "/regions/heihe/", "/search/?q=水质"):
        html = client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Heihe" in html, path
        assert "黑河市" not in html.split("<main", 1)[1], path

"""Who runs the portal, its contact, the data licence and the ICP line: footer, about, API root."""

import pytest

from tests.factories import make_bulletin, make_region

pytestmark = pytest.mark.django_db


def test_footer_says_no_operator_is_set_and_labels_the_default_licence(client):
    html = client.get("/").content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert "本站为演示部署，尚未设置运营方。" in footer
    assert "CC BY 4.0" in footer and "默认设置" in footer
    assert 'href="/about/"' in footer
    assert "beian.miit.gov.cn" not in footer, "no ICP line while none is set"


def test_footer_names_the_operator_contact_licence_and_icp_filing_once_set(client, settings):
    settings.PORTAL_OPERATOR = "某某市生态环境局"
    settings.PORTAL_CONTACT_EMAIL = "data@example.org"
    settings.PORTAL_LICENCE = "ODbL 1.0"
    settings.PORTAL_LICENCE_URL = "https://opendatacommons.org/licenses/odbl/1-0/"
    settings.ICP_FILING = "黑ICP备00000000号"
    html = client.get("/about/").content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert "本站由某某市生态环境局运营。" in footer
    assert 'href="mailto:data@example.org"' in footer
    assert "ODbL 1.0" in footer and "默认设置" not in footer
    assert "黑ICP备00000000号" in footer
    about = html[: html.index('class="site-footer"')]
    assert "某某市生态环境局" in about and "ODbL 1.0" in about


def test_english_footer_uses_the_operators_english_name(client, settings):
    settings.PORTAL_OPERATOR = "某某市生态环境局"
    settings.PORTAL_OPERATOR_EN = "Some City Bureau of Ecology and Environment"
    client.cookies["django_language"] = "en"
    html = client.get("/about/").content.decode()
    assert "Run by Some City Bureau of Ecology and Environment." in html


def test_api_root_introduces_the_api_and_links_docs_schema_and_licence(client, settings):
    settings.PORTAL_LICENCE = "ODbL 1.0"
    body = client.get("/api/v1/", HTTP_ACCEPT="application/json").json()
    assert "read API" in body["about"] and "sentence" in body["about"]
    assert body["documentation"].endswith("/api/docs/")
    assert body["schema"].endswith("/api/schema/")
    assert body["licence"] == {"name": "ODbL 1.0", "url": None, "is_default": False}
    assert body["endpoints"]["bulletins"].endswith("/api/v1/bulletins/")


def test_regions_index_lists_provinces_with_their_cities_and_is_in_the_navigation(client):
    country = make_region(slug="china", name="中国", level="country", code="")
    province = make_region(slug="heilongjiang", name="黑龙江省", level="province", parent=country, code="230000")
    city = make_region(slug="yichun", name="伊春市", parent=province, code="230700")
    make_bulletin(region=city)
    make_bulletin(region=city, status="draft")
    html = client.get("/regions/").content.decode()
    assert 'href="/regions/"' in html[: html.index("<main")]
    card = html[html.index('href="/regions/heilongjiang/"') :]
    card = card[: card.index("</article>")]
    assert 'href="/regions/yichun/"' in card
    assert "1 篇" in card, "the city's public bulletins only"

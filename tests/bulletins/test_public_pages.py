import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecoportal.caching.generation import current as current_generation_row
from ecoportal.publishing import Status
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def province_and_city():
    province = make_region(slug="heilongjiang", name="黑龙江省", level="province", code="230000")
    city = make_region(slug="yichun", name="伊春市", parent=province, code="230700")
    return province, city


def populate(count, *, region, publisher, topic, indicator):
    for _ in range(count):
        bulletin = make_bulletin(region=region, publisher=publisher, topics=[topic])
        make_achievement_list(bulletin, items=4)
        for value in ("300", "301"):
            make_observation(bulletin=bulletin, indicator=indicator, value=value)
    return bulletin


def query_count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/", "/bulletins/", "/achievements/", "/regions/yichun/"])
def test_english_pages_use_a_fixed_number_of_queries_whatever_the_data_size(client, province_and_city, url):
    # English pages read each publisher's official English name with the card (never one by one).
    _, city = province_and_city
    kwargs = {"region": city, "publisher": make_publisher(), "topic": make_topic(), "indicator": make_indicator(code="good-days")}
    client.cookies["django_language"] = "en"
    populate(2, **kwargs)
    small = query_count(client, url)
    populate(25, **kwargs)
    large = query_count(client, url)
    assert small == large, f"{url}: {small} queries with 2 bulletins, {large} with 27"


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/bulletins/",
        "/bulletins/?region=yichun&year=2024",
        "/bulletins/{slug}/",
        "/achievements/",
        "/achievements/achievements-{slug}/",
        "/regions/",
        "/regions/yichun/",
        "/regions/heilongjiang/",
        "/about/",
        "/indicators/",
        "/feeds/bulletins/",
        "/sitemap.xml",
        "/sitemap-bulletins.xml",
        "/sitemap-regions.xml",
        "/sitemap-indicators.xml",
        "/sitemap-achievements.xml",
    ],
)
def test_pages_use_a_fixed_number_of_queries_whatever_the_data_size(client, province_and_city, url):
    _, city = province_and_city
    kwargs = {"region": city, "publisher": make_publisher(), "topic": make_topic(), "indicator": make_indicator(code="good-days")}
    last = populate(2, **kwargs)
    current_generation_row(always=True)  # set up, as any server's first request does (feeds read it)
    small = query_count(client, url.format(slug=last.slug))
    last = populate(25, **kwargs)
    large = query_count(client, url.format(slug=last.slug))
    assert small == large, f"{url}: {small} queries with 2 bulletins, {large} with 27"


@pytest.mark.parametrize(
    "url",
    ["/bulletins/nope/", "/achievements/nope/", "/regions/nope/", "/indicators/nope/"],
)
def test_unknown_slugs_are_a_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query, message",
    [
        ("year=abc", "年份"),
        ("region=nope", "地区"),
        ("topic=%00", "主题"),
        ("publisher=" + "x" * 500, "发布机构"),
        ("year=99999", "年份"),
    ],
)
def test_malformed_filters_are_named_not_a_500(client, query, message):
    make_bulletin(title="仍然列出")
    response = client.get(f"/bulletins/?{query}")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'class="field-error"' in text and message in text
    assert "仍然列出" in text


@pytest.mark.parametrize("page", ["-1", "abc", "99999", "0", "1.5"])
def test_odd_page_numbers_show_a_real_page(client, page):
    make_bulletin(title="第一页的公报")
    response = client.get(f"/bulletins/?page={page}")
    assert response.status_code == 200
    assert "第一页的公报" in response.content.decode()


def test_region_filter_on_a_province_includes_its_cities(client, province_and_city):
    province, city = province_and_city
    other = make_region(slug="elsewhere")
    make_bulletin(title="城市公报", region=city)
    make_bulletin(title="省级公报", region=province)
    make_bulletin(title="别处公报", region=other)
    text = client.get("/bulletins/?region=heilongjiang").content.decode()
    assert "城市公报" in text and "省级公报" in text and "别处公报" not in text
    text = client.get("/bulletins/?region=yichun").content.decode()
    assert "城市公报" in text and "省级公报" not in text


def test_year_filter_uses_the_period_when_the_issue_date_is_unknown(client):
    make_bulletin(title="日期不详", issued_on=None, period_end="2023-12-31")
    make_bulletin(title="二〇二四年", issued_on="2024-03-01")
    text = client.get("/bulletins/?year=2023").content.decode()
    assert "日期不详" in text and "二〇二四年" not in text


def test_topic_and_publisher_filters(client):
    topic, publisher = make_topic(slug="water"), make_publisher(slug="bureau")
    make_bulletin(title="水的公报", topics=[topic])
    make_bulletin(title="机构的公报", publisher=publisher)
    assert "机构的公报" not in client.get("/bulletins/?topic=water").content.decode()
    assert "水的公报" not in client.get("/bulletins/?publisher=bureau").content.decode()


def test_bulletin_page_shows_unknowns_as_unknown(client):
    bulletin = make_bulletin(issued_on=None, region=None, region_label="口市", publisher=None)
    text = client.get(bulletin.get_absolute_url()).content.decode()
    assert "口市" in text and "原文未注明" in text


def test_bulletin_page_lists_its_figures_with_quotes_and_achievements(client):
    bulletin = make_bulletin()
    make_achievement_list(bulletin, items=2)
    indicator = make_indicator(name="优良天数")
    observation = make_observation(bulletin=bulletin, indicator=indicator, value="327", quote="全市环境空气质量优良天数327天。")
    text = client.get(bulletin.get_absolute_url()).content.decode()
    assert f'id="obs-{observation.pk}"' in text
    assert "全市环境空气质量优良天数327天。" in text
    assert "成果1" in text and "成果2" in text


def test_feeds_list_published_bulletins(client):
    make_bulletin(title="订阅里的公报")
    make_bulletin(title="草稿不订阅", status=Status.DRAFT)
    rss = client.get("/feeds/bulletins/")
    atom = client.get("/feeds/bulletins/atom/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    for response in (rss, atom):
        text = response.content.decode()
        assert "订阅里的公报" in text and "草稿不订阅" not in text


def test_robots_and_sitemap(client):
    bulletin = make_bulletin()
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    assert "http://testserver/sitemap-bulletins.xml" in client.get("/sitemap.xml").content.decode()
    assert f"/bulletins/{bulletin.slug}/" in client.get("/sitemap-bulletins.xml").content.decode()


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_the_site_has_a_favicon_at_its_root(client):
    """Browsers ask every page's host for /favicon.ico, the admin's pages too."""
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO header


@pytest.mark.parametrize(
    "query", ["year=2024", "year=1899", "year=abc", "region=nope", "topic=air", "publisher=" + "x" * 500]
)
def test_the_list_page_and_the_api_judge_a_filter_alike(client, query):
    """One FilterSet: a value the API refuses with 400 is the one the page names as an error."""
    make_topic(slug="air")
    page = client.get(f"/bulletins/?{query}")
    api = client.get(f"/api/v1/bulletins/?{query}")
    assert page.status_code == 200 and api.status_code in (200, 400)
    assert ('class="field-error"' in page.content.decode()) == (api.status_code == 400)


@pytest.mark.parametrize("url", ["/", "/bulletins/", "/regions/yichun/", "/api/v1/bulletins/"])
def test_an_undated_bulletin_comes_after_the_dated_ones_on_every_database(client, province_and_city, url):
    # PostgreSQL's DESC lists NULLs first: an undated bulletin headed every list there.
    _, city = province_and_city
    make_bulletin(title="日期不详的公报", region=city, issued_on=None)
    make_bulletin(title="较早的公报", region=city, issued_on="2023-05-01")
    make_bulletin(title="最新的公报", region=city, issued_on="2024-06-01")
    text = client.get(url).content.decode()
    assert text.index("最新的公报") < text.index("较早的公报") < text.index("日期不详的公报")


def test_the_list_pages_through_the_dated_then_the_undated_bulletins(client):
    for day in range(1, 4):
        make_bulletin(title=f"有日期{day}号", issued_on=f"2024-01-0{day}")
    for n in range(2):
        make_bulletin(title=f"无日期{n}号", issued_on=None)
    from bulletins.models import Bulletin

    everyone = Bulletin.objects.published()
    order = [bulletin.title for bulletin in everyone.ordered_slice(0, 5)]
    assert order[:3] == ["有日期3号", "有日期2号", "有日期1号"] and set(order[3:]) == {"无日期0号", "无日期1号"}
    assert [b.title for b in everyone.ordered_slice(2, 4)] == order[2:4]
    assert [b.title for b in everyone.ordered_slice(3, 5)] == order[3:5]
    assert order == [bulletin.title for bulletin in everyone]

"""Contract of every endpoint: shapes, fields, values, bilingual names and JSON 404s."""

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/bulletins/",
    "/api/v1/achievement-lists/",
    "/api/v1/indicators/",
    "/api/v1/observations/",
    "/api/v1/regions/",
    "/api/v1/publishers/",
    "/api/v1/topics/",
]
DETAILS = [
    "/api/v1/bulletins/yichun-2023/",
    "/api/v1/achievement-lists/yichun-2023-achievements/",
    "/api/v1/indicators/pm25/",
    "/api/v1/regions/heilongjiang/",
    "/api/v1/publishers/yichun-bureau/",
    "/api/v1/topics/air/",
]
OBSERVATION_FIELDS = {
    "id",
    "indicator",
    "indicator_name",
    "indicator_name_en",
    "region",
    "period_start",
    "period_end",
    "period_label",
    "kind",
    "approximate",
    "derived",
    "value",
    "unit",
    "unit_en",
    "unit_code",
    "value_normalised",
    "normalised_unit",
    "value_in_indicator_unit",
    "indicator_unit",
    "qualifier",
    "quote",
    "bulletin",
    "bulletin_url",
    "source_url",
}
BULLETIN_LIST_FIELDS = {
    "url",
    "page_url",
    "slug",
    "title",
    "summary",
    "region",
    "region_label",
    "publisher",
    "topics",
    "issued_on",
    "issued_at_text",
    "period_start",
    "period_end",
    "year",
    "published_at",
}
INTERNAL_FIELDS = {"status", "version", "created_by", "created_at", "deleted_at", "review_state", "raw_text", "content_hash"}


def walk_keys(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from walk_keys(value)
    elif isinstance(data, list):
        for item in data:
            yield from walk_keys(item)


@pytest.mark.parametrize("url", LISTS)
def test_every_list_is_paginated_json(client, world, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert list(data) == ["count", "page", "pages", "page_size", "next", "previous", "results"]
    assert data["count"] == len(data["results"]) > 0
    assert (data["page"], data["pages"], data["page_size"]) == (1, 1, 20)


@pytest.mark.parametrize("url", LISTS + DETAILS + ["/api/v1/observations/{id}/"])
def test_no_endpoint_shows_editorial_or_internal_fields(client, world, url):
    url = url.format(id=world["observations"]["yichun_pm25"].pk)
    keys = set(walk_keys(client.get(url).json()))
    assert not keys & INTERNAL_FIELDS


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/bulletins/no-such-bulletin/",
        "/api/v1/achievement-lists/no-such-list/",
        "/api/v1/indicators/no-such-code/",
        "/api/v1/observations/999999/",
        "/api/v1/observations/abc/",
        "/api/v1/observations/99999999999999999999999999/",
        "/api/v1/regions/atlantis/",
        "/api/v1/publishers/nobody/",
        "/api/v1/topics/nothing/",
        "/api/v1/bulletins/%E4%B8%AD%E6%96%87/",
        "/api/v1/bulletins/%00/",
        "/api/v1/bulletins/a%0Ab/",
        "/api/v1/bulletins/yichun-2023.nope/",
        "/api/v1/observations/-1/",
        "/api/v1/nothing-here/",
    ],
)
def test_an_unknown_item_is_a_json_404(client, world, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_the_api_root_leads_to_the_docs(client):
    response = client.get("/api/")
    assert response.status_code == 302
    assert response["Location"] == "/api/docs/"


def test_an_observation_carries_its_value_unit_period_quote_and_source(client, world):
    observation = world["observations"]["yichun_pm25"]
    data = client.get(f"/api/v1/observations/{observation.pk}/").json()
    assert set(data) == OBSERVATION_FIELDS
    assert data == {
        "id": observation.pk,
        "indicator": "pm25",
        "indicator_name": "PM2.5平均浓度",
        "indicator_name_en": "PM2.5",
        "region": "yichun",
        "period_start": "2023-01-01",
        "period_end": "2023-12-31",
        "period_label": "2023年",
        "kind": "level",
        "approximate": False,
        "derived": False,
        "value": "18",
        "unit": "微克/立方米",
        "unit_en": "μg/m³",
        "unit_code": "ug/m3",
        "value_normalised": "18.0000",
        "normalised_unit": "ug/m3",
        "value_in_indicator_unit": "18.0000",
        "indicator_unit": "ug/m3",
        "qualifier": "",
        "quote": "全年PM2.5平均浓度为18微克/立方米。",
        "bulletin": "yichun-2023",
        "bulletin_url": "http://testserver/bulletins/yichun-2023/",
        "source_url": f"http://testserver/bulletins/yichun-2023/#obs-{observation.pk}",
    }


def test_the_bulletin_url_of_an_observation_is_the_public_page(client, world):
    data = client.get("/api/v1/observations/?indicator=pm25").json()["results"][0]
    page = client.get(data["bulletin_url"])
    assert page.status_code == 200
    assert data["quote"] in page.content.decode()


def test_an_observation_without_a_named_city_has_a_null_region(client, world):
    data = client.get(f"/api/v1/observations/{world['observations']['unnamed_fines'].pk}/").json()
    assert data["region"] is None
    assert data["bulletin"] == "unnamed-city"


def test_a_value_is_the_reported_number_as_a_decimal_string(client, world):
    data = client.get(f"/api/v1/observations/{world['observations']['unnamed_fines'].pk}/").json()
    # 罚款1,234万元: the thousands separator goes, the number stays as written; 万元 → 元.
    assert data["value"] == "1234"
    assert data["unit"] == "万元"
    assert data["value_normalised"] == "12340000.0000"


def test_a_qualifier_travels_with_its_value(client, world):
    data = client.get(f"/api/v1/observations/{world['observations']['yichun_good_days'].pk}/").json()
    assert data["qualifier"] == "扣除沙尘异常超标天数后"


@pytest.mark.parametrize(
    ("url", "name", "name_en"),
    [
        ("/api/v1/regions/heilongjiang/", "黑龙江省", "Heilongjiang"),
        ("/api/v1/publishers/yichun-bureau/", "伊春市生态环境局", None),
        ("/api/v1/topics/air/", "大气", "Air"),
        ("/api/v1/indicators/pm25/", "PM2.5平均浓度", "PM2.5"),
    ],
)
def test_names_come_in_both_languages(client, world, url, name, name_en):
    data = client.get(url).json()
    assert data["name"] == name
    assert data["name_en"] == (name_en or world["publisher"].name_en)


def test_an_unknown_website_is_null_not_an_empty_string(client, world):
    assert client.get("/api/v1/publishers/yichun-bureau/").json()["website"] is None


def test_a_region_names_its_parent(client, world):
    assert client.get("/api/v1/regions/yichun/").json()["parent"] == "heilongjiang"
    assert client.get("/api/v1/regions/china/").json()["parent"] is None


def test_bulletin_list_items_are_light(client, world):
    results = client.get("/api/v1/bulletins/").json()["results"]
    assert {frozenset(item) for item in results} == {frozenset(BULLETIN_LIST_FIELDS)}


def test_a_bulletin_detail_has_text_achievements_corrections_and_figures(client, world):
    data = client.get("/api/v1/bulletins/yichun-2023/").json()
    assert set(data) == BULLETIN_LIST_FIELDS | {
        "body",
        "editorial_note",
        "source_name",
        "author_name",
        "source_url",
        "original_url",
        "cover_image",
        "cover_alt",
        "updated_at",
        "achievement_list",
        "corrections",
        "observations_url",
    }
    assert data["body"] == "全年PM2.5平均浓度为18微克/立方米。"
    assert data["region"] == "yichun"
    assert data["publisher"] == "yichun-bureau"
    assert data["topics"] == ["air"]
    assert data["page_url"] == "http://testserver/bulletins/yichun-2023/"
    assert data["achievement_list"]["slug"] == "yichun-2023-achievements"
    assert [item["number"] for item in data["achievement_list"]["items"]] == [1, 2, 3]
    assert data["corrections"] == [{"original": "PM2 .5", "corrected": "PM2.5", "note": "转换错误"}]
    assert data["source_url"] is None and data["original_url"] is None and data["cover_image"] is None
    figures = client.get(data["observations_url"]).json()
    assert {item["bulletin"] for item in figures["results"]} == {"yichun-2023"}
    assert figures["count"] == 2


def test_a_bulletin_without_achievement_list_says_null(client, world):
    assert client.get("/api/v1/bulletins/heihe-2022/").json()["achievement_list"] is None


def test_a_bulletin_of_unknown_city_keeps_what_the_source_calls_it(client, world):
    data = client.get("/api/v1/bulletins/unnamed-city/").json()
    assert data["region"] is None
    assert data["region_label"] == "口市"
    assert data["issued_on"] is None
    assert data["year"] == 2023


def test_an_achievement_list_detail_has_its_items_and_bulletin(client, world):
    data = client.get("/api/v1/achievement-lists/yichun-2023-achievements/").json()
    assert data["bulletin"] == "yichun-2023"
    assert data["region"] == "yichun"
    assert data["bulletin_url"] == "http://testserver/bulletins/yichun-2023/"
    assert [item["title"] for item in data["items"]] == ["成果1", "成果2", "成果3"]


def test_links_in_responses_lead_to_the_items(client, world):
    bulletin = client.get("/api/v1/bulletins/").json()["results"][0]
    assert client.get(bulletin["url"]).json()["slug"] == bulletin["slug"]
    indicator = client.get("/api/v1/indicators/pm25/").json()
    assert client.get(indicator["observations_url"]).json()["results"][0]["indicator"] == "pm25"

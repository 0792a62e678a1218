"""The API's own messages come in the reader's language: Chinese by default, English on request."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "message"),
    [(None, "请输入 1 到 100 之间的整数。"), ("en", "Enter a whole number from 1 to 100.")],
)
def test_a_bad_page_size_is_explained_in_the_readers_language(client, world, language, message):
    headers = {"Accept-Language": language} if language else {}
    response = client.get("/api/v1/bulletins/?page_size=1000", headers=headers)
    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "code": "invalid_request",
        "detail": "请求参数有误：page_size。" if language is None else "Invalid parameters: page_size.",
        "errors": [{"parameter": "page_size", "code": "out_of_range", "detail": message}],
    }


@pytest.mark.parametrize(("language", "message"), [(None, "未找到。"), ("en", "Not found.")])
def test_an_unknown_api_address_is_a_json_404_in_the_readers_language(client, language, message):
    headers = {"Accept-Language": language} if language else {}
    response = client.get("/api/v2/nothing/", headers=headers)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": 404, "code": "not_found", "detail": message, "errors": []}


"""Errors show a friendly page and no internal detail; a lost database is a quick 503."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

pytestmark = [pytest.mark.urls("tests.hardening.boom_urls"), pytest.mark.django_db]


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


def assert_no_internal_detail(response):
    text = response.content.decode()
    for leak in ("Traceback", "SECRET-INTERNAL-DETAIL", "/srv/", "10.0.0.5", "OperationalError", "site-packages"):
        assert leak not in text, f"{leak!r} shown to the visitor"


def test_unknown_page_is_a_friendly_404(anonymous):
    response = anonymous.get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
    assert "Content-Security-Policy" in response
    assert_no_internal_detail(response)


def test_unexpected_error_is_a_static_500_without_traceback(anonymous):
    response = anonymous.get("/boom/")
    assert response.status_code == 500
    assert "服务器出错" in response.content.decode()
    assert_no_internal_detail(response)


def test_bad_host_is_a_friendly_400(anonymous):
    response = anonymous.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "请求无效" in response.content.decode()
    assert_no_internal_detail(response)


def test_permission_denied_is_a_friendly_403(anonymous, rf):
    from django.views.defaults import permission_denied

    response = permission_denied(rf.get("/"), PermissionError("SECRET-INTERNAL-DETAIL"))
    assert response.status_code == 403
    assert "无权访问" in response.content.decode()
    assert_no_internal_detail(response)


@pytest.mark.parametrize("url", ["/db-down/", "/db-down-rendering/"])
def test_lost_database_in_a_view_is_a_503_with_retry_after(anonymous, url):
    response = anonymous.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "暂时无法访问" in response.content.decode()
    assert_no_internal_detail(response)


def test_lost_database_in_inner_middleware_is_a_503_too(anonymous):
    middleware = [*settings.MIDDLEWARE, "tests.hardening.boom_urls.DatabaseDownInMiddleware"]
    with override_settings(MIDDLEWARE=middleware):
        response = anonymous.get("/middleware-db-down/")
        assert response.status_code == 503
        assert_no_internal_detail(response)
        assert anonymous.get("/").status_code == 200


def test_an_ordinary_error_is_not_mistaken_for_a_lost_database(anonymous):
    anonymous.get("/db-down/")
    assert anonymous.get("/boom/").status_code == 500


def test_the_500_and_503_pages_render_without_request_or_database():
    from django.template.loader import render_to_string

    for name in ("500.html", "503.html"):
        html = render_to_string(name)
        assert "{%" not in html and "<script" not in html and "style=" not in html

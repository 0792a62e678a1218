"""Methods the site does not serve are a 405 with Allow on every path, known or not."""

import pytest

pytestmark = pytest.mark.django_db

PUBLIC = ["/", "/bulletins/", "/feeds/bulletins/", "/sitemap.xml", "/search/?q=水质", "/healthz",
          "/static/css/site.css", "/media/covers/x.jpg", "/no/such/page/"]
FORMS = ["/admin/login/", "/admin/bulletins/bulletin/", "/i18n/setlang/"]
API = ["/api/v1/bulletins/", "/api/schema/", "/api/no-such-thing/"]


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "BREW", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", PUBLIC + FORMS)
def test_a_method_the_site_does_not_serve_is_a_405(client, path, method):
    response = client.generic(method, path)
    assert response.status_code == 405
    allowed = "GET, HEAD, OPTIONS, POST" if path in FORMS else "GET, HEAD, OPTIONS"
    assert response["Allow"] == allowed


@pytest.mark.parametrize("path", PUBLIC)
def test_readers_pages_take_no_post(client, path):
    assert client.post(path).status_code == 405


@pytest.mark.parametrize("method", ["TRACE", "BREW", "DELETE"])
@pytest.mark.parametrize("path", API)
def test_the_api_answers_a_json_405(client, path, method):
    response = client.generic(method, path)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert method in response.json()["detail"]


def test_the_methods_the_site_serves_still_work(client):
    assert client.get("/healthz").status_code == 200
    assert client.head("/bulletins/").status_code == 200
    assert client.options("/api/v1/bulletins/").status_code == 200
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    assert client.post("/admin/login/", {"username": "nobody", "password": "x"}).status_code == 200

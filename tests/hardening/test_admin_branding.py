"""The admin carries the portal's name, not Django's."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_admin_pages_are_headed_with_the_portal_name_not_django(client):
    client.force_login(make_user(groups=["Author"]))
    html = client.get("/admin/").text
    assert "生态环境公报 · 编辑后台" in html and "<title>编辑工作台 | 生态环境公报</title>" in html
    assert "Django 管理" not in html and "Django 站点管理员" not in html


def test_the_index_links_the_importer_and_the_review_queue_for_those_who_may_use_them(client):
    client.force_login(make_user(groups=["Editor"]))
    html = client.get("/admin/").text
    shortcuts = html[html.index('id="editor-shortcuts"'):]
    assert 'href="/admin/bulletins/import/"' in shortcuts
    assert "?status=in_review" in shortcuts
    client.force_login(make_user(groups=["Author"]))
    shortcuts = client.get("/admin/").text.split('id="editor-shortcuts"', 1)[1]
    assert 'href="/admin/bulletins/import/"' in shortcuts and "?status=in_review" not in shortcuts
    client.force_login(make_user())
    assert 'id="editor-shortcuts"' not in client.get("/admin/").text

"""The admin carries the portal's name, not Django's."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_admin_pages_are_headed_with_the_portal_name_not_django(client):
    client.force_login(make_user(groups=["Author"]))
    html = client.get("/admin/").text
    assert "生态环境公报 · 编辑后台" in html and "<title>编辑工作台 | 生态环境公报</title>" in html
    assert "Django 管理" not in html and "Django 站点管理员" not in html

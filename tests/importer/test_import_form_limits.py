"""A pasted text over the import limit gets the form back with a message on the text field,
whatever its size: never Django's bare 400 for a request body it refuses to read."""

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from bulletins.models import Bulletin

pytestmark = pytest.mark.django_db

URL = "/admin/bulletins/import/"
#: Over Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB), which refuses the whole request.
HUGE_TEXT = "标题\n" + "全市空气质量优良天数300天。" * 110_000  # 4.6 MB of UTF-8


@pytest.fixture
def editor():
    user = User.objects.create_user("importer", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_bulletin"))
    return user


def text_errors(response):
    return [str(message) for message in response.context["form"].errors.get("text", [])]


def test_a_pasted_text_too_large_to_read_is_a_form_error(client, editor):
    client.force_login(editor)
    response = client.post(URL, {"text": HUGE_TEXT})
    assert response.status_code == 413
    [message] = text_errors(response)
    assert "粘贴的文本过大" in message and "2.0 MB" in message
    assert "粘贴的文本过大" in response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert not Bulletin.objects.exists()


def test_a_pasted_text_too_large_to_read_is_a_json_error_for_the_script(client, editor):
    client.force_login(editor)
    response = client.post(URL, {"text": HUGE_TEXT}, headers={"Accept": "application/json"})
    assert response.status_code == 413
    [error] = response.json()["errors"]["text"]
    assert error["code"] == "too_large"


def test_a_pasted_text_over_the_import_limit_is_a_form_error_on_the_text(client, editor, settings):
    settings.BULLETIN_IMPORT_MAX_BYTES = 10 * 1024
    client.force_login(editor)
    response = client.post(URL, {"text": "标题\n" + "正文。" * 2000})  # 18 KB
    assert response.status_code == 200
    [message] = text_errors(response)
    assert "18 KB" in message and "10 KB" in message
    assert not Bulletin.objects.exists()


def test_the_csrf_check_still_guards_every_import(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(URL, {"text": "标题\n正文。"}).status_code == 403
    assert not Bulletin.objects.exists()

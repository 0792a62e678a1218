"""The page that marks, in a bulletin's raw text, the numbers its reading left
(``importer.views.reading``), and the import summary's link to it. Invented texts."""

import html
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bulletins.models import Bulletin
from importer.service import import_bulletin_text
from tests.factories import make_bulletin, make_user

pytestmark = pytest.mark.django_db

# 21 stands before a unit the copy broke, so no figure is read from it; 90.1% is read.
TEXT = (
    "澜溪市空气质量简报\n\n2021年，澜溪市二氧化氮年均浓度为21 微克/ 立方米，优良天数比例为90.1%。"
)


def _imported(text=TEXT, by=None):
    result = import_bulletin_text(text, filename="x.txt", by=by)
    return result, Bulletin.objects.get(pk=result.bulletin_id)


def test_the_page_marks_the_number_left_and_the_one_read_with_how_it_was_read(client):
    editor = make_user(groups=("Editor",))
    _result, bulletin = _imported(by=editor)
    client.force_login(editor)
    content = client.get(reverse("bulletin_import:reading", args=[bulletin.pk])).content.decode()
    assert re.search(
        r'年均浓度为<mark class="left" title="[^"]*"><a [^>]*>21</a></mark> 微克/ 立方米', content
    )
    read = re.findall(r'<mark class="read" title="([^"]*)">([^<]*)</mark>', content)
    assert read == [("air-good-days-ratio · 数值 · 2021年", "90.1")]  # 澜溪市 is no real place
    assert content.count('<mark class="left"') == 1
    candidates = reverse("admin:indicators_observation_changelist")
    assert (
        f'href="{candidates}?bulletin__id__exact={bulletin.pk}&amp;review_state__exact=candidate"'
        in content
    )


def test_hostile_text_is_shown_as_text(client):
    editor = make_user(groups=("Editor",))
    _result, bulletin = _imported(
        TEXT + "\n\n<script>alert(1)</script>共检查 7 <b>家</b>", by=editor
    )
    client.force_login(editor)
    content = client.get(reverse("bulletin_import:reading", args=[bulletin.pk])).content.decode()
    assert (
        "<script>alert(1)</script>" not in content
        and "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    )
    assert "<b>家</b>" not in content


def test_only_who_may_see_the_bulletin_sees_its_reading(client):
    owner, other = make_user(groups=("Author",)), make_user(groups=("Author",))
    _result, bulletin = _imported(by=owner)
    bulletin.created_by = owner
    bulletin.save(update_fields=["created_by"])
    url = reverse("bulletin_import:reading", args=[bulletin.pk])
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(other)
    assert client.get(url).status_code == 404
    client.force_login(owner)
    assert client.get(url).status_code == 200
    assert (
        client.get(reverse("bulletin_import:reading", args=[bulletin.pk + 1000])).status_code == 404
    )


def test_the_page_makes_the_same_queries_however_many_numbers_are_left(client):
    editor = make_user(groups=("Editor",))
    client.force_login(editor)
    _few, few = _imported(by=editor)
    many_text = (
        TEXT + "\n\n" + "\n\n".join(f"甲站{n}号点位 {n * 3} 微克/ 立方米" for n in range(1, 40))
    )
    _many, many = _imported(many_text, by=editor)
    counts = []
    for bulletin in (few, many):
        client.get(reverse("bulletin_import:reading", args=[bulletin.pk]))  # sessions warmed
        with CaptureQueriesContext(connection) as queries:
            assert (
                client.get(reverse("bulletin_import:reading", args=[bulletin.pk])).status_code
                == 200
            )
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_import_summary_links_to_the_page_when_numbers_were_left(client):
    editor = make_user(groups=("Editor",))
    editor.user_permissions.add(Permission.objects.get(codename="add_bulletin"))
    client.force_login(editor)
    [row] = client.post(
        "/admin/bulletins/import/", {"text": TEXT}, HTTP_ACCEPT="application/json"
    ).json()["results"]
    bulletin = Bulletin.objects.get()
    assert row["reading"] == reverse("bulletin_import:reading", args=[bulletin.pk])
    clean = "澜溪市空气质量简报\n\n2022年，澜溪市优良天数比例为91.2%。"
    [row] = client.post(
        "/admin/bulletins/import/", {"text": clean}, HTTP_ACCEPT="application/json"
    ).json()["results"]
    assert row["outcome"] == "created" and row["reading"] == ""


def test_a_marked_number_opens_the_candidate_form_filled_with_its_sentence(client):
    editor = make_user(groups=("Editor",))
    _result, bulletin = _imported(by=editor)
    client.force_login(editor)
    content = client.get(reverse("bulletin_import:reading", args=[bulletin.pk])).content.decode()
    add = re.search(r'<mark class="left" title="[^"]*"><a href="([^"]+)">21</a></mark>', content)
    assert add, content
    form = client.get(html.unescape(add.group(1))).content.decode()
    assert 'name="value_text" value="21"' in form and 'name="value" value="21"' in form
    assert (
        "2021年，澜溪市二氧化氮年均浓度为21 微克/ 立方米，优良天数比例为90.1%。</textarea>" in form
    )
    assert f'<option value="{bulletin.pk}" selected>' in form
    assert '<option value="candidate" selected>' in form  # never accepted unawares


def test_who_may_not_add_figures_sees_the_marks_without_links(client):
    viewer = make_user(groups=("Editor",))
    _result, bulletin = _imported(by=viewer)
    viewer.groups.clear()
    viewer.user_permissions.add(Permission.objects.get(codename="view_bulletin"))
    client.force_login(viewer)
    content = client.get(reverse("bulletin_import:reading", args=[bulletin.pk])).content.decode()
    assert ">21</mark>" in content and "observation/add" not in content


def test_the_bulletins_change_form_links_to_the_page_when_it_has_a_raw_text(client):
    editor = make_user(groups=("Editor",))
    _result, imported = _imported(by=editor)
    client.force_login(editor)
    reading = reverse("bulletin_import:reading", args=[imported.pk])
    change = reverse("admin:bulletins_bulletin_change", args=[imported.pk])
    assert f'href="{reading}"' in client.get(change).content.decode()
    written = make_bulletin(title="手写的公报", raw_text="")
    change = reverse("admin:bulletins_bulletin_change", args=[written.pk])
    assert "/reading/" not in client.get(change).content.decode()

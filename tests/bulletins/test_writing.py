"""Writing a bulletin in the admin: the slug made from the title in pinyin, the live preview
through the readers' template and sanitiser, help in plain words on every field."""

import json

import pytest
from django.urls import reverse

from bulletins.forms import BulletinAdminForm
from bulletins.models import Bulletin
from bulletins.slugs import pinyin_slug
from tests.bulletins.test_admin import form_data
from tests.factories import make_bulletin, make_user

pytestmark = pytest.mark.django_db

ADD = reverse("admin:bulletins_bulletin_add")
SLUG = reverse("admin:bulletins_bulletin_slug")
PREVIEW_NEW = reverse("admin:bulletins_bulletin_preview_new")


def new_bulletin(**fields):
    return form_data(Bulletin(title="", body=""), loaded_version="", **fields)


def test_a_chinese_title_becomes_a_pinyin_slug_when_the_slug_is_left_empty(client, author):
    client.force_login(author)
    response = client.post(ADD, new_bulletin(title="湿地市2024年空气质量（PM2.5）通报", slug="", body="正文。"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Bulletin.objects.get().slug == "shi-di-shi-2024-nian-kong-qi-zhi-liang-pm25-tong-bao"
    # The same title again: the first slug is taken, so the second is numbered.
    client.post(ADD, new_bulletin(title="湿地市2024年空气质量（PM2.5）通报", slug="", body="正文。"))
    assert set(Bulletin.objects.values_list("slug", flat=True)) == {
        "shi-di-shi-2024-nian-kong-qi-zhi-liang-pm25-tong-bao",
        "shi-di-shi-2024-nian-kong-qi-zhi-liang-pm25-tong-bao-2",
    }


def test_a_slug_the_editor_writes_is_kept(client, author):
    client.force_login(author)
    client.post(ADD, new_bulletin(title="湿地市通报", slug="wetland-city", body="正文。"))
    assert Bulletin.objects.get().slug == "wetland-city"


def test_invisible_direction_controls_are_taken_out_of_title_and_summary(client, author):
    """U+202E and its kin reverse what follows on screen (a title reading other than it is
    stored and searched): they are no part of a Chinese or English text, and are removed."""
    client.force_login(author)
    response = client.post(
        ADD,
        new_bulletin(
            title="湿地市\u202e报通量质气空\u202c2024年", summary="摘要\u2066倒\u2069文", slug="", body="正文。"
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    bulletin = Bulletin.objects.get()
    assert (bulletin.title, bulletin.summary) == ("湿地市报通量质气空2024年", "摘要倒文")


def test_a_long_title_is_cut_at_a_syllable():
    slug = pinyin_slug("黑龙江省" * 20, max_length=80)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.split("-")[-1] in {"hei", "long", "jiang", "sheng"}


def test_a_slug_is_made_from_a_titles_text_not_its_markup():
    # Tags and entities are how the text was written, not its words.
    assert pinyin_slug("<b>标题</b> & more", max_length=80) == "biao-ti-more"
    assert pinyin_slug("湿地&amp;湖泊 <i>2024</i>", max_length=80) == "shi-di-hu-po-2024"
    assert pinyin_slug('<span class="x">PM2.5</span>通报', max_length=80) == "pm25-tong-bao"


def test_a_title_with_markup_gets_the_slug_of_its_text(client, author):
    client.force_login(author)
    client.post(ADD, new_bulletin(title="<b>湿地</b> &amp; 通报", slug="", body="正文。"))
    assert Bulletin.objects.get().slug == "shi-di-tong-bao"
    assert client.get(SLUG, {"title": "<b>湿地</b>通报"}).json() == {"slug": "shi-di-tong-bao-2"}


def test_the_slug_endpoint_answers_what_the_form_would_make(client, author):
    taken = make_bulletin(slug="shi-di-tong-bao")
    client.force_login(author)
    assert client.get(SLUG, {"title": "湿地通报"}).json() == {"slug": "shi-di-tong-bao-2"}
    # The bulletin's own slug is not "taken" for itself.
    assert client.get(SLUG, {"title": "湿地通报", "id": taken.pk}).json() == {"slug": "shi-di-tong-bao"}
    assert client.get(SLUG, {"title": "  "}).json() == {"slug": ""}
    client.force_login(make_user())  # staff with no permission on bulletins
    assert client.get(SLUG, {"title": "湿地通报"}).status_code == 403


def test_the_live_preview_renders_unsaved_text_as_readers_see_it_and_may_be_framed_here_only(client, author):
    client.force_login(author)
    body = "## 空气\n\n优良天数比例为**99.9%**（虚构）。\n\n<script>alert(1)</script><img src=x onerror=alert(2)>"
    response = client.post(PREVIEW_NEW, new_bulletin(title="湿地市通报", body=body))
    assert response.status_code == 200
    html = response.text
    assert "<h2>空气</h2>" in html and "<strong>99.9%</strong>" in html
    assert "<script>alert(1)" not in html and "onerror" not in html  # the readers' sanitiser
    assert 'class="bulletin-body"' in html and "<h1 lang=\"zh-Hans\">湿地市通报</h1>" in html  # their template
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert not Bulletin.objects.exists()
    # Everything else keeps refusing to be framed.
    assert response_frames(client.get(ADD)) == ("DENY", "frame-ancestors 'none'")


def response_frames(response):
    policy = response["Content-Security-Policy"]
    return response["X-Frame-Options"], next(p.strip() for p in policy.split(";") if "frame-ancestors" in p)


def test_the_live_preview_of_a_saved_bulletin_shows_the_form_not_the_database(client, author):
    bulletin = make_bulletin(status="draft", created_by=author, body="旧的正文。")
    client.force_login(author)
    url = reverse("admin:bulletins_bulletin_preview", args=[bulletin.pk])
    html = client.post(url, form_data(bulletin, body="新的正文，尚未保存。")).text
    assert "新的正文，尚未保存。" in html and "旧的正文。" not in html
    bulletin.refresh_from_db()
    assert bulletin.body == "旧的正文。"


def test_a_new_bulletins_preview_is_for_those_who_may_add_bulletins(client):
    client.force_login(make_user())
    assert client.post(PREVIEW_NEW, new_bulletin(title="x", body="y")).status_code == 403


def test_every_field_of_the_form_says_in_plain_words_what_to_write(client, author):
    client.force_login(author)
    form = client.get(ADD).context["adminform"].form
    missing = [name for name, field in form.fields.items() if not field.help_text and not field.widget.is_hidden]
    assert missing == []
    assert set(BulletinAdminForm.Meta.fields) <= set(form.fields) | {"pre_announce"}


def test_the_form_page_carries_the_script_and_no_inline_code(client, author):
    client.force_login(author)
    html = client.get(ADD).text
    assert 'src="/static/js/bulletin-form.js"' in html
    assert 'id="live-preview-button"' in html and f'formaction="{PREVIEW_NEW}"' in html
    assert json.dumps(SLUG)[1:-1] in html

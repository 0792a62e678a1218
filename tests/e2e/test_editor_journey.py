"""Editors in the admin, readers on the site: a bulletin is written, reviewed, scheduled,
published and withdrawn, and a reader sees it exactly while it is public. Two editors saving
the same bulletin: the second is shown the conflict.

Readers are anonymous browser contexts, opened afresh for each look (a new reader, with an
empty HTTP cache) while the server's page cache is on, as in production.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from bulletins import revisions
from bulletins.models import Bulletin
from ecoportal.publishing import Status
from indicators.choices import Category, ReviewState
from tests.factories import make_bulletin, make_indicator, make_publisher, make_region, make_user

from .helpers import log_in, perform

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Journey-pass-2024"
TITLE = "湿地公园生态修复工作通报"
SEARCH_WORD = "湿地"
BODY = (
    "今年以来，全市持续推进湿地保护修复。\n\n"
    "2024年全市空气质量优良天数比例为92.6%。全市PM2.5平均浓度为23微克/立方米。"
)
QUOTES = ["2024年全市空气质量优良天数比例为92.6%。", "全市PM2.5平均浓度为23微克/立方米。"]


@pytest.fixture
def newsroom(transactional_db):
    """A city with a bureau, two indicators, an Author and an Editor who sign in with passwords."""
    return {
        "region": make_region(slug="shidi", name="湿地市", name_en="Shidi"),
        "publisher": make_publisher(name="湿地市生态环境局"),
        "ratio": make_indicator(code="good-days", name="优良天数比例", unit="%", category=Category.AIR),
        "pm25": make_indicator(code="pm25-city", name="PM2.5平均浓度", unit="微克/立方米", higher_is_better=False),
        "author": make_user(username="author", password=PASSWORD, groups=["Author"]),
        "editor": make_user(username="editor", password=PASSWORD, groups=["Editor"]),
    }


def open_change_form(page, bulletin_id):
    page.goto(f"/admin/bulletins/bulletin/{bulletin_id}/change/")
    expect(page.locator("#workflow-panel")).to_be_visible()


def what_a_reader_sees(new_context, slug, region):
    """Where a new anonymous reader finds the bulletin: surface → found."""
    reader = new_context()
    page = reader.new_page()
    seen = {}
    for name, url in {
        "home": "/",
        "list": "/bulletins/",
        "region": f"/regions/{region.slug}/",
        "search": f"/search/?q={SEARCH_WORD}",
    }.items():
        assert page.goto(url).status == 200, url
        seen[name] = page.get_by_role("link", name=TITLE).count() > 0
    seen["page"] = page.goto(f"/bulletins/{slug}/").status == 200
    # Feeds and the API are read by programs, not rendered: fetched as such a client would.
    seen["feed"] = TITLE in reader.request.get("/feeds/bulletins/").text()
    api = reader.request.get("/api/v1/bulletins/", headers={"Accept": "application/json"}).json()
    seen["api"] = slug in [row["slug"] for row in api["results"]]
    seen["api detail"] = reader.request.get(f"/api/v1/bulletins/{slug}/").status == 200
    reader.close()
    return seen


def everywhere(found):
    return dict.fromkeys(["home", "list", "region", "search", "page", "feed", "api", "api detail"], found)


def test_a_bulletin_goes_from_author_to_reader_and_back(newsroom, new_context, shoot, tmp_path, monkeypatch):
    region = newsroom["region"]
    cover = tmp_path / "cover.png"
    Image.new("RGB", (1600, 900), (30, 120, 90)).save(cover)

    # The Author writes the bulletin with a cover image, an achievement list and two figures.
    author = new_context().new_page()
    log_in(author, "author", PASSWORD)
    author.goto("/admin/bulletins/bulletin/add/")
    author.fill('[name="title"]', TITLE)
    author.fill('[name="slug"]', "shidi-wetland")
    author.fill('[name="summary"]', "湿地市通报湿地公园生态修复进展。")
    author.fill('[name="body"]', BODY)
    author.select_option('[name="region"]', label=region.name)
    author.select_option('[name="publisher"]', label=newsroom["publisher"].name)
    author.fill('[name="issued_on"]', "2024-06-05")
    author.set_input_files('[name="cover_image"]', cover)
    author.fill('[name="cover_alt"]', "修复后的湿地公园水面")
    author.locator("#achievement_list-group .add-row a").click()
    author.fill('[name="achievement_list-0-title"]', "湿地市2024年生态环境保护成果")
    author.fill('[name="achievement_list-0-slug"]', "shidi-2024")
    author.fill('[name="achievement_list-0-year"]', "2024")
    author.get_by_text("观测值（数值须与原句一致）").click()  # the figures' fieldset is folded
    for n, (indicator, value, unit) in enumerate(
        [(newsroom["ratio"], "92.6", "%"), (newsroom["pm25"], "23", "微克/立方米")]
    ):
        author.locator("#observations-group .add-row a").click()
        prefix = f"observations-{n}-"
        author.select_option(f'[name="{prefix}indicator"]', label=indicator.name)
        author.select_option(f'[name="{prefix}region"]', label=region.name)
        author.fill(f'[name="{prefix}value"]', value)
        author.fill(f'[name="{prefix}value_text"]', value)
        author.fill(f'[name="{prefix}unit"]', unit)
        author.fill(f'[name="{prefix}period_start"]', "2024-01-01")
        author.fill(f'[name="{prefix}period_end"]', "2024-12-31")
        author.fill(f'[name="{prefix}period_label"]', "2024年")
        author.fill(f'[name="{prefix}quote"]', QUOTES[n])
    shoot(author, "01-author-writes")
    author.get_by_role("button", name="保存并继续编辑").click()
    expect(author.locator(".messagelist .success")).to_be_visible()
    bulletin = Bulletin.objects.get(slug="shidi-wetland")
    assert bulletin.cover_image and bulletin.cover_rendition
    assert sorted(bulletin.observations.values_list("quote", flat=True)) == sorted(QUOTES)

    # The list's items are edited on its own page.
    author.locator("#achievement_list-group a.inlinechangelink").click()
    for n, title in enumerate(["湿地公园完成生态补水", "新增湿地保护面积1200公顷"]):
        author.locator("#items-group .add-row a").click()
        author.fill(f'[name="items-{n}-number"]', str(n + 1))
        author.fill(f'[name="items-{n}-title"]', title)
    author.get_by_role("button", name="保存", exact=True).click()
    expect(author.locator(".messagelist .success")).to_be_visible()
    assert bulletin.achievement_list.items.count() == 2

    open_change_form(author, bulletin.pk)
    assert "提交审核" in perform(author, "submit")
    expect(author.locator("#workflow-panel .status-badge")).to_have_text(str(Status.IN_REVIEW.label))
    shoot(author, "02-submitted")

    # The Editor sends it back with a comment; the Author reads it, fixes and resubmits.
    editor = new_context().new_page()
    log_in(editor, "editor", PASSWORD)
    editor.goto("/admin/bulletins/bulletin/")
    editor.get_by_role("link", name=TITLE).click()
    comment = "摘要请写明修复面积。"
    perform(editor, "request_changes", comment=comment)
    expect(editor.locator("#workflow-panel .status-badge")).to_have_text(str(Status.DRAFT.label))

    open_change_form(author, bulletin.pk)
    expect(author.locator("#transition-history")).to_contain_text(comment)
    shoot(author, "03-changes-requested")
    author.fill('[name="summary"]', "湿地市通报湿地公园生态修复进展，新增湿地保护面积1200公顷。")
    author.get_by_role("button", name="保存并继续编辑").click()
    expect(author.locator(".messagelist .success")).to_be_visible()
    perform(author, "submit")
    expect(author.locator("#workflow-panel .status-badge")).to_have_text(str(Status.IN_REVIEW.label))

    # The Author's figures are candidates until the Editor accepts them on the same form.
    assert set(bulletin.observations.values_list("review_state", flat=True)) == {ReviewState.CANDIDATE}
    open_change_form(editor, bulletin.pk)
    editor.get_by_text("观测值（数值须与原句一致）").click()
    for n in range(2):
        editor.select_option(f'[name="observations-{n}-review_state"]', ReviewState.ACCEPTED.value)
    editor.get_by_role("button", name="保存并继续编辑").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    assert set(bulletin.observations.values_list("review_state", flat=True)) == {ReviewState.ACCEPTED}

    # The Editor schedules it ten minutes ahead (the form takes local time, to the minute).
    at = timezone.localtime() + timedelta(minutes=10)
    open_change_form(editor, bulletin.pk)
    message = perform(editor, "publish", at=at.strftime("%Y-%m-%dT%H:%M"))
    assert f"将于 {at:%Y-%m-%d %H:%M} 公开" in message
    expect(editor.locator("#workflow-panel .status-badge")).to_contain_text("定时")
    shoot(editor, "04-scheduled")

    assert what_a_reader_sees(new_context, "shidi-wetland", region) == everywhere(False)

    # Time passes (the whole process's clock, the live server's included).
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(minutes=11))
    assert what_a_reader_sees(new_context, "shidi-wetland", region) == everywhere(True)
    reader = new_context().new_page()
    reader.goto("/bulletins/shidi-wetland/")
    expect(reader.get_by_role("img", name="修复后的湿地公园水面")).to_be_visible()
    expect(reader.locator("section.achievements")).to_contain_text("新增湿地保护面积1200公顷")
    expect(reader.locator("mark.figure-mark")).to_have_count(2)
    shoot(reader, "05-reader-sees-it")

    # The Editor withdraws it: gone from every surface at once.
    open_change_form(editor, bulletin.pk)
    perform(editor, "withdraw", comment="数据待复核。")
    expect(editor.locator("#workflow-panel .status-badge")).to_have_text(str(Status.DRAFT.label))
    shoot(editor, "06-withdrawn")
    assert what_a_reader_sees(new_context, "shidi-wetland", region) == everywhere(False)


def test_the_second_editor_saving_the_same_bulletin_is_shown_the_conflict(newsroom, new_context, shoot):
    make_user(username="editor2", password=PASSWORD, groups=["Editor"])
    bulletin = make_bulletin(status=Status.DRAFT, summary="原摘要。", region=newsroom["region"])
    revisions.revision_create(bulletin, by=newsroom["author"], note="新建")  # as the admin's add form does
    first, second = new_context().new_page(), new_context().new_page()
    log_in(first, "editor", PASSWORD)
    log_in(second, "editor2", PASSWORD)
    open_change_form(first, bulletin.pk)
    open_change_form(second, bulletin.pk)

    first.fill('[name="title"]', "第一位编辑改的标题")
    first.get_by_role("button", name="保存并继续编辑").click()
    expect(first.locator(".messagelist .success")).to_be_visible()

    second.fill('[name="summary"]', "第二位编辑改的摘要。")
    second.get_by_role("button", name="保存并继续编辑").click()
    conflict = second.locator("#save-conflict")
    expect(conflict).to_be_visible()
    expect(conflict.locator("strong").first).to_have_text("editor")  # who saved in between
    expect(conflict).to_contain_text("第一位编辑改的标题")  # the other editor's change, listed
    expect(second.locator('[name="summary"]')).to_have_value("第二位编辑改的摘要。")
    shoot(second, "01-conflict")

    bulletin.refresh_from_db()
    assert (bulletin.title, bulletin.summary) == ("第一位编辑改的标题", "原摘要。")

"""The admin as a newsroom tool, used as editors use it, at 1280 px and on a 412 px phone:

* an Author writes a bulletin (the slug fills itself from the Chinese title, the live preview
  shows the text as readers will see it) and submits it;
* an Editor finds it on the dashboard, sends it back with a comment (the Author is e-mailed and
  sees the comment on their dashboard), then approves the resubmission for a later time;
* an Administrator publishes their own draft without review, giving the reason.

axe-core runs on every admin page they touch: no serious or critical violation.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from bulletins.models import Bulletin, Transition
from ecoportal.publishing import Status
from tests.factories import make_bulletin, make_region, make_user

from .helpers import AXE, log_in, perform, report, serious_violations

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not AXE.exists(), reason=f"no axe-core at {AXE} (run npm ci in tests/e2e)"),
]

PASSWORD = "Newsroom-pass-2024"
WIDTHS = {"1280": {"width": 1280, "height": 900}, "412": {"width": 412, "height": 915}}
TITLE = "湿地市2024年湿地保护修复工作通报"
SLUG = "shi-di-shi-2024-nian-shi-di-bao-hu-xiu-fu-gong-zuo-tong-bao"
BODY = "## 修复进展\n\n今年湿地市完成湿地补水工程（本段为测试用的虚构内容）。\n\n- 第一项：**补水**\n- 第二项：退耕还湿"


@pytest.fixture
def people(transactional_db):
    make_region(slug="shidi", name="湿地市", name_en="Shidi")
    return {
        role: make_user(username=role, password=PASSWORD, groups=[group], email=f"{role}@example.org")
        for role, group in (("author", "Author"), ("editor", "Editor"), ("admin", "Administrator"))
    }


class Axe:
    """axe-core on each page visited: {page name: [problem, …]}."""

    def __init__(self):
        self.problems = {}

    def check(self, page, name):
        found = serious_violations(page)
        if found:
            self.problems[name] = found

    def assert_clean(self):
        assert not self.problems, report(self.problems)


def fits(page):
    """The page scrolls no wider than the window."""
    width, client = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    return width <= client


def sign_in(new_context, viewport, who):
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    log_in(page, who, PASSWORD)
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_an_author_writes_previews_and_submits(people, new_context, shoot, width):
    axe = Axe()
    page = sign_in(new_context, WIDTHS[width], "author")
    axe.check(page, "dashboard")
    assert fits(page), "the dashboard fits the window"
    page.locator("#panel-my-drafts").get_by_role("link", name="写一篇新公报").click()
    page.wait_for_url("**/add/")
    page.locator('[name="title"]').press_sequentially(TITLE, delay=10)
    expect(page.locator('[name="slug"]')).to_have_value(SLUG)  # filled from the title, in pinyin
    page.fill('[name="body"]', BODY)
    page.locator('[name="body"]').press("End")  # an input event, as typing gives
    preview = page.frame_locator("#live-preview-frame")
    expect(preview.locator(".bulletin-body h2")).to_have_text("修复进展")
    expect(preview.locator(".bulletin-body strong")).to_have_text("补水")
    expect(preview.locator("h1")).to_have_text(TITLE)
    page.select_option('[name="region"]', label="湿地市")
    axe.check(page, "add form")
    shoot(page, f"01-author-writes-{width}", full_page=False)
    page.get_by_role("button", name="保存并继续编辑").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    bulletin = Bulletin.objects.get(slug=SLUG)
    assert perform(page, "submit")
    expect(page.locator("#workflow-panel .status-badge")).to_have_text(str(Status.IN_REVIEW.label))
    axe.check(page, "change form, in review")
    bulletin.refresh_from_db()
    assert bulletin.status == Status.IN_REVIEW
    assert {address for message in mail.outbox for address in message.to} == {"editor@example.org", "admin@example.org"}
    axe.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_editor_reviews_from_the_dashboard_sends_back_then_approves_for_later(people, new_context, shoot, width):
    from bulletins import workflow

    axe = Axe()
    bulletin = make_bulletin(status=Status.DRAFT, title=TITLE, slug="shidi-wetland", created_by=people["author"])
    workflow.bulletin_submit(bulletin, by=people["author"])
    mail.outbox.clear()

    editor = sign_in(new_context, WIDTHS[width], "editor")
    queue = editor.locator("#panel-awaiting-review")
    expect(queue).to_contain_text(TITLE)
    axe.check(editor, "dashboard")
    assert fits(editor)
    shoot(editor, f"02-editor-dashboard-{width}")
    queue.get_by_role("link", name=TITLE).click()
    editor.wait_for_url("**/change/")
    axe.check(editor, "change form, in review")
    comment = "请在第二段写明补水的面积。"
    perform(editor, "request_changes", comment=comment)
    expect(editor.locator("#workflow-panel .status-badge")).to_have_text(str(Status.DRAFT.label))
    assert [message.to for message in mail.outbox] == [["author@example.org"]]
    assert comment in mail.outbox[0].body and f"/admin/bulletins/bulletin/{bulletin.pk}/change/" in mail.outbox[0].body

    # The Author sees the comment on the dashboard, opens the bulletin from there and resubmits.
    author = sign_in(new_context, WIDTHS[width], "author")
    sent_back = author.locator("#panel-sent-back")
    expect(sent_back).to_contain_text(comment)
    axe.check(author, "author's dashboard, sent back")
    sent_back.get_by_role("link", name=TITLE).click()
    author.wait_for_url("**/change/")
    perform(author, "submit")

    # The Editor approves it for tomorrow; the dashboard lists it with its time.
    at = timezone.localtime() + timedelta(days=1)
    editor.goto(f"/admin/bulletins/bulletin/{bulletin.pk}/change/")
    message = perform(editor, "publish", at=at.strftime("%Y-%m-%dT%H:%M"))
    assert f"将于 {at:%Y-%m-%d %H:%M} 公开" in message
    shoot(editor, f"03-editor-scheduled-{width}", full_page=False)
    axe.check(editor, "change form, scheduled")
    editor.goto("/admin/")
    expect(editor.locator("#panel-scheduled")).to_contain_text(f"{at:%Y-%m-%d %H:%M} 公开")
    editor.goto("/admin/bulletins/bulletin/?status=scheduled")
    expect(editor.get_by_role("link", name=TITLE)).to_be_visible()
    axe.check(editor, "bulletin list, scheduled")
    assert editor.locator(".title-cell").first.get_attribute("title") == TITLE
    editor.goto("/admin/bulletins/bulletin/notifications/")
    axe.check(editor, "notification settings")
    bulletin.refresh_from_db()
    assert bulletin.is_scheduled
    axe.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_administrator_publishes_without_review_giving_the_reason(people, new_context, shoot, width):
    axe = Axe()
    bulletin = make_bulletin(status=Status.DRAFT, title="湿地市汛期紧急通告", slug="shidi-flood", created_by=people["admin"])
    admin = sign_in(new_context, WIDTHS[width], "admin")
    axe.check(admin, "dashboard")
    expect(admin.locator("#content-main")).to_contain_text("账号与登录安全（管理员）")
    admin.locator("#panel-my-drafts").get_by_role("link", name="湿地市汛期紧急通告").click()
    admin.wait_for_url("**/change/")
    axe.check(admin, "change form, draft")
    reason = "汛期紧急通告须当日发布，审核编辑均在外地。"
    perform(admin, "publish_without_review", comment=reason)
    expect(admin.locator("#workflow-panel .status-badge")).to_have_text(str(Status.PUBLISHED.label))
    expect(admin.locator("#transition-history")).to_contain_text(reason)
    axe.check(admin, "change form, published")
    shoot(admin, f"04-published-without-review-{width}", full_page=False)
    record = Transition.objects.get(bulletin=bulletin, action="publish_without_review")
    assert (record.by, record.comment) == (people["admin"], reason)
    axe.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_editor_reviews_candidate_figures_with_the_keyboard(people, new_context, shoot, width):
    from indicators.choices import ReviewState
    from indicators.models import Observation
    from tests.factories import make_indicator, make_observation

    axe = Axe()
    draft = make_bulletin(status=Status.DRAFT, title=TITLE, slug="shidi-figures", created_by=people["author"])
    indicator = make_indicator(code="complaints-test", name="噪声投诉（测试）", unit="件")
    figures = [
        make_observation(bulletin=draft, indicator=indicator, value=value, unit="件", review_state=ReviewState.CANDIDATE,
                         quote=f"全年受理噪声投诉{value}件（虚构）。", reasons="指标：“噪声投诉”\n期间：“2023年”")
        for value in ("11", "12", "13")
    ]
    editor = sign_in(new_context, WIDTHS[width], "editor")
    editor.locator("#panel-candidate-figures").get_by_role("link", name=TITLE).click()
    expect(editor.locator("#result_list tbody tr")).to_have_count(3)
    axe.check(editor, "candidate figures")
    editor.locator("body").click(position={"x": 2, "y": 2})
    for key in ("j", "x", "j", "x"):  # the first two rows selected
        editor.keyboard.press(key)
    shoot(editor, f"05-figures-keyboard-{width}", full_page=False)
    editor.keyboard.press("f")  # fix their period in bulk
    editor.wait_for_selector("#fix-figures-form")
    axe.check(editor, "bulk fix of figures")
    editor.fill('[name="period_label"]', "2023年全年")
    editor.get_by_role("button", name="更正所选数值").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("已更正 2 个数值")
    editor.locator("body").click(position={"x": 2, "y": 2})
    for key in ("j", "x", "j", "x", "a"):  # and accepted
        editor.keyboard.press(key)
    expect(editor.locator(".messagelist .success")).to_contain_text("2 个数值已采用")
    states = dict(Observation.objects.filter(pk__in=[f.pk for f in figures]).values_list("value_text", "review_state"))
    assert states == {"11": ReviewState.ACCEPTED, "12": ReviewState.ACCEPTED, "13": ReviewState.CANDIDATE}
    labels = dict(Observation.objects.filter(pk__in=[f.pk for f in figures]).values_list("value_text", "period_label"))
    assert labels == {"11": "2023年全年", "12": "2023年全年", "13": "2023年"}
    axe.assert_clean()

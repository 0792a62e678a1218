"""Raw requests against every admin URL that shows or changes a bulletin, by people who may not.

Independent of the admin's own tests: an Author against another author's draft, an Author
forging a publish or fields they may not edit, anonymous visitors, and editors against the
audit log. Every refused request must leave the database exactly as it was (state, version,
content, audit rows, revisions, figures, admin log) and show none of the draft's content.
"""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from bulletins.models import (
    AchievementItem,
    AchievementList,
    Bulletin,
    Correction,
    Revision,
    Transition,
)
from ecoportal.publishing import Status
from indicators.models import Observation
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_correction,
    make_indicator,
    make_observation,
    make_user,
)

workflow = pytest.importorskip("bulletins.workflow")
pytest.importorskip("bulletins.admin")
revisions = pytest.importorskip("bulletins.revisions")

pytestmark = pytest.mark.django_db
SECRET = "VICTIMSECRET"


@pytest.fixture
def author():
    return make_user(groups=["Author"], username="attacker")


@pytest.fixture
def victim():
    return make_user(groups=["Author"], username="victim")


@pytest.fixture
def victim_draft(victim):
    bulletin = make_bulletin(
        status=Status.DRAFT, created_by=victim, title=f"{SECRET}标题", slug="victim-draft",
        summary=f"{SECRET}摘要", body=f"{SECRET}正文。",
    )
    achievement_list = make_achievement_list(bulletin, slug="victim-list", title=f"{SECRET}清单")
    make_observation(bulletin=bulletin, indicator=make_indicator(), value="42", quote=f"{SECRET}优良天数42天。")
    make_correction(bulletin, original=f"{SECRET}原文")
    revisions.revision_create(bulletin, by=victim, note="first")
    Bulletin.objects.filter(pk=bulletin.pk).update(body=f"{SECRET}正文第二版。")
    bulletin.refresh_from_db()
    revisions.revision_create(bulletin, by=victim, note="second")
    workflow.bulletin_submit(bulletin, by=victim)
    workflow.bulletin_request_changes(bulletin, by=make_user(groups=["Editor"]), comment=f"{SECRET}意见")
    bulletin.refresh_from_db()
    assert achievement_list.items.count() == 3
    return bulletin


def snapshot():
    """Everything a forged request could change, as plain data."""
    return {
        "bulletins": list(Bulletin.objects.order_by("pk").values()),
        "topics": list(Bulletin.topics.through.objects.order_by("pk").values()),
        "transitions": list(Transition.objects.order_by("pk").values()),
        "revisions": list(Revision.objects.order_by("pk").values("pk", "bulletin_id", "number", "data")),
        "lists": list(AchievementList.objects.order_by("pk").values()),
        "items": list(AchievementItem.objects.order_by("pk").values()),
        "observations": list(Observation.objects.order_by("pk").values()),
        "corrections": list(Correction.objects.order_by("pk").values()),
        "admin_log": LogEntry.objects.count(),
    }


def admin(name, *args):
    return reverse(f"admin:{name}", args=args)


def bulletin_urls(bulletin):
    revision = Revision.objects.filter(bulletin=bulletin).order_by("number").first()
    return {
        "change": admin("bulletins_bulletin_change", bulletin.pk),
        "history": admin("bulletins_bulletin_history", bulletin.pk),
        "delete": admin("bulletins_bulletin_delete", bulletin.pk),
        "preview": admin("bulletins_bulletin_preview", bulletin.pk),
        "compare": admin("bulletins_bulletin_compare", bulletin.pk) + "?a=1&b=2",
        "restore": admin("bulletins_bulletin_restore", bulletin.pk, revision.number),
        "untrash": admin("bulletins_bulletin_untrash", bulletin.pk),
        **{f"transition-{name}": admin("bulletins_bulletin_transition", bulletin.pk, name) for name in workflow.TRANSITIONS},
    }


def change_form(bulletin, **overrides):
    data = {
        "loaded_version": bulletin.version, "title": bulletin.title, "slug": bulletin.slug,
        "summary": bulletin.summary, "body": bulletin.body, "raw_text": bulletin.raw_text,
        "editorial_note": bulletin.editorial_note, "region": bulletin.region_id or "",
        "region_label": bulletin.region_label, "publisher": bulletin.publisher_id or "",
        "source_name": bulletin.source_name, "author_name": bulletin.author_name,
        "issued_on": bulletin.issued_on.isoformat() if bulletin.issued_on else "",
        "issued_at_text": bulletin.issued_at_text, "source_url": bulletin.source_url,
        "original_url": bulletin.original_url, "cover_alt": bulletin.cover_alt,
    }
    for prefix in ("achievement_list", "observations", "corrections"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    data.update(overrides)
    return data


def assert_refused(response, *, anonymous=False):
    body = response.content.decode(errors="replace")
    assert SECRET not in body, f"the victim's content leaked ({response.status_code})"
    if anonymous:
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:
        # 405: a GET to a URL that only takes POST (transitions, restore, untrash).
        assert response.status_code in (302, 403, 404, 405), response.status_code
        if response.status_code == 302:
            assert response["Location"] in ("/admin/", reverse("admin:index")), response["Location"]


# An Author against another author's draft -----------------------------------------------------

@pytest.mark.parametrize("url_name", ["change", "history", "delete", "preview", "compare"])
def test_author_cannot_see_another_authors_draft_through_any_admin_page(client, author, victim_draft, url_name):
    client.force_login(author)
    assert_refused(client.get(bulletin_urls(victim_draft)[url_name]))


@pytest.mark.parametrize(
    "url_name", ["change", "delete", "preview", "restore", "untrash", *[f"transition-{n}" for n in ("submit", "publish", "request_changes", "withdraw", "archive")]]
)
def test_author_raw_post_to_another_authors_draft_changes_nothing(client, author, victim_draft, url_name):
    client.force_login(author)
    before = snapshot()
    data = change_form(victim_draft, title="HIJACKED", body="HIJACKED") if url_name in ("change", "preview") else {
        "post": "yes", "comment": "forged", "at": "",
    }
    response = client.post(bulletin_urls(victim_draft)[url_name], data)
    assert_refused(response)
    assert snapshot() == before


@pytest.mark.parametrize("action", ["submit_selected", "publish_selected", "archive_selected", "trash_selected", "untrash_selected", "delete_selected"])
def test_author_bulk_action_on_another_authors_draft_changes_nothing(client, author, victim_draft, action):
    client.force_login(author)
    before = snapshot()
    client.post(admin("bulletins_bulletin_changelist"), {"action": action, "_selected_action": [victim_draft.pk], "post": "yes"})
    assert snapshot() == before


def test_author_cannot_reach_the_figures_lists_or_audit_rows_of_another_authors_draft(client, author, victim_draft):
    client.force_login(author)
    observation = Observation.objects.get(bulletin=victim_draft)
    achievement_list = AchievementList.objects.get(bulletin=victim_draft)
    transition = Transition.objects.filter(bulletin=victim_draft).first()
    before = snapshot()
    for url in (
        admin("indicators_observation_change", observation.pk),
        admin("indicators_observation_delete", observation.pk),
        admin("bulletins_achievementlist_change", achievement_list.pk),
        admin("bulletins_achievementlist_delete", achievement_list.pk),
        admin("bulletins_transition_change", transition.pk),
        admin("bulletins_transition_changelist") + "?q=意见",
        admin("indicators_observation_changelist") + "?q=优良天数",
        admin("bulletins_achievementlist_changelist"),
        admin("bulletins_bulletin_changelist") + "?q=标题",
    ):
        response = client.get(url)
        assert SECRET not in response.content.decode(), f"leak on {url}"
        client.post(url, {"post": "yes", "quote": "HIJACKED", "title": "HIJACKED"})
    assert snapshot() == before


def test_author_cannot_attach_figures_or_lists_to_another_authors_draft(client, author, victim_draft):
    client.force_login(author)
    indicator = Observation.objects.get(bulletin=victim_draft).indicator
    before = snapshot()
    client.post(admin("indicators_observation_add"), {
        "bulletin": victim_draft.pk, "indicator": indicator.pk, "region": "", "value": "1", "value_text": "1",
        "unit": "天", "period_start": "2023-01-01", "period_end": "2023-12-31", "period_label": "2023年",
        "quote": "优良天数1天。", "qualifier": "", "review_state": "accepted",
    })
    client.post(admin("bulletins_achievementlist_add"), {
        "bulletin": victim_draft.pk, "slug": "forged-list", "title": "forged", "year": "2024",
        "items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "1000",
    })
    assert snapshot() == before


def test_author_cannot_smuggle_another_authors_rows_into_own_draft_through_inline_ids(client, author, victim_draft):
    client.force_login(author)
    mine = make_bulletin(status=Status.DRAFT, created_by=author, slug="attacker-draft")
    victim_observation = Observation.objects.get(bulletin=victim_draft)
    victim_correction = Correction.objects.get(bulletin=victim_draft)
    before = snapshot()
    data = change_form(mine, **{
        "corrections-TOTAL_FORMS": "1", "corrections-INITIAL_FORMS": "1",
        "corrections-0-id": victim_correction.pk, "corrections-0-bulletin": mine.pk,
        "corrections-0-original": "HIJACKED", "corrections-0-corrected": "HIJACKED", "corrections-0-note": "",
        "observations-TOTAL_FORMS": "1", "observations-INITIAL_FORMS": "1",
        "observations-0-id": victim_observation.pk, "observations-0-bulletin": mine.pk,
        "observations-0-indicator": victim_observation.indicator_id, "observations-0-value": "1",
        "observations-0-value_text": "1", "observations-0-unit": "天", "observations-0-quote": "HIJACKED 1天",
        "observations-0-period_start": "2023-01-01", "observations-0-period_end": "2023-12-31",
        "observations-0-period_label": "x", "observations-0-review_state": "accepted",
    })
    client.post(admin("bulletins_bulletin_change", mine.pk), data)
    after = snapshot()
    assert after["corrections"] == before["corrections"]
    assert after["observations"] == before["observations"]


# An Author forging what only editors may do ----------------------------------------------------

@pytest.fixture
def own_in_review(author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author, slug="own-review", title="自己的稿件")
    revisions.revision_create(bulletin, by=author, note="first")
    workflow.bulletin_submit(bulletin, by=author)
    bulletin.refresh_from_db()
    return bulletin


@pytest.mark.parametrize("action", ["publish", "request_changes", "archive", "withdraw"])
def test_author_forging_an_editor_transition_on_own_bulletin_changes_nothing(client, author, own_in_review, action):
    client.force_login(author)
    before = snapshot()
    at = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(bulletin_urls(own_in_review)[f"transition-{action}"], {"comment": "forged", "at": at})
    assert response.status_code in (302, 403)
    assert snapshot() == before
    assert client.get(f"/bulletins/{own_in_review.slug}/").status_code == 404


def test_author_bulk_publish_of_own_bulletin_changes_nothing(client, author, own_in_review):
    client.force_login(author)
    before = snapshot()
    client.post(admin("bulletins_bulletin_changelist"), {"action": "publish_selected", "_selected_action": [own_in_review.pk]})
    assert snapshot() == before


def test_author_cannot_edit_own_bulletin_once_in_review(client, author, own_in_review):
    client.force_login(author)
    before = snapshot()
    client.post(bulletin_urls(own_in_review)["change"], change_form(own_in_review, title="CHANGED IN REVIEW"))
    client.post(bulletin_urls(own_in_review)["restore"], {})
    client.post(bulletin_urls(own_in_review)["delete"], {"post": "yes"})
    assert snapshot() == before


def test_author_cannot_set_state_schedule_owner_trash_or_version_through_the_change_form(client, author, victim):
    client.force_login(author)
    mine = make_bulletin(status=Status.DRAFT, created_by=author, slug="forge-fields")
    revisions.revision_create(mine, by=author, note="first")
    mine.refresh_from_db()
    forged = change_form(
        mine, title="合法的新标题",
        status=Status.PUBLISHED, publish_at="2020-01-01 00:00:00", publish_at_0="2020-01-01", publish_at_1="00:00:00",
        deleted_at="2020-01-01 00:00:00", created_by=victim.pk, version="999", content_hash="0" * 64,
        created_at="2000-01-01 00:00:00", cover_rendition="covers/renditions/x.png",
    )
    response = client.post(admin("bulletins_bulletin_change", mine.pk), forged)
    assert response.status_code == 302, response.content.decode()[:2000]
    mine.refresh_from_db()
    assert mine.title == "合法的新标题"
    assert (mine.status, mine.publish_at, mine.deleted_at, mine.created_by_id) == (Status.DRAFT, None, None, author.pk)
    assert mine.version == 2
    assert mine.content_hash != "0" * 64
    assert not mine.cover_rendition
    assert client.get(f"/bulletins/{mine.slug}/").status_code == 404


def test_author_adding_a_bulletin_cannot_choose_its_state_or_owner(client, author, victim):
    client.force_login(author)
    data = change_form(
        Bulletin(title="新稿", slug="new-forged", body="正文。"),
        loaded_version="", status=Status.PUBLISHED, publish_at="2020-01-01 00:00:00",
        created_by=victim.pk, deleted_at="2020-01-01 00:00:00",
    )
    response = client.post(admin("bulletins_bulletin_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Bulletin.objects.get(slug="new-forged")
    assert (created.status, created.publish_at, created.deleted_at, created.created_by_id) == (
        Status.DRAFT, None, None, author.pk,
    )


def test_author_cannot_bring_own_draft_back_from_the_trash(client, author, editor):
    client.force_login(author)
    mine = make_bulletin(status=Status.DRAFT, created_by=author, slug="own-trashed")
    revisions.revision_create(mine, by=author, note="first")
    workflow.bulletin_trash(mine, by=editor)
    before = snapshot()
    assert client.post(bulletin_urls(mine)["untrash"], {}).status_code == 403
    client.post(admin("bulletins_bulletin_changelist"), {"action": "untrash_selected", "_selected_action": [mine.pk]})
    assert snapshot() == before


# Anonymous visitors --------------------------------------------------------------------------

@pytest.mark.parametrize("url_name", ["change", "history", "delete", "preview", "compare", "restore", "untrash", "transition-publish", "transition-submit"])
def test_anonymous_requests_to_bulletin_admin_urls_only_reach_the_login_page(client, victim_draft, url_name):
    url = bulletin_urls(victim_draft)[url_name]
    before = snapshot()
    assert_refused(client.get(url), anonymous=True)
    assert_refused(client.post(url, change_form(victim_draft, title="ANON")), anonymous=True)
    assert snapshot() == before


def test_anonymous_cannot_use_changelist_actions_or_the_audit_log(client, victim_draft):
    before = snapshot()
    for url in (admin("bulletins_bulletin_changelist"), admin("bulletins_transition_changelist"),
                admin("bulletins_bulletin_add"), admin("indicators_observation_add")):
        assert_refused(client.get(url), anonymous=True)
        assert_refused(client.post(url, {"action": "publish_selected", "_selected_action": [victim_draft.pk]}), anonymous=True)
    assert snapshot() == before


def test_staff_without_any_editorial_role_sees_and_changes_nothing(client, victim_draft):
    client.force_login(make_user(username="bare-staff"))
    before = snapshot()
    for url in bulletin_urls(victim_draft).values():
        assert_refused(client.get(url))
        assert_refused(client.post(url, {"comment": "x"}))
    assert snapshot() == before


# Trash is recoverable; the audit log is read-only --------------------------------------------

def test_deleting_a_published_bulletin_in_the_admin_only_moves_it_to_the_trash(client, editor, victim):
    bulletin = make_bulletin(created_by=victim, slug="published-one", title="公开的公报甲")
    revisions.revision_create(bulletin, by=victim, note="first")
    make_achievement_list(bulletin, slug="published-one-list")
    client.force_login(editor)
    response = client.post(admin("bulletins_bulletin_delete", bulletin.pk), {"post": "yes"})
    assert response.status_code == 302
    bulletin.refresh_from_db()
    assert bulletin.deleted_at is not None and bulletin.status == Status.PUBLISHED
    assert AchievementList.objects.filter(bulletin=bulletin).exists()
    assert Transition.objects.filter(bulletin=bulletin, action="trash", by=editor).exists()
    assert client.get("/bulletins/published-one/").status_code == 404
    assert "published-one" not in client.get("/api/v1/bulletins/").content.decode()

    response = client.post(admin("bulletins_bulletin_untrash", bulletin.pk), {})
    bulletin.refresh_from_db()
    assert bulletin.deleted_at is None
    assert client.get("/bulletins/published-one/").status_code == 200
    assert Transition.objects.filter(bulletin=bulletin, action="untrash", by=editor).exists()


def test_bulk_delete_through_a_forged_delete_selected_only_trashes(client, editor, victim):
    bulletin = make_bulletin(created_by=victim, slug="bulk-victim")
    client.force_login(editor)
    client.post(admin("bulletins_bulletin_changelist"), {"action": "delete_selected", "_selected_action": [bulletin.pk], "post": "yes"})
    assert Bulletin.objects.filter(pk=bulletin.pk).exists()


@pytest.mark.parametrize("groups", [["Editor"], ["Administrator"]])
def test_the_audit_log_cannot_be_changed_added_to_or_deleted_by_editors(client, victim_draft, groups):
    client.force_login(make_user(groups=groups))
    row = Transition.objects.filter(bulletin=victim_draft).first()
    before = snapshot()
    forged = {"bulletin": victim_draft.pk, "action": "publish", "from_status": "draft", "to_status": "published",
              "comment": "rewritten", "by": "", "post": "yes"}
    assert client.post(admin("bulletins_transition_change", row.pk), forged).status_code in (302, 403)
    assert client.post(admin("bulletins_transition_delete", row.pk), {"post": "yes"}).status_code in (302, 403)
    assert client.post(admin("bulletins_transition_add"), forged).status_code == 403
    client.post(admin("bulletins_transition_changelist"), {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"})
    assert snapshot() == before
    page = client.get(admin("bulletins_transition_change", row.pk))
    assert page.status_code == 200
    assert 'name="comment"' not in page.content.decode()


def test_preview_post_of_a_bulletin_the_author_may_not_edit_saves_nothing(client, author, own_in_review):
    client.force_login(author)
    before = snapshot()
    response = client.post(bulletin_urls(own_in_review)["preview"], change_form(own_in_review, title="PREVIEW ONLY"))
    assert response.status_code == 200
    assert snapshot() == before


def test_editor_cannot_edit_or_transition_a_bulletin_in_the_trash(client, editor, victim):
    bulletin = make_bulletin(status=Status.IN_REVIEW, created_by=victim, slug="trashed-review")
    revisions.revision_create(bulletin, by=victim, note="first")
    workflow.bulletin_trash(bulletin, by=editor)
    bulletin.refresh_from_db()
    client.force_login(editor)
    before = snapshot()
    client.post(bulletin_urls(bulletin)["change"], change_form(bulletin, title="EDITED IN TRASH"))
    client.post(bulletin_urls(bulletin)["transition-publish"], {"comment": "", "at": ""})
    client.post(bulletin_urls(bulletin)["restore"], {})
    assert snapshot() == before
    assert client.get("/bulletins/trashed-review/").status_code == 404


def test_author_cannot_take_over_another_authors_achievement_items_through_own_list(client, author, victim_draft):
    client.force_login(author)
    mine = make_bulletin(status=Status.DRAFT, created_by=author, slug="attacker-with-list")
    own_list = make_achievement_list(mine, slug="attacker-list", items=0)
    victim_item = AchievementItem.objects.filter(achievement_list__bulletin=victim_draft).first()
    before = snapshot()
    client.post(admin("bulletins_achievementlist_change", own_list.pk), {
        "bulletin": mine.pk, "slug": own_list.slug, "title": own_list.title, "year": "2024",
        "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "1", "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "1000",
        "items-0-id": victim_item.pk, "items-0-achievement_list": own_list.pk,
        "items-0-number": "1", "items-0-title": "HIJACKED", "items-0-body": "HIJACKED",
    })
    assert snapshot()["items"] == before["items"]


def test_author_cannot_bulk_delete_figures_of_own_bulletin_in_review(client, author, own_in_review):
    observation = make_observation(bulletin=own_in_review, indicator=make_indicator(), value="7", quote="优良天数7天。")
    client.force_login(author)
    before = snapshot()
    client.post(admin("indicators_observation_changelist"), {"action": "delete_selected", "_selected_action": [observation.pk], "post": "yes"})
    client.post(admin("indicators_observation_delete", observation.pk), {"post": "yes"})
    assert snapshot() == before

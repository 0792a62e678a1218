"""Every path that writes an observation's review state, and the rule on each of them.

The rule: only an Editor accepts or rejects a figure, whatever is posted. A path run by someone
else keeps the state a figure has; an acceptance of content that the path changes lapses to
candidate; a figure it adds is a candidate. Operators' tools that copy a whole database
(restore_portal, loaddata of a backup) write exactly what they copy.

``WRITERS`` lists each path with the tests that check it here or elsewhere;
``test_every_module_that_mentions_review_state_is_audited`` fails when code in a module not
listed starts to mention the field, so a new writer cannot arrive unaudited.
"""

import io
import re
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from bulletins import revisions, workflow
from ecoportal.backup import create_backup, restore_backup
from ecoportal.publishing import Status
from importer.service import import_bulletin_text
from indicators.choices import ReviewState
from indicators.models import Observation
from tests.bulletins.test_admin import form_data
from tests.factories import make_bulletin, make_indicator, make_observation, make_region

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

#: path → where it writes → the tests that hold it to the rule.
WRITERS = {
    "revision restore": ("indicators/revisions.py", [
        "test_an_authors_restore_keeps_the_editors_rejection",
        "test_an_editors_restore_keeps_the_current_decisions_too",
        "test_a_figure_deleted_since_comes_back_a_candidate_or_rejected",
        "test_a_restore_that_changes_accepted_content_makes_it_a_candidate",
    ]),
    "bulletin change form, figure rows": ("indicators/admin.py", [
        "test_an_authors_change_to_an_accepted_figure_makes_it_a_candidate",
        "tests/indicators/test_observation_review.py::test_an_author_edits_a_candidate_inline_but_a_forged_accept_is_not_taken",
        "tests/indicators/test_observation_review.py::test_a_figure_an_author_adds_is_a_candidate_whatever_the_form_says",
    ]),
    "observation change form": ("indicators/admin.py", [
        "tests/indicators/test_observation_review.py::test_a_forged_accept_on_the_observation_form_is_not_taken",
    ]),
    "observation bulk accept / reject": ("indicators/review.py", [
        "tests/indicators/test_observation_review.py::test_an_author_is_offered_no_bulk_verdict_and_a_forged_one_changes_nothing",
        "tests/indicators/test_observation_review.py::test_the_review_service_refuses_an_author",
    ]),
    "proposals accepted in bulk or dropped": ("indicators/proposals.py", [
        "tests/indicators/test_proposals.py::test_an_author_cannot_accept_or_drop_proposals",
        "tests/indicators/test_proposals.py::test_an_author_is_not_offered_the_review_actions",
    ]),
    "bulletin workflow and its bulk actions": ("bulletins/workflow.py", [
        "test_workflow_bulk_actions_leave_review_states_alone",
    ]),
    "importer (admin page and import_bulletin)": ("importer/observations.py", [
        "test_the_import_page_makes_candidates_whatever_is_posted",
        "test_the_import_command_makes_candidates",
    ]),
    "reading page (reads candidates' count; its links ask the add form for a candidate)": ("importer/views.py", [
        "tests/importer/test_reading_page.py::test_a_marked_number_opens_the_candidate_form_filled_with_its_sentence",
    ]),
    "a table read as the editor names its columns (reading page)": ("importer/editor_tables.py", [
        "tests/importer/test_editor_tables.py::test_an_author_saves_candidates_whatever_is_posted",
        "tests/importer/test_editor_tables.py::test_the_editor_names_a_column_previews_then_saves_each_row_as_a_candidate",
        "tests/importer/test_editor_tables.py::test_who_may_not_edit_the_bulletin_or_its_figures_reads_no_table",
    ]),
    "load_portal_data --force": ("indicators/management/commands/load_portal_data.py", [
        "test_reloading_the_fixtures_keeps_the_editors_rejection",
    ]),
    "generate_demo_data": ("indicators/management/commands/generate_demo_data.py", [
        "test_demo_data_leaves_real_figures_alone",
    ]),
    "backup restore (operator, exact copy)": ("ecoportal/backup.py", [
        "test_a_backup_restore_copies_review_states_exactly",
    ]),
    "correcting a published figure (its admin form)": ("indicators/admin_corrections.py", [
        "tests/indicators/test_corrections.py::test_the_correct_form_in_the_admin_corrects_with_a_note",
        "tests/indicators/test_corrections.py::test_an_author_gets_no_correct_form",
    ]),
    "withdrawing a published figure (an Editor, with a public note)": ("indicators/corrections.py", [
        "tests/indicators/test_corrections.py::test_a_withdrawn_figure_leaves_the_public_pages_and_its_note_stays",
        "tests/indicators/test_corrections.py::test_only_an_editor_corrects_and_only_with_a_note",
    ]),
    "figure versions (record and read it, never set it)": ("indicators/history.py", [
        "tests/indicators/test_corrections.py::test_the_original_stays_in_the_history",
    ]),
    "the API (read-only)": ("indicators/api/views.py", [
        "test_the_api_writes_nothing",
    ]),
}

#: Modules that mention review_state only to read it (filters, public querysets, the model).
READERS = {
    "indicators/models.py", "indicators/querysets.py", "indicators/consistency.py", "indicators/bulletin_pages.py",
    "fixtures/build_portal.py",  # writes the shipped fixture file, not the database
}


def test_every_module_that_mentions_review_state_is_audited():
    mentioned = set()
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        # Test tooling (the suite, the benchmark, the drills) writes only to its own scratch data.
        if relative.startswith((".venv/", "tests/", "bench/", "scripts/drills/")) or "/migrations/" in relative:
            continue
        if "review_state" in path.read_text(encoding="utf-8"):
            mentioned.add(relative)
    audited = {module for module, _ in WRITERS.values()} | READERS
    assert mentioned - audited == set(), "audit these writers of review_state and list them in WRITERS"


def test_every_listed_test_exists():
    here = sys.modules[__name__]
    for _, names in WRITERS.values():
        for name in names:
            if "::" in name:
                module, function = name.split("::")
                assert re.search(rf"^def {function}\(", (ROOT / module).read_text(), re.MULTILINE), name
            else:
                assert callable(getattr(here, name, None)), name


def state(observation):
    return Observation.objects.get(pk=observation.pk).review_state


# --- revision restore ---------------------------------------------------------------------


@pytest.fixture
def draft(author):
    return make_bulletin(status=Status.DRAFT, created_by=author)


def test_an_authors_restore_keeps_the_editors_rejection(client, author, editor, draft):
    figure = make_observation(bulletin=draft, indicator=make_indicator(), review_state=ReviewState.ACCEPTED)
    accepted = revisions.revision_create(draft, by=author)
    from indicators.review import observations_review

    observations_review([figure], state=ReviewState.REJECTED, by=editor)
    client.force_login(author)
    response = client.post(reverse("admin:bulletins_bulletin_restore", args=[draft.pk, accepted.number]))
    assert response.status_code == 302
    assert state(figure) == ReviewState.REJECTED


def test_an_editors_restore_keeps_the_current_decisions_too(editor):
    bulletin = make_bulletin()
    indicator = make_indicator()
    rejected_later = make_observation(bulletin=bulletin, indicator=indicator, value="1")
    accepted_later = make_observation(bulletin=bulletin, indicator=indicator, value="2", review_state=ReviewState.CANDIDATE)
    first = revisions.revision_create(bulletin, by=editor)
    Observation.objects.filter(pk=rejected_later.pk).update(review_state=ReviewState.REJECTED)
    Observation.objects.filter(pk=accepted_later.pk).update(review_state=ReviewState.ACCEPTED)
    revisions.revision_restore(first, by=editor)
    assert (state(rejected_later), state(accepted_later)) == (ReviewState.REJECTED, ReviewState.ACCEPTED)


def test_a_figure_deleted_since_comes_back_a_candidate_or_rejected(editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW)  # an approved bulletin's figures are not restored
    indicator = make_indicator()
    make_observation(bulletin=bulletin, indicator=indicator, value="1")
    make_observation(bulletin=bulletin, indicator=indicator, value="2", review_state=ReviewState.REJECTED)
    first = revisions.revision_create(bulletin, by=editor)
    Observation.objects.filter(bulletin=bulletin).delete()
    revisions.revision_restore(first, by=editor)
    states = dict(Observation.objects.filter(bulletin=bulletin).values_list("value_text", "review_state"))
    assert states == {"1": ReviewState.CANDIDATE, "2": ReviewState.REJECTED}
    assert not Observation.objects.published().filter(bulletin=bulletin).exists()


def test_a_restore_that_changes_accepted_content_makes_it_a_candidate(editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW)
    figure = make_observation(bulletin=bulletin, indicator=make_indicator(), value="999")
    first = revisions.revision_create(bulletin, by=editor)
    Observation.objects.filter(pk=figure.pk).update(value="300", value_text="300", quote="全市空气质量优良天数300天。")
    unchanged = revisions.revision_create(bulletin, by=editor)
    revisions.revision_restore(unchanged, by=editor)
    assert state(figure) == ReviewState.ACCEPTED  # the same content: nothing lapses
    revisions.revision_restore(first, by=editor)
    figure.refresh_from_db()
    assert (figure.value_text, figure.review_state) == ("999", ReviewState.CANDIDATE)


def test_a_restore_records_a_version_of_each_figure_it_creates_or_changes(editor):
    from indicators.models import ObservationVersion, VersionEvent

    bulletin = make_bulletin(status=Status.IN_REVIEW)
    indicator = make_indicator()
    kept = make_observation(bulletin=bulletin, indicator=indicator, value="7")
    changed = make_observation(bulletin=bulletin, indicator=indicator, value="999")
    gone = make_observation(bulletin=bulletin, indicator=indicator, value="5")
    first = revisions.revision_create(bulletin, by=editor)
    Observation.objects.filter(pk=changed.pk).update(value="300", value_text="300")
    Observation.objects.filter(pk=gone.pk).delete()
    revisions.revision_restore(first, by=editor)
    versions = list(ObservationVersion.objects.filter(observation__bulletin=bulletin)
                    .values_list("observation__value_text", "event", "by"))
    assert sorted(versions) == [
        ("5", VersionEvent.CREATED, editor.pk), ("999", VersionEvent.CHANGED, editor.pk),
    ]
    assert not ObservationVersion.objects.filter(observation=kept).exists()


# --- admin forms --------------------------------------------------------------------------


def test_an_authors_change_to_an_accepted_figure_makes_it_a_candidate(client, author, draft):
    figure = make_observation(bulletin=draft, indicator=make_indicator(unit="天"), value="300")
    row = {
        "id": figure.pk, "bulletin": draft.pk, "indicator": figure.indicator_id, "region": "",
        "value": "301", "value_text": "301", "unit": "天", "period_start": "2023-01-01",
        "period_end": "2023-12-31", "period_label": "2023年", "quote": "全市空气质量优良天数301天。",
        "qualifier": "", "review_state": ReviewState.ACCEPTED,
    }
    data = form_data(draft, **{"observations-TOTAL_FORMS": "1", "observations-INITIAL_FORMS": "1"})
    data.update({f"observations-0-{name}": value for name, value in row.items()})
    client.force_login(author)
    assert client.post(reverse("admin:bulletins_bulletin_change", args=[draft.pk]), data).status_code == 302
    figure.refresh_from_db()
    assert (figure.value_text, figure.review_state) == ("301", ReviewState.CANDIDATE)


# --- workflow, importer, commands, backups, API --------------------------------------------


def test_workflow_bulk_actions_leave_review_states_alone(client, editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW)
    candidate = make_observation(bulletin=bulletin, indicator=make_indicator(), review_state=ReviewState.CANDIDATE)
    client.force_login(editor)
    changelist = reverse("admin:bulletins_bulletin_changelist")
    for action in ("publish_selected", "archive_selected", "trash_selected"):
        client.post(changelist, {"action": action, "_selected_action": [bulletin.pk]})
    bulletin.refresh_from_db()
    assert (bulletin.status, bulletin.deleted_at is not None) == (Status.ARCHIVED, True)
    workflow.bulletin_untrash(bulletin, by=editor)
    assert state(candidate) == ReviewState.CANDIDATE


IMPORTED = "测试市2023年生态环境状况公报\n2023年，全市空气质量优良天数300天。\n"


def test_the_import_page_makes_candidates_whatever_is_posted(client, editor):
    make_indicator(code="air-good-days", name="环境空气质量优良天数", unit="天")
    make_region(slug="bk-city", name="测试市")
    client.force_login(editor)
    response = client.post(
        "/admin/bulletins/import/", {"text": IMPORTED, "review_state": ReviewState.ACCEPTED}
    )
    assert response.status_code == 200
    figures = Observation.objects.all()
    assert figures.exists() and {o.review_state for o in figures} == {ReviewState.CANDIDATE}


def test_the_import_command_makes_candidates(tmp_path):
    make_indicator(code="air-good-days", name="环境空气质量优良天数", unit="天")
    source = tmp_path / "bulletin.txt"
    source.write_text(IMPORTED, encoding="utf-8")
    call_command("import_bulletin", str(source), stdout=io.StringIO())
    figures = Observation.objects.all()
    assert figures.exists() and {o.review_state for o in figures} == {ReviewState.CANDIDATE}
    assert import_bulletin_text(IMPORTED, filename="again.txt").skipped  # nothing added or decided


def test_reloading_the_fixtures_keeps_the_editors_rejection(portal_fixtures):
    rejected, candidate = Observation.objects.order_by("pk")[:2]
    Observation.objects.filter(pk=rejected.pk).update(review_state=ReviewState.REJECTED)
    Observation.objects.filter(pk=candidate.pk).update(review_state=ReviewState.CANDIDATE)
    call_command("load_portal_data", "--force", stdout=io.StringIO())
    assert (state(rejected), state(candidate)) == (ReviewState.REJECTED, ReviewState.CANDIDATE)
    assert Observation.objects.filter(review_state=ReviewState.ACCEPTED).count() == Observation.objects.count() - 2


def test_demo_data_leaves_real_figures_alone():
    figure = make_observation(bulletin=make_bulletin(), indicator=make_indicator(), review_state=ReviewState.REJECTED)
    call_command(
        "generate_demo_data", "--bulletins", "20", "--seed", "3", "--no-progress",
        stdout=io.StringIO(), stderr=io.StringIO(),
    )
    assert state(figure) == ReviewState.REJECTED


def test_a_backup_restore_copies_review_states_exactly(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    bulletin = make_bulletin()
    indicator = make_indicator()
    for value, review_state in (("1", ReviewState.ACCEPTED), ("2", ReviewState.CANDIDATE), ("3", ReviewState.REJECTED)):
        make_observation(bulletin=bulletin, indicator=indicator, value=value, review_state=review_state)
    before = sorted(Observation.objects.values_list("value_text", "review_state"))
    create_backup(tmp_path / "b.tar.gz", portable=True)
    from tests.hardening.test_backup_restore import empty_portal

    empty_portal(settings.MEDIA_ROOT)
    restore_backup(tmp_path / "b.tar.gz")
    assert sorted(Observation.objects.values_list("value_text", "review_state")) == before


def test_the_api_writes_nothing(client, editor):
    figure = make_observation(bulletin=make_bulletin(), indicator=make_indicator(), review_state=ReviewState.CANDIDATE)
    client.force_login(editor)
    detail = f"/api/v1/observations/{figure.pk}/"
    for method in ("post", "put", "patch", "delete"):
        url = "/api/v1/observations/" if method == "post" else detail
        response = getattr(client, method)(url, {"review_state": "accepted"}, content_type="application/json")
        assert response.status_code in (403, 404, 405), (method, response.status_code)
    assert state(figure) == ReviewState.CANDIDATE

"""Accepting and rejecting candidate observations: editors may, Authors may not, whatever they post."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from ecoportal.publishing import Status
from indicators.choices import ReviewState
from indicators.models import Observation
from indicators.review import observations_review
from tests.bulletins.test_admin import form_data
from tests.factories import make_bulletin, make_indicator, make_observation

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:indicators_observation_changelist"


@pytest.fixture
def draft(author):
    return make_bulletin(status=Status.DRAFT, created_by=author)


@pytest.fixture
def candidate(draft):
    return make_observation(
        bulletin=draft, indicator=make_indicator(unit="天"), review_state=ReviewState.CANDIDATE
    )


def inline_row(observation, **overrides):
    row = {
        "id": observation.pk,
        "bulletin": observation.bulletin_id,
        "indicator": observation.indicator_id,
        "region": "",
        "value": "300",
        "value_text": "300",
        "unit": "天",
        "period_start": "2023-01-01",
        "period_end": "2023-12-31",
        "period_label": "2023年",
        "quote": observation.quote,
        "qualifier": "",
        "review_state": ReviewState.ACCEPTED,
        "kind": "level",
    }
    row.update(overrides)
    return {f"observations-0-{name}": value for name, value in row.items()}


def post_inline(client, user, bulletin, rows, *, initial=1):
    client.force_login(user)
    data = form_data(
        bulletin,
        **{"observations-TOTAL_FORMS": "1", "observations-INITIAL_FORMS": str(initial), **rows},
    )
    return client.post(reverse("admin:bulletins_bulletin_change", args=[bulletin.pk]), data)


def state(observation):
    return Observation.objects.get(pk=observation.pk).review_state


def test_an_author_edits_a_candidate_inline_but_a_forged_accept_is_not_taken(
    client, author, draft, candidate
):
    response = post_inline(client, author, draft, inline_row(candidate, qualifier="约"))
    assert response.status_code == 302
    observation = Observation.objects.get(pk=candidate.pk)
    assert (observation.qualifier, observation.review_state) == ("约", ReviewState.CANDIDATE)


def test_an_author_sees_the_review_state_but_gets_no_field_for_it(client, author, draft, candidate):
    client.force_login(author)
    content = client.get(
        reverse("admin:bulletins_bulletin_change", args=[draft.pk])
    ).content.decode()
    assert "observations-0-quote" in content
    assert "observations-0-review_state" not in content


def test_a_figure_an_author_adds_is_a_candidate_whatever_the_form_says(client, author, draft):
    indicator = make_indicator(unit="天")
    rows = inline_row(
        Observation(bulletin=draft, indicator=indicator, quote="全市空气质量优良天数300天。")
    )
    rows["observations-0-id"] = ""
    assert post_inline(client, author, draft, rows, initial=0).status_code == 302
    assert Observation.objects.get(bulletin=draft).review_state == ReviewState.CANDIDATE


def test_an_editor_accepts_a_candidate_inline(client, editor, draft, candidate):
    assert post_inline(client, editor, draft, inline_row(candidate)).status_code == 302
    assert state(candidate) == ReviewState.ACCEPTED


def test_a_forged_accept_on_the_observation_form_is_not_taken(client, author, candidate):
    client.force_login(author)
    url = reverse("admin:indicators_observation_change", args=[candidate.pk])
    data = {
        name.removeprefix("observations-0-"): value
        for name, value in inline_row(candidate, qualifier="约").items()
    }
    assert client.post(url, data).status_code == 302
    observation = Observation.objects.get(pk=candidate.pk)
    assert (observation.qualifier, observation.review_state) == ("约", ReviewState.CANDIDATE)


def test_an_author_is_offered_no_bulk_verdict_and_a_forged_one_changes_nothing(
    client, author, candidate
):
    client.force_login(author)
    content = client.get(reverse(CHANGELIST)).content.decode()
    assert "accept_candidates" not in content and "reject_candidates" not in content
    client.post(
        reverse(CHANGELIST), {"action": "accept_candidates", "_selected_action": [candidate.pk]}
    )
    assert state(candidate) == ReviewState.CANDIDATE


@pytest.mark.parametrize(
    ("action", "verdict"),
    [("accept_candidates", ReviewState.ACCEPTED), ("reject_candidates", ReviewState.REJECTED)],
)
def test_an_editor_accepts_or_rejects_candidates_in_bulk(
    client, editor, draft, candidate, action, verdict
):
    other = make_observation(
        bulletin=draft, indicator=candidate.indicator, review_state=ReviewState.CANDIDATE
    )
    client.force_login(editor)
    assert action in client.get(reverse(CHANGELIST)).content.decode()
    response = client.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": [candidate.pk, other.pk]}
    )
    assert response.status_code == 302
    assert state(candidate) == state(other) == verdict
    draft.refresh_from_db()
    assert draft.version == 2  # one bulletin touched once: a new version and revision
    assert draft.revisions.count() == 1


def test_the_review_service_refuses_an_author(author, candidate):
    with pytest.raises(PermissionDenied):
        observations_review([candidate], state=ReviewState.ACCEPTED, by=author)
    assert state(candidate) == ReviewState.CANDIDATE


def test_the_review_service_leaves_a_trashed_bulletins_figures_alone(editor, candidate):
    type(candidate.bulletin).objects.filter(pk=candidate.bulletin_id).update(
        deleted_at=timezone.now()
    )
    candidate.refresh_from_db()
    assert observations_review([candidate], state=ReviewState.ACCEPTED, by=editor) == 0
    assert state(candidate) == ReviewState.CANDIDATE

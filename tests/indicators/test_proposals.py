"""The review of candidate figures: proposals of new indicators and regions, accepted in bulk,
edited or dropped, by editors only; nothing public before."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bulletins.models import Region
from ecoportal.publishing import Status
from indicators.choices import ObservationKind, ReviewState
from indicators.models import Indicator, Observation
from indicators.proposals import observations_accept, observations_drop_proposals
from tests.factories import make_bulletin, make_indicator, make_region

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:indicators_observation_changelist"


def candidate(bulletin, **fields):
    defaults = {
        "bulletin": bulletin, "value": Decimal("9"), "value_text": "9", "unit": "件",
        "quote": "全年受理噪声投诉9件。", "review_state": ReviewState.CANDIDATE,
        "proposed_indicator_name": "噪声投诉", "proposed_indicator_unit": "件",
        "proposed_indicator_category": "inspections", "reasons": "指标：未识别，建议新建“噪声投诉”",
    }
    defaults.update(fields)
    observation = Observation(**defaults)
    observation.save()
    return observation


@pytest.fixture
def draft(author):
    return make_bulletin(status=Status.DRAFT, created_by=author)


def test_figures_proposing_one_new_indicator_create_it_once_and_are_accepted(editor, draft):
    first = candidate(draft)
    second = candidate(draft, value=Decimal("12"), value_text="12", quote="二季度受理噪声投诉12件。")
    outcome = observations_accept([first, second], by=editor)
    created = Indicator.objects.get(name="噪声投诉")
    assert outcome.accepted == 2 and outcome.indicators_created == [created]
    assert (created.code, created.unit, created.unit_code, created.category) == ("zao-sheng-tou-su", "件", "case", "inspections")
    for observation in (first, second):
        observation.refresh_from_db()
        assert observation.indicator == created and observation.review_state == ReviewState.ACCEPTED
        assert observation.proposed_indicator_name == ""


def test_a_proposal_named_as_a_reference_indicator_creates_the_reference_one(editor, draft):
    figure = candidate(draft, proposed_indicator_name="二氧化硫年均浓度", proposed_indicator_unit="微克/立方米",
                       unit="微克/立方米", quote="二氧化硫年均浓度为9微克/立方米。", proposed_indicator_category="")
    observations_accept([figure], by=editor)
    figure.refresh_from_db()
    assert figure.indicator.code == "so2" and figure.indicator.limits.get().value == 60


def test_a_region_proposal_creates_the_region_and_those_above_it_from_the_gazetteer(editor, draft):
    ratio = make_indicator(code="ratio", unit="%")
    figures = [
        candidate(draft, indicator=ratio, unit="%", value=Decimal("91.2"), value_text="91.2",
                  quote="道里区优良天数比例为91.2%。", proposed_indicator_name="",
                  proposed_region_name="道里区", proposed_region_code="230102")
        for _ in range(2)
    ]
    outcome = observations_accept(figures, by=editor)
    daoli = Region.objects.get(code="230102")
    assert outcome.accepted == 2 and len(outcome.regions_created) == 3
    assert (daoli.level, daoli.parent.name, daoli.parent.parent.name_en) == ("county", "哈尔滨市", "Heilongjiang")
    assert (daoli.slug, daoli.parent.slug) == ("daoli", "haerbin") and daoli.name_en == ""
    assert {f.region_id for f in Observation.objects.filter(pk__in=[f.pk for f in figures])} == {daoli.pk}


def test_a_place_the_gazetteer_lacks_hangs_from_its_proposed_parent(editor, draft):
    city = make_region(slug="harbin", name="哈尔滨市", level="prefecture", code="230100")
    ratio = make_indicator(code="ratio", unit="%")
    figure = candidate(draft, indicator=ratio, unit="%", value=Decimal("90"), value_text="90",
                       quote="新区优良天数比例为90%。", proposed_indicator_name="",
                       proposed_region_name="哈尔滨新区", proposed_region_parent_code="230100")
    observations_accept([figure], by=editor)
    figure.refresh_from_db()
    assert (figure.region.name, figure.region.parent, figure.region.level) == ("哈尔滨新区", city, "county")


def test_a_proposal_without_a_category_is_left_for_the_editor_to_complete(editor, draft):
    figure = candidate(draft, proposed_indicator_category="")
    outcome = observations_accept([figure], by=editor)
    figure.refresh_from_db()
    assert outcome.accepted == 0 and [o for o, _ in outcome.skipped] == [figure]
    assert figure.review_state == ReviewState.CANDIDATE and not Indicator.objects.filter(name="噪声投诉").exists()


def test_an_author_cannot_accept_or_drop_proposals(author, draft):
    figure = candidate(draft)
    with pytest.raises(PermissionDenied):
        observations_accept([figure], by=author)
    with pytest.raises(PermissionDenied):
        observations_drop_proposals([figure], by=author)
    figure.refresh_from_db()
    assert figure.review_state == ReviewState.CANDIDATE and not Indicator.objects.filter(name="噪声投诉").exists()


def test_dropping_proposals_rejects_figures_without_indicator_and_clears_region_proposals(editor, draft):
    no_indicator = candidate(draft)
    ratio = make_indicator(code="ratio", unit="%")
    region_only = candidate(draft, indicator=ratio, unit="%", value=Decimal("90"), value_text="90",
                            quote="某区优良天数比例为90%。", proposed_indicator_name="", proposed_region_name="某区")
    assert observations_drop_proposals([no_indicator, region_only], by=editor) == (1, 1)
    no_indicator.refresh_from_db()
    region_only.refresh_from_db()
    assert no_indicator.review_state == ReviewState.REJECTED and no_indicator.proposed_indicator_name == "噪声投诉"
    assert region_only.review_state == ReviewState.CANDIDATE and region_only.proposed_region_name == ""


def test_a_proposal_on_a_published_bulletin_is_not_public_until_accepted(client, editor):
    published = make_bulletin(status=Status.PUBLISHED)
    figure = candidate(published)
    assert not Observation.objects.published().filter(pk=figure.pk).exists()
    assert "噪声投诉" not in client.get("/api/v1/observations/").content.decode()
    observations_accept([figure], by=editor)
    assert Observation.objects.published().filter(pk=figure.pk).exists()


def test_the_review_shows_each_figure_beside_its_sentence_with_reasons_and_proposals(client, editor, draft):
    candidate(draft)
    client.force_login(editor)
    page = client.get(reverse(CHANGELIST), {"bulletin__id__exact": draft.pk}).content.decode()
    assert "全年受理噪声投诉<mark>9</mark>件。" in page
    assert "指标：未识别，建议新建“噪声投诉”" in page and "建议新指标" in page


def test_the_review_costs_the_same_queries_for_two_figures_or_twenty(client, editor, draft):
    client.force_login(editor)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(CHANGELIST), {"bulletin__id__exact": draft.pk}).status_code == 200
        return len(captured)

    for _ in range(2):
        candidate(draft)
    few = queries()
    for _ in range(18):
        candidate(draft)
    assert queries() == few


def test_the_bulk_action_accepts_with_proposals_from_the_changelist(client, editor, draft):
    figure = candidate(draft)
    client.force_login(editor)
    response = client.post(reverse(CHANGELIST), {"action": "accept_candidates", "_selected_action": [figure.pk]})
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.review_state == ReviewState.ACCEPTED and figure.indicator.name == "噪声投诉"


def test_an_author_is_not_offered_the_review_actions(client, author, draft):
    candidate(draft)
    client.force_login(author)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert "accept_candidates" not in page and "drop_proposals" not in page


def test_a_stated_change_is_not_a_point_of_its_indicators_series(db):
    pm25 = make_indicator(code="pm25", unit="微克/立方米")
    bulletin = make_bulletin(status=Status.PUBLISHED)
    level = Observation.objects.create(
        bulletin=bulletin, indicator=pm25, value=Decimal(29), value_text="29", unit="微克/立方米",
        quote="PM2.5平均浓度为29微克/立方米，下降5.8%。",
    )
    Observation.objects.create(
        bulletin=bulletin, indicator=pm25, value=Decimal("5.8"), value_text="5.8", unit="%",
        kind=ObservationKind.CHANGE, quote=level.quote,
    )
    assert list(Observation.objects.published().newest_per_series(limit=5, indicator=pm25)) == [level]


def test_an_editor_completes_a_proposal_on_the_change_form_then_accepts_it(client, editor, draft):
    figure = candidate(draft, proposed_indicator_category="")
    client.force_login(editor)
    url = reverse("admin:indicators_observation_change", args=[figure.pk])
    assert "proposed_indicator_name" in client.get(url).content.decode()
    data = {
        "bulletin": draft.pk, "indicator": "", "region": "", "value": "9", "value_text": "9", "unit": "件",
        "kind": "level", "period_start": "", "period_end": "", "period_label": "", "quote": figure.quote,
        "qualifier": "", "review_state": ReviewState.CANDIDATE, "reasons": figure.reasons,
        "proposed_indicator_name": "噪声扰民投诉", "proposed_indicator_unit": "件",
        "proposed_indicator_category": "inspections", "proposed_region_name": "",
        "proposed_region_code": "", "proposed_region_parent_code": "",
    }
    assert client.post(url, data).status_code == 302
    outcome = observations_accept([figure], by=editor)
    figure.refresh_from_db()
    assert outcome.accepted == 1 and figure.indicator.name == "噪声扰民投诉"


def test_accepting_a_proposal_on_the_change_form_without_its_indicator_is_an_error_not_a_crash(client, editor, draft):
    figure = candidate(draft)
    client.force_login(editor)
    url = reverse("admin:indicators_observation_change", args=[figure.pk])
    data = {
        "bulletin": draft.pk, "indicator": "", "region": "", "value": "9", "value_text": "9", "unit": "件",
        "kind": "level", "quote": figure.quote, "review_state": ReviewState.ACCEPTED,
        "proposed_indicator_name": "噪声投诉", "proposed_indicator_category": "inspections",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "采用前须先建立所建议的指标" in response.content.decode()
    figure.refresh_from_db()
    assert figure.review_state == ReviewState.CANDIDATE


def test_the_indicator_admin_shows_the_reference_fields_and_limits(client, editor):
    indicator = make_indicator(code="so2", unit="微克/立方米")
    indicator.limits.create(value=60, unit_code="ug/m3", basis="GB 3095-2012 二级浓度限值（年平均）")
    client.force_login(editor)
    page = client.get(reverse("admin:indicators_indicator_change", args=[indicator.pk])).content.decode()
    assert "aliases_zh" in page and "definition_en" in page and "GB 3095-2012" in page


def test_a_new_region_whose_pinyin_is_taken_is_told_apart_by_its_code(editor, draft):
    make_region(slug="yichun", name="伊春市", level="prefecture", code="230700")
    ratio = make_indicator(code="ratio", unit="%")
    figure = candidate(draft, indicator=ratio, unit="%", value=Decimal("90"), value_text="90",
                       quote="宜春市优良天数比例为90%。", proposed_indicator_name="",
                       proposed_region_name="宜春市", proposed_region_code="360900")
    observations_accept([figure], by=editor)
    assert Region.objects.get(code="360900").slug == "yichun-360900"

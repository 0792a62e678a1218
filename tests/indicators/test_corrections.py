"""Correcting a published figure: public, marked wherever it shows, and the only way to change it."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from bulletins import revisions, workflow
from bulletins.models import Correction, Revision
from ecoportal.publishing import Status
from indicators import corrections
from indicators.choices import ReviewState
from indicators.models import Observation, ObservationVersion, VersionEvent
from indicators.review import observations_review
from tests.factories import make_bulletin, make_indicator, make_observation, make_region
from tests.indicators.test_observation_review import inline_row, post_inline

pytestmark = pytest.mark.django_db


@pytest.fixture
def pm25(db):
    return make_indicator(code="pm25-c", name="PM2.5浓度", unit="微克/立方米")


@pytest.fixture
def published(pm25):
    bulletin = make_bulletin(region=make_region(), body="全市PM2.5浓度为25微克/立方米。")
    obs = make_observation(bulletin=bulletin, indicator=pm25, value="25", quote="全市PM2.5浓度为25微克/立方米。")
    return obs


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_correction_changes_the_figure_and_keeps_a_public_note(editor, published):
    correction = corrections.observation_correct(published, by=editor, note="换算错误，应为24。", value="24")
    stored = Observation.objects.get(pk=published.pk)
    assert (stored.value_text, stored.corrected_at, stored.correction) == ("24", correction.made_at, correction)
    assert "25微克/立方米" in correction.original and "24微克/立方米" in correction.corrected
    assert correction.by == editor and correction.note == "换算错误，应为24。"


def test_the_original_stays_in_the_history(editor, published):
    corrections.observation_correct(published, by=editor, note="更正", value="24")
    versions = list(ObservationVersion.objects.filter(observation=published).order_by("number"))
    assert [(v.event, v.data["value_text"]) for v in versions] == [
        (VersionEvent.PUBLISHED, "25"), (VersionEvent.CORRECTED, "24"),
    ]
    assert versions[0].at == published.bulletin.publish_at and versions[1].by == editor


def test_the_bulletin_page_shows_the_corrected_value_marked_and_linked_to_the_note(client, editor, published):
    correction = corrections.observation_correct(published, by=editor, note="换算错误", value="24")
    html = page(client, published.bulletin.get_absolute_url())
    figures = html[html.index('class="figures"'):]
    assert "<strong>24</strong>" in figures
    assert f'href="#correction-{correction.pk}"' in figures and "更正于" in figures
    assert f'id="correction-{correction.pk}"' in html and "换算错误" in html


def test_the_indicator_page_and_its_chart_show_the_corrected_value(client, editor, published, pm25):
    correction = corrections.observation_correct(published, by=editor, note="换算错误", value="24")
    html = page(client, pm25.get_absolute_url())
    table = html[html.index('class="data-table figures-table"'):]
    assert "24" in table and f"#correction-{correction.pk}" in table and "更正于" in table
    charts = html[html.index('class="indicator-charts"'):html.index('class="indicator-table"')]
    assert f"#correction-{correction.pk}" in charts and "24 *" in charts.replace("24微克/立方米 *", "24 *")


def test_the_chart_legend_explains_the_correction_marker_only_when_a_figure_is_corrected(client, editor, published, pm25):
    def legend():
        html = page(client, pm25.get_absolute_url())
        start = html.index('class="chart-legend"')
        return html[start:html.index("</ul>", start)]

    assert "swatch-corrected" not in legend()
    corrections.observation_correct(published, by=editor, note="换算错误", value="24")
    assert 'class="swatch swatch-corrected" aria-hidden="true">*</span>' in legend()
    assert "该数值已更正" in legend()


def test_a_headline_card_says_what_its_asterisk_means(client, editor, pm25):
    pm25.is_headline = True
    pm25.save()
    bulletin = make_bulletin(region=make_region(), body="全市PM2.5浓度为25微克/立方米。")
    obs = make_observation(bulletin=bulletin, indicator=pm25, value="25", quote="全市PM2.5浓度为25微克/立方米。")
    assert "*：已更正" not in page(client, reverse("home"))
    corrections.observation_correct(obs, by=editor, note="换算错误", value="24")
    home = page(client, reverse("home"))
    assert "24微克/立方米 *" in home and "*：已更正" in home


def test_the_feed_announces_a_correction(client, editor, published):
    corrections.observation_correct(published, by=editor, note="换算错误", value="24")
    feed = page(client, reverse("feed-rss"))
    assert "更正：" in feed and "换算错误" in feed


def test_a_correction_of_a_draft_bulletins_figure_is_refused(editor, pm25):
    draft = make_bulletin(status=Status.DRAFT)
    obs = make_observation(bulletin=draft, indicator=pm25, value="25", quote="25微克/立方米")
    with pytest.raises(ValidationError):
        corrections.observation_correct(obs, by=editor, note="x", value="24")


def test_only_an_editor_corrects_and_only_with_a_note(author, editor, published):
    with pytest.raises(PermissionDenied):
        corrections.observation_correct(published, by=author, note="x", value="24")
    with pytest.raises(ValidationError):
        corrections.observation_correct(published, by=editor, note="  ", value="24")
    with pytest.raises(ValidationError):
        corrections.observation_correct(published, by=editor, note="单位", unit="件")
    assert Observation.objects.get(pk=published.pk).value_text == "25"
    assert not Correction.objects.exists()


def test_a_correction_may_change_period_and_region(editor, published):
    other = make_region()
    corrections.observation_correct(
        published, by=editor, note="期间有误", region_id=other.pk,
        period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), period_label="2022年",
    )
    stored = Observation.objects.get(pk=published.pk)
    assert (stored.region, stored.period_label) == (other, "2022年")


def test_a_withdrawn_figure_leaves_the_public_pages_and_its_note_stays(client, editor, published):
    correction = corrections.observation_withdraw(published, by=editor, note="原文重复统计")
    assert not Observation.objects.published().filter(pk=published.pk).exists()
    html = page(client, published.bulletin.get_absolute_url())
    assert f'id="correction-{correction.pk}"' in html and "原文重复统计" in html
    assert ObservationVersion.objects.filter(observation=published, event=VersionEvent.WITHDRAWN).exists()


# Every other way is refused ------------------------------------------------------------------


def test_the_observation_admin_refuses_to_change_a_published_figure(client, editor, published):
    client.force_login(editor)
    url = reverse("admin:indicators_observation_change", args=[published.pk])
    data = {
        "bulletin": published.bulletin_id, "indicator": published.indicator_id, "region": published.region_id,
        "value": "24", "value_text": "24", "unit": "微克/立方米", "period_start": "2023-01-01",
        "period_end": "2023-12-31", "period_label": "2023年", "quote": "全市PM2.5浓度为24微克/立方米。",
        "qualifier": "", "review_state": ReviewState.ACCEPTED,
    }
    response = client.post(url, data)
    assert response.status_code in (302, 403)
    assert Observation.objects.get(pk=published.pk).value_text == "25"
    assert client.post(reverse("admin:indicators_observation_delete", args=[published.pk]), {"post": "yes"}).status_code == 403
    assert Observation.objects.filter(pk=published.pk).exists()


def test_the_observation_admin_refuses_to_move_a_figure_into_a_published_bulletin(client, editor, published, pm25):
    client.force_login(editor)
    response = client.post(reverse("admin:indicators_observation_add"), {
        "bulletin": published.bulletin_id, "indicator": pm25.pk, "region": "", "value": "30", "value_text": "30",
        "unit": "微克/立方米", "period_start": "", "period_end": "", "period_label": "", "quote": "30微克/立方米",
        "qualifier": "", "review_state": ReviewState.ACCEPTED, "kind": "level", "reasons": "",
    })
    assert response.status_code == 403
    assert Observation.objects.filter(bulletin=published.bulletin).count() == 1


def test_a_forged_inline_edit_on_the_bulletin_form_changes_no_published_figure(client, editor, published):
    post_inline(client, editor, published.bulletin, inline_row(
        published, value="24", value_text="24", unit="微克/立方米", quote="全市PM2.5浓度为24微克/立方米。",
    ))
    assert Observation.objects.get(pk=published.pk).value_text == "25"


def test_a_verdict_does_not_withdraw_a_published_figure(editor, published):
    assert observations_review([published], state=ReviewState.REJECTED, by=editor) == 0
    assert Observation.objects.get(pk=published.pk).review_state == ReviewState.ACCEPTED


def test_a_candidate_on_a_published_bulletin_may_still_be_accepted(editor, published, pm25):
    candidate = make_observation(bulletin=published.bulletin, indicator=pm25, value="26",
                                 quote="26微克/立方米", review_state=ReviewState.CANDIDATE)
    assert observations_review([candidate], state=ReviewState.ACCEPTED, by=editor) == 1


def test_a_revision_restore_neither_undoes_a_correction_nor_drops_its_note(editor, published):
    bulletin = published.bulletin
    revisions.revision_create(bulletin, by=editor, note="before")
    before = Revision.objects.get(bulletin=bulletin)
    corrections.observation_correct(published, by=editor, note="换算错误", value="24")
    bulletin.refresh_from_db()
    revisions.revision_restore(before, by=editor)
    assert Observation.objects.get(pk=published.pk).value_text == "24"
    assert Correction.objects.filter(bulletin=bulletin, made_at__isnull=False).count() == 1


def test_the_correct_form_in_the_admin_corrects_with_a_note(client, editor, published):
    client.force_login(editor)
    url = reverse("admin:indicators_observation_correct", args=[published.pk])
    assert "correction-form" in page(client, url)
    response = client.post(url, {
        "indicator": published.indicator_id, "region": published.region_id, "value": "24", "unit": "微克/立方米",
        "period_start": "2023-01-01", "period_end": "2023-12-31", "period_label": "2023年", "note": "换算错误",
    })
    assert response.status_code == 302
    assert Observation.objects.get(pk=published.pk).value_text == "24"


def test_an_author_gets_no_correct_form(client, author, published):
    client.force_login(author)
    response = client.get(reverse("admin:indicators_observation_correct", args=[published.pk]))
    assert response.status_code in (403, 404)


def test_fixture_figures_can_be_corrected(editor):
    call_command("loaddata", "portal", verbosity=0)
    obs = Observation.objects.published().first()
    corrections.observation_correct(obs, by=editor, note="fixture", value="1")
    assert ObservationVersion.objects.filter(observation=obs).count() == 2
    assert workflow.is_editor(editor)

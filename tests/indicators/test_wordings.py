"""What editors teach the importer: a candidate that proposed a new indicator, filed by an
editor under an existing one, teaches its region's wording; the region's next bulletin is read
so, other regions' are not."""

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ecoportal.publishing import Status
from importer.service import import_bulletin_text
from indicators import wordings
from indicators.choices import Category, ReviewState
from indicators.models import Observation, Wording
from indicators.proposals import observations_accept
from tests.factories import make_bulletin, make_indicator, make_region

pytestmark = pytest.mark.django_db

MAY = "青禾市2031年5月环境质量月报\n2031年5月,全市工地扬尘在线监测点位合格率为93.5%。\n"
JUNE = "青禾市2031年6月环境质量月报\n2031年6月,全市工地扬尘在线监测点位合格率为95.1%。\n"


@pytest.fixture
def city():
    return make_region(slug="qinghe", name="青禾市")


@pytest.fixture
def dust():
    return make_indicator(code="site-dust", name="施工扬尘管控成效", unit="%", category=Category.AIR)


def imported(text, region, editor):
    result = import_bulletin_text(text, filename="report.txt", region=region, by=editor)
    assert result.bulletin_id, result.message
    return Observation.objects.get(bulletin_id=result.bulletin_id, value=Decimal(text.split("合格率为")[1][:4]))


def test_a_proposal_filed_under_an_indicator_teaches_the_regions_next_bulletin(editor, city, dust):
    may = imported(MAY, city, editor)
    assert may.indicator is None and may.proposed_indicator_name
    wording = may.proposed_indicator_name
    may.indicator = dust
    may.save()
    assert observations_accept([may], by=editor).accepted == 1
    learnt = Wording.objects.get()
    assert (learnt.region, learnt.indicator, learnt.text, learnt.created_by) == (city, dust, wording, editor)

    june = imported(JUNE, city, editor)
    assert june.indicator == dust and june.proposed_indicator_name == ""
    assert june.review_state == ReviewState.CANDIDATE  # still the editor's to accept


def test_another_regions_bulletin_is_not_read_with_that_wording(editor, city, dust):
    Wording.objects.create(region=city, indicator=dust, text="工地扬尘在线监测点位合格率")
    elsewhere = make_region(slug="baishui", name="白水市")
    june = imported(JUNE.replace("青禾市", "白水市"), elsewhere, editor)
    assert june.indicator is None and june.proposed_indicator_name


def test_a_wording_the_catalogue_already_reads_is_not_learnt(editor, city, dust):
    bulletin = make_bulletin(region=city, status=Status.DRAFT, created_by=editor)
    figure = Observation.objects.create(
        bulletin=bulletin, value=Decimal("31"), value_text="31", unit="微克/立方米",
        quote="PM2.5浓度为31微克/立方米。", review_state=ReviewState.CANDIDATE, indicator=dust,
        proposed_indicator_name="PM2.5浓度", proposed_indicator_unit="微克/立方米",
    )
    assert wordings.learn(figure, by=editor) is None
    assert not Wording.objects.exists()


def test_filing_the_wording_elsewhere_later_corrects_what_was_learnt(editor, city, dust):
    other = make_indicator(code="site-dust-2", name="扬尘在线监测达标", unit="%", category=Category.AIR)
    bulletin = make_bulletin(region=city, status=Status.DRAFT, created_by=editor)
    for indicator in (dust, other):
        figure = Observation.objects.create(
            bulletin=bulletin, value=Decimal("93.5"), value_text="93.5", unit="%",
            quote="合格率为93.5%。", review_state=ReviewState.CANDIDATE, indicator=indicator,
            proposed_indicator_name="工地扬尘在线监测点位合格率", proposed_indicator_unit="%",
        )
        wordings.learn(figure, by=editor)
    assert Wording.objects.get().indicator == other


def test_a_bulletin_without_a_region_teaches_nothing(editor, dust):
    bulletin = make_bulletin(region=None, status=Status.DRAFT, created_by=editor)
    figure = Observation.objects.create(
        bulletin=bulletin, value=Decimal("93.5"), value_text="93.5", unit="%", quote="合格率为93.5%。",
        review_state=ReviewState.CANDIDATE, indicator=dust, proposed_indicator_name="工地扬尘合格率",
    )
    assert wordings.learn(figure, by=editor) is None


def test_an_editor_filing_a_proposal_on_the_change_form_is_told_what_was_learnt(client, editor, city, dust):
    may = imported(MAY, city, editor)
    client.force_login(editor)
    url = reverse("admin:indicators_observation_change", args=[may.pk])
    data = {
        "bulletin": may.bulletin_id, "indicator": dust.pk, "region": city.pk, "value": "93.5",
        "value_text": "93.5", "unit": "%", "kind": "level", "period_start": "2031-05-01",
        "period_end": "2031-05-31", "period_label": may.period_label, "quote": may.quote, "qualifier": "",
        "review_state": ReviewState.CANDIDATE, "reasons": may.reasons,
        "proposed_indicator_name": may.proposed_indicator_name,
        "proposed_indicator_unit": may.proposed_indicator_unit,
        "proposed_indicator_category": may.proposed_indicator_category,
        "proposed_region_name": "", "proposed_region_code": "", "proposed_region_parent_code": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    told = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("青禾市" in line and "施工扬尘管控成效" in line for line in told), told
    may.refresh_from_db()
    assert may.indicator == dust and may.proposed_indicator_name == ""
    assert Wording.objects.get().indicator == dust


def test_an_author_filing_a_proposal_teaches_nothing(client, author, city, dust):
    bulletin = make_bulletin(region=city, status=Status.DRAFT, created_by=author)
    figure = Observation.objects.create(
        bulletin=bulletin, value=Decimal("93.5"), value_text="93.5", unit="%", quote="合格率为93.5%。",
        review_state=ReviewState.CANDIDATE, proposed_indicator_name="工地扬尘合格率",
        proposed_indicator_unit="%", proposed_indicator_category="air",
    )
    client.force_login(author)
    data = {
        "bulletin": bulletin.pk, "indicator": dust.pk, "region": "", "value": "93.5", "value_text": "93.5",
        "unit": "%", "kind": "level", "period_start": "", "period_end": "", "period_label": "",
        "quote": figure.quote, "qualifier": "", "reasons": "",
        "proposed_indicator_name": "工地扬尘合格率", "proposed_indicator_unit": "%",
        "proposed_indicator_category": "air", "proposed_region_name": "", "proposed_region_code": "",
        "proposed_region_parent_code": "",
    }
    url = reverse("admin:indicators_observation_change", args=[figure.pk])
    assert client.post(url, data).status_code == 302
    assert not Wording.objects.exists()


def test_editors_keep_the_wordings_in_the_admin(client, editor, author, city, dust):
    Wording.objects.create(region=city, indicator=dust, text="工地扬尘在线监测点位合格率")
    client.force_login(editor)
    page = client.get(reverse("admin:indicators_wording_changelist"))
    assert page.status_code == 200 and "工地扬尘在线监测点位合格率" in page.content.decode()
    client.force_login(author)
    assert client.get(reverse("admin:indicators_wording_changelist")).status_code == 200
    wording = Wording.objects.get()
    assert client.post(reverse("admin:indicators_wording_delete", args=[wording.pk]), {"post": "yes"}).status_code == 403

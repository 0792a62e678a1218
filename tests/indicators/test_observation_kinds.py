"""Observations hold what the importer read: kind, approximate, derived, reasons and proposals."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from indicators.choices import ObservationKind, ReviewState
from indicators.models import Observation
from tests.factories import make_bulletin, make_indicator


@pytest.fixture
def pm25(db):
    return make_indicator(code="pm25", name="PM2.5浓度", unit="微克/立方米", higher_is_better=False)


def figure(bulletin, **fields):
    defaults = {
        "bulletin": bulletin, "value": Decimal("5.8"), "value_text": "5.8", "unit": "%",
        "quote": "细颗粒物平均浓度为29微克/立方米，比上年下降5.8%。", "review_state": ReviewState.CANDIDATE,
    }
    defaults.update(fields)
    return Observation(**defaults)


def test_a_change_in_percent_fits_a_concentration_indicator(pm25):
    change = figure(make_bulletin(), indicator=pm25, kind=ObservationKind.CHANGE)
    change.full_clean()


def test_a_level_in_percent_does_not_fit_a_concentration_indicator(pm25):
    level = figure(make_bulletin(), indicator=pm25, kind=ObservationKind.LEVEL)
    with pytest.raises(ValidationError) as error:
        level.full_clean()
    assert "unit" in error.value.message_dict


def test_a_change_in_percentage_points_fits_only_an_indicator_in_percent(pm25):
    ratio = make_indicator(code="ratio", unit="%")
    points = {"unit": "个百分点", "value": Decimal("1.7"), "value_text": "1.7", "kind": ObservationKind.CHANGE,
              "quote": "优良天数比例为90.1%，上升1.7个百分点。"}
    figure(make_bulletin(), indicator=ratio, **points).full_clean()
    with pytest.raises(ValidationError):
        figure(make_bulletin(), indicator=pm25, **points).full_clean()


def test_an_indicators_other_unit_fits_a_level(db):
    satisfaction = make_indicator(code="public-satisfaction", unit="%", other_unit_codes="score")
    score = figure(make_bulletin(), indicator=satisfaction, unit="分", value=Decimal("88.6"), value_text="88.6",
                   quote="公众满意度得分88.6分。")
    score.full_clean()


def test_a_derived_figure_need_not_be_written_in_its_sentence(pm25):
    derived = figure(make_bulletin(), indicator=pm25, unit="微克/立方米", value=Decimal("30.8"), value_text="30.8",
                     derived=True, reasons="由29微克/立方米与下降5.8%推算上年数值")
    derived.full_clean()
    derived.derived = False
    with pytest.raises(ValidationError):
        derived.full_clean()


def test_a_value_written_in_chinese_numerals_is_not_refused(db):
    count = make_indicator(code="sections", unit="个")
    figure(make_bulletin(), indicator=count, unit="个", value=Decimal(11), value_text="十一",
           quote="全市十一个断面水质达标。").full_clean()


def test_a_candidate_proposing_an_indicator_may_have_none(db):
    proposal = figure(make_bulletin(), indicator=None, proposed_indicator_name="二氧化硫减排量",
                      proposed_indicator_unit="%", proposed_indicator_category="emissions")
    proposal.full_clean()
    proposal.save()


def test_a_figure_without_indicator_or_proposal_is_refused_by_the_form_and_the_database(db):
    bare = figure(make_bulletin(), indicator=None)
    with pytest.raises(ValidationError) as error:
        bare.full_clean()
    assert "indicator" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        bare.save()


def test_the_database_refuses_to_accept_a_figure_still_proposing_its_indicator(db):
    proposal = figure(make_bulletin(), indicator=None, proposed_indicator_name="新指标")
    proposal.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.filter(pk=proposal.pk).update(review_state=ReviewState.ACCEPTED)

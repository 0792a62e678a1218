"""An editor entering a figure gets a clear form error for each kind of mistake."""

from datetime import date

import pytest
from django.forms import modelform_factory

from indicators.models import Observation
from tests.factories import make_bulletin, make_indicator

pytestmark = pytest.mark.django_db

FIELDS = ["indicator", "bulletin", "period_start", "period_end", "period_label", "value", "value_text", "unit", "qualifier", "quote", "review_state"]
ObservationForm = modelform_factory(Observation, fields=FIELDS)


@pytest.fixture
def good(db):
    """A valid figure as form data; each test spoils one thing."""
    indicator = make_indicator(code="good-days-ratio", unit="%")
    bulletin = make_bulletin()
    return {
        "indicator": indicator.pk,
        "bulletin": bulletin.pk,
        "period_start": "2023-01-01",
        "period_end": "2023-12-31",
        "period_label": "2023年",
        "value": "93.1",
        "value_text": "93.1",
        "unit": "%",
        "qualifier": "",
        "quote": "2023年全省优良天数比例为93.1%。",
        "review_state": "accepted",
    }


def errors(data, **changes):
    form = ObservationForm({**data, **changes})
    form.is_valid()
    return form.errors


def test_a_coherent_figure_is_accepted(good):
    assert errors(good) == {}


@pytest.mark.parametrize(
    "changes",
    [
        {"period_label": "1—11月", "period_end": "2023-11-30"},
        {"period_label": "2023年1—11月", "period_end": "2023-11-30"},
        {"period_label": "截至12月28日", "period_end": "2023-12-28"},
        {"period_label": "截止2023年底", "period_start": "", "period_end": "2023-12-31"},
        {"period_label": "“十三五”期间", "period_start": "2016-01-01", "period_end": "2020-12-31", "quote": "“十三五”期间为93.1%。"},
        {"period_label": "2016年以来", "period_start": "2016-01-01"},
        {"period_label": "1至10月份", "period_start": "", "period_end": ""},
        {"period_label": "", "period_start": "", "period_end": ""},
        {"value_text": "1,374.7", "value": "1374.7", "quote": "观看量约1,374.7万人次。"},
    ],
)
def test_labels_that_agree_with_their_dates_are_accepted(good, changes):
    assert errors(good, **changes) == {}


def test_value_missing_from_the_quote_is_an_error_on_value_text(good):
    assert errors(good, value_text="94.2", value="94.2")["value_text"] == ["数值“94.2”没有出现在原句中。"]


def test_value_that_is_only_part_of_a_longer_number_is_an_error(good):
    found = errors(good, value_text="3", value="3", quote="转办的2330件信访案件全部办结。", unit="%")
    assert found["value_text"] == ["数值“3”在原句中只是另一个更长数字的一部分。"]
    found = errors(good, value_text="1", value="1", quote="累计处罚金额1.06亿元。")
    assert "value_text" in found


def test_value_that_differs_from_its_written_form_is_an_error_on_value(good):
    assert errors(good, value="93.2")["value"] == ["数值与原文写法不一致。"]


def test_unknown_unit_is_an_error(good):
    assert errors(good, unit="斤")["unit"] == ["未知单位“斤”。"]


def test_unit_of_another_family_than_the_indicators_is_an_error(good):
    found = errors(good, unit="天", quote="2023年全省优良天数为93.1天。")
    assert found["unit"] == ["单位“天”与指标的单位“%”不属同一类。"]


def test_unit_of_the_same_family_is_accepted(db):
    fines = make_indicator(code="fines", unit="万元")
    form = ObservationForm(
        {
            "indicator": fines.pk, "bulletin": make_bulletin().pk, "period_start": "", "period_end": "2020-12-31",
            "period_label": "“十三五”期间", "value": "1.06", "value_text": "1.06", "unit": "亿元",
            "qualifier": "累计", "quote": "累计处罚金额1.06亿元。", "review_state": "accepted",
        }
    )
    assert form.is_valid(), form.errors


def test_period_ending_before_it_starts_is_an_error(good):
    assert errors(good, period_label="", period_start="2023-12-31", period_end="2023-01-01")["period_end"] == [
        "期间止不能早于期间起。"
    ]


def test_period_with_a_start_but_no_end_is_an_error(good):
    assert "period_end" in errors(good, period_label="", period_end="")


def test_label_year_other_than_the_dates_is_an_error(good):
    found = errors(good, period_label="2022年")
    assert "期间（原文）“2022年”与期间止 2023-12-31 的年份不符。" in found["period_label"]


def test_whole_year_label_on_part_of_a_year_is_an_error(good):
    found = errors(good, period_end="2023-11-30")
    assert found["period_label"] == ["期间（原文）“2023年”是全年，期间应为 2023-01-01 至 2023-12-31。"]


def test_month_range_other_than_the_dates_is_an_error(good):
    found = errors(good, period_label="1—11月")
    assert found["period_label"] == ["期间（原文）“1—11月”是1月至11月，与期间 2023-01-01—2023-12-31 不符。"]


def test_up_to_day_other_than_the_end_is_an_error(good):
    found = errors(good, period_label="截至12月28日")
    assert found["period_label"] == ["期间（原文）“截至12月28日”与期间止 2023-12-31 不符。"]


def test_year_end_label_with_another_end_is_an_error(good):
    found = errors(good, period_label="截止2023年底", period_start="", period_end="2023-06-30")
    assert found["period_label"] == ["期间（原文）“截止2023年底”指2023年底，期间止应为2023-12-31。"]


def test_model_clean_reports_every_problem_at_once(good):
    observation = Observation(
        indicator_id=good["indicator"], bulletin_id=good["bulletin"], period_start=date(2023, 12, 31),
        period_end=date(2023, 1, 1), period_label="", value="5", value_text="5", unit="天", quote="没有数字。",
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as raised:
        observation.full_clean()
    assert {"value_text", "unit", "period_end"} <= set(raised.value.message_dict)

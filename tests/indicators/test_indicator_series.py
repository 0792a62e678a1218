"""What may be compared: period kinds and labels, series keys, comparison groups."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from indicators.periods import period_kind, period_text
from indicators.series import comparison_groups, group_series, series_key


def figure(start=None, end=None, label="", qualifier="", region_id=1, value="1", pk=1, unit="%"):
    return SimpleNamespace(
        pk=pk,
        period_start=start,
        period_end=end,
        period_label=label,
        qualifier=qualifier,
        region_id=region_id,
        region=SimpleNamespace(name=f"地区{region_id}", level="prefecture"),
        bulletin=SimpleNamespace(slug="b", region_label=""),
        value=Decimal(value),
        value_text=value,
        unit=unit,
        value_normalised=Decimal(value),
    )


@pytest.mark.parametrize(
    "start, end, kind_label",
    [
        (date(2023, 1, 1), date(2023, 12, 31), "全年"),
        (date(2023, 1, 1), date(2023, 11, 30), "1—11月"),
        (date(2024, 1, 1), date(2024, 2, 29), "1—2月"),
        (date(2021, 1, 1), date(2021, 12, 28), "1月1日—12月28日"),
        (None, date(2020, 12, 31), "截至年底累计"),
        (date(2016, 1, 1), date(2020, 12, 31), "跨5个年度"),
        (None, None, "期间未注明"),
    ],
)
def test_period_kinds_name_the_shape_of_a_period(start, end, kind_label):
    assert period_kind(figure(start, end)).label == kind_label


def test_the_same_months_in_different_years_are_one_kind_and_a_whole_year_another():
    assert period_kind(figure(date(2022, 1, 1), date(2022, 11, 30))) == period_kind(figure(date(2023, 1, 1), date(2023, 11, 30)))
    assert period_kind(figure(date(2023, 1, 1), date(2023, 11, 30))) != period_kind(figure(date(2023, 1, 1), date(2023, 12, 31)))
    assert period_kind(figure(date(2023, 1, 1), date(2023, 2, 28))) == period_kind(figure(date(2024, 1, 1), date(2024, 2, 29)))


def test_period_text_keeps_the_sources_words_and_adds_a_missing_year():
    assert period_text(figure(date(2023, 1, 1), date(2023, 11, 30), "1—11月")) == "1—11月（2023年）"
    assert period_text(figure(date(2023, 1, 1), date(2023, 12, 31), "2023年")) == "2023年"
    assert period_text(figure(date(2023, 1, 1), date(2023, 12, 31))) == "2023年"
    assert period_text(figure(date(2023, 1, 1), date(2023, 11, 30))) == "2023年1—11月"
    assert period_text(figure(label="1至10月份")) == "1至10月份"
    assert period_text(figure()) == "期间未注明"


def test_series_differ_by_region_qualifier_and_period_kind():
    year = (date(2023, 1, 1), date(2023, 12, 31))
    keys = {
        series_key(figure(*year)),
        series_key(figure(*year, region_id=2)),
        series_key(figure(*year, qualifier="扣除沙尘异常超标天数后")),
        series_key(figure(date(2023, 1, 1), date(2023, 11, 30))),
    }
    assert len(keys) == 4
    assert series_key(figure(*year)) == series_key(figure(date(2022, 1, 1), date(2022, 12, 31)))


def test_a_series_keeps_one_figure_per_period_the_newest_statement():
    restated = [
        figure(date(2023, 1, 1), date(2023, 12, 31), pk=3, value="93.2"),
        figure(date(2023, 1, 1), date(2023, 12, 31), pk=2, value="93.1"),
        figure(date(2022, 1, 1), date(2022, 12, 31), pk=1, value="92"),
    ]
    (series,) = group_series(restated)
    assert [o.pk for o in series.dated] == [1, 3]
    assert series.is_trend


def test_comparison_groups_put_one_period_and_qualifier_together_best_first():
    indicator = SimpleNamespace(unit="%", higher_is_better=True)
    year = (date(2023, 1, 1), date(2023, 12, 31))
    figures = [
        figure(*year, region_id=1, value="90", pk=1),
        figure(*year, region_id=2, value="95", pk=2),
        figure(*year, region_id=1, value="96", qualifier="扣除沙尘异常超标天数后", pk=3),
        figure(date(2022, 1, 1), date(2022, 12, 31), region_id=3, value="99", pk=4),
    ]
    comparison = comparison_groups(figures, indicator)
    labels = [group.label for group in comparison.groups]
    assert labels == ["2023年", "2023年 · 扣除沙尘异常超标天数后", "2022年"]
    assert [point.href for point in comparison.groups[0].points] == ["/bulletins/b/#obs-2", "/bulletins/b/#obs-1"]
    assert comparison.groups[1].qualified and not comparison.groups[0].qualified


def test_comparison_groups_sort_lower_first_when_lower_is_better_and_count_what_is_left_out():
    indicator = SimpleNamespace(unit="微克/立方米", higher_is_better=False)
    year = (date(2023, 1, 1), date(2023, 12, 31))
    figures = [figure(*year, region_id=i, value=str(20 + i), pk=i, unit="微克/立方米") for i in range(1, 6)]
    comparison = comparison_groups(figures, indicator, max_bars=3)
    assert [point.display for point in comparison.groups[0].points] == ["21微克/立方米", "22微克/立方米", "23微克/立方米"]
    assert comparison.omitted == 2

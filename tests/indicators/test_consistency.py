"""Consistency checks of a bulletin's figures: each check, and where the workflow runs them."""

import os
import sys
from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bulletins import workflow
from bulletins.models import Transition
from ecoportal.publishing import Status
from indicators import consistency
from indicators.consistency import Severity
from indicators.models import Indicator, Observation
from tests.factories import make_bulletin, make_indicator, make_observation, make_region, make_user


def figure(value, unit, *, code="good-days", name="优良天数", indicator_unit=None, quote=None, pk=None, **fields):
    """An unsaved figure with its indicator: the pure checks need no database."""
    indicator = Indicator(pk=abs(hash(code)) % 10**6, code=code, name=name, unit=indicator_unit or unit)
    fields.setdefault("period_start", date(2023, 1, 1))
    fields.setdefault("period_end", date(2023, 12, 31))
    obs = Observation(
        pk=pk, indicator=indicator, value=Decimal(value), value_text=value, unit=unit,
        quote=quote or f"数值为{value}{unit}。", **fields,
    )
    return obs


def checks(findings):
    return [(f.check, f.severity) for f in findings]


# Impossible values ---------------------------------------------------------------------------


def test_a_share_above_a_hundred_percent_is_blocking():
    found = consistency.impossible_values([figure("103.2", "%", code="good-days-ratio", name="优良天数比例")])
    assert checks(found) == [("share_out_of_range", Severity.BLOCKING)]


def test_a_change_above_a_hundred_percent_is_possible():
    growth = figure("130", "%", code="fines-yoy", name="处罚金额同比增长")
    assert consistency.impossible_values([growth]) == []


def test_more_days_than_the_period_has_is_blocking():
    found = consistency.impossible_values([figure("367", "天")])
    assert checks(found) == [("days_exceed_period", Severity.BLOCKING)]
    assert consistency.impossible_values([figure("366", "天", period_start=date(2024, 1, 1),
                                                 period_end=date(2024, 12, 31))]) == []


def test_days_are_counted_in_the_figures_own_period():
    november = figure("31", "天", period_start=date(2023, 11, 1), period_end=date(2023, 11, 30))
    assert checks(consistency.impossible_values([november])) == [("days_exceed_period", Severity.BLOCKING)]


def test_a_negative_count_is_blocking():
    found = consistency.impossible_values([figure("-3", "件", code="cases", name="案件")])
    assert checks(found) == [("negative_count", Severity.BLOCKING)]


def test_a_concentration_outside_its_pollutants_range_is_a_warning():
    slip = figure("2500", "微克/立方米", code="pm25", name="PM2.5浓度")
    fine = figure("25", "微克/立方米", code="pm25", name="PM2.5浓度")
    assert checks(consistency.implausible_concentrations([slip, fine])) == [
        ("implausible_concentration", Severity.WARNING)
    ]


def test_a_concentration_is_compared_in_the_base_unit():
    in_milligrams = figure("0.025", "毫克/立方米", code="pm25", name="PM2.5浓度", indicator_unit="微克/立方米")
    assert consistency.implausible_concentrations([in_milligrams]) == []


# Units ---------------------------------------------------------------------------------------


def test_a_unit_of_another_family_than_the_indicators_is_blocking():
    found = consistency.unit_families([figure("300", "件", indicator_unit="天")])
    assert checks(found) == [("unit_family", Severity.BLOCKING)]
    assert consistency.unit_families([figure("300", "天")]) == []


def test_an_unknown_unit_is_a_warning():
    assert checks(consistency.unit_families([figure("3", "斤", indicator_unit="天")])) == [
        ("unknown_unit", Severity.WARNING)
    ]


# The text's own arithmetic ---------------------------------------------------------------------


SHARE_QUOTE = "全市优良天数{part}天，占有效天数(366天)的{share}%。"


def test_a_share_the_text_states_must_be_its_part_of_the_whole():
    right = SHARE_QUOTE.format(part=354, share="96.7")
    wrong = SHARE_QUOTE.format(part=354, share="97.7")
    assert consistency.stated_shares([figure("354", "天", quote=right)]) == []
    found = consistency.stated_shares([figure("354", "天", quote=wrong)])
    assert checks(found) == [("share_arithmetic", Severity.BLOCKING)]
    assert "96.72" in found[0].message_zh


def test_a_share_is_checked_within_the_rounding_of_its_figures():
    # 354 / 366 = 96.72…%: "96.7" and "97" are both that, rounded as written.
    assert consistency.stated_shares([figure("354", "天", quote=SHARE_QUOTE.format(part=354, share="97"))]) == []


def test_a_share_finding_names_the_figure_of_the_share():
    quote = SHARE_QUOTE.format(part=354, share="90.1")
    days, ratio = figure("354", "天", quote=quote), figure("90.1", "%", quote=quote, code="ratio", name="比例")
    found = consistency.stated_shares([days, ratio])
    assert [f.observation for f in found] == [ratio]


# Parts said to add up to a total (quotes in our own words, figures invented).


def cases(total, quote):
    return figure(total, "件", code="cases", name="案件", quote=quote)


def test_parts_listed_after_a_total_cannot_exceed_it():
    fits = "某市共办理四类案件30件，其中查封扣押12件，限产停产9件，移送拘留5件。"
    exceeds = "某市共办理四类案件30件，其中查封扣押12件，限产停产15件，移送拘留5件。"
    assert consistency.stated_totals([cases("30", fits)]) == []
    found = consistency.stated_totals([cases("30", exceeds)])
    assert checks(found) == [("parts_total", Severity.BLOCKING)]
    assert "12 + 15 + 5" in found[0].message_zh and "32件" in found[0].message_zh
    assert "more than the total of 30" in found[0].message_en


def test_parts_may_leave_out_some_of_the_total():
    # "其中" need not list every part: fewer is no finding, more is.
    quote = "某县累计完成投资50亿元，其中水环境工程完成20亿元，新建管网120公里。"
    assert consistency.stated_totals([figure("50", "亿元", code="invest", name="投资", quote=quote)]) == []


def test_only_parts_in_the_totals_unit_and_no_changes_of_them_are_added():
    quote = "某市共查处案件20件，其中查封扣押12件，同比增加9件，罚款300万元，公布典型案例8期。"
    assert consistency.stated_totals([cases("20", quote)]) == []


def test_a_total_the_text_does_not_mark_as_one_is_not_checked():
    # 其中 may refer to more than the number before it ("已办结…，阶段性办结…，其中…"): only a
    # total the text marks (共, 合计, 累计, 五类…) is one.
    quote = "某市已办结信访件900件，阶段性办结100件，其中新增办结300件。"
    assert consistency.stated_totals([cases("100", quote)]) == []


def test_parts_said_to_make_a_total_must_make_it():
    right = "三个县分别为12件、9件、5件，合计26件。"
    wrong = "三个县分别为12件、9件、5件，合计28件。"
    assert consistency.stated_totals([cases("26", right)]) == []
    found = consistency.stated_totals([cases("28", wrong)])
    assert checks(found) == [("parts_total", Severity.BLOCKING)]
    assert "称合计 28件" in found[0].message_zh


def test_parts_are_added_within_the_rounding_of_each():
    # 1.3 + 2.4 + 3.4 = 7.1; written to one place each, they may make 7.0 or 7.2 as well.
    quote = "三地分别为1.3亿元、2.4亿元、3.4亿元，共计7.0亿元。"
    assert consistency.stated_totals([figure("7.0", "亿元", code="invest", name="投资", quote=quote)]) == []
    quote = "三地分别为1.3亿元、2.4亿元、3.4亿元，共计7.5亿元。"
    assert checks(consistency.stated_totals([figure("7.5", "亿元", code="invest", name="投资", quote=quote)])) == [
        ("parts_total", Severity.BLOCKING)
    ]


def test_shares_of_one_whole_cannot_exceed_a_hundred_percent():
    right = "Ⅰ～Ⅲ类、Ⅳ类、Ⅴ类断面分别占60.5%、30.2%、9.3%。"
    wrong = "Ⅰ～Ⅲ类、Ⅳ类、Ⅴ类断面分别占70.5%、30.2%、9.3%。"
    ratio = {"code": "water-ratio", "name": "断面比例"}
    assert consistency.stated_totals([figure("60.5", "%", quote=right, **ratio)]) == []
    found = consistency.stated_totals([figure("70.5", "%", quote=wrong, **ratio)])
    assert checks(found) == [("parts_total", Severity.BLOCKING)]


def test_a_parts_finding_names_the_figure_of_the_total():
    quote = "某市共办理四类案件30件，其中查封扣押12件，限产停产25件。"
    total, part = cases("30", quote), cases("25", quote)
    assert [f.observation for f in consistency.stated_totals([part, total])] == [total]


def test_the_parts_check_runs_with_the_others():
    quote = "某市共办理四类案件30件，其中查封扣押12件，限产停产25件。"
    assert "parts_total" in [f.check for f in consistency.run_checks([cases("30", quote)])]


def lines_run(function, *args, **kwargs):
    """``function(*args, **kwargs)`` and the number of lines of the portal's code it ran (a loop's
    line once a round; not Django's or the database driver's): its work, counted the same on a
    busy machine as on a quiet one, where a time limit is not."""
    run = 0
    portal = str(settings.BASE_DIR) + os.sep

    def trace(frame, event, arg):
        nonlocal run
        run += event == "line"
        return trace

    def enter(frame, event, arg):
        filename = frame.f_code.co_filename
        return trace if filename.startswith(portal) and "site-packages" not in filename else None

    sys.settrace(enter)
    try:
        result = function(*args, **kwargs)
    finally:
        sys.settrace(None)
    return result, run


def assert_linear(work, per_figure):
    """``work``: the lines run for 100 and for 200 figures. Twice the figures may cost twice the
    work, not more (as one figure compared with every other would), and at most ``per_figure``
    lines each: a few times what they take, a few milliseconds for 200 figures."""
    (small, run_small), (large, run_large) = work
    assert large == 2 * small
    assert run_large <= 2.2 * run_small, f"{small} figures: {run_small} lines run; {large}: {run_large}"
    assert run_large <= per_figure * large, f"{run_large / large:.0f} lines run a figure"


def parts_and_totals(count):
    return [
        cases(str(30 + n), f"某市共办理四类案件{30 + n}件，其中查封扣押{n}件，限产停产{n % 7}件，"
                           f"移送拘留{40 if n % 10 == 0 else 1}件，罚款{n}万元。")
        for n in range(count)
    ]


def test_the_parts_check_of_two_hundred_figures_does_work_in_proportion_to_them():
    work = []
    for count in (100, 200):
        found, run = lines_run(consistency.stated_totals, parts_and_totals(count))
        assert len(found) == count // 10  # every tenth: 40 more is beyond what the total leaves (at most 30)
        work.append((count, run))
    assert_linear(work, per_figure=250)
    print(f"\nparts and totals, lines run for (figures, lines): {work}")


def test_the_fixture_bulletins_state_no_parts_beyond_their_totals(db):
    from django.core.management import call_command

    call_command("loaddata", "portal", verbosity=0)
    figures = list(Observation.objects.select_related("indicator"))
    assert figures
    assert consistency.stated_totals(figures) == []


def earlier(obs, value, unit=None):
    before = figure(value, unit or obs.unit, code=obs.indicator.code, name=obs.indicator.name,
                    period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), period_label="2022年")
    return {consistency.earlier_key(obs): before}


def test_a_stated_change_must_agree_with_the_earlier_level():
    pm = figure("25", "微克/立方米", code="pm25", name="PM2.5浓度", quote="PM2.5浓度为25微克/立方米，同比下降3.8%。")
    assert consistency.stated_changes([pm], earlier(pm, "26")) == []
    found = consistency.stated_changes([pm], earlier(pm, "30"))
    assert checks(found) == [("change_arithmetic", Severity.BLOCKING)]
    assert "-16.67%" in found[0].message_en


def test_a_change_in_points_is_a_difference_of_levels():
    ratio = figure("93.1", "%", code="ratio", name="比例", quote="优良天数比例为93.1%，同比上升2.3个百分点。")
    assert consistency.stated_changes([ratio], earlier(ratio, "90.8")) == []
    assert checks(consistency.stated_changes([ratio], earlier(ratio, "92.8"))) == [
        ("change_arithmetic", Severity.BLOCKING)
    ]


def test_a_change_is_not_checked_without_an_earlier_level():
    pm = figure("25", "微克/立方米", code="pm25", name="PM2.5浓度", quote="PM2.5浓度为25微克/立方米，同比下降30%。")
    assert consistency.stated_changes([pm], {}) == []


# The portal: conflicts, earlier levels, workflow -----------------------------------------------


@pytest.fixture
def days(db):
    return make_indicator(code="good-days", name="优良天数", unit="天")


@pytest.mark.django_db
def test_a_different_value_for_what_is_already_public_is_blocking(days):
    region = make_region()
    public = make_bulletin(title="已公开的公报", region=region)
    make_observation(bulletin=public, indicator=days, value="300")
    draft = make_bulletin(status=Status.DRAFT, region=region)
    make_observation(bulletin=draft, indicator=days, value="301")
    found = consistency.bulletin_findings(draft)
    assert checks(found) == [("public_conflict", Severity.BLOCKING)]
    assert "已公开的公报" in found[0].message_zh


@pytest.mark.django_db
def test_an_unpublished_bulletins_figures_are_no_conflict(days):
    region = make_region()
    make_observation(bulletin=make_bulletin(status=Status.DRAFT, region=region), indicator=days, value="300")
    draft = make_bulletin(status=Status.DRAFT, region=region)
    make_observation(bulletin=draft, indicator=days, value="301")
    assert consistency.bulletin_findings(draft) == []


@pytest.mark.django_db
def test_a_stated_change_is_checked_against_the_level_the_portal_holds(db):
    pm25 = make_indicator(code="pm25", name="PM2.5浓度", unit="微克/立方米")
    region = make_region()
    make_observation(bulletin=make_bulletin(region=region), indicator=pm25, value="30",
                     period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), period_label="2022年",
                     quote="PM2.5浓度为30微克/立方米。")
    draft = make_bulletin(status=Status.DRAFT, region=region)
    make_observation(bulletin=draft, indicator=pm25, value="25", quote="PM2.5浓度为25微克/立方米，同比下降3.8%。")
    assert checks(consistency.bulletin_findings(draft)) == [("change_arithmetic", Severity.BLOCKING)]


def in_review_with(*figures, by=None):
    """In review, written (and so submitted) by ``by`` or else by an Author: not the reviewer."""
    bulletin = make_bulletin(status=Status.IN_REVIEW, created_by=by or make_user(groups=["Author"]))
    indicator = make_indicator(code="ratio-x", name="比例", unit="%")
    for value in figures:
        make_observation(bulletin=bulletin, indicator=indicator, value=value, quote=f"比例为{value}%。")
    return bulletin


@pytest.mark.django_db
def test_approval_is_refused_while_a_finding_is_blocking(editor):
    bulletin = in_review_with("103.2")
    with pytest.raises(ValidationError) as refused:
        workflow.bulletin_publish(bulletin, by=editor)
    assert refused.value.code == "blocking_findings"
    bulletin.refresh_from_db()
    assert bulletin.status == Status.IN_REVIEW


@pytest.mark.django_db
def test_an_editors_reason_overrides_the_findings_and_is_audited(editor):
    bulletin = in_review_with("103.2")
    workflow.bulletin_publish(bulletin, by=editor, override_reason="原文如此，已核实。")
    assert bulletin.status == Status.PUBLISHED
    audit = Transition.objects.get(bulletin=bulletin, action=workflow.OVERRIDE_CHECKS)
    assert audit.by == editor
    assert "原文如此，已核实。" in audit.comment and "share_out_of_range" in audit.comment


@pytest.mark.django_db
def test_approval_without_findings_needs_no_reason(editor):
    bulletin = in_review_with("93.1")
    workflow.bulletin_publish(bulletin, by=editor)
    assert bulletin.status == Status.PUBLISHED
    assert not Transition.objects.filter(action=workflow.OVERRIDE_CHECKS).exists()


@pytest.mark.django_db
def test_submit_runs_the_checks_and_lets_the_draft_through(author):
    bulletin = in_review_with("103.2", by=author)
    Transition.objects.all().delete()
    bulletin.status = Status.DRAFT
    bulletin.save()
    workflow.bulletin_submit(bulletin, by=author)
    assert bulletin.status == Status.IN_REVIEW
    assert checks(bulletin.findings) == [("share_out_of_range", Severity.BLOCKING)]


@pytest.mark.django_db
def test_the_review_shows_each_finding_beside_its_sentence(client, editor):
    bulletin = in_review_with("103.2")
    client.force_login(editor)
    page = client.get(reverse("admin:bulletins_bulletin_change", args=[bulletin.pk])).content.decode()
    panel = page[page.index('id="figure-checks"'):]
    assert "比例为103.2%。" in panel and "不在 0—100% 之间" in panel
    assert 'name="override_reason"' in page


@pytest.mark.django_db
def test_the_admin_publish_button_passes_the_override_reason(client, editor):
    bulletin = in_review_with("103.2")
    client.force_login(editor)
    url = reverse("admin:bulletins_bulletin_transition", args=[bulletin.pk, "publish"])
    client.post(url, {"comment": "", "at": ""})
    bulletin.refresh_from_db()
    assert bulletin.status == Status.IN_REVIEW
    client.post(url, {"comment": "", "at": "", "override_reason": "已核实"})
    bulletin.refresh_from_db()
    assert bulletin.status == Status.PUBLISHED


def figures_of_a_draft(count, prefix):
    """A draft whose ``count`` figures each have a public figure of the same series and period,
    of their own indicators (codes from ``prefix``) and region."""
    region = make_region()
    indicators = [make_indicator(code=f"{prefix}-{n}", unit=unit) for n, unit in enumerate(["天", "%", "微克/立方米", "件"])]
    public = make_bulletin(region=region)
    draft = make_bulletin(status=Status.DRAFT, region=region)
    rows = []
    for n in range(count):
        indicator = indicators[n % 4]
        year = 1900 + n // 4
        for bulletin in (public, draft):
            value = f"{n % 90 + 1}.{n % 10}" if bulletin is draft else f"{n % 90 + 1}.5"
            rows.append(Observation(
                bulletin=bulletin, indicator=indicator, region=region, value=Decimal(value), value_text=value,
                unit=indicator.unit, period_start=date(year, 1, 1), period_end=date(year, 12, 31),
                period_label=f"{year}年",
                quote=f"{year}年优良天数{value}天，占有效天数(365天)的{n % 100}.5%，同比下降{n % 7}.1%。",
            ))
    Observation.objects.bulk_create(rows)
    return draft


@pytest.mark.django_db
def test_two_hundred_figures_are_checked_in_three_queries_and_work_in_proportion_to_them():
    work = []
    for count in (100, 200):
        draft = figures_of_a_draft(count, f"ind-{count}")
        with CaptureQueriesContext(connection) as queries:
            found, run = lines_run(consistency.bulletin_findings, draft)
        assert len(queries) == 3
        assert len([f for f in found if f.check == "public_conflict"]) == count * 9 // 10  # all but x.5
        work.append((count, run))
    assert_linear(work, per_figure=1000)
    print(f"\nfigure checks, lines run for (figures, lines): {work}")

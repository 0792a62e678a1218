"""read() on invented bulletins: how bulletins state a figure's period and kind.

The bulletins of ``evaluation.period_forms`` (every form of stating a period or a kind, with
near misses that must date nothing) are read whole, then each rule those forms called for is
tested on sentences of its own: two forms that must fire and a near miss that must not.
"""

from datetime import date
from decimal import Decimal

import pytest

from evaluation import period_forms
from importer import pipeline

CASES = period_forms.bulletins()


def one(document, value):
    found = [f for f in document.figures if f.value == Decimal(value) and not f.derived]
    assert len(found) == 1, (value, [(str(f.value), f.quote) for f in document.figures])
    return found[0]


def span(figure):
    return figure.period_start, figure.period_end


def year(y):
    return date(y, 1, 1), date(y, 12, 31)


@pytest.mark.parametrize("form", list(period_forms.FORMS))
def test_every_generated_bulletin_of_the_form_reads_period_and_kind(form):
    for case in (c for c in CASES if c.form == form):
        document = pipeline.read(case.text, published=case.published)
        for expected, figure in period_forms.judged(case, document):
            assert figure is not None, (expected, case.text)
            assert period_forms.right_period(expected, figure), (expected, span(figure), case.text)
            assert period_forms.right_kind(expected, figure), (expected, figure.kind, case.text)


# A part of the year named without its year, in a text dated only by its date line ----------


@pytest.mark.parametrize(
    "title, issued, sentence, value, expected",
    [
        # 全年 in a text of January: the year before
        (
            "石川县生态环境工作简况",
            "2025-01-16",
            "全年,全县共受理环境信访投诉812件,同比下降4.4%。",
            "812",
            year(2024),
        ),
        (
            "石川县生态环境工作简况",
            "2025-01-16",
            "全年,全县共受理环境信访投诉812件,同比下降4.4%。",
            "-4.4",
            year(2024),
        ),
        # 上半年 not over at the date: the year before's
        (
            "白溪县环境质量简报",
            "2025-03-05",
            "上半年,全县地表水Ⅰ-Ⅲ类水质断面比例为83.3%。",
            "83.3",
            (date(2024, 1, 1), date(2024, 6, 30)),
        ),
        # near misses: a month mostly over, a year the title states (its plans name months to come)
        (
            "白溪县环境质量简报",
            "2025-06-24",
            "6月,全县环境空气质量优良天数比例为90.2%。",
            "90.2",
            (date(2025, 6, 1), date(2025, 6, 30)),
        ),
        (
            "石川县2025年生态环境保护工作要点",
            "2025-02-11",
            "全年,全县优良天数比例目标为86.5%。",
            "86.5",
            year(2025),
        ),
    ],
)
def test_a_part_of_the_year_dated_by_the_date_line_alone_is_over(
    title, issued, sentence, value, expected
):
    document = pipeline.read(f"{title}\n发布时间:{issued}\n{sentence}\n")
    assert span(one(document, value)) == expected


# A law's or a standard's date cited in the sentence -------------------------------------------


@pytest.mark.parametrize(
    "cited, value",
    [
        ("依据2018年修订的《中华人民共和国大气污染防治法》,全市共处罚款412.6万元。", "412.6"),
        ("根据2022年印发的《临波市重污染天气应急预案》,全市启动重污染天气预警3次。", "3"),
        ("对照2021年3月1日起施行的《排污许可管理条例》,全市核发排污许可证356件。", "356"),
    ],
)
def test_the_date_of_a_law_or_plan_cited_dates_no_figure(cited, value):
    document = pipeline.read(
        f"临波市2024年生态环境状况公报\n2024年,全市生态环境质量总体稳定。\n{cited}\n"
    )
    assert span(one(document, value)) == year(2024)


def test_a_year_at_the_head_of_the_sentence_still_dates_it():
    document = pipeline.read(
        "临波市生态环境状况公报\n"
        "2023年,全市共处罚款412.6万元,依据的是《中华人民共和国大气污染防治法》。\n"
    )
    assert span(one(document, "412.6")) == year(2023)


# A target naming its value ---------------------------------------------------------------


def test_a_target_naming_its_value_is_a_target_though_said_done():
    document = pipeline.read(
        "云泽市2024年生态环境状况公报\n2024年,全市优良天数比例为88.4%,完成年度目标为85.0%的任务。\n"
    )
    assert one(document, "85.0").kind == "target"
    assert one(document, "88.4").kind == "level"


def test_a_target_value_named_with_shi_is_a_target():
    document = pipeline.read(
        "云泽市2024年生态环境状况公报\n"
        "2024年,全市PM2.5平均浓度为27微克/立方米,实现了目标值是30微克/立方米的要求。\n"
    )
    assert one(document, "30").kind == "target"


def test_a_task_said_done_before_a_level_leaves_the_level():
    document = pipeline.read(
        "云泽市2024年生态环境状况公报\n2024年,全市完成年度目标任务,优良天数比例为88.4%。\n"
    )
    assert one(document, "88.4").kind == "level"


# The title's months, the opening's year ----------------------------------------------------


@pytest.mark.parametrize(
    "title, opening, expected",
    [
        (
            "松原区通报9月环境空气质量排名",
            "10月12日,松原区生态环境局通报了2023年9月各乡镇环境空气质量排名情况。",
            (date(2023, 9, 1), date(2023, 9, 30)),
        ),
        (
            "松原区通报第三季度声环境质量",
            "2月8日,松原区生态环境局通报了2023年第三季度全区各类功能区声环境质量监测结果。",
            (date(2023, 7, 1), date(2023, 9, 30)),
        ),
    ],
)
def test_the_opening_gives_the_titles_months_their_year(title, opening, expected):
    document = pipeline.read(
        f"{title}\n发布时间:2025-02-10\n{opening}\n全区昼间达标率为93.8%,优良天数比例为86.7%。\n"
    )
    assert (document.period_start, document.period_end) == expected
    assert span(one(document, "86.7")) == expected


def test_other_months_in_the_opening_leave_the_titles():
    document = pipeline.read(
        "松原区9月环境空气质量\n"
        "发布时间:2023-10-10\n"
        "2023年1-9月,全区优良天数比例为84.1%。\n"
        "9月,全区优良天数比例为86.7%。\n"
    )
    assert (document.period_start, document.period_end) == (date(2023, 9, 1), date(2023, 9, 30))


# A period stated by the paragraph before -------------------------------------------------


@pytest.mark.parametrize(
    "opening, value, expected",
    [
        ("1-5月,全市重污染天数为16天。", "635", (date(2024, 1, 1), date(2024, 5, 31))),
        ("上半年,全市PM2.5平均浓度为29微克/立方米。", "635", (date(2024, 1, 1), date(2024, 6, 30))),
        ("1-5月,全市重污染天数为16天。", "-4.8", (date(2024, 1, 1), date(2024, 5, 31))),
    ],
)
def test_a_paragraph_stating_no_period_takes_the_one_before(opening, value, expected):
    document = pipeline.read(
        "青岚市生态环境工作简报\n发布时间:2024-07-06\n"
        f"{opening}\n全市共受理环境信访投诉635件,同比下降4.8%。\n"
    )
    assert span(one(document, value)) == expected


def test_a_document_of_its_own_period_keeps_it_after_a_paragraph_of_one_month():
    document = pipeline.read(
        "青岚市2024年上半年生态环境质量状况\n发布时间:2024-07-06\n"
        "6月,全市重污染天数为2天。\n全市共受理环境信访投诉635件,同比下降4.8%。\n"
    )
    assert span(one(document, "635")) == (date(2024, 1, 1), date(2024, 6, 30))


# 全年 after a year -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("去年全年,全市优良天数比例为87.0%。", year(2023)),
        ("2022年全年,全市优良天数比例为87.0%。", year(2022)),
        ("上年全年,全市优良天数比例为87.0%。", year(2023)),
        # near miss: 全年 alone is the text's own year
        ("全年,全市优良天数比例为87.0%。", year(2024)),
    ],
)
def test_the_whole_year_after_a_year_is_that_years(sentence, expected):
    document = pipeline.read(
        f"青岚市2024年生态环境状况公报\n2024年,全市优良天数比例为90.1%。{sentence}\n"
    )
    assert span(one(document, "87.0")) == expected


# More or fewer than the baseline ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, value, kind",
    [
        ("全市重污染天数为11天,同比少3天。", "-3", "change"),
        ("全市优良天数为311天,比去年同期多5天。", "5", "change"),
        ("全市立案查处环境违法案件52起,比上年少7起。", "-7", "change"),
        # near miss: 较多 says how many, compared with nothing
        ("全市查处的环境违法案件较多,共68起。", "68", "level"),
    ],
)
def test_more_or_fewer_than_last_year_is_a_change(sentence, value, kind):
    document = pipeline.read(f"石川县2022年生态环境状况公报\n2022年,{sentence}\n")
    figure = one(document, value)
    assert (figure.kind, span(figure)) == (kind, year(2022))

"""How bulletins state the period and the kind of a figure, measured on invented bulletins.

    DEBUG=1 .venv/bin/python -m evaluation.period_forms [--show FORM]

Each form of stating a period (上半年, 1—5月, 今年以来 against the publication date, a period
said once at a paragraph's start, in the title only, in the date line only…) or a kind (a
change against last year, a target) is written into short bulletins: a title line with or
without a year, an optional date line, then paragraphs, with invented places, numbers and
sentences; near misses (a standard's year, a plan's target year, a law's date) must not date
the figures beside them. ``bulletins()`` is deterministic: the same cases every run, so the
tests (``tests/importer/test_reading_period_forms.py``) and this table read the same texts.
For each form the table gives the expected figures found, and of them those with the right
period and the right kind.
"""

import argparse
import calendar
import os
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

PLACES = ("青岚市", "云泽市", "石川县", "白溪县", "松原区", "临波市")


@dataclass(frozen=True)
class Measure:
    level: str  # the sentence of a level, {v} for the value
    unit: str
    low: float
    high: float
    decimals: int
    change_unit: str  # how its change is said: "%" or "个百分点"


MEASURES = (
    Measure("全市细颗粒物(PM2.5)平均浓度为{v}微克/立方米", "微克/立方米", 18, 46, 0, "%"),
    Measure("全市环境空气质量优良天数比例为{v}%", "%", 72, 96, 1, "个百分点"),
    Measure("全市地表水Ⅰ-Ⅲ类水质断面比例为{v}%", "%", 60, 98, 1, "个百分点"),
    Measure("全市共处罚款{v}万元", "万元", 120, 980, 1, "%"),
    Measure("全市共受理环境信访投诉{v}件", "件", 300, 2400, 0, "%"),
    Measure("全市重污染天数为{v}天", "天", 2, 19, 0, "%"),
)


@dataclass(frozen=True)
class Expected:
    value: Decimal
    kind: str
    first: date | None
    last: date | None


@dataclass(frozen=True)
class Case:
    form: str
    text: str
    published: date | None
    expected: tuple


def _end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def _months(year, first, last):
    return date(year, first, 1), _end(year, last)


def _number(rng, low, high, decimals):
    value = rng.uniform(low, high)
    return Decimal(f"{value:.{decimals}f}")


class _Writer:
    """One bulletin's figures: a level of a measure, its change, a target, each remembered with
    the period and kind it must be read with."""

    def __init__(self, rng):
        self.rng = rng
        self.expected = []
        self.used = set()

    def _fresh(self, low, high, decimals):
        while True:
            value = _number(self.rng, low, high, decimals)
            if value not in self.used and value != 0:
                self.used.add(value)
                return value

    def measure(self):
        return self.rng.choice(MEASURES)

    def level(self, measure, span):
        value = self._fresh(measure.low, measure.high, measure.decimals)
        self.expected.append(Expected(value, "level", *span))
        return measure.level.format(v=value)

    def change(self, measure, span):
        """A change against last year, worded as bulletins word it, signed as it is read."""
        size = self._fresh(0.3, 9.9, 1)
        rising = self.rng.random() < 0.5
        verb = self.rng.choice(("上升", "增长") if rising else ("下降", "减少"))
        if measure.change_unit == "个百分点":
            verb = "上升" if rising else "下降"
        against = self.rng.choice(("同比", "比上年", "较上年", "比去年同期", "较去年同期"))
        self.expected.append(Expected(size if rising else -size, "change", *span))
        return f"{against}{verb}{size}{measure.change_unit}"

    def target(
        self, measure, span, wordings=("目标为{v}{u}", "力争达到{v}{u}", "控制在{v}{u}以内")
    ):
        value = self._fresh(measure.low, measure.high, measure.decimals)
        self.expected.append(Expected(value, "target", *span))
        wording = self.rng.choice(wordings)
        return wording.format(v=value, u=measure.unit)

    def plan_target(self, measure, plan):
        """A target's value for a plan year (2025年目标为…), dated by that year."""
        value = self._fresh(measure.low, measure.high, measure.decimals)
        self.expected.append(Expected(value, "target", date(plan, 1, 1), date(plan, 12, 31)))
        return value

    def level_and_change(self, measure, span):
        return f"{self.level(measure, span)},{self.change(measure, span)}"

    def two(self, span, measures=MEASURES):
        """Two measures of one period: the first's level and change, the second's level."""
        first, second = self.rng.sample(measures, 2)
        return f"{self.level_and_change(first, span)};{self.level(second, span)}"


def _head(rng, place, title, published, date_line=True):
    lines = [title]
    if date_line and published is not None:
        lines.append(
            rng.choice(
                (
                    f"发布时间:{published:%Y-%m-%d}",
                    f"来源:{place}生态环境局  发布日期:{published.year}年{published.month}月{published.day}日",
                    f"{published:%Y-%m-%d} 10:{rng.randint(10, 59)}  来源:{place}生态环境局",
                )
            )
        )
    return lines


def _bulletin(rng, form, make):
    """A case of ``form``: ``make(writer, year)`` gives (title, published, paragraphs)."""
    writer = _Writer(rng)
    year = rng.randint(2019, 2025)
    place = rng.choice(PLACES)
    title, published, paragraphs, date_line = make(writer, year, place)
    lines = _head(rng, place, title, published, date_line) + paragraphs
    return Case(form, "\n".join(lines) + "\n", published, tuple(writer.expected))


def _title(rng, place, year, what="生态环境质量状况", with_year=None):
    with_year = rng.random() < 0.5 if with_year is None else with_year
    return f"{place}{year}年{what}" if with_year else f"{place}{what}"


def _in_sentence(words, months):
    """A form stated in the first sentence of a paragraph, before a level and its change, then
    a second measure in the same sentence."""

    def make(writer, year, place):
        rng = writer.rng
        span = _months(year, *months)
        last = span[1].month
        published = date(year, last + 1, 12) if last < 12 else date(year + 1, 1, 20)
        body = f"{words},{writer.two(span)}。"
        return _title(rng, place, year), published, [body], True

    return make


def _since_now(words, day, last_month):
    """A time running to the publication date (今年以来, 截至目前), or to a month's end just
    before it (截至11月底): of the publication's year."""

    def make(writer, year, place):
        rng = writer.rng
        published = date(year, *day)
        span = (date(year, 1, 1), published) if last_month is None else _months(year, 1, last_month)
        body = f"{words},{writer.two(span)}。"
        title = _title(rng, place, year, "生态环境工作进展", with_year=False)
        return title, published, [body], True

    return make


def _carried(writer, year, place):
    """A period said once, opening a paragraph, carried to the sentences after it."""
    rng = writer.rng
    last = rng.choice((4, 5, 6, 8, 9, 10, 11))
    span = _months(year, 1, last)
    first, second, third = rng.sample(MEASURES, 3)
    body = (
        f"1—{last}月,{writer.level_and_change(first, span)}。"
        f"{writer.level(second, span)}。{writer.level_and_change(third, span)}。"
    )
    title = _title(rng, place, year, "生态环境质量通报", with_year=False)
    return title, date(year, last + 1, 15), [body], True


def _title_only(writer, year, place):
    """The period in the title only; the body says no time."""
    rng = writer.rng
    what, span, published = rng.choice(
        (
            ("上半年生态环境质量状况", _months(year, 1, 6), date(year, 7, 20)),
            ("1-9月环境质量通报", _months(year, 1, 9), date(year, 10, 18)),
            ("第一季度环境空气质量状况", _months(year, 1, 3), date(year, 4, 16)),
            ("生态环境状况公报", _months(year, 1, 12), date(year + 1, 5, 30)),
        )
    )
    first, second = rng.sample(MEASURES, 2)
    body = [f"{writer.level_and_change(first, span)}。", f"{writer.level(second, span)}。"]
    return f"{place}{year}年{what}", published, body, rng.random() < 0.5


def _date_line_only(writer, year, place):
    """The year in the date line only; the body gives months without a year."""
    rng = writer.rng
    last = rng.choice((3, 5, 7, 10))
    span = _months(year, 1, last)
    body = [f"1-{last}月,{writer.two(span)}。"]
    return f"{place}环境质量简报", date(year, last + 1, 9), body, True


def _monthly(writer, year, place):
    """A monthly report: 12月 in the body of a report on December."""
    rng = writer.rng
    month = rng.choice((3, 6, 9, 12))
    span = _months(year, month, month)
    published = date(year + 1, 1, 10) if month == 12 else date(year, month + 1, 10)
    body = [f"{month}月,{writer.two(span, MEASURES[:3] + MEASURES[5:])}。"]
    return f"{place}{year}年{month}月环境空气质量月报", published, body, True


def _standard_year(writer, year, place):
    """Near miss: a standard's year (GB 3095-2012) dates nothing."""
    rng = writer.rng
    span = _months(year, 1, 6)
    body = [f"上半年,按照《环境空气质量标准》(GB 3095-2012)评价,{writer.two(span)}。"]
    return _title(rng, place, year, "生态环境质量简报", False), date(year, 7, 14), body, True


def _plan_year_target(writer, year, place):
    """Near miss: "2025年目标为…" dates its target, not the level before it."""
    rng = writer.rng
    span = _months(year, 1, 12)
    plan = min(year + 2, 2027)
    measure = rng.choice(MEASURES[:3])
    body = [
        f"{year}年,{writer.level_and_change(measure, span)},"
        f"{plan}年目标为{writer.plan_target(measure, plan)}{measure.unit}。"
    ]
    return f"{place}{year}年生态环境状况公报", date(year + 1, 5, 20), body, False


def _law_date(writer, year, place):
    """Near miss: a law's date, or a rule in force since a year, dates no figure."""
    rng = writer.rng
    span = _months(year, 1, 12)
    law = rng.choice(
        (
            f"依据{year - 4}年修订的《中华人民共和国大气污染防治法》",
            f"依据自{year - 3}年起实施的《排污许可管理条例》",
            f"按照{year - 5}年1月1日起施行的《环境保护法》",
        )
    )
    measure = rng.choice(MEASURES[3:5])
    other = rng.choice(MEASURES[:3])
    body = [
        f"{year}年,全市生态环境质量总体稳定,{writer.level(other, span)}。",
        f"{law},{writer.level_and_change(measure, span)}。",
    ]
    return f"{place}{year}年生态环境状况公报", date(year + 1, 5, 20), body, False


def _annual_target(writer, year, place):
    """Kinds: the year's level, its change, and a target of the year (目标为, 控制在…以内)."""
    rng = writer.rng
    span = _months(year, 1, 12)
    measure = rng.choice(MEASURES[:3])
    change = rng.choice(("unchanged", "points"))
    level = writer.level(measure, span)
    if change == "unchanged":
        writer.expected.append(Expected(Decimal(0), "change", *span))
        said = f"{level},同比持平"
    else:
        said = f"{level},{writer.change(measure, span)}"
    task = writer.target(measure, span, ("目标为{v}{u}", "控制在{v}{u}以内"))
    body = [f"全年,{said},完成年度{task}的任务。"]
    return _title(rng, place, year, "生态环境状况公报"), date(year + 1, 4, 28), body, True


def _targets(writer, year, place):
    """Kinds: a level of the year beside the year's target, said as bulletins say targets."""
    rng = writer.rng
    span = _months(year, 1, 12)
    measure = rng.choice(MEASURES[:3])
    level = writer.level(measure, span)
    target = writer.target(measure, span)
    said = rng.choice((f"{level},年度{target}", f"{level};全年{target}"))
    return f"{place}{year}年生态环境状况公报", date(year + 1, 4, 28), [f"{year}年,{said}。"], True


def _last_year_level(writer, year, place):
    """去年同期为…: a level of the same months a year earlier, beside this year's."""
    rng = writer.rng
    last = rng.choice((3, 6, 9))
    span = _months(year, 1, last)
    before = _months(year - 1, 1, last)
    measure = rng.choice(MEASURES[:3])
    level = writer.level(measure, span)
    earlier = writer._fresh(measure.low, measure.high, measure.decimals)
    writer.expected.append(Expected(earlier, "level", *before))
    body = [f"1-{last}月,{level},去年同期为{earlier}{measure.unit}。"]
    return f"{place}{year}年1-{last}月环境质量状况", date(year, last + 1, 10), body, True


def _from_to(writer, year, place):
    """由上年的…提高到…: last year's level, then this year's."""
    rng = writer.rng
    span = _months(year, 1, 12)
    measure = rng.choice(MEASURES[1:3])
    earlier = writer._fresh(measure.low, measure.high, measure.decimals)
    writer.expected.append(Expected(earlier, "level", *_months(year - 1, 1, 12)))
    now = writer._fresh(measure.low, measure.high, measure.decimals)
    writer.expected.append(Expected(now, "level", *span))
    name = measure.level.split("为")[0]
    body = [f"{year}年,{name}由上年的{earlier}%提高到{now}%。"]
    return f"{place}{year}年生态环境状况公报", date(year + 1, 5, 8), body, False


def _sections(writer, year, place):
    """A monthly report in sections: the month, then the months of the year so far, each
    heading stating its period and its paragraph none."""
    rng = writer.rng
    month = rng.choice((4, 7, 10, 11))
    first, second = rng.sample(MEASURES[:3], 2)
    one = _months(year, month, month)
    many = _months(year, 1, month)
    body = [
        f"一、{month}月环境空气质量",
        f"{writer.level_and_change(first, one)}。",
        f"二、1-{month}月环境空气质量",
        f"{writer.level_and_change(second, many)}。",
    ]
    return f"{place}{year}年{month}月环境质量月报", date(year, month + 1, 8), body, True


def _this_month(writer, year, place):
    """本月 in a monthly report: the report's month."""
    rng = writer.rng
    month = rng.choice((2, 5, 8, 11))
    span = _months(year, month, month)
    body = [f"本月,{writer.two(span, MEASURES[:3] + MEASURES[5:])}。"]
    return f"{place}{year}年{month}月环境质量月报", date(year, month + 1, 10), body, True


def _month_inside(writer, year, place):
    """ "上半年…;其中6月…": a month inside the months said first dates what follows it."""
    rng = writer.rng
    whole, month = _months(year, 1, 6), _months(year, 6, 6)
    measure = rng.choice(MEASURES[:3])
    name = measure.level.split("为")[0]
    inside = writer._fresh(measure.low, measure.high, measure.decimals)
    writer.expected.append(Expected(inside, "level", *month))
    body = [
        f"上半年,{writer.level_and_change(measure, whole)};其中6月{name[2:]}为{inside}{measure.unit}。"
    ]
    return _title(rng, place, year, "环境质量简报", False), date(year, 7, 9), body, True


def _next_paragraph(writer, year, place):
    """A period said in one paragraph, none in the next: the next is of the same months, in a
    text whose title states none."""
    rng = writer.rng
    last = rng.choice((5, 8, 10))
    span = _months(year, 1, last)
    first, second = rng.sample(MEASURES, 2)
    body = [
        f"1-{last}月,{writer.level_and_change(first, span)}。",
        f"{writer.level_and_change(second, span)}。",
    ]
    return f"{place}生态环境工作简报", date(year, last + 1, 6), body, True


def _change_first(writer, year, place):
    """与去年同期相比…: the comparison said first, then the measure and its change."""
    rng = writer.rng
    span = _months(year, 1, 6)
    measure = rng.choice(MEASURES)
    level = writer.level(measure, span)
    size = writer._fresh(0.3, 9.9, 1)
    falling = rng.random() < 0.5
    writer.expected.append(Expected(-size if falling else size, "change", *span))
    verb = (
        ("下降了" if falling else "上升了")
        if measure.change_unit == "个百分点"
        else ("降低了" if falling else "增加了")
    )
    name = level.split("为")[0] if "为" in level else level
    body = [f"上半年,{level}。与去年同期相比,{name[2:]}{verb}{size}{measure.change_unit}。"]
    return _title(rng, place, year, "环境质量简报", False), date(year, 7, 9), body, True


def _year_compared(writer, year, place):
    """较2022年上升…: a change on a named year is of the year after it."""
    rng = writer.rng
    span = _months(year, 1, 12)
    measure = rng.choice(MEASURES[1:3])
    level = writer.level(measure, span)
    size = writer._fresh(0.3, 9.9, 1)
    writer.expected.append(Expected(size, "change", *span))
    body = [f"{year}年,{level},较{year - 1}年上升{size}个百分点。"]
    return f"{place}{year}年生态环境状况公报", date(year + 1, 5, 8), body, False


def _month_within(writer, year, place):
    """ "1-6月…;6月当月…": the month after the months."""
    rng = writer.rng
    measure = rng.choice(MEASURES[:3])
    many, one = _months(year, 1, 6), _months(year, 6, 6)
    level = writer.level(measure, many)
    alone = writer._fresh(measure.low, measure.high, measure.decimals)
    writer.expected.append(Expected(alone, "level", *one))
    body = [f"1-6月,{level};6月当月为{alone}{measure.unit}。"]
    return _title(rng, place, year, "环境质量简报", False), date(year, 7, 9), body, True


def _plan_targets(writer, year, place):
    """Targets as plans state them: 到2025年…降至, 力争全年…达到, 确保完成…的目标."""
    rng = writer.rng
    measure = rng.choice(MEASURES[:3])
    plan = year + 2
    value = writer._fresh(measure.low, measure.high, measure.decimals)
    writer.expected.append(Expected(value, "target", date(plan, 1, 1), date(plan, 12, 31)))
    name = measure.level.split("为")[0][2:]
    goal = writer._fresh(measure.low, measure.high, measure.decimals)
    writer.expected.append(Expected(goal, "target", *_months(year, 1, 12)))
    body = [
        f"到{plan}年,全市{name}{'降至' if measure.unit != '%' else '达到'}{value}{measure.unit}。",
        f"{year}年,力争全市{name}达到{goal}{measure.unit}。",
    ]
    return f"{place}{year}年生态环境保护工作要点", date(year, 2, 20), body, True


def _other_year_in_text(writer, year, place):
    """A sentence of the year before in a report on its year: "2023年,全市…" under 2024's."""
    rng = writer.rng
    first, second = rng.sample(MEASURES, 2)
    body = [
        f"{year}年,{writer.level_and_change(first, _months(year, 1, 12))}。",
        f"{year - 1}年,{writer.level(second, _months(year - 1, 1, 12))}。",
    ]
    return f"{place}{year}年生态环境状况公报", date(year + 1, 5, 8), body, False


def _closing_date(writer, year, place):
    """The year in the signature's date closing the text only."""
    rng = writer.rng
    last = rng.choice((3, 6, 9))
    span = _months(year, 1, last)
    body = [
        f"1-{last}月,{writer.two(span)}。",
        f"{place}生态环境局",
        f"{year}年{last + 1}月{rng.randint(5, 25)}日",
    ]
    return f"{place}环境质量状况通报", None, body, False


def _news_opening(writer, year, place):
    """A news item: "记者从…获悉,今年前三季度…" under the page's date line."""
    span = _months(year, 1, 9)
    body = [f"本报讯 记者从{place}生态环境局获悉,今年前三季度,{writer.two(span)}。"]
    return f"{place}前三季度生态环境质量持续改善", date(year, 10, 21), body, True


def _last_year_said(writer, year, place):
    """去年…为: a level of the year before the text's date."""
    rng = writer.rng
    measure = rng.choice(MEASURES[:3])
    now = _months(year, 1, 5)
    level = writer.level(measure, now)
    earlier = writer._fresh(measure.low, measure.high, measure.decimals)
    writer.expected.append(Expected(earlier, "level", *_months(year - 1, 1, 12)))
    name = measure.level.split("为")[0][2:]
    body = [f"1-5月,{level}。去年全年,全市{name}为{earlier}{measure.unit}。"]
    return f"{place}环境质量简报", date(year, 6, 8), body, True


def _weekly(writer, year, place):
    """本周 in a weekly report whose title gives the days."""
    rng = writer.rng
    month = rng.choice((3, 4, 5, 9, 10))
    day = rng.randint(1, 20)
    span = (date(year, month, day), date(year, month, day + 6))
    measure = rng.choice(MEASURES[:3])
    body = [f"本周,{writer.level(measure, span)}。"]
    title = f"{place}环境空气质量周报({year}年{month}月{day}日-{month}月{day + 6}日)"
    return title, date(year, month, day + 8), body, True


# Changes as bulletins word them, after the level: {s} the size, each with its sign.
_CHANGE_WORDINGS = (
    ("同比降幅为{s}%", -1),
    ("降幅{s}%", -1),
    ("同比增幅为{s}%", 1),
    ("较上年改善{s}%", -1),
    ("同比上升了{s}%", 1),
    ("比上年增加{s}%", 1),
    ("下降幅度为{s}%", -1),
    ("同比减少了{s}%", -1),
)


def _change_wordings(writer, year, place):
    """Kinds: a change worded as a fall, a rise, a size of a fall (降幅), after the level."""
    rng = writer.rng
    span = _months(year, 1, 12)
    measure = rng.choice((MEASURES[0], MEASURES[3], MEASURES[4]))
    level = writer.level(measure, span)
    size = writer._fresh(0.3, 9.9, 1)
    wording, sign = rng.choice(_CHANGE_WORDINGS)
    writer.expected.append(Expected(size * sign, "change", *span))
    body = [f"{year}年,{level},{wording.format(s=size)}。"]
    return f"{place}{year}年生态环境状况公报", date(year + 1, 5, 8), body, False


def _days_and_points(writer, year, place):
    """Kinds: a change in days (增加3天, 少2天) or in points (改善1.2个百分点)."""
    rng = writer.rng
    span = _months(year, 1, 12)
    days = writer._fresh(2, 19, 0)
    more = writer._fresh(1, 9, 0)
    sign = rng.choice((1, -1))
    writer.expected.append(Expected(days, "level", *span))
    writer.expected.append(Expected(more * sign, "change", *span))
    said = (
        rng.choice(("比上年增加{m}天", "同比多{m}天"))
        if sign > 0
        else rng.choice(("比上年减少{m}天", "同比少{m}天"))
    )
    share = writer._fresh(60, 95, 1)
    points = writer._fresh(0.3, 9.9, 1)
    writer.expected.append(Expected(share, "level", *span))
    writer.expected.append(Expected(points, "change", *span))
    body = [
        f"{year}年,全市重污染天数为{days}天,{said.format(m=more)};"
        f"地表水Ⅰ-Ⅲ类水质断面比例为{share}%,同比改善{points}个百分点。"
    ]
    return f"{place}{year}年生态环境状况公报", date(year + 1, 5, 8), body, False


def _year_of_account(writer, year, place):
    """2023年度: a year said as an accounting year."""
    span = _months(year, 1, 12)
    body = [f"{year}年度,{writer.two(span, MEASURES[3:5])}。"]
    return f"{place}环境执法工作情况", date(year + 1, 2, 8), body, True


def _five_year(writer, year, place):
    """十四五期间: the plan's five years."""
    rng = writer.rng
    span = (date(2021, 1, 1), date(2025, 12, 31))
    measure = rng.choice(MEASURES[3:5])
    body = [f"“十四五”期间,{writer.level(measure, span)}。"]
    return f"{place}“十四五”生态环境保护工作回顾", date(2026, 1, 15), body, True


# Forms a sentence opens with, and the months of the document's year each covers.
_IN_SENTENCE = {
    "上半年": (1, 6),
    "一季度": (1, 3),
    "第三季度": (7, 9),
    "1—5月": (1, 5),
    "1至10月份": (1, 10),
    "1-9月": (1, 9),
    "前三季度": (1, 9),
    "全年": (1, 12),
    "一至五月": (1, 5),
    "1~7月": (1, 7),
    "前5个月": (1, 5),
    "今年1-8月": (1, 8),
    "下半年": (7, 12),
    "四季度": (10, 12),
    "1月1日至6月30日": (1, 6),
}
# Times running to a day near the date line: the day it is published (month, day), and the
# last month counted (None: up to that day).
_TO_NOW = {
    "今年以来": ((8, 26), None),
    "今年截至目前": ((9, 12), None),
    "截至11月底": ((12, 6), 11),
    "截至10月31日": ((11, 8), 10),
}

FORMS = {
    **{w: _in_sentence(w, months) for w, months in _IN_SENTENCE.items()},
    **{w: _since_now(w, *dates) for w, dates in _TO_NOW.items()},
    "本月 (monthly)": _this_month,
    "a month inside the months": _month_inside,
    "carried to the next paragraph": _next_paragraph,
    "与去年同期相比 (said first)": _change_first,
    "较2022年 (a named year)": _year_compared,
    "6月当月 after 1-6月": _month_within,
    "targets of plans": _plan_targets,
    "another year's sentence": _other_year_in_text,
    "year in the closing date only": _closing_date,
    "news: 今年前三季度": _news_opening,
    "去年全年 (a level)": _last_year_said,
    "本周 (weekly)": _weekly,
    "kinds: change wordings": _change_wordings,
    "kinds: days and points": _days_and_points,
    "2023年度": _year_of_account,
    "十四五期间": _five_year,
    "12月 (monthly)": _monthly,
    "carried": _carried,
    "title only": _title_only,
    "date line only": _date_line_only,
    "kinds: target": _annual_target,
    "kinds: targets": _targets,
    "去年同期为": _last_year_level,
    "由上年的…提高到": _from_to,
    "sections by period": _sections,
    "miss: GB 3095-2012": _standard_year,
    "miss: 2025年目标": _plan_year_target,
    "miss: law's date": _law_date,
}


def bulletins(per_form=6, seed=17):
    """``per_form`` invented bulletins of each form, the same every run."""
    cases = []
    for form, make in FORMS.items():
        rng = random.Random(f"{seed}:{form}")  # each form's own: a new form changes no other's
        cases += [_bulletin(rng, form, make) for _ in range(per_form)]
    return cases


def _read(case):
    from evaluation import score_importer
    from importer import pipeline

    kwargs = score_importer.reading_kwargs()
    return pipeline.read(case.text, published=case.published, **kwargs)


def judged(case, document):
    """Per expected figure: (expected, figure or None)."""
    figures = [f for f in document.figures if not f.derived]
    pairs = []
    for expected in case.expected:
        same = [f for f in figures if f.value == expected.value]
        pairs.append((expected, same[0] if same else None))
    return pairs


def right_period(expected, figure):
    return figure is not None and (figure.period_start, figure.period_end) == (
        expected.first,
        expected.last,
    )


def right_kind(expected, figure):
    return figure is not None and figure.kind == expected.kind


def table(cases, show=None):
    rows = {}
    for case in cases:
        document = _read(case)
        row = rows.setdefault(case.form, [0, 0, 0, 0, 0])
        for expected, figure in judged(case, document):
            row[0] += 1
            row[1] += figure is not None
            row[2] += right_period(expected, figure)
            row[3] += right_kind(expected, figure)
            row[4] += right_period(expected, figure) and right_kind(expected, figure)
            if (
                show
                and show in case.form
                and not (right_period(expected, figure) and right_kind(expected, figure))
            ):
                got = (
                    "not found"
                    if figure is None
                    else f"{figure.kind} {figure.period_start}…{figure.period_end}"
                )
                print(
                    f"--- {case.form}: {expected.value} want {expected.kind} "
                    f"{expected.first}…{expected.last}, got {got}\n{case.text}"
                )
    print(f"{'form':<22}{'figures':>8}{'found':>7}{'period':>8}{'kind':>6}{'both':>6}")
    totals = [0] * 5
    for form, row in rows.items():
        print(f"{form:<22}{row[0]:>8}{row[1]:>7}{row[2]:>8}{row[3]:>6}{row[4]:>6}")
        totals = [a + b for a, b in zip(totals, row, strict=True)]
    print(f"{'all':<22}{totals[0]:>8}{totals[1]:>7}{totals[2]:>8}{totals[3]:>6}{totals[4]:>6}")
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print the misses of the forms whose name holds this")
    parser.add_argument("--per-form", type=int, default=6)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    table(bulletins(args.per_form), args.show)


if __name__ == "__main__":
    main()

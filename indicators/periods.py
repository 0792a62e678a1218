"""Periods of figures: their kind (what makes two comparable), their label, their checks.

A figure's period is given by ``period_start``/``period_end`` where the source allows, and
always by ``period_label``, the words of the source (“2023年”, “1—11月”, “截至12月28日”).
"""

import calendar
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ecoportal.localized import english_active

from . import english
from .period_labels import MONTH_RANGE, UP_TO_DAY, WHOLE_YEAR, YEAR_END

UNDATED, AS_OF, SPAN = "undated", "as_of", "span"


@dataclass(frozen=True)
class PeriodKind:
    """The shape of a period regardless of its year: what makes two periods comparable.

    ``end`` is (month, day) with day 0 meaning the end of the month, so that 1—2月 is the same
    kind in a leap year; ``years`` is how many calendar years the period runs over.
    """

    kind: str
    start: tuple | None = None
    end: tuple | None = None
    years: int = 0

    @property
    def is_whole_year(self):
        return self.kind == SPAN and self.start == (1, 1) and self.end == (12, 0) and self.years == 0

    @property
    def label(self):
        if self.kind == UNDATED:
            return _("期间未注明")
        if english_active():
            return self._english_label()
        month, day = self.end
        if self.kind == AS_OF:
            if (month, day) == (12, 0):
                return _("截至年底累计")
            return _("截至%(month)s月%(day)s日累计") % {"month": month, "day": day or _("月底")}
        start_month, start_day = self.start
        if self.years:
            return _("跨%(count)s个年度") % {"count": self.years + 1}
        if self.is_whole_year:
            return _("全年")
        if start_day == 1 and day == 0:
            if start_month == month:
                return _("%(month)s月") % {"month": month}
            return _("%(start)s—%(end)s月") % {"start": start_month, "end": month}
        end_day = day or calendar.monthrange(2001, month)[1]
        return _("%(m1)s月%(d1)s日—%(m2)s月%(d2)s日") % {
            "m1": start_month, "d1": start_day, "m2": month, "d2": end_day,
        }


    def _english_label(self):
        month, day = self.end
        months = english.MONTHS
        if self.kind == AS_OF:
            if (month, day) == (12, 0):
                return "cumulative to the end of the year"
            return f"cumulative to {day or calendar.monthrange(2001, month)[1]} {months[month]}"
        start_month, start_day = self.start
        if self.years:
            return f"across {self.years + 1} years"
        if self.is_whole_year:
            return "whole year"
        if start_day == 1 and day == 0:
            return months[month] if start_month == month else f"{months[start_month]}–{months[month]}"
        end_day = day or calendar.monthrange(2001, month)[1]
        return f"{start_day} {months[start_month]} – {end_day} {months[month]}"


def _month_day(day):
    last = calendar.monthrange(day.year, day.month)[1]
    return (day.month, 0 if day.day == last else day.day)


def period_kind(observation):
    start, end = observation.period_start, observation.period_end
    if end is None:
        return PeriodKind(UNDATED)
    if start is None:
        return PeriodKind(AS_OF, end=_month_day(end))
    return PeriodKind(SPAN, start=(start.month, start.day), end=_month_day(end), years=end.year - start.year)


def _day(value):
    return _("%(year)s年%(month)s月%(day)s日") % {"year": value.year, "month": value.month, "day": value.day}


def period_text(observation):
    """The period as the source names it, with its year when the source leaves it implicit.

    In English: the label's English where its shape is known, else the dates' (never the
    Chinese label: it is in the figure's quote, kept in the original).
    """
    label, end = observation.period_label, observation.period_end
    if english_active():
        return _english_period(observation)
    if label:
        if end and str(end.year) not in label:
            return _("%(label)s（%(year)s年）") % {"label": label, "year": end.year}
        return label
    kind = period_kind(observation)
    if kind.kind == UNDATED:
        return kind.label
    if kind.kind == AS_OF:
        return _("截至%(day)s") % {"day": _day(end)}
    if kind.is_whole_year:
        return _("%(year)s年") % {"year": end.year}
    if kind.years == 0 and kind.start == (1, 1):
        return _("%(year)s年%(kind)s") % {"year": end.year, "kind": kind.label}
    start = observation.period_start
    if kind.start == (1, 1) and kind.end == (12, 0):
        return _("%(start)s—%(end)s年") % {"start": start.year, "end": end.year}
    return f"{_day(start)}—{_day(end)}"


def _english_period(observation):
    label, start, end = observation.period_label, observation.period_start, observation.period_end
    kind = period_kind(observation)
    text = label and english.period_from_label(label, end)
    if not text:
        text = english.period_from_dates(start, end, whole_year=kind.is_whole_year, as_of=kind.kind == AS_OF)
    return text or (_("期间见原句") if label else kind.label)


# Checks of a period as an editor enters it ----------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_SINCE = re.compile(r"以来|至今")


def _iso(day):
    return day.isoformat() if day else ""


def period_problems(label, start, end):
    """What is incoherent in a period, as (field, message) pairs.

    A label may stand alone when the source gives no dates; dates given must say the same as
    the label: its years, its months (1—11月), the day it runs up to (截至12月28日).
    """
    problems = []
    if start and not end:
        problems.append(("period_end", _("只有期间起、没有期间止；累计到某日的数值请只填期间止。")))
    if start and end and start > end:
        problems.append(("period_end", _("期间止不能早于期间起。")))
    if not label or not (start or end):
        return problems
    return problems + [("period_label", message) for message in _label_problems(label, start, end)]


def _label_problems(label, start, end):
    context = {"label": label, "start": _iso(start), "end": _iso(end)}
    years = [int(year) for year in _YEAR.findall(label)]
    if years:
        since = _SINCE.search(label)
        if end and not since and end.year != max(years):
            yield _("期间（原文）“%(label)s”与期间止 %(end)s 的年份不符。") % context
        if start and start.year != min(years):
            yield _("期间（原文）“%(label)s”与期间起 %(start)s 的年份不符。") % context
    whole_year = WHOLE_YEAR.fullmatch(label)
    if whole_year and start and end and (start.month, start.day, end.month, end.day, end.year - start.year) != (1, 1, 12, 31, 0):
        yield _("期间（原文）“%(label)s”是全年，期间应为 %(year)s-01-01 至 %(year)s-12-31。") % {
            **context,
            "year": whole_year["year"],
        }
    months = MONTH_RANGE.search(label)
    if months and 1 <= int(months["first"]) <= int(months["last"]) <= 12:
        first, last = int(months["first"]), int(months["last"])
        if (start and start.month != first) or (end and end.month != last):
            yield _("期间（原文）“%(label)s”是%(first)s月至%(last)s月，与期间 %(start)s—%(end)s 不符。") % {
                **context,
                "first": first,
                "last": last,
            }
    up_to = UP_TO_DAY.search(label)
    if up_to and end:
        month, day = int(up_to["month"]), up_to["day"]
        if end.month != month or (day and end.day != int(day)):
            yield _("期间（原文）“%(label)s”与期间止 %(end)s 不符。") % context
    year_end = YEAR_END.search(label)
    if year_end and end and (end.year, end.month, end.day) != (int(year_end["year"]), 12, 31):
        yield _("期间（原文）“%(label)s”指%(year)s年底，期间止应为%(year)s-12-31。") % {
            **context,
            "year": year_end["year"],
        }

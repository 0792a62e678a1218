"""Public pages of the indicator catalogue: the catalogue, one indicator, its downloads.

Figures come from ``Observation.objects.published()`` only. The indicator page's table is
paginated, newest first; its downloads are the API's (``indicator_download`` redirects there).
"""

import heapq
import itertools
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bulletins.models import Region
from ecoportal.caching.generation import memoize
from ecoportal.caching.paginator import MemoPaginator
from ecoportal.publishing import shows_published_only

from . import history, panels, summaries
from .choices import Category
from .models import Indicator, Observation

TABLE_PAGE_SIZE = 100


def table_rows(indicator):
    """Every published level of ``indicator``, newest first: the table and the downloads (a
    stated change or target stays with its bulletin)."""
    return Observation.objects.filter(indicator=indicator, kind="level").published_in_scope().newest_first()


class TablePaginator(MemoPaginator):
    """An indicator's table, its count and first page from the series summaries.

    Counting an indicator's public levels and sorting them for the first page took 0.5 and
    0.7 s at 1,000,000 figures (PM2.5: 110 series); the summaries hold each series' count and
    newest ``summaries.DEPTH`` levels, among which are the table's first ``DEPTH``. Deeper
    pages are read from the figures (``MemoPaginator``).
    """

    def __init__(self, indicator, per_page):
        self.indicator = indicator
        super().__init__(None, per_page, memo_name=f"indicators:table:{indicator.pk}")

    @property
    def object_list(self):
        """The figures' queryset, made when rows are read: building it (the public rule's
        filters) was a fifth of a request answered from kept values."""
        if self._figures is None:
            self._figures = table_rows(self.indicator).for_table()
        return self._figures

    @object_list.setter
    def object_list(self, value):
        self._figures = value

    def _check_object_list_is_ordered(self):
        # Django's check would make the queryset (newest first, always ordered) on every
        # request, a fifth of a page answered from kept values.
        pass

    @cached_property
    def _summary(self):
        return summaries.table(self.indicator)

    @cached_property
    def count(self):
        return memoize(f"{self.memo_name}:count", lambda: self._summary[0])

    def _read(self, bottom, top):
        if top > summaries.DEPTH:
            return super()._read(bottom, top)
        # Each series' kept levels are newest first: merged, not sorted (PM2.5's 110 series
        # hold 11,000; sorting them all was a quarter of the table's first page).
        merged = heapq.merge(*self._summary[1], key=_newest_first)
        ids = [key[0] for key in itertools.islice(merged, bottom, top)]
        rows = {row.pk: row for row in summaries.with_ids(self.object_list, ids)}
        return [rows[pk] for pk in ids if pk in rows]


def _newest_first(key):
    pk, end, issued = key
    return (end is None, -(end or 0), issued is None, -(issued or 0), -pk)


@shows_published_only
@require_safe
def indicator_list(request):
    """The catalogue, filtered by ``category`` and ``region``; an unknown value of either is
    named on the page and leaves that filter off (never a 500)."""
    category = request.GET.get("category", "")
    region_slug = request.GET.get("region", "")
    unknown = []
    if category and category not in Category.values:
        unknown.append(_("类别“%(value)s”") % {"value": category[:40]})
        category = ""
    # Only a slug's shape reaches the database (PostgreSQL refuses a NUL byte with an error).
    looked_up = region_slug and len(region_slug) <= 50 and slug_re.match(region_slug)
    region = Region.objects.filter(slug=region_slug).first() if looked_up else None
    if region_slug and region is None:
        unknown.append(_("地区“%(value)s”") % {"value": region_slug[:40]})
    key = f"catalogue:{category}:{region.pk if region else ''}"
    return render(
        request,
        "indicators/indicator_list.html",
        {
            # Read only when the page's fragment of the catalogue is not kept.
            "sections": SimpleLazyObject(
                lambda: memoize(f"indicators:{key}", lambda: panels.catalogue(category=category or None, region=region))
            ),
            "fragment_key": key,
            "category": category,
            "category_label": Category(category).label if category else "",
            "region": region,
            "categories": Category.choices,
            "regions": Region.objects.only("slug", "name", "name_en"),
            "unknown": unknown,
            "nav": "indicators",
        },
    )


#: Figures behind the charts of a page as published on a past day (its newest, as they read then).
AS_OF_CHART_ROWS = 200
#: Corrections offered as "before the correction of …" links on an indicator page.
AS_OF_LINKS = 5


def as_of_day(text):
    """The day ``?as_of=YYYY-MM-DD`` names, or None; and whether the text was one."""
    if not text:
        return None, True
    try:
        day = date.fromisoformat(text[:10]) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None or day.year < 1900:
        return None, False
    return day, True


def end_of(day):
    """The last moment of ``day`` in the portal's time zone: the page as it stood that evening."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min)) - timedelta(microseconds=1)


def _as_read_then(rows, indicator):
    """``rows`` (from ``history.as_of``) with the values their versions had then: one query."""
    rows = list(rows)
    for row in rows:
        if row.indicator_id == indicator.pk:
            row.indicator = indicator  # read with the page, not once per row
    return history.with_versions_applied(rows)


def as_of_rows(indicator, moment):
    """The indicator's levels the portal showed at ``moment``, newest first."""
    return history.as_of(Observation.objects.filter(indicator=indicator, kind="level"), moment).newest_first()


def as_of_csv(indicator, day):
    """The API's CSV of the figures as they stood at the end of ``day``."""
    query = urlencode({"indicator": indicator.code, "ordering": "-period_end", "as_of": end_of(day).isoformat(), "format": "csv"})
    return f"{reverse('api:observation-list')}?{query}"


def correction_days(indicator):
    """The days before this indicator's latest corrections: the page as it stood before each."""
    moments = (
        table_rows(indicator).filter(corrected_at__isnull=False).order_by("-corrected_at")
        .values_list("corrected_at", flat=True)[: AS_OF_LINKS * 4]
    )
    days = []
    for moment in moments:
        day = timezone.localdate(moment) - timedelta(days=1)
        if day not in days:
            days.append(day)
    return days[:AS_OF_LINKS]


@shows_published_only
@require_safe
def indicator_detail(request, code):
    """One indicator: what it means, its charts and its table of figures; with ``?as_of=`` a
    day, the charts and the table as they were published at the end of that day (``history``)."""
    # The indicator of a code is kept until the content changes; a code that names none is
    # looked up each time and keeps nothing.
    indicator = memoize(
        f"indicators:detail:{code}",
        lambda: Indicator.objects.published().filter(code=code).first(),
        keep_none=False,
    )
    if indicator is None:
        raise Http404
    day, understood = as_of_day(request.GET.get("as_of", ""))
    today = timezone.localdate()
    if day is not None and day >= today:
        day = None  # today and later: the page as it is
    if day is None:
        paginator = TablePaginator(indicator, TABLE_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        observations = page.object_list
        charts = SimpleLazyObject(
            lambda: memoize(f"indicators:charts:{indicator.pk}", lambda: panels.indicator_charts(indicator))
        )
    else:
        moment = end_of(day)
        page = Paginator(as_of_rows(indicator, moment).for_table(), TABLE_PAGE_SIZE).get_page(request.GET.get("page"))
        observations = _as_read_then(page.object_list, indicator)
        charts = memoize(
            f"indicators:charts:{indicator.pk}:as-of:{day.isoformat()}",
            lambda: panels.indicator_charts(
                indicator, rows=_as_read_then(as_of_rows(indicator, moment).for_charts()[:AS_OF_CHART_ROWS], indicator)
            ),
        )
    # The charts and the correction days are read only when the page's fragment is not kept.
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "charts": charts,
            "page_obj": page,
            "observations": observations,
            "as_of": day,
            "as_of_invalid": not understood,
            "as_of_key": day.isoformat() if day else "",
            "as_of_links": SimpleLazyObject(
                lambda: memoize(f"indicators:as-of-days:{indicator.pk}", lambda: correction_days(indicator))
            ),
            "as_of_csv": as_of_csv(indicator, day) if day else "",
            "query_string": urlencode({"as_of": day.isoformat()}) if day else "",
            "today": today,
            "nav": "indicators",
        },
    )


@shows_published_only
@require_safe
def indicator_download(request, code, format):
    """``/indicators/<code>.csv|.xlsx|.json``: an alias of the API's observations of the indicator.

    Redirected, so that there is one download with one set of columns, CORS, caching headers
    and throttle: ``/api/v1/observations/?indicator=<code>&ordering=-period_end`` (newest
    first, as the table), with ``format=csv`` or ``xlsx``; JSON is the API's paginated list.
    """
    indicator = get_object_or_404(Indicator.objects.published(), code=code)
    query = {"indicator": indicator.code, "ordering": "-period_end"}
    if format != "json":
        query["format"] = format
    return HttpResponseRedirect(f"{reverse('api:observation-list')}?{urlencode(query)}")

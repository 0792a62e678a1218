"""Public pages of the indicator catalogue: the catalogue, one indicator, its downloads.

Figures come from ``Observation.objects.published()`` only. The indicator page's table is
paginated, newest first; the CSV and JSON downloads hold every row of that table, in the same
order, streamed so that memory stays flat however many there are.
"""

import json

from django.core.validators import slug_re
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bulletins.models import Region
from ecoportal.caching.paginator import MemoPaginator
from ecoportal.publishing import shows_published_only

from . import panels
from .choices import Category
from .downloads import CHUNK_SIZE, observations_csv_response
from .models import Indicator, Observation
from .observation_units import NORMALISED_COLUMNS, REPORTED_COLUMNS, indicator_unit, unit_columns

TABLE_PAGE_SIZE = 100
JSON_ROWS_PER_WRITE = 200


def table_rows(indicator):
    """Every published level of ``indicator``, newest first: the table and the downloads (a
    stated change or target stays with its bulletin)."""
    return Observation.objects.filter(indicator=indicator, kind="level").published_in_scope().newest_first()


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
                lambda: panels.memoized(key, lambda: panels.catalogue(category=category or None, region=region))
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


@shows_published_only
@require_safe
def indicator_detail(request, code):
    indicator = get_object_or_404(Indicator.objects.published(), code=code)
    # The table is sorted on the bulletin's date too, which no index serves: its count and
    # each page are read once per content change, not on every request.
    paginator = MemoPaginator(
        table_rows(indicator).for_table(), TABLE_PAGE_SIZE, memo_name=f"indicators:table:{indicator.pk}"
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "charts": panels.memoized(f"charts:{indicator.pk}", lambda: panels.indicator_charts(indicator)),
            "page_obj": page,
            "observations": page.object_list,
            "nav": "indicators",
        },
    )


@shows_published_only
@require_safe
def indicator_csv(request, code):
    indicator = get_object_or_404(Indicator.objects.published(), code=code)
    return observations_csv_response(table_rows(indicator), request=request, filename=f"{indicator.code}.csv")


def json_record(observation, *, bulletin_url):
    """One table row as JSON: the CSV's columns, values as reported, nothing spreadsheet-escaped."""
    columns = unit_columns(observation)
    return {
        "id": observation.pk,
        "indicator": observation.indicator.code,
        "indicator_name": observation.indicator.name,
        "indicator_name_en": observation.indicator.name_en,
        "region": observation.region.slug if observation.region_id else None,
        "period_start": observation.period_start.isoformat() if observation.period_start else None,
        "period_end": observation.period_end.isoformat() if observation.period_end else None,
        "period_label": observation.period_label,
        "value": observation.value_text.replace(",", ""),
        "unit": observation.unit,
        **{key: columns[key] for key in REPORTED_COLUMNS},
        "value_normalised": None if observation.value_normalised is None else str(observation.value_normalised),
        **{key: columns[key] for key in NORMALISED_COLUMNS},
        "qualifier": observation.qualifier,
        "quote": observation.quote,
        "bulletin": observation.bulletin.slug,
        "bulletin_url": bulletin_url,
        "source_url": f"{bulletin_url}#obs-{observation.pk}",
    }


def _json_chunks(indicator, queryset, absolute_url):
    canonical = indicator_unit(indicator)
    head = {
        "indicator": indicator.code, "name": indicator.name, "unit": indicator.unit,
        "unit_code": canonical.code if canonical else None,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "observations": ['
    urls, buffer = {}, []
    rows = queryset.select_related("indicator", "region", "bulletin").only(
        "id", "period_start", "period_end", "period_label", "value", "value_text", "unit",
        "value_normalised", "indicator__unit", "indicator__unit_code", "qualifier", "quote", "indicator__code", "indicator__name",
        "indicator__name_en", "region__slug", "bulletin__slug",
    )
    for index, observation in enumerate(rows.iterator(chunk_size=CHUNK_SIZE)):
        slug = observation.bulletin.slug
        if slug not in urls:
            urls[slug] = absolute_url(observation.bulletin.get_absolute_url())
        record = json.dumps(json_record(observation, bulletin_url=urls[slug]), ensure_ascii=False)
        buffer.append(record if index == 0 else "," + record)
        if len(buffer) >= JSON_ROWS_PER_WRITE:
            yield "".join(buffer)
            buffer = []
    yield "".join(buffer) + "]}"


@shows_published_only
@require_safe
def indicator_json(request, code):
    indicator = get_object_or_404(Indicator.objects.published(), code=code)
    response = StreamingHttpResponse(
        _json_chunks(indicator, table_rows(indicator), request.build_absolute_uri),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{indicator.code}.json")
    return response

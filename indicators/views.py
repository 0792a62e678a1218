"""Public pages of the indicator catalogue: the catalogue, one indicator, its downloads.

Figures come from ``Observation.objects.published()`` only. The indicator page's table is
paginated, newest first; its downloads are the API's (``indicator_download`` redirects there).
"""

from urllib.parse import urlencode

from django.core.validators import slug_re
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bulletins.models import Region
from ecoportal.caching.paginator import MemoPaginator
from ecoportal.publishing import shows_published_only

from . import panels
from .choices import Category
from .models import Indicator, Observation

TABLE_PAGE_SIZE = 100


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

"""The bench's URLconf: the portal's, plus reference views for bench/run.py under /bench/.

Only ``bench.settings`` (which bench/run.py's servers run with) mounts these; the portal's own
URLconf knows nothing of them.

* ``/bench/constant``: a fixed response through the whole middleware stack, the ceiling any
  Django page on this server can reach.
* ``/bench/values``: the API's first page of bulletins written by hand with ``.values()`` and
  ``JsonResponse``: the same queries as ``/api/v1/bulletins/`` (the count and page ids kept
  per content generation, as ``MemoPaginator`` keeps them; the page's rows, their topics),
  without DRF, to show what the framework costs.
"""

from django.db.models import F
from django.http import HttpResponse, JsonResponse
from django.urls import path

from bulletins.models import Bulletin
from ecoportal.caching.generation import memoize
from ecoportal.caching.paginator import MemoPaginator
from ecoportal.urls import urlpatterns as portal_urlpatterns

PAGE_SIZE = 20


def constant(request):
    return HttpResponse(b"constant\n", content_type="text/plain")


def values(request):
    bulletins = Bulletin.objects.published().order_by(
        F("issued_on").desc(nulls_last=True), F("publish_at").desc(nulls_last=True), "-pk"
    )
    # The count and the page's ids kept per content generation, as the API keeps its page.
    count = MemoPaginator(bulletins, PAGE_SIZE, memo_name="bench:values").count
    ids = memoize("bench:values:ids", lambda: list(bulletins.values_list("pk", flat=True)[:PAGE_SIZE]))
    found = {
        row["pk"]: row
        for row in Bulletin.objects.filter(pk__in=ids).values(
            "pk", "slug", "title", "summary", "region__slug", "region_label", "publisher__slug",
            "issued_on", "issued_at_text", "period_start", "period_end", "publish_at",
        )
    }
    rows = [found[pk] for pk in ids if pk in found]
    topics = {}
    for bulletin_id, slug in Bulletin.topics.through.objects.filter(
        bulletin_id__in=[row["pk"] for row in rows]
    ).values_list("bulletin_id", "topic__slug"):
        topics.setdefault(bulletin_id, []).append(slug)
    base = request.build_absolute_uri("/")[:-1]
    results = [
        {
            "url": f"{base}/api/v1/bulletins/{row['slug']}/",
            "page_url": f"{base}/bulletins/{row['slug']}/",
            "slug": row["slug"],
            "title": row["title"],
            "summary": row["summary"],
            "region": row["region__slug"],
            "region_label": row["region_label"],
            "publisher": row["publisher__slug"],
            "topics": topics.get(row["pk"], []),
            "issued_on": row["issued_on"],
            "issued_at_text": row["issued_at_text"],
            "period_start": row["period_start"],
            "period_end": row["period_end"],
            "year": (row["issued_on"] or row["period_end"]).year if row["issued_on"] or row["period_end"] else None,
            "published_at": row["publish_at"],
        }
        for row in rows
    ]
    next_url = f"{base}/bench/values?page=2" if count > PAGE_SIZE else None
    return JsonResponse(
        {"count": count, "next": next_url, "previous": None, "results": results},
        json_dumps_params={"ensure_ascii": False},
    )


urlpatterns = [
    path("bench/constant", constant, name="bench-constant"),
    path("bench/values", values, name="bench-values"),
    *portal_urlpatterns,
]

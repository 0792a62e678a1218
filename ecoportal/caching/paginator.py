"""A paginator for long public lists whose cost per page does not grow with the list.

Django's ``Paginator`` counts every matching row on every page and reads page *n* with
``OFFSET (n-1)·size``, which makes the database walk past all earlier rows: at 100,000
bulletins both grow to tens of milliseconds. ``GenerationPaginator`` keeps page numbers (links,
templates and bookmarks stay as they are) and instead:

* computes the count once per content generation (``memoize``), i.e. again only after a change;
* reads the first ``offset_pages`` pages with OFFSET, which is cheap that close to the start;
* reads deeper pages by *seeking*: the sort key of the first row of every page is computed once
  per generation (one window-function query, kept in the cache in chunks), and a page is then
  read with a few index range queries starting from its first row, whatever its depth.

It serves lists ordered by ``(-issued_on, -publish_at, -id)`` (the bulletin order): descending
on all three keys, in the database's own placement of unknown (NULL) issue dates, which is
first on PostgreSQL and last on SQLite, exactly as the OFFSET pages see them. ``publish_at`` is
never NULL for a published row. Without a shared cache (development, tests) it behaves like
Django's ``Paginator``.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import F, Window
from django.db.models.functions import Mod, RowNumber
from django.utils.functional import cached_property

from .generation import memo_key, memoize, page_cache

ORDERING = ("-issued_on", "-publish_at", "-id")
BOUNDS_PER_CHUNK = 200


class GenerationPaginator(Paginator):
    #: Pages read with OFFSET; past them, pages are read by seeking.
    offset_pages = 50

    def __init__(self, object_list, per_page, *, memo_name, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.memo_name = memo_name

    @cached_property
    def count(self):
        return memoize(f"{self.memo_name}:count", self.object_list.count)

    def page(self, number):
        number = self.validate_number(number)
        if number <= self.offset_pages or not self._can_seek():
            return super().page(number)
        boundary = self._boundary(number)
        if boundary is None:
            return super().page(number)
        ids = self._seek(boundary)
        rows = list(self.object_list.filter(pk__in=ids))
        return self._get_page(rows, number, self)

    def _can_seek(self):
        query = self.object_list.query
        ordering = tuple(query.order_by) or tuple(self.object_list.model._meta.ordering)
        return settings.PAGE_CACHE_MEMO_ENABLED and ordering == ORDERING and not query.distinct

    def _boundary(self, number):
        """The sort key of the first row of page ``number``, from the cached boundaries."""
        chunk, index = divmod(number - 1, BOUNDS_PER_CHUNK)
        key = memo_key(f"{self.memo_name}:bounds:{self.per_page}:{chunk}")
        if key is None:
            return None
        cache = page_cache()
        bounds = cache.get(key)
        if bounds is None:
            chunks = self._compute_bounds()
            cache.set_many(
                {
                    memo_key(f"{self.memo_name}:bounds:{self.per_page}:{n}"): value
                    for n, value in enumerate(chunks)
                },
                settings.PAGE_CACHE_TIMEOUT,
            )
            bounds = chunks[chunk] if chunk < len(chunks) else []
        return bounds[index] if index < len(bounds) else None

    def _compute_bounds(self):
        """Sort keys of rows 1, 1+size, 1+2·size…, in one query, cut into chunks."""
        order = [F("issued_on").desc(), F("publish_at").desc(), F("pk").desc()]
        rows = (
            self.object_list.order_by()
            .annotate(_row=Window(RowNumber(), order_by=order))
            .annotate(_first=Mod(F("_row") - 1, self.per_page))
            .filter(_first=0)
            .order_by("_row")
            .values_list("issued_on", "publish_at", "pk")
        )
        bounds = list(rows)
        return [bounds[i : i + BOUNDS_PER_CHUNK] for i in range(0, len(bounds), BOUNDS_PER_CHUNK)] or [[]]

    def _seek(self, boundary):
        """Ids of the page starting at ``boundary``: index ranges, in list order.

        The rows at or after the boundary are, in order: same issue date and publish time with
        an id not above it; same issue date, earlier publish time; earlier issue dates; then,
        where the database puts unknown dates last, those. Each part is one query limited to a
        page, so the number of queries is fixed and none walks past earlier rows.
        """
        issued_on, publish_at, pk = boundary
        base = self.object_list.values_list("pk", flat=True)
        nulls_first = connections[self.object_list.db].features.nulls_order_largest
        if issued_on is not None:
            parts = [
                base.filter(issued_on=issued_on, publish_at=publish_at, pk__lte=pk),
                base.filter(issued_on=issued_on, publish_at__lt=publish_at),
                base.filter(issued_on__lt=issued_on),
            ]
            if not nulls_first:
                parts.append(base.filter(issued_on__isnull=True))
        else:
            parts = [
                base.filter(issued_on__isnull=True, publish_at=publish_at, pk__lte=pk),
                base.filter(issued_on__isnull=True, publish_at__lt=publish_at),
            ]
            if nulls_first:
                parts.append(base.filter(issued_on__isnull=False))
        ids = []
        for part in parts:
            ids.extend(part[: self.per_page])
        return ids[: self.per_page]


"""A paginator for long public lists whose cost per page does not grow with the list.

Django's ``Paginator`` counts every matching row on every page and reads page *n* with
``OFFSET (n-1)·size``, which makes the database walk past all earlier rows: at 100,000
bulletins both grow to tens of milliseconds. ``GenerationPaginator`` keeps page numbers (links,
templates and bookmarks stay as they are) and instead:

* computes the count once per content generation (``memoize``), i.e. again only after a change;
* reads the first ``offset_pages`` pages from the top of the list's index with a short OFFSET;
* reads deeper pages by *seeking*: the sort key of the first row of every page is computed once
  per generation (one window-function query, kept in the cache in chunks), and a page is then
  read with a few index range queries starting from its first row, whatever its depth.

Pages are first read as ids with such range queries, then the rows of those ids are loaded
with the list's own queryset (ordering, ``select_related``, prefetches). A list that shows each
row the same way on every page (a card, an API item) passes ``shown``: the page then holds
those representations, each kept per row until the content changes, and only the rows whose
representation is not kept are read at all.

It serves lists ordered by ``(-issued_on, -publish_at, -id)`` (the bulletin order): descending
on all three keys, in the database's own placement of unknown (NULL) issue dates, which is
first on PostgreSQL and last on SQLite, exactly as Django's OFFSET pages see them.
``publish_at`` is never NULL for a published row. SQLite, which keeps no statistics unless
told to, prefers the ``(status, publish_at)`` index for the public filter and then sorts every
published row (100 ms at 20,000 bulletins); there the range queries name the list's order
index (``INDEXED BY``) and read only the rows of the page. Without a shared cache (development,
tests) counts and deep pages are computed at each request, from the same index.
"""

from collections.abc import Callable, Sequence
from datetime import UTC, date
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import F, OrderBy, Window
from django.db.models.functions import Mod, RowNumber
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import cached_property

from .generation import compute_once, memo_key, memoize, memoize_by_id, page_cache

ORDERING = ("-issued_on", "-publish_at", "-id")
BOUNDS_PER_CHUNK = 200


class Shown(NamedTuple):
    """How a list shows each of its rows, whatever the page: e.g. a bulletin's card."""

    #: The memo name of the representation of the row with this id (with all it depends on).
    name: Callable[[int], str]
    #: Rows → their representations, in the same order.
    represent: Callable[[list], list[Any]]


class _Deferred(Sequence):
    """A sequence made by ``make()`` when it is first used."""

    def __init__(self, make):
        self._make = make

    @cached_property
    def _items(self):
        return self._make()

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        return self._items[index]

    def __iter__(self):
        return iter(self._items)


class GenerationPaginator(Paginator):
    #: Pages read from the top of the index with OFFSET; past them, pages are read by seeking.
    offset_pages = 50

    def __init__(self, object_list, per_page, *, memo_name, shown=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.memo_name = memo_name
        self.shown = shown

    @cached_property
    def count(self):
        return memoize(self.count_name, self.object_list.count)

    @property
    def count_name(self):
        return f"{self.memo_name}:count"

    @staticmethod
    def likely_number(number):
        """The page that ``number`` as asked for most likely is (before the count is known)."""
        try:
            return max(int(number), 1)
        except (TypeError, ValueError):
            return 1

    def memo_names(self, number):
        """The names of the values kept for page ``number`` (as asked for), for ``prefetch``."""
        number = self.likely_number(number)
        rows_kept = self.shown is None and not self._ordered_by_the_index()
        return [self.count_name, self._rows_name(number) if rows_kept else self._ids_name(number)]

    def page(self, number):
        number = self.validate_number(number)
        if not self._ordered_by_the_index():
            # No index to seek through in another order (the API's figures, an indicator's
            # table): each page is read once per content change.
            page = super().page(number)
            if self.shown is None:
                rows = page.object_list
                page.object_list = _Deferred(lambda: memoize(self._rows_name(number), lambda: list(rows)))
            else:
                read = {}  # the page's rows when its ids are read now: not read twice

                def read_ids():
                    read.update((row.pk, row) for row in page.object_list)
                    return list(read)

                ids = memoize(self._ids_name(number), read_ids)
                page.object_list = self._items(ids, lambda wanted: read.values() if read else self._rows(wanted))
            return page
        # Made when first used: a page whose markup is kept needs neither its ids nor its items.
        return self._get_page(_Deferred(lambda: self._items(self.page_ids(number), self._rows)), number, self)

    def _items(self, ids, read):
        """The page's items for ``ids``: the rows ``read(ids)`` gives, in order, or with ``shown``
        their representations, of which only those not kept are made (from rows read then)."""

        def in_order(wanted):
            found = {row.pk: row for row in read(wanted)} if wanted else {}
            return [found[pk] for pk in wanted if pk in found]

        if self.shown is None:
            return in_order(ids)

        def represent(missing):
            rows = in_order(missing)
            return dict(zip([row.pk for row in rows], self.shown.represent(rows), strict=True))

        return memoize_by_id(ids, name=self.shown.name, compute=represent)

    def page_ids(self, number):
        """The ids of page ``number`` (a valid one), in list order; the list is ordered by the index.

        Kept until the content changes, like the count: a page read again costs no query.
        """
        return memoize(self._ids_name(number), lambda: self._read_page_ids(number))

    def _ids_name(self, number):
        return f"{self.memo_name}:ids:{self.per_page}:{number}"

    def _rows_name(self, number):
        return f"{self.memo_name}:page:{self.per_page}:{number}"

    def _read_page_ids(self, number):
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        size = max(top - bottom, 0)
        boundary = self._boundary(number) if number > self.offset_pages else None
        return self._seek(boundary, size) if boundary is not None else self._from_top(bottom, size)

    def _rows(self, ids):
        """The rows of ``ids`` with the list's ``select_related``, fields and prefetches.

        The ids were read from the list's own queryset just before, so its filter (the public
        rule) has already chosen them; repeating it here made SQLite, which has no statistics,
        walk the ``(status, publish_at)`` index over every published row instead of looking up
        twenty ids. The ids are in list order: no ORDER BY either.
        """
        source = self.object_list
        if source.query.annotations:
            return source.filter(pk__in=ids).order_by()
        rows = source.model._base_manager.using(source.db).filter(pk__in=ids).order_by()
        rows.query.select_related = source.query.select_related
        rows.query.deferred_loading = source.query.deferred_loading
        return rows.prefetch_related(*source._prefetch_related_lookups)

    # The list's order and index ---------------------------------------------------------------

    def _ordered_by_the_index(self):
        query = self.object_list.query
        ordering = tuple(query.order_by) or tuple(self.object_list.model._meta.ordering)
        if ordering != ORDERING and not self._same_order(ordering):
            return False
        return not query.distinct and self._order_index is not None

    def _same_order(self, ordering):
        """``ordering`` gives the rows in the list's order: e.g. the API's "unknown dates last".

        ``F(...).desc(nulls_last=True)`` is plain descending order where the database puts NULLs
        last by itself (SQLite); on PostgreSQL it is another order, which this paginator leaves
        to the plain ``Paginator`` (with the memoised count).
        """
        if self._connection.features.nulls_order_largest:
            return False
        names = []
        for item in ordering:
            if isinstance(item, str):
                names.append(item)
            elif isinstance(item, OrderBy) and isinstance(item.expression, F) and item.descending and not item.nulls_first:
                names.append(f"-{item.expression.name}")
            else:
                return False
        return tuple(name.replace("-pk", "-id") for name in names) == ORDERING

    @cached_property
    def _order_index(self):
        fields = list(ORDERING)
        for index in self.object_list.model._meta.indexes:
            if list(index.fields) == fields:
                return index.name
        return None

    @cached_property
    def _connection(self):
        return connections[self.object_list.db]

    def _fetch(self, queryset):
        """Rows of ``queryset`` (a ``values_list``); on SQLite read through the order index."""
        connection = self._connection
        if connection.vendor != "sqlite":
            return list(queryset)
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
        table = connection.ops.quote_name(self.object_list.model._meta.db_table)
        hint = f"FROM {table} INDEXED BY {connection.ops.quote_name(self._order_index)}"
        if f"FROM {table}" not in sql:
            return list(queryset)
        with connection.cursor() as cursor:
            cursor.execute(sql.replace(f"FROM {table}", hint, 1), params)
            return cursor.fetchall()

    def _ids(self, queryset, start, stop):
        if stop <= start:
            return []
        try:
            return [row[0] for row in self._fetch(queryset.values_list("pk")[start:stop])]
        except EmptyResultSet:  # a filter that can match nothing, found out while compiling
            return []

    # Reading a page -----------------------------------------------------------------------------

    def _from_top(self, bottom, size):
        """Ids of rows ``bottom`` to ``bottom + size`` of the list.

        PostgreSQL reads them from the order index by itself. SQLite is given the dated rows as
        an index range, then the undated ones, which it puts last.
        """
        base = self.object_list
        if self._connection.vendor != "sqlite":
            return self._ids(base, bottom, bottom + size)
        dated = base.filter(issued_on__lte=date.max)  # all known dates, as an index range
        undated = base.filter(issued_on__isnull=True)
        ids = self._ids(dated, bottom, bottom + size)
        if len(ids) < size:
            skip = 0 if ids else bottom - dated.count()
            ids += self._ids(undated, skip, skip + size - len(ids))
        return ids

    def _seek(self, boundary, size):
        """Ids of the page starting at ``boundary``: index ranges, in list order.

        The rows at or after the boundary are, in order: same issue date and publish time with
        an id not above it; same issue date, earlier publish time; earlier issue dates; then,
        where the database puts unknown dates last, those. Each part is one query limited to a
        page, so the number of queries is fixed and none walks past earlier rows.
        """
        issued_on, publish_at, pk = boundary
        base = self.object_list
        nulls_first = self._connection.features.nulls_order_largest
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
                parts.append(base.filter(issued_on__lte=date.max))
        ids = []
        for part in parts:
            if len(ids) < size:
                ids += self._ids(part, 0, size - len(ids))
        return ids

    # Page boundaries, once per content generation ---------------------------------------------

    def _bounds_key(self, chunk):
        return memo_key(f"{self.memo_name}:bounds:{self.per_page}:{chunk}")

    def _boundary(self, number):
        """The sort key of the first row of page ``number``, or None without a shared cache."""
        chunk, index = divmod(number - 1, BOUNDS_PER_CHUNK)
        key = self._bounds_key(chunk)
        if key is None:
            return None
        cache = page_cache()
        stored = cache.get(key)
        if stored is not None:
            bounds = stored[0]
        else:

            def compute():
                chunks = self._compute_bounds()
                cache.set_many(
                    {self._bounds_key(n): (value,) for n, value in enumerate(chunks)}, settings.PAGE_CACHE_TIMEOUT
                )
                return chunks[chunk] if chunk < len(chunks) else []

            bounds = compute_once(key, compute)
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
        bounds = [_typed(row) for row in self._fetch(rows)]
        return [bounds[i : i + BOUNDS_PER_CHUNK] for i in range(0, len(bounds), BOUNDS_PER_CHUNK)] or [[]]


def _typed(row):
    """A key as the ORM gives it; SQLite's cursor returns text or naive datetimes, in UTC."""
    issued_on, publish_at, pk = row
    if isinstance(issued_on, str):
        issued_on = parse_date(issued_on)
    if isinstance(publish_at, str):
        publish_at = parse_datetime(publish_at)
    if publish_at.tzinfo is None:
        publish_at = publish_at.replace(tzinfo=UTC)
    return issued_on, publish_at, pk

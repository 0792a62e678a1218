"""The API's bulletin list in its default order, read through the order index."""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.expressions import RawSQL

from bulletins.querysets import NEWEST_FIRST, ORDER_INDEX_FIELDS, PUBLIC_COUNT, through_order_index
from ecoportal.api.pagination import MemoPagination
from ecoportal.caching.paginator import MemoPaginator


class NewestFirstPaginator(MemoPaginator):
    """Pages of public bulletins in ``NEWEST_FIRST`` order, each in one query as before.

    Written with NULLS LAST, that order matches no index as the database sees it: SQLite took
    the public filter's index and sorted every public bulletin for one page (1.05 s of CPU at
    100,000 bulletins), PostgreSQL's DESC index lists NULLs first and it sorted them too. The
    dated bulletins come first, in the order of ``bulletin_order_idx``; so the page's ids are
    chosen among them through that index (SQLite is told to use it), in a subquery, and the
    undated ones are read after them only on the page where the dated ones run out.
    """

    def _read(self, bottom, top):
        queryset = self.object_list.filter(publish_at__isnull=False)  # what ``published()`` says already
        dated = queryset.filter(issued_on__isnull=False)
        rows = list(queryset.filter(pk__in=self._page_ids(dated, bottom, top)))
        wanted = min(top, self.count) - bottom
        if len(rows) >= wanted:
            return rows
        # The dated bulletins end before this page does: the undated ones follow, newest first.
        skip = 0 if rows else bottom - dated.count()
        undated = queryset.filter(issued_on__isnull=True).order_by(*ORDER_INDEX_FIELDS[1:])
        return rows + list(undated[skip : skip + wanted - len(rows)])

    def _page_ids(self, dated, bottom, top):
        ids = dated.order_by(*ORDER_INDEX_FIELDS).values("pk")[bottom:top]
        connection = connections[dated.db]
        if connection.vendor != "sqlite":
            return ids
        try:
            return RawSQL(*through_order_index(ids))
        except EmptyResultSet:
            return []


class BulletinPagination(MemoPagination):
    """``NewestFirstPaginator`` for the default order; a search (``q``), which orders its own
    matches, and any other ordering are paginated as before."""

    def count_name(self, queryset):
        return PUBLIC_COUNT if self.unfiltered() else None

    def memo_paginator(self, queryset):
        if "q" not in self.request.query_params and tuple(queryset.query.order_by) == NEWEST_FIRST:
            return NewestFirstPaginator
        return MemoPaginator

"""Searching bulletins: the one entry point for the search page and the API's ``q`` filter.

``search_bulletins(query, queryset=...)`` returns ``SearchResults``: the matching bulletins, best
match first, as a lazy list that a ``Paginator`` can count and slice; each bulletin of a slice
carries ``search_rank``, ``search_title`` and ``search_snippet`` (the title and best passage with
the query's words marked, safe HTML). ``SearchResults.queryset`` is the same bulletins as a plain,
unordered queryset, for callers that filter and order further (the API).

Whatever queryset a caller passes, only published bulletins are ever found: ``published()`` is
applied here too, so a search can never be the surface that leaks a draft.

The SQL starts from the full-text index and checks each match against the caller's queryset by
its primary key (a correlated ``EXISTS``), so the cost follows the number of matches, not the
number of bulletins; ranking and counting happen in the same pass, which also serves the first
page.
"""

from django.db import connection
from django.db.models.expressions import RawSQL

from bulletins.models import AchievementItem, Bulletin

from .backends import get_backend
from .text import QueryError, SearchQuery, parse_query

__all__ = ["QueryError", "SearchQuery", "SearchResults", "add_snippets", "parse_query", "search_bulletins"]


def search_bulletins(query, *, queryset=None):
    """Published bulletins matching ``query`` (text or ``SearchQuery``), best first.

    ``queryset`` narrows the search (filters, ``select_related``); it defaults to every
    bulletin. Raises ``QueryError`` for a query that is too long. A query without any letter or
    digit finds nothing.
    """
    if not isinstance(query, SearchQuery):
        query = parse_query(query)
    if queryset is None:
        queryset = Bulletin.objects.all()
    return SearchResults(query, queryset.published())


class SearchResults:
    """The bulletins matching a query, best first; evaluated slice by slice."""

    def __init__(self, query, queryset, *, first_page_size=20):
        self.query = query
        self.base = queryset
        self.backend = get_backend()
        self.first_page_size = first_page_size
        self._count = None
        self._first_page = None

    @property
    def queryset(self):
        """The matching bulletins as a queryset, unordered by relevance."""
        if not self.query:
            return self.base.none()
        match_sql, match_params = self.backend.match(self.query)
        ids = f"SELECT {self.backend.id_column} FROM {self.backend.table} WHERE {match_sql}"
        return self.base.filter(pk__in=RawSQL(ids, match_params))

    def _searchable(self):
        return bool(self.query) and not self.base.query.is_empty()

    def ranked_sql(self, offset=0, limit=None):
        """SQL selecting (bulletin id, score, number of matches) from ``offset``, best first.

        ``SELECT … FROM <index> WHERE <match> AND EXISTS (<caller's queryset, this row>)``: the
        database starts from its full-text index and looks each match up by primary key.
        """
        table, id_column = self.backend.table, self.backend.id_column
        score_sql, score_params = self.backend.score(self.query)
        match_sql, match_params = self.backend.match(self.query)
        this_row = RawSQL(f"{table}.{id_column}", ())
        base = self.base.filter(pk=this_row).order_by().values("pk")
        base_sql, base_params = base.query.sql_with_params()
        high = None if limit is None else offset + limit
        # The score is taken in an inner query: SQLite allows bm25() only in the full-text
        # query itself, not where the window function is computed.
        return (
            f"SELECT id, score, COUNT(*) OVER () FROM ("
            f"SELECT {table}.{id_column} AS id, {score_sql} AS score FROM {table} "
            f"WHERE {match_sql} AND EXISTS ({base_sql})) matches "
            f"ORDER BY score DESC, id DESC {connection.ops.limit_offset_sql(offset, high)}",
            (*score_params, *match_params, *base_params),
        )

    def ranked_ids(self, offset=0, limit=None):
        """[(bulletin id, score)] of the matches from ``offset``, best first.

        The same pass counts every match: the count is kept for ``count()``.
        """
        if not self._searchable():
            self._count = 0
            return []
        with connection.cursor() as cursor:
            cursor.execute(*self.ranked_sql(offset, limit))
            rows = cursor.fetchall()
        if rows:
            self._count = rows[0][2]
        elif offset == 0:
            self._count = 0
        return [(bulletin_id, score) for bulletin_id, score, _ in rows]

    def count(self):
        """Number of matches. Found with the first page, which is what a reader sees next."""
        if self._count is None:
            self._first_page = self.ranked_ids(0, self.first_page_size)
            if self._count is None:  # pragma: no cover - offset 0 always sets it
                self._count = 0
        return self._count

    def __len__(self):
        return self.count()

    def __bool__(self):
        return self.count() > 0

    def __getitem__(self, key):
        if isinstance(key, int):
            results = self[key : key + 1]
            if not results:
                raise IndexError("search result index out of range")
            return results[0]
        if key.step is not None or (key.start or 0) < 0 or (key.stop is not None and key.stop < 0):
            raise ValueError("SearchResults supports only slices with non-negative bounds.")
        start = key.start or 0
        limit = None if key.stop is None else max(0, key.stop - start)
        if limit == 0:
            return []
        first = self._first_page
        if first is not None and (len(first) < self.first_page_size or (limit is not None and start + limit <= len(first))):
            # Within the first page fetched by count(), or every match was in it.
            ranked = first[start : None if limit is None else start + limit]
        else:
            ranked = self.ranked_ids(start, limit)
        bulletins = self.base.in_bulk([bulletin_id for bulletin_id, _ in ranked])
        page = []
        for bulletin_id, score in ranked:
            bulletin = bulletins[bulletin_id]
            bulletin.search_rank = score
            page.append(bulletin)
        return add_snippets(page, self.query)

    def __iter__(self):
        return iter(self[:])


def add_snippets(bulletins, query):
    """Set ``search_title`` and ``search_snippet`` (safe HTML) on each bulletin; returns them."""
    if not isinstance(query, SearchQuery):
        query = parse_query(query)
    bulletins = list(bulletins)
    items = {}
    for item in AchievementItem.objects.filter(
        achievement_list__bulletin__in=[bulletin.pk for bulletin in bulletins]
    ).select_related("achievement_list"):
        items.setdefault(item.achievement_list.bulletin_id, []).append(f"{item.title}：{item.body}")
    highlighter = query.highlighter()
    for bulletin in bulletins:
        bulletin.search_title = highlighter.mark(bulletin.title)
        bulletin.search_snippet = highlighter.snippet(
            [bulletin.summary, bulletin.body, *items.get(bulletin.pk, [])]
        )
    return bulletins

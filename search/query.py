"""Searching bulletins: the one entry point for the search page and the API's ``q`` filter.

``search_bulletins(query, queryset=...)`` returns ``SearchResults``: the matching bulletins, best
match first, as a lazy list that a ``Paginator`` can count and slice; each bulletin of a slice
carries ``search_rank``, ``search_title`` and ``search_snippet`` (the title and best passage with
the query's words marked, safe HTML). ``SearchResults.queryset`` is the same bulletins as a plain,
unordered queryset, for callers that filter and order further (the API).

Whatever queryset a caller passes, only published bulletins are ever found: ``published()`` is
applied here too, so a search can never be the surface that leaks a draft.

The SQL starts from the full-text index (a materialised ``matches`` step: FTS5 ``MATCH`` or
``@@`` on the GIN index, scored there), checks each match against the caller's queryset by its
primary key (a correlated ``EXISTS``), and ranks and counts only those, in the same pass that
brings the page the reader asked for; the page's bulletins are then read by primary key
through the same queryset. The cost follows the number of matches, not of bulletins.
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
    """The bulletins matching a query, best first; evaluated slice by slice.

    Every query for rows also counts the matches and brings the first page, so that a results
    page costs one query when the reader asks for an existing page (``want_page`` tells which)
    and the same number of queries whatever the number of matches.
    """

    def __init__(self, query, queryset, *, page_size=20):
        self.query = query
        self.base = queryset
        self.backend = get_backend()
        self.page_size = page_size
        self._count = None
        self._rows = {}  # position (0-based) → (bulletin id, score)
        self._wanted = (0, page_size)

    def want_page(self, number):
        """The page (1-based) the reader asked for: fetched together with the count."""
        self._wanted = ((max(1, number) - 1) * self.page_size, self.page_size)

    @property
    def queryset(self):
        """The matching bulletins as a queryset, unordered by relevance."""
        if not self.query:
            return self.base.none()
        matches_sql, matches_params = self.backend.matches(self.query)
        return self.base.filter(pk__in=RawSQL(f"SELECT id FROM ({matches_sql}) matches", matches_params))

    @property
    def ranked_queryset(self):
        """The matching bulletins as a queryset, best first as on the search page.

        Each row carries ``search_rank``, the same score that ranks the page (ties: newest id
        first), so that a queryset-based caller (the API's pagination) gets the same order.
        """
        if not self.query:
            return self.base.none()
        rank_sql, rank_params = self.backend.score_of(self.query, f"{Bulletin._meta.db_table}.id")
        return self.queryset.annotate(search_rank=RawSQL(rank_sql, rank_params)).order_by(
            "-search_rank", "-pk"
        )

    def _searchable(self):
        return bool(self.query) and not self.base.query.is_empty()

    def ranked_sql(self, offset=0, limit=None):
        """SQL selecting (bulletin id, score, number of matches, position) best first: the rows
        from ``offset`` (``limit`` of them, or all) and those of the first page.

        ``matches`` is the backend's ``SELECT id, score`` of the index's matches, materialised
        so that the database answers it from its full-text index alone, whatever it estimates
        for the rest; each match is then looked up by primary key in the caller's queryset (``EXISTS``)
        before it is counted and ranked. The score is taken in ``matches`` because SQLite allows
        bm25() only in the full-text query itself, not where window functions are computed.
        """
        matches_sql, matches_params = self.backend.matches(self.query)
        this_row = RawSQL("matches.id", ())
        base = self.base.filter(pk=this_row).order_by().values("pk")
        base_sql, base_params = base.query.sql_with_params()
        window = "" if limit is None else " AND position <= %s"
        sql = (
            f"WITH matches AS {self.backend.materialized}({matches_sql}) "
            "SELECT id, score, total, position FROM ("
            "SELECT id, score, COUNT(*) OVER () AS total, "
            "ROW_NUMBER() OVER (ORDER BY score DESC, id DESC) AS position "
            f"FROM matches WHERE EXISTS ({base_sql})) ranked "
            f"WHERE position <= %s OR (position > %s{window}) ORDER BY position"
        )
        params = [*matches_params, *base_params, self.page_size, offset]
        if limit is not None:
            params.append(offset + limit)
        return sql, tuple(params)

    def _fetch(self, offset, limit):
        with connection.cursor() as cursor:
            cursor.execute(*self.ranked_sql(offset, limit))
            rows = cursor.fetchall()
        self._count = rows[0][2] if rows else 0
        for bulletin_id, score, _, position in rows:
            self._rows[position - 1] = (bulletin_id, score)

    def count(self):
        if self._count is None:
            if self._searchable():
                self._fetch(*self._wanted)
            else:
                self._count = 0
        return self._count

    def __len__(self):
        return self.count()

    def __bool__(self):
        return self.count() > 0

    def ranked_ids(self, offset=0, limit=None):
        """[(bulletin id, score)] of the matches from ``offset``, best first."""
        if not self._searchable():
            return []
        stop = None if limit is None else offset + limit
        if self._count is None or any(
            position not in self._rows for position in range(offset, min(stop or self._count, self._count))
        ):
            self._fetch(offset, limit)
        end = self._count if stop is None else min(stop, self._count)
        return [self._rows[position] for position in range(offset, end)]

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

"""Searching bulletins: the one entry point for the search page and the API's ``q`` filter.

``search_bulletins(query, queryset=...)`` returns ``SearchResults``: the matching bulletins, best
match first, as a lazy list that a ``Paginator`` can count and slice; each bulletin of a slice
carries ``search_rank``, ``search_title`` and ``search_snippet`` (the title and best passage with
the query's words marked, safe HTML). ``SearchResults.queryset`` is the same bulletins as a plain,
unordered queryset, for callers that filter and order further (the API).

Whatever queryset a caller passes, only published bulletins are ever found: ``published()`` is
applied here too, so a search can never be the surface that leaks a draft.

Ranking costs the same for any number of matches: only the ``SEARCH_RANK_LIMIT`` (1,000) newest
matches are scored and ranked. The index gives its matches newest first (FTS5 by rowid, which is
the bulletin's id), each is checked against the caller's queryset by primary key (``EXISTS``),
and the reading stops after one more than the limit. With no more matches than that, every match
is ranked and counted exactly, best first (ties: newest first); with more, the results are those
newest ones, best first, and their number is a lower bound (``count_is_estimate``). The ranking
of a query and its filters is kept per content generation when the caller names it
(``memo_name``). The page's bulletins are then read by primary key.

The API keeps an exact ``count`` (``ranked_queryset``): it counts the matches that pass the
check without scoring any, and after the ranked ones it lists the older matches newest first,
so that every match is on some page.
"""

from django.conf import settings
from django.db import connection
from django.db.models import Case, F, FloatField, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from bulletins.models import AchievementItem, Bulletin
from ecoportal.caching.generation import memoize

from .backends import get_backend
from .text import QueryError, SearchQuery, parse_query

__all__ = ["QueryError", "SearchQuery", "SearchResults", "add_snippets", "parse_query", "search_bulletins"]

#: How many of the newest matches are ranked by relevance (``settings.SEARCH_RANK_LIMIT``).
RANK_LIMIT = 1000


def rank_limit():
    return getattr(settings, "SEARCH_RANK_LIMIT", RANK_LIMIT)


def search_bulletins(query, *, queryset=None, memo_name=None):
    """Published bulletins matching ``query`` (text or ``SearchQuery``), best first.

    ``queryset`` narrows the search (filters, ``select_related``); it defaults to every
    bulletin. ``memo_name`` names those filters (``queryset`` must depend on nothing else): the
    ranking is then kept until the content changes. Raises ``QueryError`` for a query that is
    too long. A query without any letter or digit finds nothing.
    """
    if not isinstance(query, SearchQuery):
        query = parse_query(query)
    if queryset is None:
        queryset = Bulletin.objects.all()
    return SearchResults(query, queryset.published(), memo_name=memo_name)


class SearchResults:
    """The bulletins matching a query, best first; evaluated slice by slice.

    ``count()`` is the number of ranked results (all matches, or the ``limit`` newest of them
    when ``count_is_estimate``); slices beyond them are empty. One query ranks them, whatever
    the page; none when the ranking is kept.
    """

    def __init__(self, query, queryset, *, limit=None, memo_name=None):
        self.query = query
        self.base = queryset
        self.backend = get_backend()
        self.limit = limit if limit is not None else rank_limit()
        self.memo_name = memo_name
        self._ranking = None
        self._exact_count = None

    @property
    def queryset(self):
        """The matching bulletins as a queryset, unordered by relevance."""
        if not self.query:
            return self.base.none()
        matches_sql, matches_params = self.backend.matches(self.query)
        return self.base.filter(pk__in=RawSQL(f"SELECT id FROM ({matches_sql}) matches", matches_params))

    @property
    def ranked_queryset(self):
        """Every matching bulletin, the ranked ones first (best first), then the older matches,
        newest first; ``count()`` is exact. Sliced and counted as it is (by a paginator), it
        reads only the page's rows; a queryset made from it orders them in SQL the same way."""
        if not self._searchable():
            return self.base.none()
        ranked = RankedQuerySet(model=self.base.model, query=self.queryset.query.chain(), using=self.base.db)
        ranked.query.clear_ordering(force=True)
        ranked.query.add_ordering("-pk")
        ranked.search = self
        return ranked

    def ordered_queryset(self):
        """``ranked_queryset`` ordered in SQL: each ranked bulletin's score is given to it by id."""
        ranked = self.ranking()[0]
        score = Case(*(When(pk=pk, then=Value(value)) for pk, value in ranked), default=None, output_field=FloatField())
        return self.queryset.annotate(search_rank=score).order_by(F("search_rank").desc(nulls_last=True), "-pk")

    def _searchable(self):
        return bool(self.query) and not self.base.query.is_empty()

    def _check(self):
        """SQL and params of the caller's queryset narrowed to the match ``matches.id``."""
        check = self.base.filter(pk=RawSQL("matches.id", ())).order_by().values("pk")
        return check.query.sql_with_params()

    def _checked_matches_sql(self, columns, tail=""):
        """``SELECT columns`` of the matches that are in the caller's queryset, then ``tail``.

        The ``matches`` subquery is answered by the full-text index, in its own order: SQLite
        merges it into the outer query, so FTS5 reads its matches newest first and stops at the
        LIMIT, scoring (bm25) only the rows selected.
        """
        matches_sql, matches_params = self.backend.matches(self.query)
        check_sql, check_params = self._check()
        return (
            f"SELECT {columns} FROM ({matches_sql}) matches WHERE EXISTS ({check_sql}){tail}",
            (*matches_params, *check_params),
        )

    def _window(self, wanted):
        return 2 * wanted if self.backend.windowed and wanted is not None else None

    def _newest(self, count):
        """[(id, score)] of the ``count`` newest matches in the caller's queryset, newest first.

        Where the index gives its matches unordered (PostgreSQL), it is asked for a window of
        the newest, twice as many as wanted; all of them are read only when the caller's
        queryset turned away too many of a full window (drafts, or the API's filters).
        """
        window = self._window(count)
        found, seen = self._newest_in(count, window)
        if window is not None and len(found) < count and seen >= window:
            found, _seen = self._newest_in(count, None)
        return found

    def _newest_in(self, count, window):
        rows = self._select(*self.backend.newest(self.query, self._check(), count, 0, window))
        found = [(bulletin_id, score) for bulletin_id, score, _seen in rows if bulletin_id is not None]
        return found, rows[0][2] if rows else None

    def _select(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def ranking(self):
        """([(bulletin id, score)] best first, whether there are more matches than those)."""
        if self._ranking is None:
            if not self._searchable():
                self._ranking = ([], False)
            elif self.memo_name is None:
                self._ranking = self._rank()
            else:
                name = f"search:{self.memo_name}:{self.limit}:{self.backend.expression(self.query)}"
                self._ranking = memoize(name, self._rank)
        return self._ranking

    def _rank(self):
        rows = self._newest(self.limit + 1)
        more = len(rows) > self.limit
        ranked = sorted(rows[: self.limit], key=lambda row: (row[1], row[0]), reverse=True)
        return [(bulletin_id, score) for bulletin_id, score in ranked], more

    def ranked_sql(self, offset=0, limit=None):
        """SQL of the newest matches in the caller's queryset, newest first: (id, score, seen)
        from ``offset`` (``limit`` of them), the query ``ranking()`` runs first."""
        wanted = None if limit is None else offset + limit
        count = connection.ops.no_limit_value() if limit is None else limit
        return self.backend.newest(self.query, self._check(), count, offset, self._window(wanted))

    @property
    def count_is_estimate(self):
        """True when there are more matches than the ranked ones: ``count()`` is then a lower bound."""
        return self.ranking()[1]

    def count(self):
        return len(self.ranking()[0])

    def exact_count(self):
        """The number of matches in the caller's queryset, every one counted (none scored)."""
        if self._exact_count is None:
            ranked, more = self.ranking()
            if not more:
                self._exact_count = len(ranked)
            else:
                self._exact_count = self._select(*self._checked_matches_sql("COUNT(*)"))[0][0]
        return self._exact_count

    def __len__(self):
        return self.count()

    def __bool__(self):
        return self.count() > 0

    def ranked_ids(self, offset=0, limit=None):
        """[(bulletin id, score)] of the ranked matches from ``offset``, best first."""
        ranked = self.ranking()[0]
        return ranked[offset : None if limit is None else offset + limit]

    def all_ids(self, offset=0, limit=None):
        """``ranked_ids()``, then the older matches newest first (score None): every match."""
        ranked, more = self.ranking()
        rows = self.ranked_ids(offset, limit)
        wanted = None if limit is None else limit - len(rows)
        if more and (wanted is None or wanted > 0):
            oldest = min(bulletin_id for bulletin_id, _ in ranked)
            sql, params = self._checked_matches_sql(
                "id, NULL", " AND matches.id < %s ORDER BY id DESC LIMIT %s OFFSET %s"
            )
            rows += self._select(sql, (*params, oldest, connection.ops.no_limit_value() if wanted is None else wanted, max(offset - len(ranked), 0)))
        return rows

    def bulletins(self, ranked):
        """The bulletins of ``ranked`` ([(id, score)]), in that order, with ``search_rank``.

        Read by primary key with the caller's ``select_related``, fields and prefetches. The ids
        were checked against the caller's queryset when they were ranked (in this content
        generation); repeating its public filter here made SQLite walk the ``(status,
        publish_at)`` index over every published bulletin instead of looking up twenty ids.
        """
        if not ranked:
            return []
        rows = self.base.model._base_manager.using(self.base.db).filter(pk__in=[pk for pk, _ in ranked])
        rows.query.select_related = self.base.query.select_related
        rows.query.deferred_loading = self.base.query.deferred_loading
        found = {row.pk: row for row in rows.prefetch_related(*self.base._prefetch_related_lookups)}
        page = []
        for bulletin_id, score in ranked:
            bulletin = found.get(bulletin_id)
            if bulletin is not None and bulletin.is_public:
                bulletin.search_rank = score
                page.append(bulletin)
        return page

    def __getitem__(self, key):
        if isinstance(key, int):
            results = self[key : key + 1]
            if not results:
                raise IndexError("search result index out of range")
            return results[0]
        start, limit = _bounds(key)
        if limit == 0:
            return []
        return add_snippets(self.bulletins(self.ranked_ids(start, limit)), self.query)

    def __iter__(self):
        return iter(self[:])


def _bounds(key):
    if key.step is not None or (key.start or 0) < 0 or (key.stop is not None and key.stop < 0):
        raise ValueError("Search results support only slices with non-negative bounds.")
    start = key.start or 0
    return start, None if key.stop is None else max(0, key.stop - start)


class RankedQuerySet(QuerySet):
    """``SearchResults.ranked_queryset``: counted and sliced through its ``SearchResults``.

    A paginator only counts it and takes a slice: the count is ``exact_count()`` and a slice
    reads the ids of its positions (``all_ids()``) and then their rows, whatever the number of
    matches. Any other use (a filter, another order, iterating it whole) goes through
    ``_clone()``, which gives a plain queryset in the same order, ranked in SQL.
    """

    search = None

    def count(self):
        if self.search is None:
            return super().count()
        return self.search.exact_count()

    def __getitem__(self, key):
        if self.search is None or self._result_cache is not None:
            return super().__getitem__(key)
        if isinstance(key, int):
            return self.search.bulletins(self.search.all_ids(key, 1))[0]
        start, limit = _bounds(key)
        if limit == 0:
            return []
        return self.search.bulletins(self.search.all_ids(start, limit))

    def _clone(self):
        if self.search is None:
            return super()._clone()
        return self.search.ordered_queryset()._chain()

    def _fetch_all(self):
        if self.search is not None and self._result_cache is None:
            self._result_cache = self[:]
            self._prefetch_done = True
        super()._fetch_all()


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

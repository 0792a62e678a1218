"""Searching bulletins: the one entry point for the search page and the API's ``q`` filter.

``search_bulletins(query, queryset=...)`` returns the matching bulletins as a queryset, best
match first, annotated with ``search_rank``. Whatever queryset a caller passes, the result only
ever holds published bulletins: ``published()`` is applied here too, so a search can never be
the surface that leaks a draft. ``add_snippets`` marks the query's words in the title and the
best passage of the bulletins of one page.
"""

from django.db import connection
from django.db.models import F, FloatField
from django.db.models.expressions import RawSQL

from bulletins.models import AchievementItem, Bulletin

from .backends import get_backend
from .text import QueryError, SearchQuery, parse_query

__all__ = ["QueryError", "SearchQuery", "add_snippets", "parse_query", "search_bulletins"]


def search_bulletins(query, *, queryset=None):
    """Published bulletins matching ``query`` (text or ``SearchQuery``), best first.

    Raises ``QueryError`` for a query that is too long. A query without any letter or digit
    finds nothing.
    """
    if not isinstance(query, SearchQuery):
        query = parse_query(query)
    if queryset is None:
        queryset = Bulletin.objects.all()
    queryset = queryset.published()
    if not query:
        return queryset.none()
    backend = get_backend()
    matching_sql, matching_params = backend.matching(query)
    outer_id = ".".join(
        connection.ops.quote_name(name) for name in (Bulletin._meta.db_table, Bulletin._meta.pk.column)
    )
    score_sql, score_params = backend.score(query, outer_id)
    return (
        queryset.filter(pk__in=RawSQL(matching_sql, matching_params))
        .annotate(search_rank=RawSQL(score_sql, score_params, output_field=FloatField()))
        .order_by(F("search_rank").desc(), F("issued_on").desc(nulls_last=True), "-pk")
    )


def add_snippets(bulletins, query):
    """Set ``search_title`` and ``search_snippet`` (safe HTML) on each bulletin of a page."""
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

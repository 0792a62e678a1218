"""Finding bulletins by their words (the API's ``?q=``), which the search app provides.

Bulletins offer the filter; the search app, which sits above them, registers the finder at
start-up (``search.apps``), so that bulletins never import search. The longest query is part
of that agreement: the API's filter and the search page refuse the same queries.
"""

from django.core.exceptions import ImproperlyConfigured

MAX_QUERY_LENGTH = 100
"""Longest query accepted, in characters: a sentence; longer is a form error, not a search."""

_finder = None


def provide(finder):
    """Register ``finder(text, queryset=…)``: the matching bulletins of ``queryset``, with
    ``queryset`` and ``ranked_queryset`` (best first); a ``ValueError`` for a query it refuses."""
    global _finder
    _finder = finder


def find(text, queryset):
    if _finder is None:
        raise ImproperlyConfigured("No words search is registered: is the search app installed?")
    return _finder(text, queryset=queryset)

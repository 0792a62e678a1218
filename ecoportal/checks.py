"""System check: every public view takes its rows from ``published()``, as far as can be told.

A generic list/detail view or viewset defined in the portal's apps that is not a
``PublicQuerysetMixin`` could bypass ``published()``; so could a function view or a feed, which
has no mixin and must carry ``shows_published_only`` instead. Either is an error at start-up,
not a leak found in production.
"""

from django.core import checks
from django.urls import URLPattern, URLResolver, get_resolver
from django.views.generic.detail import SingleObjectMixin
from django.views.generic.list import MultipleObjectMixin

from .publishing import PublicQuerysetMixin

HINT = (
    "Inherit PublicQuerysetMixin and set public_model, or for a function view take its rows "
    "from published() and mark it @shows_published_only, so that only published rows can be shown."
)

PORTAL_APPS = ("bulletins.", "indicators.", "search.", "ecoportal.")


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin" or str(pattern.pattern).startswith("admin/"):
                continue
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _view_class(callback):
    return getattr(callback, "view_class", None) or getattr(callback, "cls", None)


def _row_views():
    bases = [SingleObjectMixin, MultipleObjectMixin]
    try:
        from rest_framework.generics import GenericAPIView

        bases.append(GenericAPIView)
    except ImportError:  # pragma: no cover - DRF is a dependency
        pass
    return tuple(bases)


@checks.register(checks.Tags.security)
def check_public_views_use_public_queryset(app_configs, **kwargs):
    errors = []
    for route, callback in _walk(get_resolver().url_patterns):
        if (why := _why_not_public(callback)) is not None:
            errors.append(
                checks.Error(f"Public view {why[0]} at /{route} {why[1]}.", hint=HINT, id="ecoportal.E001")
            )
    return errors


def _why_not_public(callback):
    """(the view's name, why it could bypass ``published()``), or None when it cannot."""
    view_class = _view_class(callback)
    if view_class is None:
        # A function view, or a view object such as a feed: nothing to inherit, so a mark.
        marked = getattr(callback, "shows_published_only", False) or getattr(callback, "shows_announcements_only", False)
        if callback.__module__.startswith(PORTAL_APPS) and not marked:
            name = getattr(callback, "__qualname__", type(callback).__qualname__)
            return f"{callback.__module__}.{name}", "is not marked shows_published_only"
        return None
    if (
        view_class.__module__.startswith(PORTAL_APPS)
        and issubclass(view_class, _row_views())
        and not issubclass(view_class, PublicQuerysetMixin)
    ):
        return f"{view_class.__module__}.{view_class.__name__}", "does not take its rows from PublicQuerysetMixin"
    return None

"""System check: every public list/detail view and API viewset takes its rows from the mixin.

A generic view or viewset defined in the portal's apps that is not a ``PublicQuerysetMixin``
could bypass ``published()``; that is an error at start-up, not a leak found in production.
"""

from django.core import checks
from django.urls import URLPattern, URLResolver, get_resolver
from django.views.generic.detail import SingleObjectMixin
from django.views.generic.list import MultipleObjectMixin

from .publishing import PublicQuerysetMixin

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
    row_views = _row_views()
    for route, callback in _walk(get_resolver().url_patterns):
        view_class = _view_class(callback)
        if view_class is None or not view_class.__module__.startswith(PORTAL_APPS):
            continue
        if issubclass(view_class, row_views) and not issubclass(view_class, PublicQuerysetMixin):
            errors.append(
                checks.Error(
                    f"Public view {view_class.__module__}.{view_class.__name__} at /{route} "
                    "does not take its rows from PublicQuerysetMixin.",
                    hint="Inherit PublicQuerysetMixin and set public_model, so that only "
                    "published rows can be shown.",
                    id="ecoportal.E001",
                )
            )
    return errors

import sys

import pytest
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import path
from django.views.generic import ListView

from bulletins.models import Bulletin
from ecoportal.checks import check_public_views_use_public_queryset
from ecoportal.publishing import shows_published_only


class LeakyBulletinList(ListView):
    """A list that forgot the public gate."""

    model = Bulletin


def leaky_function_view(request):
    """A function view nobody has read for the public rule."""
    return HttpResponse(", ".join(Bulletin.objects.values_list("title", flat=True)))


class LeakyFeed(Feed):
    def items(self):
        return Bulletin.objects.all()


@shows_published_only
def marked_function_view(request):
    return HttpResponse(", ".join(Bulletin.objects.published().values_list("title", flat=True)))


for view in (LeakyBulletinList, leaky_function_view, LeakyFeed, marked_function_view):
    view.__module__ = "bulletins.views_under_test"

ROUTES = {
    "class": [path("leaky/", LeakyBulletinList.as_view())],
    "function": [path("leaky/", leaky_function_view)],
    "feed": [path("leaky/", LeakyFeed())],
    "marked": [path("marked/", marked_function_view)],
}
urlpatterns = []


def test_the_shipped_urls_pass_the_public_view_check():
    assert check_public_views_use_public_queryset(None) == []


@pytest.mark.parametrize(
    "kind, name",
    [("class", "LeakyBulletinList"), ("function", "leaky_function_view"), ("feed", "LeakyFeed")],
)
def test_a_view_that_could_bypass_the_public_rule_is_an_error(settings, monkeypatch, kind, name):
    monkeypatch.setattr(sys.modules[__name__], "urlpatterns", ROUTES[kind])
    settings.ROOT_URLCONF = __name__
    errors = check_public_views_use_public_queryset(None)
    assert [error.id for error in errors] == ["ecoportal.E001"]
    assert name in errors[0].msg and "/leaky/" in errors[0].msg


def test_a_function_view_marked_as_showing_published_rows_only_passes(settings, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "urlpatterns", ROUTES["marked"])
    settings.ROOT_URLCONF = __name__
    assert check_public_views_use_public_queryset(None) == []

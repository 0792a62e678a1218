from django.urls import path
from django.views.generic import ListView

from bulletins.models import Bulletin
from ecoportal.checks import check_public_views_use_public_queryset


class LeakyBulletinList(ListView):
    """A list that forgot the public gate."""

    model = Bulletin


LeakyBulletinList.__module__ = "bulletins.views_under_test"
urlpatterns = [path("leaky/", LeakyBulletinList.as_view())]


def test_the_shipped_urls_pass_the_public_view_check():
    assert check_public_views_use_public_queryset(None) == []


def test_a_list_view_that_bypasses_the_public_mixin_is_an_error(settings):
    settings.ROOT_URLCONF = __name__
    errors = check_public_views_use_public_queryset(None)
    assert [error.id for error in errors] == ["ecoportal.E001"]
    assert "LeakyBulletinList" in errors[0].msg

"""The about page: who runs the portal, where its figures come from, the licence, contact."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from .publishing import shows_published_only


@shows_published_only  # shows no rows: settings and prose only
@require_safe
def about(request):
    return render(request, "about.html", {"nav": "about"})

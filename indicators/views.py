from itertools import groupby

from django.shortcuts import get_object_or_404, render

from .models import Indicator, Observation


def indicator_list(request):
    indicators = Indicator.objects.published().order_by("category", "code")
    groups = [
        (category, list(items))
        for category, items in groupby(indicators, key=lambda i: i.get_category_display())
    ]
    return render(request, "indicators/indicator_list.html", {"groups": groups})


def indicator_detail(request, code):
    indicator = get_object_or_404(Indicator.objects.published(), code=code)
    observations = (
        Observation.objects.published()
        .filter(indicator=indicator)
        .select_related("region", "bulletin")
        .order_by("region__code", "period_end", "id")
    )
    return render(
        request,
        "indicators/indicator_detail.html",
        {"indicator": indicator, "observations": observations},
    )

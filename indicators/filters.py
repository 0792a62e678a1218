"""FilterSets of indicators and observations (query parameters of the public API)."""

import django_filters

from bulletins.filters import (
    PeriodFilterSet,
    RegionFilter,
    SlugFilter,
    SlugsFilter,
    StableOrderingFilter,
    many_help,
    slug_help,
    with_example,
)
from bulletins.models import Bulletin

from .choices import Category, ObservationKind
from .models import Indicator, Observation


def published_bulletins(request):
    # Only a public bulletin's slug is a valid value: a draft's slug is as unknown as a typo.
    return Bulletin.objects.published()


class IndicatorFilterSet(django_filters.FilterSet):
    """Filters of the indicator catalogue."""

    category = with_example(
        django_filters.ChoiceFilter(
            choices=Category.choices,
            help_text="Category code; any other value is answered with 400 naming `category`.",
        ),
        Category.AIR.value,
    )

    class Meta:
        model = Indicator
        fields = ["category"]


class ObservationFilterSet(PeriodFilterSet):
    """Filters of observations; the CSV download honours the same ones. ``year`` and the period
    filters are ``PeriodFilterSet``'s, on the observed period."""

    indicator = with_example(
        SlugsFilter(
            queryset=Indicator.objects.all(),
            to_field_name="code",
            help_text=slug_help(many_help("Indicator code (see /api/v1/indicators/).")),
        ),
        ["pm25"],
    )
    region = RegionFilter(field_name="region")
    bulletin = with_example(
        SlugFilter(
            queryset=published_bulletins,
            help_text=slug_help("Slug of the bulletin that states the figures."),
        ),
        "heilongjiang-2024-work-conference",
    )

    kind = with_example(
        django_filters.ChoiceFilter(
            choices=ObservationKind.choices,
            help_text=(
                "What the figure says of its indicator: `level` (the indicator's value), `change` "
                "(a change of it, as the source states it) or `target` (a value set as a goal). "
                "Any other value is answered with 400 naming `kind`."
            ),
        ),
        ObservationKind.LEVEL.value,
    )

    ordering = with_example(
        StableOrderingFilter(
            fields=(
                ("period_end", "period_end"),
                ("value_normalised", "value_normalised"),
                ("indicator__code", "indicator"),
            ),
            help_text=(
                "Sort order: `period_end` (when the observed period ends), `value_normalised` (the "
                "value in its base unit; compare within one `indicator`) or `indicator` (code), `-` "
                "for descending; several separated by commas. Unknown dates and values sort last; "
                "ties newest observation first. Default: by indicator, region and period. An "
                "unknown field is answered with 400 naming `ordering`."
            ),
        ),
        ["-period_end"],
    )

    class Meta(PeriodFilterSet.Meta):
        model = Observation
        fields = ["indicator", "region", "kind", "year", "period_from", "period_to", "period", "bulletin", "ordering"]

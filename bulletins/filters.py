"""FilterSets of bulletins and achievement lists (query parameters of the public API).

Every filter validates its value: a malformed value or a slug that names nothing is a form
error, which the API answers with 400 and the parameter's name; it is never ignored silently
and never a 500.
"""

import django_filters
from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.utils import extend_schema_field

from search.text import MAX_QUERY_LENGTH

from .models import AchievementList, Bulletin, Publisher, Region, Topic


def slug_help(what):
    return f"{what} A value that names nothing is answered with 400 and an error naming it."


def with_example(filter_, example):
    """Attach the example the API schema shows for this filter."""
    filter_.example = example
    return filter_


class DocumentedFilterExtension(DjangoFilterExtension):
    """Schema of the portal's filters: always their help text, and their example."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        for parameter in parameters:
            if filter_field.extra.get("help_text"):
                parameter.setdefault("description", str(filter_field.extra["help_text"]))
            if getattr(filter_field, "example", None) is not None:
                parameter["example"] = filter_field.example
            if filter_field.extra.get("max_length"):
                parameter["schema"]["maxLength"] = filter_field.extra["max_length"]
            # The model field's verbose name is not the parameter's title.
            parameter["schema"].pop("title", None)
        return parameters


@extend_schema_field({"type": "integer", "minimum": 1900, "maximum": 2100})
class YearFilter(django_filters.NumberFilter):
    """A calendar year, 1900–2100; anything else is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)
        self.example = 2023


class SlugFilter(django_filters.ModelChoiceFilter):
    """A related row named by its slug (or another unique field, ``to_field_name``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class RegionFilter(SlugFilter):
    """A region slug; a province or the country includes the cities below it.

    ``field_name`` is the path to the region on the filtered model.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Region.objects.all())
        kwargs.setdefault(
            "help_text",
            slug_help(
                "Region slug (see /api/v1/regions/). A province, or the country, also includes "
                "every city below it: `heilongjiang` matches Yichun and Heihe too."
            ),
        )
        super().__init__(*args, **kwargs)
        self.example = "heilongjiang"

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(**{f"{self.field_name}__in": Region.objects.with_descendants(value)})


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ordering with unknown dates last on every database, and the id as tie-breaker.

    ``default`` (parameter names) applies when the client asks for no order. ``relevance``
    adds that choice (ascending only, best match first), which the FilterSet carries out
    itself: this filter leaves the rows as they are for it.
    """

    RELEVANCE = "relevance"

    def __init__(self, *args, default=(), relevance=False, **kwargs):
        self.default = list(default)
        self.relevance = relevance
        super().__init__(*args, **kwargs)

    def build_choices(self, fields, labels):
        choices = super().build_choices(fields, labels)
        if self.relevance:
            choices.append((self.RELEVANCE, _("相关度")))
        return choices

    def filter(self, qs, value):
        # Empty pieces ("ordering=,," or "a,,b") ask for nothing, like an empty parameter.
        value = [param for param in value or () if param] or self.default
        if not value or self.RELEVANCE in value:
            return qs
        ordering = []
        for param in value:
            field = F(self.param_map[param.lstrip("-")])
            if param.startswith("-"):
                ordering.append(field.desc(nulls_last=True))
            else:
                ordering.append(field.asc(nulls_last=True))
        return qs.order_by(*ordering, "-pk")


class BulletinFilterForm(forms.Form):
    """Checks what one filter alone cannot: ordering by relevance needs words to search."""

    def clean(self):
        cleaned = super().clean()
        ordering = cleaned.get("ordering") or []
        if StableOrderingFilter.RELEVANCE in ordering and (len(ordering) > 1 or not cleaned.get("q")):
            self.add_error(
                "ordering",
                _("按相关度排序（relevance）需要搜索词 q，且不能与其他排序字段同用。"),
            )
        return cleaned


class BulletinFilterSet(django_filters.FilterSet):
    """Filters of the bulletin list."""

    region = RegionFilter(field_name="region")
    publisher = with_example(
        SlugFilter(
            queryset=Publisher.objects.all(),
            help_text=slug_help("Publisher slug (see /api/v1/publishers/)."),
        ),
        "heilongjiang-shengtai-huanjing",
    )
    topic = with_example(
        SlugFilter(
            field_name="topics",
            queryset=Topic.objects.all(),
            help_text=slug_help("Topic slug (see /api/v1/topics/)."),
        ),
        "air",
    )
    year = YearFilter(
        method="filter_year",
        help_text=(
            "Year of issue, 1900–2100; a bulletin whose issue date is unknown counts for the year "
            "its period ends. Anything else is answered with 400 naming `year`."
        ),
    )
    q = with_example(
        django_filters.CharFilter(
            method="keep_for_search",
            # The search page's own limit: both refuse the same queries.
            max_length=MAX_QUERY_LENGTH,
            error_messages={
                "max_length": _("搜索词太长：最多 %(limit_value)d 个字符，现在是 %(show_value)d 个。")
            },
            help_text=(
                f"Words to find in the title, summary, body or achievement list, as on /search/ "
                f"(Chinese is cut into words; every word must be found). At most "
                f"{MAX_QUERY_LENGTH} characters; longer is answered with 400 naming `q`. "
                "Without `ordering` the best matches come first (`ordering=relevance`); with "
                "another `ordering` the matches follow that order."
            ),
        ),
        "秸秆",
    )
    ordering = with_example(
        StableOrderingFilter(
            fields=(("issued_on", "issued_on"), ("publish_at", "published_at"), ("title", "title")),
            default=("-issued_on", "-published_at"),
            relevance=True,
            help_text=(
                "Sort order: `issued_on`, `published_at` or `title`, `-` for descending; several "
                "separated by commas. Unknown dates sort last. Default: newest issue first, or "
                "with `q` the best match first. `relevance` (best match first, the same ranking "
                "as /search/) needs `q` and stands alone. An unknown field is answered with 400 "
                "naming `ordering`."
            ),
        ),
        ["-published_at"],
    )

    class Meta:
        model = Bulletin
        fields = ["region", "publisher", "topic", "year", "q", "ordering"]
        form = BulletinFilterForm

    def filter_year(self, queryset, name, value):
        return queryset.in_year(value)

    def keep_for_search(self, queryset, name, value):
        # Searched last, in filter_queryset(), over the rows the other filters leave.
        return queryset

    def filter_queryset(self, queryset):
        """The filtered bulletins; with ``q`` the published ones matching it (search.query),
        best match first unless another ``ordering`` is asked for."""
        # Imported here: the search app depends on bulletins, never the reverse at import time.
        from rest_framework.exceptions import ValidationError

        from search.query import QueryError, search_bulletins

        queryset = super().filter_queryset(queryset)
        text = self.form.cleaned_data.get("q")
        if not text:
            return queryset
        try:
            results = search_bulletins(text, queryset=queryset)
        except QueryError as error:  # pragma: no cover - max_length refuses it first
            raise ValidationError({"q": [str(error)]}) from error
        ordering = self.form.cleaned_data.get("ordering") or [StableOrderingFilter.RELEVANCE]
        if ordering == [StableOrderingFilter.RELEVANCE]:
            return results.ranked_queryset
        return results.queryset


class AchievementListFilterSet(django_filters.FilterSet):
    """Filters of the achievement-list list."""

    region = RegionFilter(field_name="bulletin__region")
    year = YearFilter(
        help_text="The year the list covers, 1900–2100. Anything else is answered with 400 naming `year`."
    )

    ordering = with_example(
        StableOrderingFilter(
            fields=(("year", "year"), ("title", "title")),
            help_text=(
                "Sort order: `year` or `title`, `-` for descending; several separated by commas. "
                "Unknown years sort last. Default: newest year first. An unknown field is answered "
                "with 400 naming `ordering`."
            ),
        ),
        ["-year"],
    )

    class Meta:
        model = AchievementList
        fields = ["region", "year", "ordering"]

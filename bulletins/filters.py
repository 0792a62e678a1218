"""FilterSets of bulletins and achievement lists: the public API's query parameters, and the
bulletin list page's (and the search page's) filter form.

Every filter validates its value: a malformed value or a slug that names nothing is a form
error, never ignored silently and never a 500. The API answers it with 400 and the parameter's
name; a page shows the form with the error and the list unfiltered by that parameter
(``BulletinFilterSet.for_page``).
"""

import copy
import re
from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.exceptions import ValidationError as FormValidationError
from django.db.models import F, Q
from django.forms.utils import flatatt
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import ModelChoiceField
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from ecoportal.caching.generation import memoize
from ecoportal.localized import localized

from . import words
from .models import AchievementList, Bulletin, Publisher, Region, Topic

#: What a slug or code looks like; anything else names nothing and never reaches the database.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SLUG_SHAPE = re.compile(SLUG_PATTERN)


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
            if getattr(filter_field, "accepts_many", False):
                # ``region=heilongjiang,jilin``: OpenAPI's form style, not exploded.
                parameter["schema"] = {
                    "type": "array",
                    "items": {"type": "string", "pattern": SLUG_PATTERN},
                    "minItems": 1,
                    "maxItems": SlugsChoiceField.max_values,
                }
                parameter["style"] = "form"
                parameter["explode"] = False
            if getattr(filter_field, "example", None) is not None:
                parameter["example"] = filter_field.example
            if filter_field.extra.get("max_length"):
                parameter["schema"]["maxLength"] = filter_field.extra["max_length"]
            # The model field's verbose name is not the parameter's title.
            parameter["schema"].pop("title", None)
        return parameters


class SlugSelect(forms.Select):
    """A select of every region (or publisher, topic), its options built once per content change.

    Django renders each option through a template, which cost most of the list page's time
    with a hundred regions; here the options are one string per language, memoised with the
    content generation, and the reader's choice is marked by a string replacement.
    """

    def render(self, name, value, attrs=None, renderer=None):
        field = self.field
        options = memoize(
            f"bulletins:filter-options:{field.queryset.model._meta.label}",
            lambda: _options_html(field),
        )
        if value not in (None, ""):
            option = f'<option value="{escape(value)}">'
            options = options.replace(option, option[:-1] + " selected>", 1)
        else:
            options = options.replace('<option value="">', '<option value="" selected>', 1)
        final = {"name": name, **self.build_attrs(self.attrs, attrs)}
        return mark_safe(f"<select{flatatt(final)}>\n{options}</select>")  # noqa: S308 - escaped


def _options_html(field):
    rows = [("", field.empty_label)] + [(obj.slug, field.label_from_instance(obj)) for obj in field.queryset.all()]
    return "".join(f'  <option value="{escape(value)}">{escape(label)}</option>\n' for value, label in rows)


class SlugChoiceField(ModelChoiceField):
    """A row named by its slug (``to_field_name``); on a page, a select in the reader's language."""

    widget = SlugSelect

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.field = self

    def label_from_instance(self, obj):
        # In the reader's language: name_en when English is active.
        return localized(obj)

    def __deepcopy__(self, memo):
        # Each form gets copies of its fields. Django also clones the queryset, so that forms
        # never share rows it fetched; this field never fetches through it (the options are
        # memoised markup, a choice is looked up with ``get()``), so it shares it: a third of
        # the list page's form cost.
        result = copy.copy(self)
        memo[id(self)] = result
        result.widget = copy.copy(self.widget)
        result.widget.attrs = self.widget.attrs.copy()
        result.widget.field = result
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class CopiedCheaplyMixin:
    """A FilterSet deep-copies its filters for each request: most of the bulletin list's filter
    cost. Theirs is configuration, which a copy may share (a queryset is cloned whenever it is
    used); the form field is made anew, as for a fresh filter."""

    def __deepcopy__(self, memo):
        result = copy.copy(self)
        memo[id(self)] = result
        result.extra = self.extra.copy()
        result.__dict__.pop("_field", None)
        if self.method is not None:
            result.method = self.method  # bound to the copy, which will know its FilterSet
        return result


@extend_schema_field({"type": "integer", "minimum": 1900, "maximum": 2100})
class YearFilter(CopiedCheaplyMixin, django_filters.NumberFilter):
    """A calendar year, 1900–2100; anything else is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)
        self.example = 2023


class SlugFilter(CopiedCheaplyMixin, django_filters.ModelChoiceFilter):
    """A related row named by its slug (or another unique field, ``to_field_name``)."""

    field_class = SlugChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class SlugsSelect(SlugSelect):
    """``SlugSelect`` whose value may be several slugs: ``a,b``, or the parameter repeated."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        return ",".join(value for value in values if value) or None


class SlugsChoiceField(SlugChoiceField):
    """One or more rows named by slug, separated by commas: a list of rows, in the order asked.

    Every slug is looked up in one query; the error names each one that names nothing.
    """

    widget = SlugsSelect
    max_values = 20
    default_error_messages = {
        "invalid_choice": _("未知的值：%(value)s。"),
        "max_values": _("最多 %(limit)d 个值，现在是 %(count)d 个。"),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return []
        slugs = list(dict.fromkeys(part.strip() for part in str(value).split(",") if part.strip()))
        if len(slugs) > self.max_values:
            raise FormValidationError(
                self.error_messages["max_values"], code="max_values",
                params={"limit": self.max_values, "count": len(slugs)},
            )
        key = self.to_field_name
        misshapen = [slug for slug in slugs if not SLUG_SHAPE.match(slug)]
        found = {} if misshapen else {
            getattr(row, key): row for row in self.queryset.filter(**{f"{key}__in": slugs})
        }
        unknown = misshapen or [slug for slug in slugs if slug not in found]
        if unknown:
            raise FormValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice",
                params={"value": ", ".join(slug[:40] for slug in unknown)},
            )
        return [found[slug] for slug in slugs]

    def validate(self, value):
        forms.Field.validate(self, value)


class SlugsFilter(SlugFilter):
    """Rows related to any of several slugs (``topic=air,water``): one value or a list."""

    field_class = SlugsChoiceField
    #: The parameter may hold several values, or be repeated (``StrictQueryParamsMixin``).
    accepts_many = True

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        if qs.model._meta.get_field(self.field_name.split("__")[0]).many_to_many:
            # Through a join a row related to two of them would come twice.
            return qs.filter(pk__in=qs.model._base_manager.filter(**{f"{self.field_name}__in": value}).values("pk"))
        return qs.filter(**{f"{self.field_name}__in": value})


def many_help(what):
    return (
        f"{what} Several, separated by commas (or the parameter repeated), match any of them; "
        f"at most {SlugsChoiceField.max_values}."
    )


class RegionFilter(SlugsFilter):
    """Region slugs; a province or the country includes the cities below it.

    ``field_name`` is the path to the region on the filtered model.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Region.objects.all())
        kwargs.setdefault(
            "help_text",
            slug_help(many_help(
                "Region slug (see /api/v1/regions/). A province, or the country, also includes "
                "every city below it: `heilongjiang` matches Yichun and Heihe too."
            )),
        )
        super().__init__(*args, **kwargs)
        self.example = ["heilongjiang", "jilin"]

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(**{f"{self.field_name}__in": Region.objects.with_descendants(*value)})


def as_parameter(value):
    """A cleaned filter value as it is written in a query string: rows by slug, lists by commas."""
    if isinstance(value, (list, tuple)):
        return ",".join(as_parameter(item) for item in value)
    return str(getattr(value, "slug", value))


class PeriodFilterForm(forms.Form):
    """Checks the period filters together: a range that ends before it starts, or undated
    rows asked for beside a date, is a 400 naming the parameter."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_from"), cleaned.get("period_to")
        if start and end and start > end:
            self.add_error("period_to", FormValidationError(
                _("结束日期早于开始日期（period_from）。"), code="conflict"))
        dated = [name for name in ("year", "period_from", "period_to") if cleaned.get(name)]
        if cleaned.get("period") == UNKNOWN_PERIOD and dated:
            self.add_error("period", FormValidationError(
                _("period=unknown 选取未注明期间的条目，不能与 %(names)s 同用。"), code="conflict",
                params={"names": ", ".join(dated)}))
        return cleaned


UNKNOWN_PERIOD = "unknown"
ISO_DATE = {"input_formats": ["%Y-%m-%d"]}


@extend_schema_field({"type": "string", "format": "date"})
class PeriodDateFilter(CopiedCheaplyMixin, django_filters.DateFilter):
    """A day (ISO 8601, ``2023-01-01``) bounding the period the rows report on."""

    def __init__(self, *args, **kwargs):
        kwargs.update(ISO_DATE)
        super().__init__(*args, **kwargs)


class KeptFormClassMixin:
    """The form class of a FilterSet made once per set of filters and language, not per request.

    django-filter makes it anew for every request (a field per filter, a class): with the
    form's copy of its fields, the API's bulletin list spent a third of a request answered from
    kept values on its filters. The fields depend on no request and no clock, but for a filter
    whose queryset is a function of the request (``published_bulletins``): each form gets it
    anew. Their labels are the language's (made from the models' names).
    """

    def get_form_class(self):
        cls = type(self)
        if "_form_classes" not in cls.__dict__:
            cls._form_classes = {}
        key = (tuple(self.filters), get_language())
        if key not in cls._form_classes:
            cls._form_classes[key] = super().get_form_class()
        return cls._form_classes[key]

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            for name, filter_ in self.filters.items():
                if callable(getattr(filter_, "queryset", None)) and name in form.fields:
                    form.fields[name].queryset = filter_.get_queryset(self.request)
        return self._form


class PeriodFilterSet(KeptFormClassMixin, django_filters.FilterSet):
    """What ``year``, ``period_from``, ``period_to`` and ``period`` mean on every list whose rows
    report on a period (``period_start``, ``period_end``): bulletins and observations.

    ``year`` is the year the period ends. ``period_from``/``period_to`` keep the rows whose
    period overlaps the range; a period whose start is not stated counts as its last day (a
    figure "as of the end of 2020"). Rows whose period is not stated have no year and match no
    date: ``period=unknown`` lists them.
    """

    year = YearFilter(
        field_name="period_end", method="filter_year",
        help_text=(
            "The year the reported period ends, 1900–2100: on every list `year` is the year the "
            "figures are about, not the year of publication. Rows whose period is not stated "
            "match no year (see `period=unknown`). Anything else is answered with 400 naming `year`."
        ),
    )
    period_from = with_example(
        PeriodDateFilter(
            method="filter_period_from",
            help_text=(
                "Rows whose reported period ends on or after this day (ISO 8601, `2023-01-01`). "
                "With `period_to`: the periods that overlap the range. A period whose start is "
                "not stated counts as its last day."
            ),
        ),
        "2023-01-01",
    )
    period_to = with_example(
        PeriodDateFilter(
            method="filter_period_to",
            help_text=(
                "Rows whose reported period starts on or before this day (ISO 8601, `2023-12-31`); "
                "a period whose start is not stated counts as its last day. Before `period_from` "
                "is answered with 400 naming `period_to`."
            ),
        ),
        "2023-12-31",
    )
    period = with_example(
        django_filters.ChoiceFilter(
            method="filter_period",
            choices=[(UNKNOWN_PERIOD, _("未注明期间")), ("known", _("注明了期间"))],
            help_text=(
                "`unknown`: only the rows whose reported period is not stated (they match no "
                "`year` or date); `known`: only those whose period is stated. `unknown` with "
                "`year`, `period_from` or `period_to` is answered with 400 naming `period`."
            ),
        ),
        UNKNOWN_PERIOD,
    )

    class Meta:
        form = PeriodFilterForm

    def filter_year(self, queryset, name, value):
        return queryset.filter(period_end__year=value)

    def filter_period_from(self, queryset, name, value):
        return queryset.filter(period_end__gte=value)

    def filter_period_to(self, queryset, name, value):
        return queryset.filter(
            Q(period_start__lte=value) | Q(period_start__isnull=True, period_end__lte=value)
        )

    def filter_period(self, queryset, name, value):
        return queryset.filter(period_end__isnull=value == UNKNOWN_PERIOD)


class StableOrderingFilter(CopiedCheaplyMixin, django_filters.OrderingFilter):
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


class BulletinFilterForm(PeriodFilterForm):
    """Checks what one filter alone cannot (ordering by relevance needs words to search), and
    shows a page's filters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The help texts are the API schema's (read from the filters); a page shows none.
        for field in self.fields.values():
            field.help_text = ""

    def markup(self):
        """The form as HTML, kept until the content changes for each language and valid choice.

        The choices are a bounded set (existing slugs and years); a form with errors, which
        shows the reader's own input, is rendered each time. A valid form is rendered from its
        cleaned values, so ``year=02023`` and ``year=2023`` share one markup.
        """
        name = self.markup_name()
        if name is None:
            return self._render()
        return memoize(name, lambda: type(self)(self._canonical() or None)._render())

    def markup_name(self):
        """The memo name of the form's markup; None for a form with errors, which is not kept."""
        if self.is_bound and not self.is_valid():
            return None
        return f"bulletins:filter-form:{sorted(self._canonical().items())}"

    def canonical_query(self):
        """The valid choices as a query string (``region=…&year=…``), the same for equal choices."""
        return urlencode(self._canonical())

    def _canonical(self):
        chosen = self.cleaned_data.items() if self.is_bound else ()
        return {name: as_parameter(value) for name, value in chosen if value}

    def _render(self):
        return render_to_string("bulletins/_filter_form.html", {"form": self})

    def clean(self):
        cleaned = super().clean()
        ordering = cleaned.get("ordering") or []
        if StableOrderingFilter.RELEVANCE in ordering and (len(ordering) > 1 or not cleaned.get("q")):
            self.add_error(
                "ordering",
                _("按相关度排序（relevance）需要搜索词 q，且不能与其他排序字段同用。"),
            )
        return cleaned


class BulletinFilterSet(PeriodFilterSet):
    """Filters of the bulletin list: the API takes all, the list page ``PAGE_FILTERS``."""

    #: What the list page and the search page offer; searching and ordering are the API's own.
    PAGE_FILTERS = ("region", "publisher", "topic", "year")

    region = RegionFilter(field_name="region", label=_("地区"), empty_label=_("全部地区"))
    publisher = with_example(
        SlugFilter(
            queryset=Publisher.objects.all(),
            label=_("发布机构"),
            empty_label=_("全部机构"),
            help_text=slug_help("Publisher slug (see /api/v1/publishers/)."),
        ),
        "heilongjiang-shengtai-huanjing",
    )
    topic = with_example(
        SlugsFilter(
            field_name="topics",
            queryset=Topic.objects.all(),
            label=_("主题"),
            empty_label=_("全部主题"),
            help_text=slug_help(many_help("Topic slug (see /api/v1/topics/).")),
        ),
        ["air", "water"],
    )
    year = YearFilter(
        field_name="period_end",
        method="filter_year",
        label=_("所述年份"),
        help_text=(
            "The year the bulletin's reported period ends, 1900–2100, as on every list (the "
            "2024 work conference reporting on 2023 is `year=2023`); a bulletin that states no "
            "period matches no year (`period=unknown`). For the date of issue use `issued_from` "
            "and `issued_to`. Anything else is answered with 400 naming `year`."
        ),
    )
    issued_from = with_example(
        PeriodDateFilter(
            field_name="issued_on", lookup_expr="gte",
            help_text="Bulletins issued on or after this day (ISO 8601); an unknown issue date matches none.",
        ),
        "2024-01-01",
    )
    issued_to = with_example(
        PeriodDateFilter(
            field_name="issued_on", lookup_expr="lte",
            help_text="Bulletins issued on or before this day (ISO 8601); an unknown issue date matches none.",
        ),
        "2024-12-31",
    )
    q = with_example(
        django_filters.CharFilter(
            method="keep_for_search",
            # The search page's own limit: both refuse the same queries.
            max_length=words.MAX_QUERY_LENGTH,
            error_messages={
                "max_length": _("搜索词太长：最多 %(limit_value)d 个字符，现在是 %(show_value)d 个。")
            },
            help_text=(
                f"Words to find in the title, summary, body or achievement list, as on /search/ "
                f"(Chinese is cut into words; every word must be found). At most "
                f"{words.MAX_QUERY_LENGTH} characters; longer is answered with 400 naming `q`. "
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
        fields = [
            "region", "publisher", "topic", "year", "period_from", "period_to", "period",
            "issued_from", "issued_to", "q", "ordering",
        ]
        form = BulletinFilterForm

    @classmethod
    def for_page(cls, data):
        """The page's filters over ``data`` (a request's GET); see ``filter_valid``.

        Only the page's filters are copied for the request: copying all eleven and keeping
        four was a quarter of the bulletin list's own work when its content is kept."""
        if "_page_class" not in cls.__dict__:
            cls._page_class = type(f"{cls.__name__}ForPage", (cls,), {"__module__": cls.__module__})
            cls._page_class.base_filters = {name: cls.base_filters[name] for name in cls.PAGE_FILTERS}
        return cls._page_class(data or None)

    def filter_valid(self, queryset):
        """``queryset`` with the valid filters applied; an invalid one is left out, and the form
        names it (what a page shows, where the API answers 400)."""
        if not self.is_bound:
            return queryset
        self.form.is_valid()
        return self.filter_queryset(queryset)

    def keep_for_search(self, queryset, name, value):
        # Searched last, in filter_queryset(), over the rows the other filters leave.
        return queryset

    def filter_queryset(self, queryset):
        """The filtered bulletins; with ``q`` the published ones matching it (``words``),
        best match first unless another ``ordering`` is asked for."""
        queryset = super().filter_queryset(queryset)
        text = self.form.cleaned_data.get("q")
        if not text:
            return queryset
        try:
            results = words.find(text, queryset)
        except ValueError as error:  # pragma: no cover - max_length refuses it first
            raise ValidationError({"q": [str(error)]}) from error
        ordering = self.form.cleaned_data.get("ordering") or [StableOrderingFilter.RELEVANCE]
        if ordering == [StableOrderingFilter.RELEVANCE]:
            return results.ranked_queryset
        return results.queryset


class AchievementListFilterSet(KeptFormClassMixin, django_filters.FilterSet):
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

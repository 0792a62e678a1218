"""Filtering of the public bulletin list from query parameters.

A malformed or unknown value is reported back to the reader, never a 500: the form names
the problem and the list shows everything unfiltered for that parameter.
"""

import copy
from urllib.parse import urlencode

from django import forms
from django.forms.utils import flatatt
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ecoportal.caching.generation import memoize
from ecoportal.templatetags.i18n_names import localized

from .models import Publisher, Region, Topic


class SlugSelect(forms.Select):
    """A select of every region (or publisher, topic), its options built once per content change.

    Django renders each option through a template, which cost most of the list page's time
    with a hundred regions; here the options are one string per language, memoised with the
    content generation, and the reader's choice is marked by a string replacement.
    """

    def render(self, name, value, attrs=None, renderer=None):
        field = self.field
        options = memoize(
            f"bulletins:filter-options:{field.queryset.model._meta.label}:{get_language()}",
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


class SlugChoiceField(forms.ModelChoiceField):
    widget = SlugSelect

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)
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


class BulletinListFilterForm(forms.Form):
    region = SlugChoiceField(Region.objects.all(), label=_("地区"), empty_label=_("全部地区"))
    publisher = SlugChoiceField(Publisher.objects.all(), label=_("发布机构"), empty_label=_("全部机构"))
    topic = SlugChoiceField(Topic.objects.all(), label=_("主题"), empty_label=_("全部主题"))
    year = forms.IntegerField(label=_("年份"), required=False, min_value=1949, max_value=2100)

    def markup(self):
        """The form as HTML, kept until the content changes for each language and valid choice.

        The choices are a bounded set (existing slugs and years); a form with errors, which
        shows the reader's own input, is rendered each time. A valid form is rendered from its
        cleaned values, so ``year=02023`` and ``year=2023`` share one markup.
        """
        name = self.markup_name()
        if name is None:
            return self._render()
        return memoize(name, lambda: BulletinListFilterForm(self._canonical() or None)._render())

    def markup_name(self):
        """The memo name of the form's markup; None for a form with errors, which is not kept."""
        if self.is_bound and not self.is_valid():
            return None
        return f"bulletins:filter-form:{get_language()}:{sorted(self._canonical().items())}"

    def canonical_query(self):
        """The valid choices as a query string (``region=…&year=…``), the same for equal choices."""
        return urlencode(self._canonical())

    def _canonical(self):
        chosen = self.cleaned_data.items() if self.is_bound else ()
        return {name: str(getattr(value, "slug", value)) for name, value in chosen if value}

    def _render(self):
        return render_to_string("bulletins/_filter_form.html", {"form": self})

    def filter(self, queryset):
        """Apply the valid filters; invalid ones are left out (their errors are shown)."""
        data = self.cleaned_data if self.is_bound else {}
        valid = {name: data.get(name) for name in self.fields if name not in self.errors}
        if valid.get("region"):
            queryset = queryset.in_region(valid["region"])
        if valid.get("publisher"):
            queryset = queryset.filter(publisher=valid["publisher"])
        if valid.get("topic"):
            queryset = queryset.filter(topics=valid["topic"])
        if valid.get("year"):
            queryset = queryset.in_year(valid["year"])
        return queryset

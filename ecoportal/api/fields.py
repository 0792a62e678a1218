"""Serializer fields and helpers shared by the apps' public serializers."""

from urllib.parse import urlencode

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema_field, extend_schema_serializer
from rest_framework import serializers
from rest_framework.reverse import reverse

EXAMPLE_SITE = "https://ecoportal.example.org"


def example(title, value):
    """The schema's example of a serializer's response: real values of the shipped fixtures.

    ``tests/api/test_schema_examples.py`` compares every example with what the API answers for
    the fixtures, so an example cannot drift from the data it shows.
    """
    return extend_schema_serializer(examples=[OpenApiExample(title, value=value, response_only=True)])


NAMES = {
    "slug": {"help_text": "Stable identifier used in URLs."},
    "name": {"help_text": "Name in Chinese."},
    "name_en": {"help_text": "Name in English; may be empty."},
}


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute URL of a public page: ``get_absolute_url()`` of the object or ``source``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class FilteredListUrlField(serializers.Field):
    """The absolute API URL of a list filtered on this object, e.g. its observations."""

    def __init__(self, view_name, parameter, lookup, **kwargs):
        self.view_name, self.parameter, self.lookup = view_name, parameter, lookup
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        url = reverse(self.view_name, request=self.context["request"])
        return f"{url}?{urlencode({self.parameter: getattr(value, self.lookup)})}"


class OptionalUrlField(serializers.URLField):
    """A URL, or null where there is none (the model keeps an empty string)."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, allow_null=True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


def api_url(view_name, lookup_field="slug"):
    """The item's own address in the API."""
    return serializers.HyperlinkedIdentityField(
        view_name=view_name, lookup_field=lookup_field, help_text="This item in the API."
    )


def slug_of(*, nullable=False, **kwargs):
    """A related row shown by its slug (``null`` when ``nullable`` and there is none)."""
    return serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=nullable, **kwargs)

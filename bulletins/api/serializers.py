"""Public representations of regions, publishers, topics, bulletins and achievement lists.

Fields are listed one by one and are all read-only: editorial state (status, version,
created_by, deleted_at) and the raw text never leave the portal through the API.
"""

from urllib.parse import urlencode

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from ..models import (
    AchievementItem,
    AchievementList,
    Bulletin,
    Correction,
    Publisher,
    Region,
    Topic,
)

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


class RegionSerializer(serializers.ModelSerializer):
    url = api_url("api:region-detail")
    parent = slug_of(nullable=True, help_text="Slug of the region above; null for the country.")

    class Meta:
        model = Region
        fields = ["url", "slug", "name", "name_en", "level", "code", "parent"]
        read_only_fields = fields
        extra_kwargs = {
            **NAMES,
            "slug": {"help_text": "Stable pinyin identifier, e.g. `heilongjiang`."},
            "level": {"help_text": "`country`, `province` or `prefecture` (a prefecture-level city)."},
            "code": {"help_text": "GB/T 2260 administrative division code; may be empty."},
        }


class PublisherSerializer(serializers.ModelSerializer):
    url = api_url("api:publisher-detail")
    region = slug_of(nullable=True, help_text="Slug of the publisher's region.")
    website = OptionalUrlField(source="url", help_text="The publisher's own website; null when unknown.")

    class Meta:
        model = Publisher
        fields = ["url", "slug", "name", "name_en", "region", "website"]
        read_only_fields = fields
        extra_kwargs = NAMES


class TopicSerializer(serializers.ModelSerializer):
    url = api_url("api:topic-detail")

    class Meta:
        model = Topic
        fields = ["url", "slug", "name", "name_en"]
        read_only_fields = fields
        extra_kwargs = NAMES


class BulletinSerializer(serializers.ModelSerializer):
    """A bulletin in a list: what it is, where and when, without its text."""

    url = api_url("api:bulletin-detail")
    page_url = PageUrlField(help_text="The bulletin's public page.")
    region = slug_of(nullable=True, help_text="Region slug; null when the source does not name it.")
    publisher = slug_of(nullable=True, help_text="Publisher slug; null when the source does not name it.")
    topics = slug_of(many=True, help_text="Topic slugs.")
    year = serializers.IntegerField(
        read_only=True, allow_null=True,
        help_text="Year of issue, or the year its period ends when the issue date is unknown.",
    )
    published_at = serializers.DateTimeField(
        source="publish_at", read_only=True, help_text="When the portal published it."
    )

    class Meta:
        model = Bulletin
        fields = [
            "url",
            "page_url",
            "slug",
            "title",
            "summary",
            "region",
            "region_label",
            "publisher",
            "topics",
            "issued_on",
            "issued_at_text",
            "period_start",
            "period_end",
            "year",
            "published_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "slug": NAMES["slug"],
            "title": {"help_text": "Title as published."},
            "summary": {"help_text": "Short summary; may be empty."},
            "region_label": {
                "help_text": "What the source calls the region when it cannot be identified (e.g. 口市)."
            },
            "issued_on": {"help_text": "Date of issue; null when the source does not state it."},
            "issued_at_text": {"help_text": "The issue date or time as the source writes it."},
            "period_start": {"help_text": "First day of the period reported on; null when unknown."},
            "period_end": {"help_text": "Last day of the period reported on; null when unknown."},
        }


class AchievementItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AchievementItem
        fields = ["number", "title", "body"]
        read_only_fields = fields
        extra_kwargs = {
            "number": {"help_text": "Position in the list, from 1."},
            "title": {"help_text": "The achievement in a line."},
            "body": {"help_text": "Its description; may be empty."},
        }


class AchievementListSerializer(serializers.ModelSerializer):
    """An achievement list in a list: its title, year and bulletin."""

    url = api_url("api:achievementlist-detail")
    region = serializers.SlugRelatedField(
        source="bulletin.region", slug_field="slug", read_only=True, allow_null=True,
        help_text="Region slug of the bulletin; null when the source does not name it.",
    )
    bulletin = slug_of(help_text="Slug of the bulletin the list belongs to.")
    bulletin_url = PageUrlField(source="bulletin", help_text="The bulletin's public page.")

    class Meta:
        model = AchievementList
        fields = ["url", "slug", "title", "year", "region", "bulletin", "bulletin_url"]
        read_only_fields = fields
        extra_kwargs = {
            "slug": NAMES["slug"],
            "title": {"help_text": "Title of the list."},
            "year": {"help_text": "The year the list covers; null when unknown."},
        }


class AchievementListDetailSerializer(AchievementListSerializer):
    """An achievement list with its numbered items."""

    items = AchievementItemSerializer(many=True, read_only=True)

    class Meta(AchievementListSerializer.Meta):
        fields = [*AchievementListSerializer.Meta.fields, "items"]
        read_only_fields = fields


class NestedAchievementListSerializer(AchievementListDetailSerializer):
    """The achievement list inside its bulletin (the bulletin is the parent)."""

    class Meta(AchievementListDetailSerializer.Meta):
        fields = ["url", "slug", "title", "year", "items"]
        read_only_fields = fields


class CorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Correction
        fields = ["original", "corrected", "note"]
        read_only_fields = fields
        extra_kwargs = {
            "original": {"help_text": "The text as received, with the conversion error."},
            "corrected": {"help_text": "The text as corrected by an editor."},
            "note": {"help_text": "Why; may be empty."},
        }


class BulletinDetailSerializer(BulletinSerializer):
    """A bulletin with its cleaned text, achievement list, corrections and a link to its figures."""

    achievement_list = NestedAchievementListSerializer(read_only=True, allow_null=True)
    corrections = CorrectionSerializer(many=True, read_only=True)
    observations_url = FilteredListUrlField(
        "api:observation-list", "bulletin", "slug",
        help_text="The figures this bulletin states, in the observations API.",
    )
    source_url = OptionalUrlField(help_text="The page the bulletin was taken from; null when unknown.")
    original_url = OptionalUrlField(help_text="The original publication; null when unknown.")

    class Meta(BulletinSerializer.Meta):
        fields = [
            *BulletinSerializer.Meta.fields,
            "body",
            "editorial_note",
            "source_name",
            "author_name",
            "source_url",
            "original_url",
            "cover_image",
            "cover_alt",
            "updated_at",
            "achievement_list",
            "corrections",
            "observations_url",
        ]
        read_only_fields = fields
        extra_kwargs = {
            **BulletinSerializer.Meta.extra_kwargs,
            "body": {"help_text": "The cleaned text: page boilerplate removed, every sentence kept."},
            "editorial_note": {"help_text": "The editors' note to readers on how the text was handled."},
            "source_name": {"help_text": "The source as the text names it; may be empty."},
            "author_name": {"help_text": "The author as the text names them; may be empty."},
            "cover_image": {"help_text": "Cover image; null when there is none."},
            "cover_alt": {"help_text": "Text alternative of the cover image."},
            "updated_at": {"help_text": "Last change on the portal."},
        }

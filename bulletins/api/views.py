"""Read-only API of bulletins, achievement lists and their reference data (ecoportal.api's bases)."""

from ecoportal.api.pagination import MemoItemsMixin
from ecoportal.api.viewsets import PublicReadOnlyViewSet

from ..filters import AchievementListFilterSet, BulletinFilterSet
from ..models import AchievementList, Bulletin, Publisher, Region, Topic
from . import serializers
from .pagination import BulletinPagination


class RegionViewSet(PublicReadOnlyViewSet):
    """Regions: the country, provinces and prefecture-level cities, by stable pinyin slug."""

    public_model = Region
    serializer_class = serializers.RegionSerializer
    lookup_field = "slug"

    def public_queryset(self):
        # Reference data: every region is public.
        return Region.objects.select_related("parent")


class PublisherViewSet(PublicReadOnlyViewSet):
    """Publishers: the bureaus and accounts that issue bulletins."""

    public_model = Publisher
    serializer_class = serializers.PublisherSerializer
    lookup_field = "slug"

    def public_queryset(self):
        # Reference data: every publisher is public.
        return Publisher.objects.select_related("region")


class TopicViewSet(PublicReadOnlyViewSet):
    """Topics bulletins treat (air, water, inspections…)."""

    public_model = Topic
    serializer_class = serializers.TopicSerializer
    lookup_field = "slug"

    def public_queryset(self):
        # Reference data: every topic is public.
        return Topic.objects.all()


class BulletinViewSet(MemoItemsMixin, PublicReadOnlyViewSet):
    """Published bulletins: light items in the list; text, achievement list and corrections in detail."""

    public_model = Bulletin
    serializer_class = serializers.BulletinSerializer
    detail_serializer_class = serializers.BulletinDetailSerializer
    filterset_class = BulletinFilterSet
    pagination_class = BulletinPagination
    lookup_field = "slug"

    def get_queryset(self):
        queryset = super().get_queryset().for_listing().defer("raw_text")
        if self.action == "retrieve":
            return queryset.select_related("achievement_list").prefetch_related(
                "corrections", "achievement_list__items"
            )
        return queryset.defer("body")


class AchievementListViewSet(PublicReadOnlyViewSet):
    """Achievement lists of published bulletins; the detail has the numbered items."""

    public_model = AchievementList
    serializer_class = serializers.AchievementListSerializer
    detail_serializer_class = serializers.AchievementListDetailSerializer
    filterset_class = AchievementListFilterSet
    lookup_field = "slug"

    def get_queryset(self):
        queryset = (
            super().get_queryset()
            .select_related("bulletin__region")
            .only("id", "slug", "title", "year", "bulletin__slug", "bulletin__region__slug")
        )
        if self.action == "retrieve":
            return queryset.prefetch_related("items")
        return queryset

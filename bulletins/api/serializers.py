"""Public representations of regions, publishers, topics, bulletins and achievement lists.

Fields are listed one by one and are all read-only: editorial state (status, version,
created_by, deleted_at) and the raw text never leave the portal through the API.
"""

from rest_framework import serializers

from ecoportal.api.fields import (
    EXAMPLE_SITE,
    NAMES,
    FilteredListUrlField,
    OptionalUrlField,
    PageUrlField,
    api_url,
    example,
    slug_of,
)

from ..models import (
    AchievementItem,
    AchievementList,
    Bulletin,
    Correction,
    Publisher,
    Region,
    Topic,
)

REGION_EXAMPLE = {
    "url": f"{EXAMPLE_SITE}/api/v1/regions/heilongjiang/",
    "slug": "heilongjiang",
    "name": "黑龙江省",
    "name_en": "Heilongjiang",
    "level": "province",
    "code": "230000",
    "parent": "china",
}
PUBLISHER_EXAMPLE = {
    "url": f"{EXAMPLE_SITE}/api/v1/publishers/heilongjiang-shengtai-huanjing/",
    "slug": "heilongjiang-shengtai-huanjing",
    "name": "黑龙江生态环境",
    "name_en": "Heilongjiang Ecology and Environment",
    "region": "heilongjiang",
    "website": None,
}
TOPIC_EXAMPLE = {"url": f"{EXAMPLE_SITE}/api/v1/topics/air/", "slug": "air", "name": "大气", "name_en": "Air"}
BULLETIN_EXAMPLE = {
    "url": f"{EXAMPLE_SITE}/api/v1/bulletins/heilongjiang-2024-work-conference/",
    "page_url": f"{EXAMPLE_SITE}/bulletins/heilongjiang-2024-work-conference/",
    "slug": "heilongjiang-2024-work-conference",
    "title": "2024年黑龙江省生态环境保护工作会议在哈尔滨召开",
    "summary": "2024年1月28日,省生态环境厅在哈尔滨市召开2024年全省生态环境保护工作会议。",
    "region": "heilongjiang",
    "region_label": "",
    "publisher": "heilongjiang-shengtai-huanjing",
    "topics": ["air", "climate", "ecology", "enforcement", "inspection", "soil", "water"],
    "issued_on": "2024-01-29",
    "issued_at_text": "2024/1/29 9:18:49",
    "period_start": "2023-01-01",
    "period_end": "2023-12-31",
    "year": 2023,
    "published_at": "2024-01-29T09:00:00+08:00",
}
ACHIEVEMENT_ITEM_EXAMPLE = {
    "number": 2,
    "title": "东北三省首个地市级国家环境健康管理试点城市",
    "body": "生态环境部公布2024年国家环境健康管理试点名单,伊春市被正式确定为23个国家环境健康管理试点"
    "地区之一,成为东北三省首个入选国家环境健康管理试点地区的地级市。",
}
ACHIEVEMENT_LIST_EXAMPLE = {
    "url": f"{EXAMPLE_SITE}/api/v1/achievement-lists/yichun-highlights/",
    "slug": "yichun-highlights",
    "title": "伊春市生态环境保护工作亮点（15项）",
    "year": None,
    "region": "yichun",
    "bulletin": "yichun-highlights",
    "bulletin_url": f"{EXAMPLE_SITE}/bulletins/yichun-highlights/",
}
CORRECTION_EXAMPLE = {"original": "HI类", "corrected": "Ⅲ类", "note": "转换错误：罗马数字“Ⅲ”被识别为“HI”。"}
# A bulletin whose source names neither its city nor its date: nulls and the label as written.
BULLETIN_DETAIL_EXAMPLE = {
    "url": f"{EXAMPLE_SITE}/api/v1/bulletins/unnamed-city-2023-work-report/",
    "page_url": f"{EXAMPLE_SITE}/bulletins/unnamed-city-2023-work-report/",
    "slug": "unnamed-city-2023-work-report",
    "title": "2023年7生态文明建设工作总结情况汇报",
    "summary": "近年来,口市在加大环境保护的同时,以口最美“后花园”和华北地区“知名旅游目的地”为旅游发展新定位,"
    "立足“历史文化、湿地资源”两大特色,拓展发展空间,加快滨湖新区建设。",
    "region": None,
    "region_label": "口市",
    "publisher": None,
    "topics": ["air", "climate", "ecology", "soil", "water"],
    "issued_on": None,
    "issued_at_text": "",
    "period_start": None,
    "period_end": None,
    "year": None,
    "published_at": "2026-01-01T00:00:00+08:00",
    # The text is shortened here (…); the API gives all of it.
    "body": "近年来,口市在加大环境保护的同时,以口最美“后花园”和华北地区“知名旅游目的地”为旅游发展新定位,…",
    "editorial_note": "原文为第一文库网会员分享的docx文档，标题照录（含“7”）。文中城市名称被隐去，仅作“口市”，"
    "本站不推断是哪座城市。…",
    "source_name": "",
    "author_name": "",
    "source_url": None,
    "original_url": None,
    "cover_image": None,
    "cover_alt": "",
    "updated_at": "2026-01-01T00:00:00+08:00",
    "achievement_list": None,
    "corrections": [CORRECTION_EXAMPLE],
    "observations_url": f"{EXAMPLE_SITE}/api/v1/observations/?bulletin=unnamed-city-2023-work-report",
}

@example("Heilongjiang province", REGION_EXAMPLE)
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


@example("A provincial publisher", PUBLISHER_EXAMPLE)
class PublisherSerializer(serializers.ModelSerializer):
    url = api_url("api:publisher-detail")
    region = slug_of(nullable=True, help_text="Slug of the publisher's region.")
    website = OptionalUrlField(source="url", help_text="The publisher's own website; null when unknown.")

    class Meta:
        model = Publisher
        fields = ["url", "slug", "name", "name_en", "region", "website"]
        read_only_fields = fields
        extra_kwargs = NAMES


@example("Air", TOPIC_EXAMPLE)
class TopicSerializer(serializers.ModelSerializer):
    url = api_url("api:topic-detail")

    class Meta:
        model = Topic
        fields = ["url", "slug", "name", "name_en"]
        read_only_fields = fields
        extra_kwargs = NAMES


@example("Heilongjiang 2024 work conference", BULLETIN_EXAMPLE)
class BulletinSerializer(serializers.ModelSerializer):
    """A bulletin in a list: what it is, where and when, without its text."""

    url = api_url("api:bulletin-detail")
    page_url = PageUrlField(help_text="The bulletin's public page.")
    region = slug_of(nullable=True, help_text="Region slug; null when the source does not name it.")
    publisher = slug_of(nullable=True, help_text="Publisher slug; null when the source does not name it.")
    topics = slug_of(many=True, help_text="Topic slugs.")
    year = serializers.IntegerField(
        source="period_end.year", read_only=True, allow_null=True,
        help_text=(
            "The year the reported period ends, what the `year` filter selects (as on every "
            "list); null when the bulletin states no period (`period=unknown`). The issue date "
            "is `issued_on`."
        ),
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


@example("An achievement of Yichun", ACHIEVEMENT_ITEM_EXAMPLE)
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


@example("Yichun highlights", ACHIEVEMENT_LIST_EXAMPLE)
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


@example(
    "Yichun highlights, with the items",
    {**ACHIEVEMENT_LIST_EXAMPLE, "items": [ACHIEVEMENT_ITEM_EXAMPLE]},
)
class AchievementListDetailSerializer(AchievementListSerializer):
    """An achievement list with its numbered items."""

    items = AchievementItemSerializer(many=True, read_only=True)

    class Meta(AchievementListSerializer.Meta):
        fields = [*AchievementListSerializer.Meta.fields, "items"]
        read_only_fields = fields


@example(
    "Yichun highlights, in their bulletin",
    {
        **{key: ACHIEVEMENT_LIST_EXAMPLE[key] for key in ("url", "slug", "title", "year")},
        "items": [ACHIEVEMENT_ITEM_EXAMPLE],
    },
)
class NestedAchievementListSerializer(AchievementListDetailSerializer):
    """The achievement list inside its bulletin (the bulletin is the parent)."""

    class Meta(AchievementListDetailSerializer.Meta):
        fields = ["url", "slug", "title", "year", "items"]
        read_only_fields = fields


@example("A conversion error corrected", CORRECTION_EXAMPLE)
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


@example("A bulletin of an unnamed city, with its corrections", BULLETIN_DETAIL_EXAMPLE)
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

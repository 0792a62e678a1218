"""Public representations of indicators and observations (every number with its source)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ecoportal.api.fields import (
    EXAMPLE_SITE,
    NAMES,
    FilteredListUrlField,
    PageUrlField,
    api_url,
    example,
    slug_of,
)

from .. import units
from ..downloads import reported_value
from ..models import Indicator, Observation
from ..observation_units import indicator_unit, unit_columns, vocabulary

UNIT_CODES = list(units.CODES)
UNIT_VOCABULARY = "Unit codes (code: Chinese symbol / English symbol, family; one family converts): " + "; ".join(
    f"`{entry['code']}`: {entry['symbol_zh'] or '—'} / {entry['symbol_en'] or '—'}, {entry['family']}"
    for entry in vocabulary()
) + "."

INDICATOR_EXAMPLE = {
    "url": f"{EXAMPLE_SITE}/api/v1/indicators/pm25/",
    "code": "pm25",
    "name": "PM2.5浓度",
    "name_en": "PM2.5 concentration",
    "unit": "微克/立方米",
    "unit_en": "μg/m³",
    "unit_code": "ug/m3",
    "category": "air",
    "higher_is_better": False,
    "description": "",
    "observations_url": f"{EXAMPLE_SITE}/api/v1/observations/?indicator=pm25",
}
# /api/v1/observations/?region=heilongjiang&year=2023&indicator=pm25 with the shipped fixtures.
OBSERVATION_EXAMPLE = {
    "id": 123,
    "indicator": "pm25",
    "indicator_name": "PM2.5浓度",
    "indicator_name_en": "PM2.5 concentration",
    "region": "heilongjiang",
    "period_start": "2023-01-01",
    "period_end": "2023-12-31",
    "period_label": "2023年",
    "value": "25",
    "unit": "微克/立方米",
    "unit_en": "μg/m³",
    "unit_code": "ug/m3",
    "value_normalised": "25.0000",
    "normalised_unit": "ug/m3",
    "value_in_indicator_unit": "25.0000",
    "indicator_unit": "ug/m3",
    "qualifier": "",
    "quote": "2023年全省优良天数比例为93.1%,扣除沙尘异常超标天数后为94.2%、优于全国平均值7.4个百分点,"
    "PM2.5浓度为25微克/立方米、优于全国平均值5微克",
    "bulletin": "heilongjiang-2024-work-conference",
    "bulletin_url": f"{EXAMPLE_SITE}/bulletins/heilongjiang-2024-work-conference/",
    "source_url": f"{EXAMPLE_SITE}/bulletins/heilongjiang-2024-work-conference/#obs-123",
}


@extend_schema_field({"type": "string", "enum": [*UNIT_CODES, None], "nullable": True})
class UnitCodeField(serializers.Field):
    """A code of the units table, read from the object by ``unit_of(obj)``; null when unknown."""

    def __init__(self, unit_of, **kwargs):
        self.unit_of = unit_of
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        unit = self.unit_of(value)
        return unit.code if unit else None


@example("PM2.5", INDICATOR_EXAMPLE)
class IndicatorSerializer(serializers.ModelSerializer):
    url = api_url("api:indicator-detail", lookup_field="code")
    unit_code = UnitCodeField(
        indicator_unit,
        help_text="The indicator's canonical unit, a code of the units table: "
        "observations' `value_in_indicator_unit` is in it; null when the table does not know the unit. "
        + UNIT_VOCABULARY,
    )
    observations_url = FilteredListUrlField(
        "api:observation-list", "indicator", "code", help_text="This indicator's observations."
    )

    class Meta:
        model = Indicator
        fields = [
            "url",
            "code",
            "name",
            "name_en",
            "unit",
            "unit_en",
            "unit_code",
            "category",
            "higher_is_better",
            "description",
            "observations_url",
        ]
        read_only_fields = fields
        extra_kwargs = {
            **NAMES,
            "code": {"help_text": "Stable identifier used in URLs and filters, e.g. `pm25`."},
            "unit": {"help_text": "Usual unit, in Chinese (e.g. 微克/立方米)."},
            "unit_en": {"help_text": "Usual unit, in English; may be empty."},
            "category": {"help_text": "What the indicator is about (air, water, enforcement…)."},
            "higher_is_better": {
                "help_text": "true when a higher value is better, false when lower is better, "
                "null when neither (e.g. a number of cases)."
            },
            "description": {"help_text": "What is measured, and how; may be empty."},
        }


@extend_schema_field({"type": "string", "format": "decimal", "example": "25"})
class ReportedValueField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return reported_value(value)


@extend_schema_field({"type": "string", "nullable": True})
class UnitColumnField(serializers.Field):
    """One of ``observation_units.unit_columns``: the row's units, computed once per row."""

    def __init__(self, key, **kwargs):
        self.key = key
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        cached = getattr(value, "_unit_columns", None)
        if cached is None:
            cached = value._unit_columns = unit_columns(value)
        return cached[self.key]


@extend_schema_field({"type": "string", "enum": [*UNIT_CODES, None], "nullable": True})
class UnitCodeColumnField(UnitColumnField):
    pass


def _unit_code_column(key, help_text):
    return UnitCodeColumnField(key, help_text=f"{help_text} {UNIT_VOCABULARY}")


@extend_schema_field({"type": "string", "format": "decimal", "nullable": True, "example": "14000.0000"})
class DecimalColumnField(UnitColumnField):
    pass


@example("Heilongjiang's PM2.5 in 2023", OBSERVATION_EXAMPLE)
class ObservationSerializer(serializers.ModelSerializer):
    """One figure a bulletin states, with the verbatim sentence and a link to it."""

    indicator = serializers.SlugRelatedField(
        slug_field="code", read_only=True, help_text="Indicator code."
    )
    indicator_name = serializers.CharField(
        source="indicator.name", read_only=True, help_text="Indicator name in Chinese."
    )
    indicator_name_en = serializers.CharField(
        source="indicator.name_en", read_only=True, help_text="Indicator name in English."
    )
    region = slug_of(nullable=True, help_text="Region slug; null when the source does not name the city.")
    value = ReportedValueField(
        help_text="The number exactly as the source writes it, as a decimal string (e.g. `94.2`)."
    )
    unit_en = UnitColumnField(
        "unit_en", allow_null=True,
        help_text="The reported unit in English (from the units table); empty for a bare count; "
        "null when the table does not know the unit.",
    )
    unit_code = _unit_code_column("unit_code", "The reported unit as a code of the units table; null when unknown.")
    normalised_unit = _unit_code_column(
        "normalised_unit", "The unit of `value_normalised`: the base unit of the reported unit's family."
    )
    value_in_indicator_unit = DecimalColumnField(
        "value_in_indicator_unit",
        help_text="The value converted to the indicator's unit (`indicator_unit`) through the units "
        "table, so that rows of one indicator compare; null when the units are unknown or of two families.",
    )
    indicator_unit = _unit_code_column(
        "indicator_unit", "The indicator's canonical unit code, the unit of `value_in_indicator_unit`."
    )
    bulletin = slug_of(help_text="Slug of the bulletin that states the value.")
    bulletin_url = PageUrlField(source="bulletin", help_text="The bulletin's public page.")
    source_url = PageUrlField(
        help_text="The bulletin's public page, anchored at the sentence that states the value."
    )

    class Meta:
        model = Observation
        fields = [
            "id",
            "indicator",
            "indicator_name",
            "indicator_name_en",
            "region",
            "period_start",
            "period_end",
            "period_label",
            "value",
            "unit",
            "unit_en",
            "unit_code",
            "value_normalised",
            "normalised_unit",
            "value_in_indicator_unit",
            "indicator_unit",
            "qualifier",
            "quote",
            "bulletin",
            "bulletin_url",
            "source_url",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": "Stable identifier: /api/v1/observations/<id>/."},
            "period_start": {"help_text": "First day of the observed period; null when unknown."},
            "period_end": {"help_text": "Last day of the observed period; null when unknown."},
            "period_label": {"help_text": "The period as the source words it, e.g. 2023年 or 1—11月."},
            "unit": {"help_text": "The unit as the source writes it."},
            "value_normalised": {
                "help_text": "The value in the base unit of its family (万元 → 元), for sorting and "
                "charts; null when the unit is not known."
            },
            "qualifier": {
                "help_text": "What makes the value not comparable with others, e.g. "
                "扣除沙尘异常超标天数后; empty when nothing."
            },
            "quote": {"help_text": "The sentence that states the value, verbatim."},
        }


class ObservationVersionSerializer(serializers.Serializer):
    """A figure as it read after one public event."""

    event = serializers.ChoiceField(
        choices=["published", "corrected", "withdrawn"],
        help_text="`published` (as the bulletin first showed it), `corrected` or `withdrawn`.",
    )
    at = serializers.DateTimeField(help_text="When: the bulletin's publication, or the correction.")
    indicator = serializers.CharField(allow_null=True, help_text="Indicator code.")
    region = serializers.CharField(allow_null=True, help_text="Region slug; null when not known.")
    period_start = serializers.DateField(allow_null=True, help_text="First day of the period; null when unknown.")
    period_end = serializers.DateField(allow_null=True, help_text="Last day of the period; null when unknown.")
    period_label = serializers.CharField(allow_blank=True, help_text="The period as the source words it.")
    value = serializers.CharField(help_text="The value as written, as a decimal string.")
    unit = serializers.CharField(help_text="The unit as written.")
    qualifier = serializers.CharField(allow_blank=True, help_text="What makes the value not comparable; may be empty.")
    note = serializers.CharField(allow_blank=True, help_text="The public note of a correction; empty otherwise.")
    note_url = serializers.URLField(allow_null=True, help_text="Where the bulletin page shows the note.")


# /api/v1/observations/123/history/ with the shipped fixtures (a figure never corrected).
HISTORY_EXAMPLE = {
    "id": 123,
    "versions": [
        {
            "event": "published", "at": "2024-01-29T09:00:00+08:00", "indicator": "pm25", "region": "heilongjiang",
            "period_start": "2023-01-01", "period_end": "2023-12-31", "period_label": "2023年", "value": "25",
            "unit": "微克/立方米", "qualifier": "", "note": "", "note_url": None,
        }
    ],
}


@example("PM2.5 of Heilongjiang in 2023, as published", HISTORY_EXAMPLE)
class ObservationHistorySerializer(serializers.Serializer):
    """A public figure's history, oldest first."""

    id = serializers.IntegerField(help_text="The figure: /api/v1/observations/<id>/.")
    versions = ObservationVersionSerializer(many=True, help_text="Oldest first.")

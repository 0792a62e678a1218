"""Public representations of indicators and observations (every number with its source)."""

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ecoportal.api.fields import (
    EXAMPLE_SITE,
    NAMES,
    FilteredListUrlField,
    api_url,
    example,
)

from .. import units
from ..models import Indicator
from ..observation_columns import COLUMNS, UNIT_VOCABULARY, RowReader
from ..observation_units import indicator_unit

UNIT_CODES = list(units.CODES)

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
    "kind": "level",
    "approximate": False,
    "derived": False,
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


class ColumnField(serializers.Field):
    """One column of ``observation_columns.COLUMNS``, read as the downloads read it."""

    def __init__(self, column, **kwargs):
        self.column = column
        kwargs.update(source="*", read_only=True, help_text=column.help_text)
        super().__init__(**kwargs)

    def to_representation(self, observation):
        reader = self.parent.row_reader
        value = self.column.read(observation, reader)
        if value is None or isinstance(value, (int, str)):
            return value
        if isinstance(value, Decimal):
            return str(value)
        return value.isoformat()


def _column_field(column):
    """A field class of its own per column, so that the schema documents each one's type."""
    field_class = type(f"{column.name.title().replace('_', '')}ColumnField", (ColumnField,), {})
    return extend_schema_field(column.schema())(field_class)(column)


class _ObservationSerializer(serializers.Serializer):
    """One figure a bulletin states, with the verbatim sentence and a link to it."""

    @property
    def row_reader(self):
        root = self.root
        reader = getattr(root, "_row_reader", None)
        if reader is None:
            reader = root._row_reader = RowReader(self.context["request"].build_absolute_uri)
        return reader


ObservationSerializer = example("Heilongjiang's PM2.5 in 2023", OBSERVATION_EXAMPLE)(
    type(
        "ObservationSerializer",
        (_ObservationSerializer,),
        {
            "__doc__": _ObservationSerializer.__doc__,
            "__module__": __name__,
            **{column.name: _column_field(column) for column in COLUMNS},
        },
    )
)


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

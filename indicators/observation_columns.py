"""The columns of an observation, defined once: the API's JSON fields, the CSV's and the XLSX's.

Each column has its name, its documentation (the schema's description and type) and how it is
read from an observation. ``indicators.api.serializers.ObservationSerializer`` is built from
this list, and ``indicators.downloads`` writes the same list row by row, so the JSON, the CSV
and the spreadsheet cannot differ in a column or a value
(``tests/api/test_downloads.py`` compares them for every row of the fixtures).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import units
from .observation_units import unit_columns

UNIT_VOCABULARY = "Unit codes (code: Chinese symbol / English symbol, family; one family converts): " + "; ".join(
    f"`{unit.code}`: {unit.symbol_zh or '—'} / {unit.symbol_en or '—'}, {unit.family}" for unit in units.TABLE
) + "."

TEXT, INTEGER, DECIMAL, DATE, URL, BOOLEAN = "text", "integer", "decimal", "date", "url", "boolean"

_SCHEMA = {
    TEXT: {"type": "string"},
    INTEGER: {"type": "integer"},
    DECIMAL: {"type": "string", "format": "decimal"},
    DATE: {"type": "string", "format": "date"},
    URL: {"type": "string", "format": "uri"},
    BOOLEAN: {"type": "boolean"},
}


class RowReader:
    """What a row needs beyond its observation: absolute URLs, each bulletin's made once."""

    def __init__(self, absolute_url):
        self.absolute_url = absolute_url
        self._bulletin_urls = {}

    def bulletin_url(self, observation):
        bulletin = observation.bulletin
        url = self._bulletin_urls.get(bulletin.pk)
        if url is None:
            url = self._bulletin_urls[bulletin.pk] = self.absolute_url(bulletin.get_absolute_url())
        return url

    @staticmethod
    def units(observation):
        """``observation_units.unit_columns``, computed once per row."""
        cached = getattr(observation, "_unit_columns", None)
        if cached is None:
            cached = observation._unit_columns = unit_columns(observation)
        return cached


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    help_text: str
    read: Callable[[Any, RowReader], Any]
    nullable: bool = False
    #: Free text from a source or an editor, which a spreadsheet could take for a formula.
    free_text: bool = False
    schema_extra: dict | None = None

    def schema(self):
        schema = {**_SCHEMA[self.kind], **(self.schema_extra or {})}
        if self.nullable:
            schema["nullable"] = True
        return schema


def reported_value(observation):
    """The value as written in the source, as a decimal string (thousands separators dropped)."""
    return observation.value_text.replace(",", "")


def _unit(key):
    return lambda observation, reader: reader.units(observation)[key]


def _unit_code(name, help_text):
    return Column(
        name, TEXT, f"{help_text} {UNIT_VOCABULARY}", _unit(name), nullable=True,
        schema_extra={"enum": [*units.CODES, None]},
    )


COLUMNS = [
    Column("id", INTEGER, "Stable identifier: /api/v1/observations/<id>/.", lambda o, r: o.pk),
    Column("indicator", TEXT, "Indicator code.", lambda o, r: o.indicator.code),
    Column("indicator_name", TEXT, "Indicator name in Chinese.", lambda o, r: o.indicator.name, free_text=True),
    Column("indicator_name_en", TEXT, "Indicator name in English.", lambda o, r: o.indicator.name_en, free_text=True),
    Column(
        "region", TEXT, "Region slug; null when the source does not name the city.",
        lambda o, r: o.region.slug if o.region_id else None, nullable=True,
    ),
    Column("period_start", DATE, "First day of the observed period; null when unknown.", lambda o, r: o.period_start, nullable=True),
    Column("period_end", DATE, "Last day of the observed period; null when unknown.", lambda o, r: o.period_end, nullable=True),
    Column(
        "period_label", TEXT, "The period as the source words it, e.g. 2023年 or 1—11月.",
        lambda o, r: o.period_label, free_text=True,
    ),
    Column(
        "kind", TEXT,
        "What the figure says of its indicator: `level` (the indicator's value), `change` (a "
        "change of it, e.g. 同比下降3.8%) or `target` (a value aimed at).",
        lambda o, r: o.kind, schema_extra={"enum": ["level", "change", "target"]},
    ),
    Column(
        "approximate", BOOLEAN,
        "true when the source gives the number as approximate (1200余家次, 约3万元, more than 40): "
        "`value` is the number it names.",
        lambda o, r: o.approximate,
    ),
    Column(
        "derived", BOOLEAN,
        "true when the source does not write the number but implies it: computed from a level and "
        "its stated change in the same sentence (e.g. the previous year's level), citing that sentence.",
        lambda o, r: o.derived,
    ),
    Column(
        "value", DECIMAL, "The number exactly as the source writes it, as a decimal string (e.g. `94.2`).",
        lambda o, r: reported_value(o), schema_extra={"example": "25"},
    ),
    Column("unit", TEXT, "The unit as the source writes it.", lambda o, r: o.unit),
    Column(
        "unit_en", TEXT,
        "The reported unit in English (from the units table); empty for a bare count; null when "
        "the table does not know the unit.",
        _unit("unit_en"), nullable=True,
    ),
    _unit_code("unit_code", "The reported unit as a code of the units table; null when unknown."),
    Column(
        "value_normalised", DECIMAL,
        "The value in the base unit of its family (万元 → 元), for sorting and charts; null when the "
        "unit is not known.",
        lambda o, r: o.value_normalised, nullable=True,
    ),
    _unit_code("normalised_unit", "The unit of `value_normalised`: the base unit of the reported unit's family."),
    Column(
        "value_in_indicator_unit", DECIMAL,
        "The value converted to the indicator's unit (`indicator_unit`) through the units table, so "
        "that rows of one indicator compare; null when the units are unknown or of two families.",
        _unit("value_in_indicator_unit"), nullable=True, schema_extra={"example": "14000.0000"},
    ),
    _unit_code("indicator_unit", "The indicator's canonical unit code, the unit of `value_in_indicator_unit`."),
    Column(
        "qualifier", TEXT,
        "What makes the value not comparable with others, e.g. 扣除沙尘异常超标天数后; empty when nothing.",
        lambda o, r: o.qualifier, free_text=True,
    ),
    Column("quote", TEXT, "The sentence that states the value, verbatim.", lambda o, r: o.quote, free_text=True),
    Column("bulletin", TEXT, "Slug of the bulletin that states the value.", lambda o, r: o.bulletin.slug),
    Column("bulletin_url", URL, "The bulletin's public page.", lambda o, r: r.bulletin_url(o)),
    Column(
        "source_url", URL, "The bulletin's public page, anchored at the sentence that states the value.",
        lambda o, r: f"{r.bulletin_url(o)}#obs-{o.pk}",
    ),
]

NAMES = [column.name for column in COLUMNS]

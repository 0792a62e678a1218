"""Each observation's units as a machine reads them, from the units table alone.

A row gives the value as reported with its unit (Chinese as written, English, code), the value
in its family's base unit (``value_normalised``, stored for sorting) with that unit's code, and
the value in its indicator's own unit with the indicator's code, so that rows of one indicator
compare whatever unit each bulletin wrote (1.4 亿元 beside a 万元 indicator reads 14000).
Every conversion is ``units.convert``; a unit the table does not know gives nulls, never a guess.
"""

from decimal import Decimal

from . import units

_PLACES = Decimal("0.0001")

#: The columns this module adds to an observation row, in the order they are written.
REPORTED_COLUMNS = ("unit_en", "unit_code")
NORMALISED_COLUMNS = ("normalised_unit", "value_in_indicator_unit", "indicator_unit")


def indicator_unit(indicator):
    """The indicator's canonical ``Unit``: its ``unit_code``, else its unit as written; or None."""
    return units.get(indicator.unit_code) or units.parse_unit(indicator.unit)


def unit_columns(observation):
    """The unit columns of one observation, as strings or None."""
    reported = units.parse_unit(observation.unit)
    canonical = indicator_unit(observation.indicator)
    base = units.base_unit(reported.family) if reported else None
    in_indicator_unit = None
    if reported and canonical and reported.family == canonical.family:
        value = units.convert(observation.value, reported, canonical).quantize(_PLACES)
        in_indicator_unit = str(value)
    return {
        "unit_en": reported.symbol_en if reported else None,
        "unit_code": reported.code if reported else None,
        "normalised_unit": base.code if base and observation.value_normalised is not None else None,
        "value_in_indicator_unit": in_indicator_unit,
        "indicator_unit": canonical.code if canonical else None,
    }


def vocabulary():
    """The unit codes, each with its family and symbols: the schema's documentation of them."""
    return [
        {"code": u.code, "family": u.family, "symbol_zh": u.symbol_zh, "symbol_en": u.symbol_en}
        for u in units.TABLE
    ]

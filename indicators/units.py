"""Units as reported and their families, so values can be sorted and charted together.

Each unit maps to (family, factor): the factor turns a value in that unit into the family's
base unit (e.g. 万元 → 元 is 10,000).
"""

from decimal import Decimal

UNITS = {
    "%": ("percent", Decimal(1)),
    "个百分点": ("percentage_point", Decimal(1)),
    "天": ("days", Decimal(1)),
    "微克/立方米": ("concentration", Decimal(1)),
    "μg/m³": ("concentration", Decimal(1)),
    "元": ("money", Decimal(1)),
    "万元": ("money", Decimal(10_000)),
    "亿元": ("money", Decimal(100_000_000)),
    "个": ("count", Decimal(1)),
    "件": ("count", Decimal(1)),
    "项": ("count", Decimal(1)),
    "起": ("count", Decimal(1)),
    "家": ("count", Decimal(1)),
    "家(次)": ("count", Decimal(1)),
    "台": ("count", Decimal(1)),
    "台套": ("count", Decimal(1)),
    "座": ("count", Decimal(1)),
    "处": ("count", Decimal(1)),
    "条": ("count", Decimal(1)),
    "篇": ("count", Decimal(1)),
    "人": ("count", Decimal(1)),
    "人次": ("count", Decimal(1)),
    "万人次": ("count", Decimal(10_000)),
    "名": ("count", Decimal(1)),
    "间": ("count", Decimal(1)),
    "次": ("count", Decimal(1)),
    "批": ("count", Decimal(1)),
    "蒸吨/小时": ("boiler_capacity", Decimal(1)),
    "万吨/日": ("capacity", Decimal(10_000)),
    "吨/日": ("capacity", Decimal(1)),
    "立方米": ("volume", Decimal(1)),
    "万立方米": ("volume", Decimal(10_000)),
    "亿立方米": ("volume", Decimal(100_000_000)),
    "公顷": ("area", Decimal(1)),
    "亩": ("area", Decimal(1) / Decimal(15)),
    "万亩": ("area", Decimal(10_000) / Decimal(15)),
    "平方公里": ("area", Decimal(100)),
    "公里": ("length", Decimal(1)),
    "千瓦": ("power", Decimal(1)),
    "万千瓦": ("power", Decimal(10_000)),
}


def family(unit):
    return UNITS.get(unit, (None, None))[0]


def normalise(value, unit):
    """The value in its family's base unit, or None when the unit is not known."""
    factor = UNITS.get(unit, (None, None))[1]
    if factor is None or value is None:
        return None
    return (Decimal(value) * factor).quantize(Decimal("0.0001"))

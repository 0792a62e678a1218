"""Units as bulletins write them: one table of codes, families, symbols and conversions.

Each unit has a stable ASCII ``code`` (the vocabulary of the API and of the reference
catalogue), a ``family`` (values of one family can be compared and converted), its Chinese and
English symbols, a ``factor`` that turns a value in the unit into the family's base unit (万元 →
元 is 10,000), and the spellings it is written with. ``parse_unit()`` reads a written unit in
either language (full-width forms, superscripts and spaces are folded first); ``convert()``
moves a value between units of one family.

Plain Python on purpose: ``fixtures/build_portal.py`` loads this file by path, without Django.
"""

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

_TEN_THOUSAND = Decimal(10_000)
_HUNDRED_MILLION = Decimal(100_000_000)


@dataclass(frozen=True)
class Unit:
    """A unit: ``factor`` converts a value in it to its family's base unit."""

    code: str
    family: str
    symbol_zh: str
    symbol_en: str
    factor: Decimal = Decimal(1)
    spellings: tuple = field(default=(), compare=False, repr=False)


def _unit(code, family, symbol_zh, symbol_en, factor=1, *spellings):
    factor = factor if isinstance(factor, Decimal) else Decimal(factor)
    return Unit(code, family, symbol_zh, symbol_en, factor, (symbol_zh, symbol_en, *spellings))


#: The base unit of each family is the one whose factor is 1 and that comes first.
TABLE = (
    # Shares and changes of shares.
    _unit("percent", "percent", "%", "%", 1, "％", "percent", "per cent", "pct"),
    _unit("permille", "percent", "‰", "‰", Decimal("0.1")),
    _unit(
        "pp", "percentage_point", "个百分点", "percentage points", 1,
        "百分点", "percentage point", "pp", "ppt", "% points", "percent points",
    ),
    # Air: mass concentration (GB 3095-2012 reports SO2, NO2, PM, O3 in μg/m³, CO in mg/m³).
    _unit(
        "ug/m3", "concentration", "微克/立方米", "μg/m³", 1,
        "μg/m3", "ug/m3", "ug/m³", "微克每立方米", "微克／立方米", "micrograms per cubic metre",
        "micrograms per cubic meter",
    ),
    _unit(
        "mg/m3", "concentration", "毫克/立方米", "mg/m³", 1000,
        "mg/m3", "毫克每立方米", "milligrams per cubic metre", "milligrams per cubic meter",
    ),
    # Trace pollutants in air (benzo[a]pyrene in ng/m³, dioxins in pg/m³): the same family.
    _unit("ng/m3", "concentration", "纳克/立方米", "ng/m³", Decimal("0.001"), "ng/m3", "纳克每立方米"),
    _unit(
        "pg/m3", "concentration", "皮克/立方米", "pg/m³", Decimal("0.000001"), "pg/m3", "皮克每立方米",
    ),
    # Water: mass concentration in water.
    _unit("mg/L", "water_concentration", "毫克/升", "mg/L", 1, "mg/l", "毫克每升"),
    _unit("ug/L", "water_concentration", "微克/升", "μg/L", Decimal("0.001"), "ug/l", "μg/l", "微克每升"),
    # Time.
    _unit("day", "days", "天", "days", 1, "day"),
    # City-days: days counted over several cities (重污染395天次).
    _unit("city-day", "days", "天次", "city-days", 1),
    # Sound level: an equivalent continuous A-weighted level.
    _unit("dBA", "sound_level", "分贝", "dB(A)", 1, "dB(A)", "dB（A）", "dB", "dBA", "decibels", "decibel"),
    # Scores (public satisfaction on a 100-point scale) and unitless indices (AQI composite, pH, EI).
    _unit("score", "score", "分", "points", 1, "points"),
    _unit("index", "dimensionless", "", "", 1, "个pH单位", "pH单位", "pH units"),
    # Money.
    _unit("yuan", "money", "元", "yuan", 1, "元人民币", "RMB", "CNY"),
    _unit("k-yuan", "money", "千元", "thousand yuan", 1000),
    _unit("10k-yuan", "money", "万元", "10,000 yuan", _TEN_THOUSAND, "10000 yuan", "ten thousand yuan"),
    _unit("m-yuan", "money", "百万元", "million yuan", 1_000_000, "million RMB", "million CNY"),
    _unit(
        "100m-yuan", "money", "亿元", "100 million yuan", _HUNDRED_MILLION,
        "亿元人民币", "hundred million yuan",
    ),
    _unit("bn-yuan", "money", "十亿元", "billion yuan", 1_000_000_000, "billion RMB", "billion CNY"),
    # Mass (emissions, waste).
    _unit("t", "mass", "吨", "t", 1, "tonnes", "tonne", "tons", "ton"),
    _unit("kg", "mass", "千克", "kg", Decimal("0.001"), "公斤", "kilograms"),
    _unit("10k-t", "mass", "万吨", "10,000 t", _TEN_THOUSAND, "10,000 tonnes", "10000 t"),
    _unit("m-t", "mass", "百万吨", "million t", 1_000_000, "million tonnes", "million tons", "Mt"),
    _unit("100m-t", "mass", "亿吨", "100 million t", _HUNDRED_MILLION, "100 million tonnes"),
    # Energy as standard coal equivalent.
    _unit("tce", "coal_equivalent", "吨标准煤", "tce", 1, "吨标煤", "tonnes of standard coal equivalent"),
    _unit("10k-tce", "coal_equivalent", "万吨标准煤", "10,000 tce", _TEN_THOUSAND, "万吨标煤"),
    _unit("m-tce", "coal_equivalent", "百万吨标准煤", "million tce", 1_000_000, "million tce", "Mtce"),
    _unit("100m-tce", "coal_equivalent", "亿吨标准煤", "100 million tce", _HUNDRED_MILLION, "亿吨标煤"),
    # Generating capacity and electricity.
    _unit("kW", "power", "千瓦", "kW", 1, "kw"),
    _unit("10k-kW", "power", "万千瓦", "10,000 kW", _TEN_THOUSAND, "10000 kW"),
    _unit("MW", "power", "兆瓦", "MW", 1000, "megawatts", "megawatt"),
    _unit("GW", "power", "吉瓦", "GW", 1_000_000, "gigawatts", "gigawatt", "百万千瓦"),
    _unit("100m-kW", "power", "亿千瓦", "100 million kW", _HUNDRED_MILLION),
    _unit("kWh", "electricity", "千瓦时", "kWh", 1, "kwh"),
    _unit("10k-kWh", "electricity", "万千瓦时", "10,000 kWh", _TEN_THOUSAND, "万度"),
    _unit("100m-kWh", "electricity", "亿千瓦时", "100 million kWh", _HUNDRED_MILLION, "亿度"),
    # Area: the hectare is the base; 1 亩 is 1/15 ha.
    _unit("ha", "area", "公顷", "ha", 1, "hectares", "hectare"),
    _unit("10k-ha", "area", "万公顷", "10,000 ha", _TEN_THOUSAND, "10,000 hectares"),
    _unit("mu", "area", "亩", "mu", Decimal(1) / Decimal(15)),
    _unit("10k-mu", "area", "万亩", "10,000 mu", _TEN_THOUSAND / Decimal(15)),
    _unit("m2", "area", "平方米", "m²", Decimal("0.0001"), "m2", "square metres", "square meters"),
    _unit(
        "km2", "area", "平方公里", "km²", 100,
        "平方千米", "km2", "square kilometres", "square kilometers", "sq km",
    ),
    _unit("10k-km2", "area", "万平方公里", "10,000 km²", 1_000_000, "万平方千米"),
    # Length.
    _unit("km", "length", "公里", "km", 1, "千米", "kilometres", "kilometers"),
    _unit("m", "length", "米", "m", Decimal("0.001"), "metres", "meters"),
    # Volume.
    _unit("m3", "volume", "立方米", "m³", 1, "m3", "cubic metres", "cubic meters"),
    _unit("10k-m3", "volume", "万立方米", "10,000 m³", _TEN_THOUSAND, "万方"),
    _unit("100m-m3", "volume", "亿立方米", "100 million m³", _HUNDRED_MILLION),
    # Treatment capacity.
    _unit("t/d", "capacity", "吨/日", "t/d", 1, "吨/天", "吨每日", "tonnes per day"),
    _unit("10k-t/d", "capacity", "万吨/日", "10,000 t/d", _TEN_THOUSAND, "万吨/天", "万立方米/日"),
    _unit("steam-t/h", "boiler_capacity", "蒸吨/小时", "steam t/h", 1, "蒸吨"),
    # Radiation and dust fall.
    _unit("nGy/h", "dose_rate", "纳戈瑞/小时", "nGy/h", 1, "纳戈/小时", "nGy/h"),
    _unit("uGy/h", "dose_rate", "微戈瑞/小时", "μGy/h", 1000, "μGy/h", "uGy/h"),
    # Electromagnetic radiation: field strength and power density.
    _unit("V/m", "field_strength", "伏/米", "V/m", 1, "伏特/米"),
    _unit(
        "uW/cm2", "power_density", "微瓦/平方厘米", "μW/cm²", 1,
        "μW/cm2", "uW/cm2", "uW/cm²", "μw/cm2", "微瓦每平方厘米",
    ),
    # Water: germs counted per litre (fecal coliforms), per millilitre or per 100 mL (a plate's
    # colonies, a most probable number), as drinking-water tables write them.
    _unit("count/L", "count_density", "个/升", "count/L", 1, "个/L", "MPN/L"),
    _unit("CFU/mL", "count_density", "CFU/mL", "CFU/mL", 1000, "cfu/ml", "个/mL", "个/毫升"),
    _unit("CFU/100mL", "count_density", "CFU/100mL", "CFU/100mL", 10, "cfu/100ml", "个/100mL"),
    _unit("MPN/100mL", "count_density", "MPN/100mL", "MPN/100mL", 10, "mpn/100ml"),
    # Water: turbidity, in nephelometric units.
    _unit("NTU", "turbidity", "NTU", "NTU", 1, "ntu", "散射浊度单位"),
    # Negative air ions, counted per cubic centimetre.
    _unit(
        "count/cm3", "count_density", "个/立方厘米", "count/cm³", 1000,
        "个/cm3", "个/cm³", "ions/cm3", "ions/cm³",
    ),
    _unit(
        "t/km2/month", "deposition", "吨/(平方公里·月)", "t/(km²·month)", 1,
        "吨/平方公里·月", "吨/平方千米·月", "t/(km2·month)", "t/km2·month", "t/(km2·30d)",
    ),
    # Counts: one family, many nouns (件 cases, 家 companies, 项 items…).
    _unit("count", "count", "个", "", 1),
    _unit("case", "count", "件", "cases", 1, "cases", "case", "宗", "例"),
    _unit("item", "count", "项", "items", 1, "items"),
    _unit("incident", "count", "起", "incidents", 1, "incidents"),
    _unit("company", "count", "家", "companies", 1, "companies", "enterprises"),
    _unit("company-visit", "count", "家(次)", "company visits", 1, "家次", "家（次）", "户次"),
    _unit("device", "count", "台", "units", 1),
    _unit("equipment-set", "count", "台套", "sets", 1, "套"),
    _unit("site", "count", "处", "sites", 1, "sites"),
    _unit("facility", "count", "座", "facilities", 1, "facilities"),
    _unit("line", "count", "条", "lines", 1),
    _unit("article", "count", "篇", "articles", 1, "articles", "reports"),
    _unit("person", "count", "人", "people", 1),
    _unit("person-name", "count", "名", "persons", 1),
    _unit("person-time", "count", "人次", "person-times", 1, "person-times"),
    _unit("10k-person-time", "count", "万人次", "10,000 person-times", _TEN_THOUSAND),
    _unit("room", "count", "间", "rooms", 1),
    _unit("time", "count", "次", "times", 1, "times"),
    _unit("batch", "count", "批", "batches", 1, "batches"),
    _unit("household", "count", "户", "households", 1, "households"),
    _unit("document", "count", "份", "documents", 1, "documents"),
    _unit("10k-document", "count", "万份", "10,000 documents", _TEN_THOUSAND),
)

#: The vocabulary of unit codes (the API's ``UnitCodeEnum``).
CODES = tuple(unit.code for unit in TABLE)

_BY_CODE = {unit.code: unit for unit in TABLE}
_BASE = {}
for _u in TABLE:
    if _u.factor == 1:
        _BASE.setdefault(_u.family, _u)


def _key(text):
    """How a written unit is looked up: NFKC (full-width, ³, µ), no spaces, case-folded."""
    folded = unicodedata.normalize("NFKC", text).replace("µ", "μ")
    return "".join(folded.split()).casefold()


_BY_SPELLING = {}
for _u in TABLE:
    for _spelling in _u.spellings:
        if _spelling:
            _BY_SPELLING.setdefault(_key(_spelling), _u)

#: Every written form the table knows (Chinese and English), for figure finders.
SPELLINGS = tuple(sorted({s for u in TABLE for s in u.spellings if s}, key=lambda s: (-len(s), s)))

#: The units the portal's data has used so far, by their Chinese symbol: (family, factor).
UNITS = {unit.symbol_zh: (unit.family, unit.factor) for unit in TABLE if unit.symbol_zh}
UNITS["μg/m³"] = UNITS["微克/立方米"]


def parse_unit(text):
    """The ``Unit`` written as ``text`` (微克/立方米, μg/m3, ％, 万元, dB(A), percent…), or None."""
    if text is None:
        return None
    key = _key(str(text))
    if not key:
        return None
    return _BY_SPELLING.get(key)


def get(code):
    """The unit with this code, or None."""
    return _BY_CODE.get(code)


def base_unit(family):
    """The base unit of a family (the one ``factor`` converts to), or None."""
    return _BASE.get(family)


def _resolve(unit):
    if isinstance(unit, Unit):
        return unit
    found = _BY_CODE.get(unit) or parse_unit(unit)
    if found is None:
        raise ValueError(f"unknown unit: {unit!r}")
    return found


def convert(value, from_unit, to_unit):
    """``value`` in ``from_unit`` expressed in ``to_unit`` (Units, codes or spellings).

    ``ValueError`` when a unit is unknown or the two are not of one family (% and 个百分点 are
    not: a share and a change of a share).
    """
    source, target = _resolve(from_unit), _resolve(to_unit)
    if source.family != target.family:
        raise ValueError(f"{source.code} and {target.code} are not of one family")
    return Decimal(value) * source.factor / target.factor


def family(unit):
    """The family of a written unit, or None when it is not known."""
    found = parse_unit(unit)
    return found.family if found else None


def factor(unit):
    """The factor of a written unit to its family's base unit, or None when it is not known."""
    found = parse_unit(unit)
    return found.factor if found else None


def normalise(value, unit):
    """The value in its family's base unit, or None when the unit is not known."""
    found = parse_unit(unit)
    if found is None or value is None:
        return None
    return (Decimal(value) * found.factor).quantize(Decimal("0.0001"))


def english_symbol(text):
    """The English symbol of a written unit (起 → incidents, 微克/立方米 → μg/m³; 个 → "", a bare
    count), or None when the unit is not known."""
    found = parse_unit(text)
    return found.symbol_en if found else None

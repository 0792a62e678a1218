"""The indicator catalogue as plain values: what each indicator measures and how bulletins say it.

``Catalogue.from_reference()`` reads the reference file (``indicators/reference/catalogue.toml``)
and needs no database; ``Catalogue.from_database()`` gives the indicators as editors maintain
them in the admin, followed by the reference entries not yet in the database (``in_database``
False), so that a figure can be filed under a reference indicator before its first use.
Writing the reference into the database is ``indicators.catalogue_sync``.
"""

import tomllib
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from . import units
from .choices import Category

REFERENCE_FILE = Path(__file__).resolve().parent / "reference" / "catalogue.toml"


class CatalogueError(ValueError):
    """The reference file says something the catalogue cannot hold."""


@dataclass(frozen=True)
class Limit:
    """A national limit for an indicator's values, with the standard it comes from."""

    value: Decimal
    unit: str
    basis_zh: str
    basis_en: str = ""


@dataclass(frozen=True)
class Entry:
    """One indicator of the catalogue. ``unit`` is a unit code of ``indicators.units``."""

    code: str
    name_zh: str
    name_en: str
    category: str
    unit: str
    unit_family: str
    higher_is_better: bool | None = None
    aliases_zh: tuple = ()
    aliases_en: tuple = ()
    definition_zh: str = ""
    definition_en: str = ""
    limits: tuple = ()
    other_units: tuple = ()
    same_as: str = ""
    in_database: bool = False

    @property
    def aliases(self):
        return self.aliases_zh + self.aliases_en

    @property
    def limit(self):
        """The first (usually the only) national limit, or None."""
        return self.limits[0] if self.limits else None

    @property
    def unit_zh(self):
        unit = units.get(self.unit)
        return unit.symbol_zh if unit else ""

    @property
    def unit_en(self):
        unit = units.get(self.unit)
        return unit.symbol_en if unit else ""

    def accepts_unit(self, unit_code):
        """Whether a figure in ``unit_code`` can be a level of this indicator."""
        unit = units.get(unit_code)
        return unit is not None and (unit.family == self.unit_family or unit_code in self.other_units)


def alias_key(text):
    """How aliases are compared: NFKC (full-width letters and digits, ₂ → 2), no spaces, case-folded."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


class Catalogue:
    """Indicators by code, in order; ``codes_for_alias()`` finds those a phrase names."""

    def __init__(self, entries):
        self.entries = tuple(entries)
        self._by_code = {entry.code: entry for entry in self.entries}
        index = {}
        for entry in self.entries:
            for alias in (entry.name_zh, entry.name_en, *entry.aliases):
                if alias:
                    codes = index.setdefault(alias_key(alias), [])
                    if entry.code not in codes:
                        codes.append(entry.code)
        self._by_alias = {key: tuple(codes) for key, codes in index.items()}

    def __iter__(self):
        return iter(self.entries)

    def __len__(self):
        return len(self.entries)

    def __contains__(self, code):
        return code in self._by_code

    def get(self, code):
        """The entry with this code, or None."""
        return self._by_code.get(code)

    def codes_for_alias(self, phrase):
        """Codes of the entries whose name or alias is exactly ``phrase`` (compared by ``alias_key``)."""
        return self._by_alias.get(alias_key(phrase), ())

    @property
    def alias_keys(self):
        """Every compared alias, for building a matcher over them."""
        return self._by_alias.keys()

    def with_aliases(self, aliases):
        """This catalogue with more aliases: ``aliases`` is ``(code, text)`` pairs (a region's
        wordings); a code the catalogue lacks is left out."""
        extra = {}
        for code, text in aliases:
            if code in self._by_code:
                extra.setdefault(code, []).append(text)
        if not extra:
            return self
        return Catalogue(
            replace(
                entry,
                aliases_zh=entry.aliases_zh + tuple(t for t in extra[entry.code] if not t.isascii()),
                aliases_en=entry.aliases_en + tuple(t for t in extra[entry.code] if t.isascii()),
            )
            if entry.code in extra
            else entry
            for entry in self.entries
        )

    @classmethod
    def from_reference(cls, path=None):
        """The reference file's catalogue (cached per file); ``CatalogueError`` if it is invalid."""
        return _reference(Path(path) if path else REFERENCE_FILE)

    @classmethod
    def from_database(cls):
        """The indicators in the database (two queries), then reference entries not among them."""
        from .models import Indicator

        indicators = Indicator.objects.order_by("category", "code").prefetch_related("limits")
        stored = [indicator.catalogue_entry() for indicator in indicators]
        known = {entry.code for entry in stored}
        reference = [entry for entry in cls.from_reference() if entry.code not in known]
        return cls(stored + reference)


@lru_cache(maxsize=4)
def _reference(path):
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    entries = [entry_from_mapping(item) for item in data.get("indicator", [])]
    catalogue = Catalogue(entries)
    if len(catalogue._by_code) != len(entries):
        seen = set()
        duplicates = [e.code for e in entries if e.code in seen or seen.add(e.code)]
        raise CatalogueError(f"codes listed twice: {', '.join(duplicates)}")
    for entry in entries:
        if entry.same_as and entry.same_as not in catalogue:
            raise CatalogueError(f"{entry.code}: same_as names an unknown code {entry.same_as!r}")
    return catalogue


def _unit_code(code, where):
    unit = units.get(code)
    if unit is None:
        raise CatalogueError(f"{where}: unknown unit code {code!r}")
    return unit


def _decimal(value, where):
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise CatalogueError(f"{where}: not a number: {value!r}") from None


def entry_from_mapping(item, *, in_database=False):
    """An ``Entry`` from one ``[[indicator]]`` table of the reference file."""
    code = item.get("code") or ""
    if not code:
        raise CatalogueError(f"an indicator without a code: {item.get('name_zh')!r}")
    if item.get("category") not in Category.values:
        raise CatalogueError(f"{code}: unknown category {item.get('category')!r}")
    unit = _unit_code(item.get("unit"), code)
    for other in item.get("other_units", ()):
        _unit_code(other, code)
    limits = tuple(
        Limit(
            value=_decimal(limit["value"], code),
            unit=_unit_code(limit.get("unit", unit.code), code).code,
            basis_zh=limit.get("basis_zh", ""),
            basis_en=limit.get("basis_en", ""),
        )
        for limit in item.get("limits", ())
    )
    return Entry(
        code=code,
        name_zh=item.get("name_zh", ""),
        name_en=item.get("name_en", ""),
        category=item["category"],
        unit=unit.code,
        unit_family=unit.family,
        higher_is_better=item.get("higher_is_better"),
        aliases_zh=tuple(item.get("aliases_zh", ())),
        aliases_en=tuple(item.get("aliases_en", ())),
        definition_zh=item.get("definition_zh", ""),
        definition_en=item.get("definition_en", ""),
        limits=limits,
        other_units=tuple(item.get("other_units", ())),
        same_as=item.get("same_as", ""),
        in_database=in_database,
    )

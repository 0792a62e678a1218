"""Names in the reader's language, for code and (through ``{% load i18n_names %}``) templates.

Regions, publishers, topics and indicators have a Chinese ``name`` and an optional ``name_en``
(indicators also ``unit``/``unit_en``). With English active, the English form is shown where
there is one; otherwise, and always in Chinese, the Chinese one. Bulletin texts are not
translated: they stay in the language they were published in.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import get_language

# How a written unit reads in English where no English form is stored (起 → incidents): set
# by the indicators app, which owns the units table, at start-up.
ENGLISH_UNITS = []


def english_active():
    return (get_language() or "").lower().startswith("en")


def localized(obj, field="name"):
    """``obj.<field>_en`` when English is active and it is filled in, else ``obj.<field>``."""
    if obj is None:
        return ""
    if english_active():
        # An official English name (a publisher's own) comes before a descriptive one.
        english = getattr(obj, f"official_{field}_en", "") or getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field, "")


def unit_in_language(unit, english_form=""):
    """A written unit in the reader's language: ``english_form`` if given, else the units
    table's English symbol, else as written."""
    if not english_active() or not unit:
        return unit
    if english_form:
        return english_form
    for english_symbol in ENGLISH_UNITS:
        found = english_symbol(unit)
        if found is not None:
            return found  # "" for a bare count (个): the number says it in English
    return unit


def _unit_text(obj, indicator=None):
    if obj is None:
        return ""
    if not hasattr(obj, "indicator_id"):
        return unit_in_language(obj.unit, getattr(obj, "unit_en", ""))
    if indicator is None:
        descriptor = type(obj).indicator
        if descriptor.is_cached(obj):
            indicator = obj.indicator
    if (
        indicator is None
        or indicator.pk != obj.indicator_id
        or obj.unit != indicator.unit
        or "unit_en" in indicator.get_deferred_fields()
    ):
        return unit_in_language(obj.unit)
    return unit_in_language(indicator.unit, indicator.unit_en)


# Chinese magnitudes in English -----------------------------------------------------------------

#: English unit forms that carry a Chinese magnitude (万 10,000; 亿 100 million…), the longest first.
MAGNITUDES = (
    ("100 million ", Decimal(10) ** 8),
    ("10,000 ", Decimal(10) ** 4),
    ("billion ", Decimal(10) ** 9),
    ("million ", Decimal(10) ** 6),
    ("thousand ", Decimal(10) ** 3),
)
_PLAIN_NUMBER = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")


def _plain(number):
    """``number`` written out without exponent or trailing zeros: 610, 1.4, 12,345.6."""
    text = format(number.normalize(), "f")
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}" if whole.lstrip("-").isdigit() else whole
    if whole.startswith("-0"):
        grouped = "-0"
    return f"{grouped}.{fraction}" if fraction else grouped


def english_amount(value_text, unit_en):
    """A number written with a Chinese magnitude in its unit, as English says it.

    ``("6.1", "100 million yuan")`` → ``("610 million", "yuan")``; ``("14", "100 million
    yuan")`` → ``("1.4 billion", "yuan")``; ``("547.59", "10,000 yuan")`` → ``("5,475,900",
    "yuan")``. Millions and billions are used when they keep the number short (at most three
    decimals); otherwise, and below a million, the number is written out in full, every digit
    the source gave kept. A value that is not a plain number is left as it is.
    """
    prefix, multiplier = next(((p, m) for p, m in MAGNITUDES if unit_en.startswith(p)), ("", None))
    if multiplier is None:
        return value_text, unit_en
    if not _PLAIN_NUMBER.fullmatch(value_text.strip()):
        return value_text, unit_en
    try:
        full = Decimal(value_text.strip().replace(",", "")) * multiplier
    except InvalidOperation:
        return value_text, unit_en
    unit = unit_en[len(prefix):]
    for word, scale in (("billion", Decimal(10) ** 9), ("million", Decimal(10) ** 6)):
        if abs(full) >= scale:
            short = (full / scale).normalize()
            if -short.as_tuple().exponent <= 3 or full != full.to_integral_value():
                return f"{_plain(short)} {word}", unit
            break
    return _plain(full), unit


def localized_unit(obj, indicator=None):
    """The unit of an indicator, or of a figure, in the reader's language.

    A figure keeps the unit its bulletin states; that same unit gets the indicator's English
    form, another one the units table's. The figure's indicator is ``indicator`` when given
    (``{{ obs|localized_unit:indicator }}``), else the one already loaded with the figure: this
    filter never queries the database, so a table of figures costs no query per row. In
    English, a figure's unit loses the Chinese magnitude its number takes (``localized_value``).
    """
    unit = _unit_text(obj, indicator)
    if english_active() and hasattr(obj, "value_text"):
        return english_amount(obj.value_text, unit)[1]
    return unit


def localized_value(obj, indicator=None):
    """A figure's number in the reader's language: as written in Chinese; in English with the
    magnitude of its unit said the English way (6.1亿元 → 610 million yuan)."""
    if obj is None:
        return ""
    if not english_active():
        return obj.value_text
    return english_amount(obj.value_text, _unit_text(obj, indicator))[0]


def publisher_name(name, name_en="", official_name_en=""):
    """A publisher's name on the page, as HTML: in English its own English name where it has
    one; else the portal's translation, labelled as one with the original beside it; else the
    original, marked Chinese. Never a transliteration passed off as a name."""
    from django.utils.html import format_html
    from django.utils.translation import gettext

    if not english_active():
        return format_html("{}", name)
    if official_name_en:
        return format_html("{}", official_name_en)
    if name_en:
        return format_html(
            '{} <span class="lang-label">({} <span lang="zh-Hans">{}</span>)</span>',
            name_en, gettext("本站译名，原名"), name,
        )
    return format_html('<span lang="zh-Hans">{}</span>', name)


@dataclass(frozen=True)
class Text:
    """A text with the language it is in: Chinese kept on an English page says so (``lang``)."""

    text: str
    lang: str

    @property
    def untranslated(self):
        return self.lang != "en" and english_active()

    def __str__(self):
        return self.text


def localized_text(obj, field, fallback=None):
    """``obj.<field>`` in the reader's language, as a ``Text`` marked with its language.

    English readers get ``<field>_en`` where there is one, else the Chinese text (then also
    ``fallback``'s), marked as Chinese so that the page can label it.
    """
    if obj is None:
        return Text("", "zh-Hans")
    english = english_active() and getattr(obj, f"{field}_en", "")
    if english:
        return Text(english, "en")
    text = getattr(obj, field, "") or (getattr(obj, fallback, "") if fallback else "")
    return Text(text, "zh-Hans")

"""Names in the reader's language, for code and (through ``{% load i18n_names %}``) templates.

Regions, publishers, topics and indicators have a Chinese ``name`` and an optional ``name_en``
(indicators also ``unit``/``unit_en``). With English active, the English form is shown where
there is one; otherwise, and always in Chinese, the Chinese one. Bulletin texts are not
translated: they stay in the language they were published in.
"""

from django.utils.translation import get_language


def english_active():
    return (get_language() or "").lower().startswith("en")


def localized(obj, field="name"):
    """``obj.<field>_en`` when English is active and it is filled in, else ``obj.<field>``."""
    if obj is None:
        return ""
    if english_active():
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field, "")


def localized_unit(obj, indicator=None):
    """The unit of an indicator, or of a figure when it is the unit of its indicator.

    A figure keeps the unit its bulletin states; only that same unit gets the indicator's
    English form. The figure's indicator is ``indicator`` when given
    (``{{ obs|localized_unit:indicator }}``), else the one already loaded with the figure: this
    filter never queries the database, so a table of figures costs no query per row.
    """
    if obj is None:
        return ""
    if not hasattr(obj, "indicator_id"):
        return localized(obj, "unit")
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
        return obj.unit
    return localized(indicator, "unit")

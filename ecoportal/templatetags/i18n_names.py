"""Names in the reader's language in templates: ``{% load i18n_names %}{{ region|localized_name }}``.

The rules are in ``ecoportal.localized``; these are its template filters and tag.
"""

from django import template

from ecoportal import localized as names

register = template.Library()


@register.filter
def localized_name(obj):
    return names.localized(obj, "name")


register.filter("localized_unit", names.localized_unit)
register.filter("localized_value", names.localized_value)


@register.filter
def publisher_name(publisher):
    """``{{ bulletin.publisher|publisher_name }}``: its own English name, or a labelled translation."""
    if publisher is None:
        return ""
    if not names.english_active():
        return publisher.name  # the English fields are not read (a card's query may leave them out)
    return names.publisher_name(publisher.name, publisher.name_en, publisher.official_name_en)


@register.filter
def announced_publisher_name(entry):
    """The publisher of a release-calendar entry (a dict of ``ANNOUNCED_FIELDS``)."""
    return names.publisher_name(
        entry["publisher__name"], entry.get("publisher__name_en", ""), entry.get("publisher__official_name_en", "")
    )


@register.simple_tag(name="localized_text")
def localized_text(obj, field, fallback=None):
    """``{% localized_text indicator "definition" "description" as definition %}``."""
    return names.localized_text(obj, field, fallback)


@register.simple_tag
def english_is_active():
    """``{% english_is_active as english %}``: for notes shown only to English readers."""
    return names.english_active()

"""Template helpers for figures: ``{% load indicator_tags %}{{ obs|period_text }}``."""

from django import template

from ecoportal.localized import english_active
from indicators import english, periods, series

register = template.Library()


@register.filter
def period_text(observation):
    """The period as the source names it (“1—11月（2023年）”), or 期间未注明."""
    return periods.period_text(observation)


@register.filter
def region_name(observation):
    """The figure's region, or the bulletin's own word for it when the city is not known."""
    return series.region_name(observation)


@register.filter
def qualifier_text(qualifier):
    """``{% with q=obs.qualifier|qualifier_text %}``: in English from the glossary, or the
    source's words marked as Chinese (``q.lang``)."""
    return english.qualifier_text(qualifier, english=english_active())


@register.filter
def first_sentence(text):
    """The first sentence of a definition: what the catalogue says an indicator means."""
    for stop in ("。", ". "):
        if stop in text:
            return text[: text.index(stop) + len(stop)].strip()
    return text

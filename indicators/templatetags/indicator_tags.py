"""Template helpers for figures: ``{% load indicator_tags %}{{ obs|period_text }}``."""

from django import template

from indicators import periods, series

register = template.Library()


@register.filter
def period_text(observation):
    """The period as the source names it (“1—11月（2023年）”), or 期间未注明."""
    return periods.period_text(observation)


@register.filter
def region_name(observation):
    """The figure's region, or the bulletin's own word for it when the city is not known."""
    return series.region_name(observation)

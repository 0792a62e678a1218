"""Template helpers for bulletins: ``{% load bulletin_tags %}{{ bulletin.body|render_body }}``."""

from django import template

from bulletins import rendering

register = template.Library()


@register.filter(name="render_body", is_safe=True)
def render_body(text):
    """Markdown body → sanitised HTML (see ``bulletins.rendering``)."""
    return rendering.render_body(text)

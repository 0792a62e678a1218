"""Markup rendered once and then served as it is.

``{% public_fragment "name" key… %}…{% endpublic_fragment %}``: kept until content changes.
The block is rendered once per content generation, release and language (``memoize``): the
catalogue took 31 ms to render against 1.2 ms kept, an indicator page 36 against 6.8, a region
page 20 against 5.3 (``ecoportal.caching``). Only for markup
that is the same for every reader and shows published content only: never around
``{% csrf_token %}``, a CSP nonce, a form's values or anything of the request. A key that is
empty or missing (e.g. ``public_page``, set by the public view and not by the editors' preview
that shares the template) renders the block afresh and keeps nothing.

``{% chrome_fragment "name" key… %}…{% endchrome_fragment %}``: the pages' chrome (header
links, footer), which depends on the code alone (templates, translations, URLs) and on the
keys given, so each process renders each variant once and keeps it in memory; the language
is always part of the key, and the name must be unique. Same rules, and no ``{% block %}``
inside: nothing of the request or of the content. It saves 0.3–0.35 ms of every rendered page
(a fifth of a bulletin list page rendered from memoised values: 1.39 against 1.68 ms).
"""

import threading

from django import template
from django.conf import settings
from django.utils.translation import get_language

from ecoportal.caching.generation import memoize

register = template.Library()


class PublicFragmentNode(template.Node):
    def __init__(self, nodelist, keys):
        self.nodelist = nodelist
        self.keys = keys

    def render(self, context):
        values = [key.resolve(context) for key in self.keys]
        if any(value in (None, "") for value in values):
            return self.nodelist.render(context)
        name = f"fragment:{':'.join(str(value) for value in values)}:{get_language()}"
        return memoize(name, lambda: self.nodelist.render(context))


def _fragment_tag(node_class):
    """``{% <tag> "name" key… %}…{% end<tag> %}`` compiled to ``node_class(nodelist, keys)``."""

    def compile_tag(parser, token):
        tag, *bits = token.split_contents()
        if not bits:
            raise template.TemplateSyntaxError(f"{tag} needs a name (and the values it depends on)")
        nodelist = parser.parse((f"end{tag}",))
        parser.delete_first_token()
        return node_class(nodelist, [parser.compile_filter(bit) for bit in bits])

    return compile_tag


register.tag("public_fragment", _fragment_tag(PublicFragmentNode))


class ChromeFragmentNode(template.Node):
    # One entry per variant: a handful of names × languages × keys such as the current section.
    MAX_VARIANTS = 256
    # Not searched for {% block %}s (which it may not hold): every page extending base.html
    # searches the base template's nodes for them on every render.
    child_nodelists = ()
    _kept = {}
    _lock = threading.Lock()

    def __init__(self, nodelist, keys):
        self.nodelist = nodelist
        self.keys = keys

    def render(self, context):
        if settings.DEBUG:  # templates are reloaded when edited: so is the chrome
            return self.nodelist.render(context)
        variant = (get_language(), *(key.resolve(context) for key in self.keys))
        markup = self._kept.get(variant)
        if markup is None:
            markup = self.nodelist.render(context)
            with self._lock:
                if len(self._kept) >= self.MAX_VARIANTS:
                    self._kept.clear()
                self._kept[variant] = markup
        return markup


register.tag("chrome_fragment", _fragment_tag(ChromeFragmentNode))

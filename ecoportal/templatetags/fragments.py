"""Markup rendered once and then served as it is.

``{% public_fragment "name" key… %}…{% endpublic_fragment %}``: rendered once per content
generation, release and language (``memoize``). Without it, from memoised values, the
catalogue cost 30–31 ms of CPU against 1.9–2.1 with it, a region page 40–49 against 3.9–4.5
(20,000 bulletins, in-process, 2026-12-06). Only for markup that is the same for every reader and shows published
content only: never around ``{% csrf_token %}``, a CSP nonce, a form's values or anything of the
request. A key that is empty or missing (``public_page``, set by the public view and not by the
editors' preview that shares the template) renders the block afresh and keeps nothing.

``{% chrome_fragment "name" key… %}…{% endchrome_fragment %}``: the header, language buttons and
footer, which depend on the code, the language and the keys given, so each process renders each
variant once and keeps it in memory: the home page, a bulletin list and a bulletin's page rendered
from memoised values cost 1.1–1.7 ms of CPU with it, 1.75–2.2 without (load 6–7, 2026-12-06).
Same rules, and no ``{% block %}`` inside.
"""

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
        name = f"fragment:{':'.join(str(value) for value in values)}"
        return memoize(name, lambda: self.nodelist.render(context))


class ChromeFragmentNode(PublicFragmentNode):
    # One entry per variant: a handful of names × languages × keys such as the current section.
    MAX_VARIANTS = 256
    # Not searched for {% block %}s (which it may not hold): every page extending base.html
    # searches the base template's nodes for them on every render.
    child_nodelists = ()
    _kept = {}

    def render(self, context):
        if settings.DEBUG:  # templates are reloaded when edited: so is the chrome
            return self.nodelist.render(context)
        variant = (get_language(), *(key.resolve(context) for key in self.keys))
        markup = self._kept.get(variant)
        if markup is None:
            markup = self.nodelist.render(context)
            if len(self._kept) >= self.MAX_VARIANTS:
                self._kept.clear()
            self._kept[variant] = markup
        return markup


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
register.tag("chrome_fragment", _fragment_tag(ChromeFragmentNode))

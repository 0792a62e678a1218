"""``{% public_fragment "name" key… %}…{% endpublic_fragment %}``: markup kept until content changes.

The block is rendered once per content generation and language (``memoize``) and then served
as it is. Only for markup that is the same for every reader and shows published content only:
never around ``{% csrf_token %}``, a CSP nonce, a form's values or anything of the request.
A key that is empty or missing (e.g. ``public_page``, set by the public view and not by the
editors' preview that shares the template) renders the block afresh and keeps nothing.
"""

from django import template
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
        name = ":".join(str(value) for value in values)
        return memoize(f"fragment:{name}:{get_language()}", lambda: self.nodelist.render(context))


@register.tag("public_fragment")
def public_fragment(parser, token):
    keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not keys:
        raise template.TemplateSyntaxError("public_fragment needs a name (and the values it depends on)")
    nodelist = parser.parse(("endpublic_fragment",))
    parser.delete_first_token()
    return PublicFragmentNode(nodelist, keys)

"""What other apps add to the bulletins' pages, registered from their AppConfig.ready().

Bulletins never import the apps above them; indicators add a bulletin's figures (marked in its
body), the headline cards of the home page and a region's panels this way. Each part returns
context for the page's template; those of the home and region pages are lazy, read only when
the page's fragment of them is not kept.
"""

#: ``part(bulletin, context)``: more context for a bulletin's page; it may replace
#: ``body_html`` (the rendered body) with a marked-up one.
BULLETIN = []
#: ``part()``: more context for the home page.
HOME = []
#: ``part(region, children)``: more context for a region's page.
REGION = []


def register(parts, part):
    if part not in parts:
        parts.append(part)


def context(parts, *args):
    result = {}
    for part in parts:
        result.update(part(*args))
    return result

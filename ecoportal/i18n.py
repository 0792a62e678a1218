"""The language switcher's endpoint: Django's ``set_language``, guarded by the request's origin.

The switcher is a form on every public page. Guarded by a CSRF token, every page would carry
a per-reader token and set a cookie on every anonymous reader's first visit, so no page could
be shared by a cache without rewriting it for each reader. What a forged request could do here
is only change the reader's language; a cross-site form is refused by its origin instead:
browsers send ``Origin`` with every form POST, and ``Sec-Fetch-Site`` too.
"""

from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .publishing import shows_published_only

_SAME_SITE_FETCH = {"same-origin", "none"}  # "none": typed or bookmarked, not sent by a page


def is_same_origin(request):
    """False when the browser says the request came from another site; True otherwise."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in _SAME_SITE_FETCH:
        return False
    origin = request.headers.get("Origin")
    return origin is None or origin == f"{request.scheme}://{request.get_host()}"


@shows_published_only
@csrf_exempt
@require_POST
def set_language(request):
    if not is_same_origin(request):
        return HttpResponseForbidden(_("只能在本站切换语言。"), content_type="text/plain; charset=utf-8")
    return i18n.set_language(request)

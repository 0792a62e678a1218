"""405 for every method the site does not serve, before any view or URL lookup sees it.

Readers' pages, feeds and the API are read with GET, HEAD and OPTIONS; only the admin and the
language switch take POST forms. Anything else (TRACE, PUT, DELETE, WebDAV's PROPFIND, a made-up
method) is answered 405 with ``Allow`` whatever the path: left to the views it was a 404 where
no URL matched and, from views without a method check (the home page, feeds, the sitemap), even
a 200 page.
"""

from django.http import HttpResponseNotAllowed
from rest_framework.exceptions import MethodNotAllowed

from .api.errors import error_response

READ = ("GET", "HEAD", "OPTIONS")
FORMS = (*READ, "POST")
#: Path prefixes whose views take POSTed forms.
FORM_PREFIXES = ("/admin/", "/i18n/")


def allowed_methods(path):
    return FORMS if path.startswith(FORM_PREFIXES) else READ


class AllowedMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        allowed = allowed_methods(request.path_info)
        if request.method in allowed:
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            # The API's own 405: its error shape, with DRF's message in the reader's language.
            response = error_response(request, 405, lambda: MethodNotAllowed(request.method[:20]).detail)
            response["Allow"] = ", ".join(allowed)
            return response
        return HttpResponseNotAllowed(allowed)

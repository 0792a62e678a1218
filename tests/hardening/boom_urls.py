"""The portal's URLs plus views that fail, for the error-page tests."""

from django.db import OperationalError
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path

from ecoportal.urls import urlpatterns as portal_urlpatterns


def boom(request):
    raise RuntimeError("SECRET-INTERNAL-DETAIL in /srv/ecoportal/views.py")


def database_down(request):
    raise OperationalError('connection to server at "10.0.0.5", port 5432 failed: Connection refused')


class LazyFailure:
    def __iter__(self):
        raise OperationalError("server closed the connection unexpectedly")


def database_down_while_rendering(request):
    template = engines["django"].from_string("{% for row in rows %}{{ row }}{% endfor %}")
    return TemplateResponse(request, template, {"rows": LazyFailure()})


class DatabaseDownInMiddleware:
    """Stands for session or authentication middleware meeting a lost database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/middleware-db-down/":
            raise OperationalError("terminating connection due to administrator command")
        return self.get_response(request)


urlpatterns = [
    path("boom/", boom),
    path("db-down/", database_down),
    path("db-down-rendering/", database_down_while_rendering),
    *portal_urlpatterns,
]

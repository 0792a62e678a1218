"""A friendly 503 while the database is unreachable, instead of a 500 or a hanging worker.

When PostgreSQL is down (restart, fail-over, network cut) every query raises
``OperationalError`` or ``InterfaceError``. This middleware answers such a request with the
static ``503.html`` page and ``Retry-After``, logs one line without a traceback, and lets the
next request try again: Django drops the broken connection at the end of the request, so the
site recovers by itself when the database returns. ``connect_timeout`` in the database options
bounds how long a request can wait for a connection.

Errors raised in a view or while rendering its template reach ``process_exception``. Errors
raised by middleware further in (sessions, authentication, caching) have already been turned
into a 500 response when they get here; the ``got_request_exception`` receiver marks such a
request so that ``__call__`` can replace that 500 with the 503 page.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .api.errors import error_response

logger = logging.getLogger("ecoportal.database")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
_MARK = "_ecoportal_database_unavailable"


def database_unavailable_response(request=None):
    """The 503 page; rendered without a request so that nothing in it touches the database.

    Under /api/ the API's error shape instead, in JSON: a client reads its code and
    ``retry_after`` as for any other error.
    """
    if request is not None and request.path_info.startswith("/api/"):
        response = error_response(
            request, 503, lambda: _("数据库暂时无法访问，请稍后再试。"), retry_after=RETRY_AFTER_SECONDS
        )
        response["Cache-Control"] = "no-store"
        return response
    response = HttpResponse(
        render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8"
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@receiver(got_request_exception, dispatch_uid="ecoportal.middleware_db.mark_request")
def mark_request(sender, request=None, **kwargs):
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_ERRORS):
        setattr(request, _MARK, True)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _MARK, False):
            return database_unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("database unavailable for %s %s: %s", request.method, request.path, exception)
            return database_unavailable_response(request)
        return None

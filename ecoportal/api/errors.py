"""One shape for every error the API answers, with codes a program can read.

    {"status": 400, "code": "invalid_request", "detail": "请求参数有误：region。",
     "errors": [{"parameter": "region", "code": "unknown_value", "detail": "未知的值：atlantis。"}]}

``status`` repeats the HTTP status; ``code`` is one of ``ERROR_CODES``; ``detail`` is a sentence
for people, in the request's language (Chinese unless the language cookie or ``Accept-Language``
asks for English); ``errors`` lists what was wrong with each parameter (empty except on a 400),
each with a code of ``PARAMETER_CODES``; ``retry_after`` (429, 503) repeats ``Retry-After``.

DRF's views answer through ``exception_handler`` (``REST_FRAMEWORK["EXCEPTION_HANDLER"]``); what
is answered before or beside them (an unknown address, a method the site never serves, the
database gone) through ``error_response``.
"""

import math

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema_serializer
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler

#: ``code`` of the whole answer, by HTTP status.
ERROR_CODES = {
    400: "invalid_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    415: "unsupported_media_type",
    429: "throttled",
    500: "server_error",
    503: "service_unavailable",
}

#: ``code`` of one parameter's error: ours, or Django's validation code translated to ours.
PARAMETER_CODES = {
    "unknown_parameter": "The endpoint does not read this parameter; the detail lists those it does.",
    "repeated_parameter": "A single-valued parameter was given more than once.",
    "unknown_format": "`format` names no format this endpoint offers; the detail lists those it does.",
    "unknown_value": "A slug or code that names nothing, or a value not among the choices.",
    "invalid": "Malformed: not a number, a date, a known ordering…",
    "out_of_range": "A number or page outside the range allowed.",
    "too_long": "Longer than allowed (the search `q`).",
    "too_many_values": "More values than a multi-valued parameter takes.",
    "conflict": "Contradicts another parameter (`period=unknown` with `year`, a range that ends first…).",
}
#: The two vocabularies as the schema names them (``ErrorCodeEnum``, ``ParameterErrorCodeEnum``).
ERROR_CODE_CHOICES = sorted(set(ERROR_CODES.values()))
PARAMETER_CODE_CHOICES = list(PARAMETER_CODES)
_FROM_DJANGO = {
    "invalid_choice": "unknown_value",
    "min_value": "out_of_range",
    "max_value": "out_of_range",
    "max_length": "too_long",
    "max_values": "too_many_values",
}
#: The key DRF and Django give errors that concern no single parameter.
_NO_PARAMETER = {"non_field_errors", "__all__"}


def parameter_code(code):
    code = _FROM_DJANGO.get(code, code)
    return code if code in PARAMETER_CODES else "invalid"


def parameter_errors(detail):
    """A ValidationError's detail (``{"region": [ErrorDetail…]}`` or a list) as ``errors``."""
    items = detail.items() if isinstance(detail, dict) else [(None, detail)]
    errors = []
    for name, messages in items:
        for message in messages if isinstance(messages, list) else [messages]:
            errors.append({
                "parameter": None if name in _NO_PARAMETER else name,
                "code": parameter_code(getattr(message, "code", "invalid")),
                "detail": str(message),
            })
    return errors


def error_body(status, detail, *, errors=(), retry_after=None):
    body = {"status": status, "code": ERROR_CODES.get(status, "error"), "detail": str(detail), "errors": list(errors)}
    if retry_after is not None:
        body["retry_after"] = retry_after
    return body


def invalid_request_detail(errors):
    names = list(dict.fromkeys(error["parameter"] for error in errors if error["parameter"]))
    if not names:
        return _("请求有误。")
    return _("请求参数有误：%(names)s。") % {"names": ", ".join(names)}


def exception_handler(exc, context):
    """DRF's handler, answering in the one shape; a 404 never names the model it looked in."""
    if isinstance(exc, Http404):
        # "No Bulletin matches the given query." (in English whatever the language) says which
        # table was read; an unknown item is simply not found.
        exc = exceptions.NotFound(_("未找到。"))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    status = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        errors = parameter_errors(exc.detail)
        response.data = error_body(status, invalid_request_detail(errors), errors=errors)
    else:
        wait = getattr(exc, "wait", None)
        retry_after = math.ceil(wait) if wait is not None else None
        response.data = error_body(status, exc.detail, retry_after=retry_after)
    return response


def error_response(request, status, detail, *, retry_after=None):
    """The shape as a plain Django response, for what answers outside DRF's views.

    ``detail`` is a lazy message or a callable giving one; it is written in the language the
    request asks for, read here: these answers may come before the locale middleware has run.
    """
    with translation.override(translation.get_language_from_request(request)):
        text = detail() if callable(detail) else detail
        response = JsonResponse(error_body(status, text, retry_after=retry_after), status=status)
        response["Content-Language"] = translation.get_language()
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    response["Vary"] = "Accept-Language, Cookie"
    return response


class ParameterErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField(
        allow_null=True, help_text="The query parameter at fault; null when the error concerns none."
    )
    code = serializers.ChoiceField(
        choices=PARAMETER_CODE_CHOICES,
        help_text="What is wrong: " + "; ".join(f"`{code}`: {text}" for code, text in PARAMETER_CODES.items()),
    )
    detail = serializers.CharField(help_text="The same for people, in the request's language.")


@extend_schema_serializer(component_name="Error")
class ErrorSerializer(serializers.Serializer):
    """Every error of the API, whatever its status (400, 404, 405, 406, 429, 500, 503)."""

    status = serializers.IntegerField(help_text="The HTTP status, repeated.")
    code = serializers.ChoiceField(
        choices=ERROR_CODE_CHOICES,
        help_text="What happened, for programs: " + ", ".join(
            f"`{code}` ({status})" for status, code in ERROR_CODES.items() if status not in (401, 403, 415)
        ) + ".",
    )
    detail = serializers.CharField(
        help_text="What happened, for people: Chinese by default, English with `Accept-Language: en` "
        "(or the portal's language cookie)."
    )
    errors = ParameterErrorSerializer(many=True, help_text="Each parameter's error (a 400); otherwise empty.")
    retry_after = serializers.IntegerField(
        required=False, help_text="Seconds to wait before trying again, as `Retry-After` (429, 503)."
    )


def documented(status, description, example):
    """An error answer of the schema: the ``Error`` component with an example of this status."""
    return OpenApiResponse(
        response=ErrorSerializer,
        description=description,
        examples=[OpenApiExample(ERROR_CODES[status], value=example)],
    )


BAD_REQUEST = documented(
    400,
    "A malformed filter, page or page size, an unknown parameter or format, or a single-valued "
    "parameter given twice: `errors` names each offending parameter, with a code.",
    error_body(400, "请求参数有误：region, page_size。", errors=[
        {"parameter": "region", "code": "unknown_value", "detail": "未知的值：atlantis。"},
        {"parameter": "page_size", "code": "out_of_range", "detail": "请输入 1 到 100 之间的整数。"},
    ]),
)
NOT_FOUND = documented(404, "No published item has this identifier.", error_body(404, "未找到。"))
NOT_ACCEPTABLE = documented(
    406, "`Accept` names no format this endpoint offers.", error_body(406, "无法满足Accept HTTP头的请求。")
)
THROTTLED = documented(
    429,
    "Too many requests from this address; retry after `Retry-After` seconds.",
    error_body(429, "请求已被限流。 预计 42 秒后可用。", retry_after=42),
)
UNAVAILABLE = documented(
    503,
    "The database cannot be reached for the moment; retry after `Retry-After` seconds.",
    error_body(503, "数据库暂时无法访问，请稍后再试。", retry_after=30),
)

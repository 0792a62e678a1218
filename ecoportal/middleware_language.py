"""Vary on the cookie that chooses the language, wherever the language varies.

LocaleMiddleware picks the language from the ``django_language`` cookie (set by the language
button) before ``Accept-Language``, but adds only ``Accept-Language`` to ``Vary``. A response
that may be cached (the calendar, feeds, the API) would then be answered from a cache in the
language of whoever asked first with the same ``Accept-Language``. Placed above LocaleMiddleware,
this adds ``Cookie`` to every response that varies by language.
"""

from django.utils.cache import has_vary_header, patch_vary_headers


class LanguageCookieVaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if has_vary_header(response, "Accept-Language"):
            patch_vary_headers(response, ("Cookie",))
        return response

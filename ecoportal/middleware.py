"""Whole-page cache of public pages and API responses for anonymous readers.

Placed after SessionMiddleware, LocaleMiddleware, CsrfViewMiddleware, AuthenticationMiddleware
and MessageMiddleware, so that when it answers from the cache:

* the language is known (it is part of the key) and ``Vary``/``Content-Language`` are added
  by LocaleMiddleware as on any page;
* the reader's CSRF cookie is read by CsrfViewMiddleware and, since the page carries a token,
  set again by it on the way out (the token in the page is the reader's own, see ``pages``);
* the CSP nonce exists and CSPMiddleware puts it in the header.

It runs before AxesMiddleware, which only acts on the admin login. Which requests and
responses qualify, and how a page is stored, is decided in ``ecoportal.caching.pages``.
"""

from django.conf import settings

from .caching.generation import current_generation, page_cache
from .caching.pages import freeze, is_cacheable_request, is_storable, kept_if_small, page_key, thaw


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request, current_generation())
        entry = page_cache().get(key)
        if entry is not None:
            response = thaw(request, entry)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_storable(request, response):

            def keep(body=None):
                page_cache().set(key, freeze(request, response, body), settings.PAGE_CACHE_TIMEOUT)

            if response.streaming:
                response.streaming_content = kept_if_small(
                    response.streaming_content, keep, limit=settings.PAGE_CACHE_STREAM_LIMIT
                )
            else:
                keep()
            response["X-Page-Cache"] = "miss"
        return response

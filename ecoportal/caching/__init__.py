"""Whole-page caching of public pages and API responses, invalidated precisely.

* ``ecoportal.middleware.PublicPageCacheMiddleware`` keeps the 200 response of an anonymous
  GET to a public path (``PAGE_CACHE_PREFIXES``) in the default cache (Redis in production),
  keyed by host, path, query, language, the release of the code and the current *content
  generation* (``pages``).
* Every change to public content bumps the generation once its transaction has committed
  (``signals``: saves and deletes of the content models, a bulletin's topics), which makes
  every page cached before unreachable. A bulletin scheduled to appear later does so on time
  with no job: the earliest scheduled moment after the generation began is kept with it, and
  the first request past that moment starts a new generation (``generation``).
* What differs between readers is never stored: responses to editors (a session cookie) are
  neither served from nor written to the cache, and the CSRF token and CSP nonce of a page are
  taken out before it is stored and put back, fresh, into each response served from it.
* When Redis is unreachable the site serves from the database (``backends``).

Writes that bypass model signals (``QuerySet.update()``, raw SQL, ``bulk_create``) must call
``content_changed()`` themselves.
"""

from .generation import (
    content_changed,
    current_generation,
    memo_key,
    memoize,
    page_cache,
    suspend_invalidation,
)

__all__ = [
    "content_changed",
    "current_generation",
    "memo_key",
    "memoize",
    "page_cache",
    "suspend_invalidation",
]

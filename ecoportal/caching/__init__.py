"""Caching in two layers, both keyed by the release of the code and the content generation.

1. **Whole responses** (``ecoportal.middleware.PublicPageCacheMiddleware``, ``pages``): the 200
   response of an anonymous GET of a public path, kept in Redis. PLACEHOLDER_PAGES
2. **Memoised values** (``memoize``): the few expensive computations pages share. PLACEHOLDER_MEMO

The generation (``generation``) lives in one database row, moved on after every committed
change of a registered model (``register``, called by the apps at ``ready()``) and when a
scheduled item comes due; the database is the authority, so nothing kept under an older
number is read again, whatever Redis did meanwhile. Reading it costs each cached request one
primary-key query. When Redis is unreachable the site serves from the database (``backends``).

Writes that bypass model signals (``QuerySet.update()``, raw SQL, ``bulk_create``) must call
``content_changed()`` themselves.
"""

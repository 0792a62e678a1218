"""Caching in two layers, both keyed by the release of the code and the content generation.

1. **Whole responses** (``pages``): the 200 response of an anonymous GET of a public path, kept
   in Redis. A hit costs 0.5–0.7 ms of CPU at load 13 (0.9–1.9 at load 10 earlier the same
   day); rendered from memoised values the same pages cost 1.2–12 (a bulletin's page to search).
2. **Memoised values** (``memoize``, kept per language; markup through ``{% public_fragment %}``):
   the expensive parts pages share, also with the page cache off. Nothing kept against kept,
   ms of CPU: home 106 / 3.3, catalogue 117 / 2.0, indicator page 108 / 6.8, region page
   49 / 4.6, a deep list page 113 / 3.8, the API's bulletin list 191 / 6.5.

Measured in-process (``bench/page_timing.py``) on 20,000 demo bulletins and 200,000 figures,
SQLite and Redis, 2026-12-06, on the shared 2-core machine at load 5–15: CPU time, which the
load moves less than wall time. Each part kept is there for a number, given where it lives:
the fragments on the catalogue and region pages and the page chrome (``fragments``), the API's
items (``ecoportal.api.pagination``), the count and pages of a list (``paginator``), one Redis
client per pool (``backends``), the warm-up before forking (``ecoportal.warmup``), and the
compute-once lock in ``memoize``: 8 readers arriving together after a publication (catalogue,
then home) were all served in 0.8–3.0 s with 0.67–0.97 s of CPU, and in 3.8–10.7 s with
2.45–3.15 s without it (``bench/stampede.py``, load 5 and 11). Removed, each measured against
the same pages: cards and API items kept per row, a page's values read in one prefetch round
trip, deep pages found through kept page boundaries.

The generation (``generation``) is a database row, moved on after every committed change of a
registered model and when a scheduled item comes due: nothing kept under an older number is
read again, whatever Redis did (``tests/hardening/test_durable_generation.py``). A publication,
a withdrawal or a correction moves instead the rows of the scopes it touches (``scoped``: its
regions, indicators, bulletin and the lists), and a page is keyed by the site's number and its
scope's. Each request reads both in one query (18 µs). While Redis is unreachable the site serves from the
database (``backends``) and from the copies each process holds (``local``), keyed alike. Writes that send no model signal call ``content_changed()``.

Size, against issue 22's target (a third of the 1,555 lines it counted: 518), with ``wc -l`` on
2026-12-06: 994 lines — this package 693 (its migrations included; 71 are the scopes, 24 the API
throttle's counter in one round trip), ``ecoportal/http_caching.py`` 106, ``templatetags/fragments.py``
76, ``ecoportal/warmup.py`` 55, the memoised API pages (``MemoPagination``, ``MemoItemsMixin``: the
whole answer kept, read without its queryset) 64 (``indicators.panels.memoized`` is gone: ``memoize``
keys every value by language); 939 before the throttle's counter and the kept API answers, 868
before the scopes, 893 before that, 1,076 at aa85179. Not met. Django's
ConditionalGetMiddleware does not replace ``http_caching``: it gives HEAD no ETag and its 304
drops the API's ``RateLimit-*`` headers. What is left is the code of parts kept for a number
(above, or in their own docstrings) and held by the tests to what they do; 518 means giving
up whole parts: the page cache, the warm-up (a worker's first request 1.3–2.0 s against 0.2),
the chrome (1.75–2.2 ms a rendered page against 1.1–1.7), one Redis client per pool (a hit
0.75–0.77 ms of CPU against 0.54–0.68), failover to the database, or Last-Modified.
"""

"""Caching in two layers, both keyed by the release of the code and the content generation.

Measured in-process (Django's test client, medians of 60 requests, before and after in
alternating rounds) on 20,000 demo bulletins and 200,000 figures, SQLite and Redis, on the
shared 2-core machine at load 2.4–3.0 (2026-12-06), with ``bench/page_timing.py``.

1. **Whole responses** (``ecoportal.middleware``, ``pages``): the 200 response of an anonymous
   GET of a public path, kept in Redis. A hit costs 0.6 ms; rendered from memoised values the
   same pages cost 1.7 (bulletin page) to 12.4 ms (search), 3.2 ms the API's bulletin list.
2. **Memoised values** (``memoize``, and ``{% public_fragment %}`` for markup): the expensive
   parts pages share, also with the page cache off. Without them the catalogue took 31 ms
   (1.2 kept), an indicator page 36 (6.8), a region page 20 (5.3), a bulletin list 7.9 (1.5):
   its 20 cards alone 4.3 ms, counting the public bulletins 1.7 ms and sorting them for one page
   28–50 ms (``paginator``).

Removed, each measured against the same pages: cards and API items kept per row (the page's
content is kept whole instead), reading a page's values in one prefetch round trip, and deep
pages found through kept page boundaries (a page's rows are kept instead); with the generation
now read from the database, a page rendered from memoised values costs 0.1–0.3 ms more than
before (bulletin list 1.25–1.32 → 1.39–1.63 ms). Kept beside them: the page chrome rendered once
per process (0.3 ms of every rendered page, ``fragments``) and ETags (``http_caching``: the
API's contract, a hash of the body, no store).

The generation (``generation``) is one database row, moved on after every committed change of a
registered model (``register``, called by the apps at ``ready()``) and when a scheduled item
comes due. The database is the authority: nothing kept under an older number is read again,
whatever Redis did meanwhile (``tests/hardening/test_durable_generation.py``). Each request
reads it once by primary key (18 µs). When Redis is unreachable the site serves from the
database (``backends``). Writes that send no model signal (``QuerySet.update()``, raw SQL,
``bulk_create``) call ``content_changed()`` themselves.
"""

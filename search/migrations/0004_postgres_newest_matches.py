"""PostgreSQL: ``search_newest(query, wanted)``, the ids of the ``wanted`` newest matches, unscored.

``search_matches`` (0003) scored every match (``ts_rank`` reads each match's vector out of
TOAST) before the search kept the 1,000 newest: at 100,000 bulletins a word in 93% of them
took 1.5–1.8 s, though only the page's ranking used the scores. This function gives the ids
alone, newest first, read through the GIN index (``enable_indexscan = off`` too: walking the
primary key backwards and testing each vector, which the planner prefers for a common word,
took 250–550 ms for a word in 5–7% of them); the search checks them against the caller's
queryset and scores only those it keeps. ``wanted`` NULL gives every match. Measured on that
database (``EXPLAIN ANALYZE``, the search page's ranking query): 93% of bulletins 1,813 →
188 ms, 7% 112 ms, 5% 67 ms, 0.1% 15 ms, 2 bulletins 0.5 ms.
"""

from importlib import import_module

from django.db import migrations

RunSQLFor = import_module("search.migrations.0002_fulltext_index").RunSQLFor
MATCHES = import_module("search.migrations.0003_postgres_matches_function").FUNCTION

NEWEST = """
CREATE OR REPLACE FUNCTION search_newest(query tsquery, wanted integer)
RETURNS TABLE (id bigint)
LANGUAGE sql STABLE PARALLEL SAFE
ROWS 50
SET enable_seqscan = off
SET enable_indexscan = off
AS $$
    SELECT bulletin_id FROM search_searchdocument WHERE vector @@ query
    ORDER BY bulletin_id DESC LIMIT wanted
$$
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_postgres_matches_function"),
    ]

    operations = [
        RunSQLFor(
            "postgresql",
            [NEWEST, "DROP FUNCTION IF EXISTS search_matches(tsquery)"],
            [MATCHES, "DROP FUNCTION IF EXISTS search_newest(tsquery, integer)"],
        ),
    ]

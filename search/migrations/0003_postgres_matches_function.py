"""PostgreSQL: ``search_matches(query)``, the bulletins whose vector matches, always through GIN.

The planner prices a sequential scan of search_searchdocument by its heap, which is small
because the vectors live in TOAST; reading every vector out of TOAST to test it costs it
nothing. At 10,000 bulletins it therefore read the whole table for a word in 6% of them (50 ms
instead of 25 ms). A function with its own ``SET enable_seqscan = off`` is planned on its own
(never inlined) and answers from the GIN index whatever the estimate, so the cost follows the
number of matches. The rest of the search query is planned as usual; ``ROWS 50`` (a typical
word is in a few percent of the bulletins) lets the planner check each match against the
bulletins by primary key rather than hashing every published bulletin.
"""

from importlib import import_module

from django.db import migrations

RunSQLFor = import_module("search.migrations.0002_fulltext_index").RunSQLFor

FUNCTION = """
CREATE OR REPLACE FUNCTION search_matches(query tsquery)
RETURNS TABLE (id bigint, score real)
LANGUAGE sql STABLE PARALLEL SAFE
ROWS 50
SET enable_seqscan = off
AS $$
    SELECT bulletin_id, ts_rank(vector, query) FROM search_searchdocument WHERE vector @@ query
$$
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_fulltext_index"),
    ]

    operations = [
        RunSQLFor("postgresql", [FUNCTION], ["DROP FUNCTION IF EXISTS search_matches(tsquery)"]),
    ]

"""The database's own full-text index, one class per vendor, behind the same methods.

``table`` is the table searched, ``id_column`` its column holding the bulletin's id,
``match()`` the condition that a row matches a query, ``score()`` the relevance of the match
(higher is better), ``matches()`` the (id, score) of every match as the index gives them,
``newest()`` the newest matches that pass a check, scored, ``score_of()`` the score of one
bulletin as a scalar subquery, ``rebuild()`` re-derives the full-text structure from the
``SearchDocument`` rows, and ``rebuilding()`` wraps bulk writes to those rows that end with a
``rebuild()``. Queries are built from the words of ``text.parse_query`` (letters and digits
only), every word quoted as a literal of the query language and passed as a bound parameter:
nothing a reader types is ever an operator or SQL.

Title matches weigh most, then the summary (with the achievement-list titles), then the body.
"""

from contextlib import contextmanager

from django.db import connection

from .models import SearchDocument

DOCUMENTS = SearchDocument._meta.db_table


class SQLiteBackend:
    """FTS5 over ``search_searchdocument`` (external content, triggers), ranked by bm25."""

    table = "search_fts"
    id_column = "rowid"
    #: FTS5 gives its matches newest first and stops at the query's LIMIT: no window is needed.
    windowed = False
    # bm25 weights of the title, summary and body columns.
    weights = (10.0, 4.0, 1.0)

    @staticmethod
    def _phrase(words):
        # An FTS5 string: whatever it holds is a phrase, never an operator (AND, NEAR, *, :, ^).
        return '"' + " ".join(words).replace('"', '""') + '"'

    def expression(self, query):
        terms = []
        for term in query.terms:
            phrases = [self._phrase(phrase) for phrase in term.phrases]
            terms.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
        return " AND ".join(terms)

    def match(self, query):
        return f"{self.table} MATCH %s", [self.expression(query)]

    def score(self, query):
        weights = ", ".join(str(weight) for weight in self.weights)
        return f"-bm25({self.table}, {weights})", []

    def matches(self, query):
        """``SELECT id, score`` of the matching bulletins, answered by the FTS5 index."""
        score_sql, score_params = self.score(query)
        match_sql, match_params = self.match(query)
        return (
            f"SELECT {self.table}.rowid AS id, {score_sql} AS score FROM {self.table} WHERE {match_sql}",
            [*score_params, *match_params],
        )

    def newest(self, query, check, count, offset=0, window=None):
        """``SELECT id, score, seen`` of the ``count`` newest matches from ``offset`` that pass
        ``check`` (the SQL and params of a query of ``matches.id``), newest first; ``seen`` is
        the number of matches read, where the backend reads a ``window`` of them."""
        matches_sql, matches_params = self.matches(query)
        check_sql, check_params = check
        return (
            f"SELECT id, score, NULL FROM ({matches_sql}) matches WHERE EXISTS ({check_sql}) "
            "ORDER BY id DESC LIMIT %s OFFSET %s",
            [*matches_params, *check_params, count, offset],
        )

    def score_of(self, query, id_sql):
        """``score()`` of the bulletin whose id is ``id_sql``, as a scalar subquery."""
        score_sql, score_params = self.score(query)
        match_sql, match_params = self.match(query)
        return (
            f"(SELECT {score_sql} FROM {self.table} WHERE {match_sql} AND {self.table}.rowid = {id_sql})",
            [*score_params, *match_params],
        )

    def rebuild(self):
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {self.table}({self.table}) VALUES ('rebuild')")
            cursor.execute(f"INSERT INTO {self.table}({self.table}) VALUES ('optimize')")

    @contextmanager
    def rebuilding(self):
        """Writes to the documents inside the block, then ``rebuild()``; in a transaction only.

        ``rebuild()`` throws away whatever the triggers add to the FTS5 index row by row (two
        thirds of the time spent writing 100,000 documents), so they are dropped for the block
        and created again from their own SQL. DDL is transactional in SQLite: no other
        connection ever sees the table without them, and a rollback brings them back.
        """
        if not connection.in_atomic_block:
            raise RuntimeError("rebuilding() drops the search triggers: use it in a transaction.")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [DOCUMENTS],
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
        yield
        with connection.cursor() as cursor:
            for _name, sql in triggers:
                cursor.execute(sql)
        self.rebuild()


class PostgresBackend:
    """A generated ``tsvector`` column (config 'simple') with a GIN index, ranked by ts_rank."""

    table = DOCUMENTS
    id_column = "bulletin_id"
    #: The GIN index gives its matches unordered: ``newest()`` reads a window of the newest.
    windowed = True

    @staticmethod
    def _lexeme(word):
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"

    def expression(self, query):
        terms = []
        for term in query.terms:
            phrases = [" <-> ".join(self._lexeme(word) for word in phrase) for phrase in term.phrases]
            terms.append("(" + " | ".join(f"({phrase})" for phrase in phrases) + ")")
        return " & ".join(terms)

    def match(self, query):
        return f"{self.table}.vector @@ to_tsquery('simple'::regconfig, %s)", [self.expression(query)]

    def score(self, query):
        return (
            f"ts_rank({self.table}.vector, to_tsquery('simple'::regconfig, %s))",
            [self.expression(query)],
        )

    def matches(self, query, wanted=None):
        """``SELECT id, score`` of the ``wanted`` newest matches (all if None), answered by the GIN
        index (``search_newest()``, migration 0004: never a sequential scan of the table) and
        not scored: ``ts_rank`` reads each match's vector, so ``newest()`` scores only those
        it keeps."""
        return (
            "SELECT id, NULL::real AS score FROM search_newest(to_tsquery('simple'::regconfig, %s), %s)",
            [self.expression(query), wanted],
        )

    def newest(self, query, check, count, offset=0, window=None):
        """``SELECT id, score, seen`` as ``SQLiteBackend.newest()``, from the ``window`` newest
        matches (all if None). ``seen`` is how many matches the window held, given on one row
        with a NULL id when none passed: fewer than ``window`` means no match was left out."""
        matches_sql, matches_params = self.matches(query, window)
        score_sql, score_params = self.score_of(query, "checked.id")
        check_sql, check_params = check
        return (
            f"WITH matches AS MATERIALIZED ({matches_sql}) "
            f"SELECT checked.id, {score_sql}, seen.n FROM (SELECT COUNT(*) AS n FROM matches) seen "
            "LEFT JOIN LATERAL (SELECT matches.id FROM matches "
            f"WHERE EXISTS ({check_sql}) ORDER BY matches.id DESC LIMIT %s OFFSET %s) checked ON true",
            [*matches_params, *score_params, *check_params, count, offset],
        )

    def score_of(self, query, id_sql):
        """``score()`` of the bulletin whose id is ``id_sql``, as a scalar subquery."""
        score_sql, score_params = self.score(query)
        return (
            f"(SELECT {score_sql} FROM {self.table} WHERE {self.table}.{self.id_column} = {id_sql})",
            score_params,
        )

    def rebuild(self):
        # The column is generated: nothing to derive; ANALYZE keeps the planner's estimates fresh.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {self.table}")

    @contextmanager
    def rebuilding(self):
        yield
        self.rebuild()


BACKENDS = {"sqlite": SQLiteBackend, "postgresql": PostgresBackend}


def get_backend():
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise NotImplementedError(
            f"Full-text search supports SQLite and PostgreSQL, not {connection.vendor}."
        ) from None

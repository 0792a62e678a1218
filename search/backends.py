"""The database's own full-text index, one class per vendor, behind the same three methods.

``table`` is the table searched, ``id_column`` its column holding the bulletin's id,
``materialized`` the CTE hint that keeps the index match a step of its own, ``match()``
the condition that a row matches a query, ``score()`` the relevance of the match (higher is
better), ``matches()`` the (id, score) of every match as the index gives them, ``score_of()``
the score of one bulletin as a scalar subquery, ``rebuild()`` re-derives the full-text
structure from the ``SearchDocument`` rows, and ``rebuilding()`` wraps bulk writes to those
rows that end with a ``rebuild()``. Queries are built from the words of ``text.parse_query``
(letters and digits only), every word quoted as a literal of the query language and passed as
a bound parameter: nothing a reader types is ever an operator or SQL.

Title matches weigh most, then the summary (with the achievement-list titles), then the body.
"""

import sqlite3
from contextlib import contextmanager

from django.db import connection

from .models import SearchDocument

DOCUMENTS = SearchDocument._meta.db_table


class SQLiteBackend:
    """FTS5 over ``search_searchdocument`` (external content, triggers), ranked by bm25."""

    table = "search_fts"
    id_column = "rowid"
    # The hint keeps the FTS5 query a step of its own (SQLite 3.35+; older ones do so anyway).
    materialized = "MATERIALIZED " if sqlite3.sqlite_version_info >= (3, 35) else ""
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
    materialized = "MATERIALIZED "

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

    def matches(self, query):
        """``SELECT id, score`` of the matching bulletins, answered by the GIN index
        (``search_matches()``, migration 0003: never a sequential scan of the table)."""
        return (
            "SELECT id, score FROM search_matches(to_tsquery('simple'::regconfig, %s))",
            [self.expression(query)],
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

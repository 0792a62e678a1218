"""The database's own full-text index, one class per vendor, behind the same three methods.

``matching(query)`` is SQL selecting the ids of the bulletins whose document matches,
``score(query, outer_id)`` SQL giving one bulletin's relevance (higher is better) and
``rebuild()`` re-derives the full-text structure from the ``SearchDocument`` rows. Queries are
built from the words of ``text.parse_query`` (letters and digits only), every word quoted as a
literal of the query language and passed as a bound parameter: nothing a reader types is ever
an operator or SQL.

Title matches weigh most, then the summary (with the achievement-list titles), then the body.
"""

from django.db import connection

from .models import SearchDocument

DOCUMENTS = SearchDocument._meta.db_table


class SQLiteBackend:
    """FTS5 over ``search_searchdocument`` (external content, triggers), ranked by bm25."""

    table = "search_fts"
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

    def matching(self, query):
        return (
            f"SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s",
            [self.expression(query)],
        )

    def score(self, query, outer_id):
        weights = ", ".join(str(weight) for weight in self.weights)
        return (
            f"SELECT -bm25({self.table}, {weights}) FROM {self.table} "
            f"WHERE {self.table} MATCH %s AND rowid = {outer_id}",
            [self.expression(query)],
        )

    def rebuild(self):
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {self.table}({self.table}) VALUES ('rebuild')")
            cursor.execute(f"INSERT INTO {self.table}({self.table}) VALUES ('optimize')")


class PostgresBackend:
    """A generated ``tsvector`` column (config 'simple') with a GIN index, ranked by ts_rank."""

    @staticmethod
    def _lexeme(word):
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"

    def expression(self, query):
        terms = []
        for term in query.terms:
            phrases = [" <-> ".join(self._lexeme(word) for word in phrase) for phrase in term.phrases]
            terms.append("(" + " | ".join(f"({phrase})" for phrase in phrases) + ")")
        return " & ".join(terms)

    def matching(self, query):
        return (
            f"SELECT bulletin_id FROM {DOCUMENTS} "
            "WHERE vector @@ to_tsquery('simple'::regconfig, %s)",
            [self.expression(query)],
        )

    def score(self, query, outer_id):
        return (
            f"SELECT ts_rank(vector, to_tsquery('simple'::regconfig, %s)) FROM {DOCUMENTS} "
            f"WHERE bulletin_id = {outer_id}",
            [self.expression(query)],
        )

    def rebuild(self):
        # The column is generated: nothing to derive; ANALYZE keeps the planner's estimates fresh.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {DOCUMENTS}")


BACKENDS = {"sqlite": SQLiteBackend, "postgresql": PostgresBackend}


def get_backend():
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise NotImplementedError(
            f"Full-text search supports SQLite and PostgreSQL, not {connection.vendor}."
        ) from None

"""The database's own full-text index, one class per vendor, behind the same three methods.

``table`` is the table searched, ``id_column`` its column holding the bulletin's id, ``match()``
the condition that a row matches a query, ``score()`` the relevance of the match (higher is
better), and ``rebuild()`` re-derives the full-text structure from the ``SearchDocument`` rows. Queries are
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
    id_column = "rowid"
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

    def rebuild(self):
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {self.table}({self.table}) VALUES ('rebuild')")
            cursor.execute(f"INSERT INTO {self.table}({self.table}) VALUES ('optimize')")


class PostgresBackend:
    """A generated ``tsvector`` column (config 'simple') with a GIN index, ranked by ts_rank."""

    table = DOCUMENTS
    id_column = "bulletin_id"

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

    def rebuild(self):
        # The column is generated: nothing to derive; ANALYZE keeps the planner's estimates fresh.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {self.table}")


BACKENDS = {"sqlite": SQLiteBackend, "postgresql": PostgresBackend}


def get_backend():
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise NotImplementedError(
            f"Full-text search supports SQLite and PostgreSQL, not {connection.vendor}."
        ) from None

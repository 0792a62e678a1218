"""The database's own full-text structure over search_searchdocument, one per vendor.

SQLite: an FTS5 table with external content, kept in step by triggers, so that any write to
search_searchdocument (the ORM, a flush, a cascade) updates it in the same transaction.
PostgreSQL: a generated tsvector column ('simple' config: the text is already cut into words)
with a GIN index; weights A title, B summary, D body.
"""

from django.db import migrations


class RunSQLFor(migrations.RunSQL):
    """RunSQL on one database vendor only; a no-op elsewhere."""

    def __init__(self, vendor, sql, reverse_sql):
        self.vendor = vendor
        super().__init__(sql, reverse_sql)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, kwargs.pop("sql"), kwargs.pop("reverse_sql")], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


FTS_COLUMNS = "title, summary, body"
OLD = "old.title, old.summary, old.body"
NEW = "new.title, new.summary, new.body"

SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    f"{FTS_COLUMNS}, content='search_searchdocument', content_rowid='bulletin_id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
    f"INSERT INTO search_fts(rowid, {FTS_COLUMNS}) VALUES (new.bulletin_id, {NEW}); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    f"INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS}) "
    f"VALUES ('delete', old.bulletin_id, {OLD}); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN "
    f"INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS}) "
    f"VALUES ('delete', old.bulletin_id, {OLD}); "
    f"INSERT INTO search_fts(rowid, {FTS_COLUMNS}) VALUES (new.bulletin_id, {NEW}); END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRESQL = [
    "ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, summary), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'D')) STORED",
    "CREATE INDEX search_document_vector_idx ON search_searchdocument USING GIN (vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_document_vector_idx",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]


def index_existing_bulletins(apps, schema_editor):
    """Index the bulletins already in the database, with the models as of this migration."""
    from search.text import segment

    Bulletin = apps.get_model("bulletins", "Bulletin")
    AchievementList = apps.get_model("bulletins", "AchievementList")
    AchievementItem = apps.get_model("bulletins", "AchievementItem")
    SearchDocument = apps.get_model("search", "SearchDocument")
    for bulletin in Bulletin.objects.only("pk", "title", "summary", "body").iterator():
        summary, body = [bulletin.summary], [bulletin.body]
        for achievement_list in AchievementList.objects.filter(bulletin_id=bulletin.pk):
            summary.append(achievement_list.title)
            for item in AchievementItem.objects.filter(achievement_list=achievement_list):
                summary.append(item.title)
                body.append(item.body)
        SearchDocument.objects.update_or_create(
            bulletin_id=bulletin.pk,
            defaults={
                "title": segment(bulletin.title),
                "summary": segment("\n".join(filter(None, summary))),
                "body": segment("\n".join(filter(None, body))),
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        RunSQLFor("sqlite", SQLITE, SQLITE_REVERSE),
        RunSQLFor("postgresql", POSTGRESQL, POSTGRESQL_REVERSE),
        migrations.RunPython(index_existing_bulletins, migrations.RunPython.noop),
    ]

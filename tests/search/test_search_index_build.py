"""Building the index fast writes exactly what jieba gives for each whole text, on any database."""

import unicodedata
from contextlib import contextmanager
from io import StringIO
from unittest import mock

import jieba
import pytest
from django.core.management import call_command
from django.db import connection, transaction

from bulletins.models import Bulletin
from search import index
from search.backends import SQLiteBackend
from search.models import SearchDocument
from search.query import search_bulletins
from search.text import _FULL_WIDTH, index_words, normalize, words_of
from tests.factories import make_achievement_list, make_bulletin


def plain_segment(text):
    """The index text without any shortcut: NFKC, lower case, jieba over the whole text."""
    words = []
    for token in jieba.cut_for_search(unicodedata.normalize("NFKC", text).lower()):
        words.extend(words_of(token))
    return " ".join(words)


def plain_documents():
    with mock.patch.object(index, "segment", plain_segment):
        return {
            bulletin.pk: index.document_fields(bulletin)
            for bulletin in Bulletin.objects.only("pk", "title", "summary", "body")
        }


def stored_documents():
    return {
        document.bulletin_id: {"title": document.title, "summary": document.summary, "body": document.body}
        for document in SearchDocument.objects.all()
    }


@pytest.mark.parametrize(
    "text",
    [
        "加快推进秸秆离田，国考断面水质明显改善，生态环境保护督察。",
        "PM2.5浓度为25微克/立方米，同比下降3.8%；劣Ⅴ类水质断面Ⅲ个。",
        "ＰＭ２．５（细颗粒物）：优良天数比例达９５．２％！是否达标？",
        "全市各级生态环境部门坚持问题导向，深入打好蓝天保卫战，取得明显成效。\n\n一、总体情况\r\n下一步",
        "café naïve Ωmega ΟΔΟΣ。ΟΔΟΣ，σ ß İstanbul Ⅻ ①②",
        "，\u0301（\u0327）Ⅴ\u0301e\u0301 combining marks after what is replaced",
        "emoji 😀🌏 tabs\tand\u3000ideographic spaces, C++ & C# 3-5 a_b 100%",
        "C++、AT&T、Wi-Fi、e-mail地址3.8%，王小-明，１２３-４５６，ｃ＃语言",
        "",
        "   ",
    ],
)
def test_index_words_are_what_jieba_gives_for_the_whole_text(text):
    assert " ".join(index_words(text)) == plain_segment(text)
    # Again, now that every piece of it is remembered.
    assert " ".join(index_words(text)) == plain_segment(text)


def test_what_is_replaced_before_normalizing_is_what_nfkc_makes_of_it_in_ascii():
    for char, usual in _FULL_WIDTH.items():
        assert usual == unicodedata.normalize("NFKC", char) and usual.isascii()
    text = "".join(_FULL_WIDTH) + "\u0301ＡＢ，\u0327Ⅴ\u0308"
    assert normalize(text) == unicodedata.normalize("NFKC", text).lower()


@pytest.mark.django_db
def test_demo_bulletins_are_indexed_as_the_plain_segmentation_indexes_them():
    options = ["--bulletins", "150", "--seed", "11", "--now", "2024-06-01T00:00:00+08:00"]
    call_command("generate_demo_data", *options, "--index-search", stdout=StringIO(), stderr=StringIO())
    stored = stored_documents()
    assert len(stored) == Bulletin.objects.count() >= 150
    assert stored == plain_documents()


@pytest.mark.django_db
def test_a_rebuild_writes_the_same_documents_whatever_was_indexed_before():
    edited = make_bulletin(slug="edited", title="水质公报", body="国考断面水质明显改善。")
    make_achievement_list(edited)  # items written in bulk: not indexed yet
    Bulletin.objects.filter(pk=edited.pk).update(body="新增臭氧监测，ＰＭ２．５下降。")
    missing = make_bulletin(slug="missing", body="秸秆禁烧。")
    SearchDocument.objects.filter(pk=missing.pk).delete()
    make_bulletin(slug="unchanged", body="噪声污染防治。")

    assert index.rebuild_index() == 3
    assert stored_documents() == plain_documents()
    assert [b.slug for b in search_bulletins("臭氧")] == ["edited"]
    assert [b.slug for b in search_bulletins("成果2")] == ["edited"]
    assert [b.slug for b in search_bulletins("秸秆")] == ["missing"]


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table is SQLite's")


def _rows(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def _triggers():
    return _rows(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name = 'search_searchdocument' ORDER BY name"
    )


def _fts_state():
    """The FTS5 index as stored (its bytes depend on the order of the rows too) and its triggers."""
    tables = ["search_fts_data", "search_fts_idx", "search_fts_docsize", "search_fts_config"]
    return {"triggers": _triggers(), **{table: _rows(f"SELECT * FROM {table} ORDER BY 1, 2") for table in tables}}


@contextmanager
def rebuilding_with_the_triggers_on(backend):
    yield
    backend.rebuild()


@sqlite_only
@pytest.mark.django_db
def test_the_fts5_index_is_byte_for_byte_what_the_triggers_and_a_rebuild_made():
    for number in range(6):
        make_bulletin(slug=f"b{number}", body=f"第{number}段：水质达标，秸秆禁烧。")
    Bulletin.objects.filter(slug="b2").update(body="新增臭氧监测。")
    SearchDocument.objects.filter(bulletin__slug="b4").delete()
    triggers = _triggers()
    assert len(triggers) == 3
    with transaction.atomic():
        with mock.patch.object(SQLiteBackend, "rebuilding", rebuilding_with_the_triggers_on):
            index.rebuild_index()
        before = _fts_state()
        transaction.set_rollback(True)

    index.rebuild_index()
    assert _fts_state() == before
    assert _triggers() == triggers
    _rows("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    # The triggers are back: an ordinary save is found at once.
    bulletin = Bulletin.objects.get(slug="b0")
    bulletin.body = "扬尘污染防治。"
    bulletin.save()
    assert [b.slug for b in search_bulletins("扬尘")] == ["b0"]


@sqlite_only
@pytest.mark.django_db
def test_a_rebuild_that_fails_leaves_the_triggers_in_place():
    make_bulletin(slug="b", body="水质达标。")
    triggers = _triggers()
    failing = mock.patch.object(index, "_index_batch", side_effect=RuntimeError("disk full"))
    with failing, pytest.raises(RuntimeError):
        index.rebuild_index()
    assert _triggers() == triggers
    make_bulletin(slug="later", body="扬尘污染防治。")
    assert [b.slug for b in search_bulletins("扬尘")] == ["later"]

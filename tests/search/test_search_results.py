"""What a search finds: only published bulletins, best first, kept in step with every edit."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from bulletins.models import AchievementItem, Bulletin
from ecoportal.publishing import Status
from search.models import SearchDocument
from search.query import QueryError, search_bulletins
from tests.factories import make_achievement_list, make_bulletin

pytestmark = pytest.mark.django_db


def found(query, **kwargs):
    return [bulletin.slug for bulletin in search_bulletins(query, **kwargs)]


def test_a_two_character_chinese_word_is_found_inside_unspaced_text():
    make_bulletin(slug="straw", body="今年加快推进秸秆离田，畅通综合利用出口。")
    make_bulletin(slug="other", body="全市空气质量持续改善。")
    assert found("秸秆") == ["straw"]


@pytest.mark.parametrize(
    "state",
    [
        {"status": Status.DRAFT, "publish_at": None},
        {"status": Status.IN_REVIEW, "publish_at": None},
        {"status": Status.ARCHIVED, "publish_at": timezone.now() - timedelta(days=1)},
        {"status": Status.PUBLISHED, "publish_at": timezone.now() - timedelta(days=1),
         "deleted_at": timezone.now()},
    ],
    ids=["draft", "in-review", "archived", "deleted"],
)
def test_an_unpublished_bulletin_is_never_found(state):
    make_bulletin(slug="hidden", title="督察整改", body="督察整改草稿。", **state)
    assert found("督察") == []
    assert found("督察", queryset=Bulletin.objects.all()) == []


def test_a_scheduled_bulletin_is_found_from_its_publish_time_on_with_no_job_to_run():
    publish_at = timezone.now() + timedelta(hours=2)
    make_bulletin(slug="scheduled", body="入河排污口整治。", publish_at=publish_at)
    assert found("排污") == []
    with mock.patch("django.utils.timezone.now", return_value=publish_at + timedelta(seconds=1)):
        assert found("排污") == ["scheduled"]


def test_a_match_in_the_title_ranks_above_matches_in_the_body():
    make_bulletin(slug="body", title="工作综述", body="水质监测。水质改善。水质达标。")
    make_bulletin(slug="title", title="水质公报", body="全年监测情况。")
    assert found("水质") == ["title", "body"]


def test_every_word_of_the_query_must_be_found():
    make_bulletin(slug="both", body="秸秆全域禁烧。")
    make_bulletin(slug="one", body="秸秆离田。")
    assert found("秸秆 禁烧") == ["both"]
    assert found("秸秆禁烧") == ["both"]


def test_a_latin_word_with_punctuation_in_chinese_text_is_found():
    make_bulletin(slug="pm", body="细颗粒物（PM2.5）平均浓度为25微克/立方米。")
    make_bulletin(slug="pm10", body="PM10平均浓度为50微克/立方米，5个站点。")
    assert found("PM2.5") == ["pm"]
    assert found("pm2.5") == ["pm"]
    assert found("ＰＭ２．５") == ["pm"]


def test_a_long_word_is_found_where_the_text_cut_it_differently():
    # jieba cuts this sentence 生态|环境保护: the query's 生态环境 is found through its parts.
    make_bulletin(slug="split", body="推进伊春市生态环境保护工作。")
    assert found("生态环境") == ["split"]


def test_achievement_items_are_searched_and_follow_their_edits():
    bulletin = make_bulletin(slug="with-list", body="年度工作。")
    achievement_list = make_achievement_list(bulletin, items=0)
    item = AchievementItem.objects.create(
        achievement_list=achievement_list, number=1, title="黑土地保护", body="推广保护性耕作。"
    )
    assert found("黑土地") == ["with-list"]
    assert found("耕作") == ["with-list"]
    item.body = "推广秸秆还田。"
    item.save()
    assert found("耕作") == []
    assert found("还田") == ["with-list"]
    item.delete()
    assert found("黑土地") == []


def test_editing_a_bulletin_reindexes_it():
    bulletin = make_bulletin(slug="edited", body="噪声污染防治。")
    bulletin.body = "扬尘污染防治。"
    bulletin.save()
    assert found("噪声") == []
    assert found("扬尘") == ["edited"]


def test_deleting_a_bulletin_removes_its_document():
    bulletin = make_bulletin(slug="gone", body="危险废物处置。")
    make_achievement_list(bulletin)
    bulletin.delete()
    assert not SearchDocument.objects.exists()
    assert found("危险废物") == []


def test_rebuild_catches_up_with_writes_that_bypass_signals(capsys):
    bulletin = make_bulletin(slug="bulk", body="旧内容。")
    Bulletin.objects.filter(pk=bulletin.pk).update(body="新增臭氧监测。")
    assert found("臭氧") == []
    call_command("rebuild_search_index")
    assert "Indexed 1 bulletins" in capsys.readouterr().out
    assert found("臭氧") == ["bulk"]


def test_the_queryset_given_narrows_the_search():
    make_bulletin(slug="y2023", body="水质达标。", issued_on=timezone.datetime(2023, 5, 1).date())
    make_bulletin(slug="y2024", body="水质达标。", issued_on=timezone.datetime(2024, 5, 1).date())
    assert found("水质", queryset=Bulletin.objects.in_year(2023)) == ["y2023"]


@pytest.mark.parametrize(
    "query",
    ['"', '"水质', "水质*", "NEAR(水质 督察)", "水质 AND", "OR 水质", "-水质", "body:水质",
     "^水质", "(水质", "水质)", "'; DROP TABLE bulletins_bulletin; --", "\\", "水质 <-> 督察",
     "水质 & | !", "😀水质😀", "\x00水质"],
)
def test_query_language_characters_are_plain_text(query):
    make_bulletin(slug="water", title="水质公报", body="水质达标。")
    assert found(query) in ([], ["water"])
    assert Bulletin.objects.filter(slug="water").exists()


def test_a_query_with_no_words_finds_nothing():
    make_bulletin(body="水质达标。")
    assert found("😀 *** ???") == []


def test_a_query_over_the_limit_raises():
    with pytest.raises(QueryError):
        search_bulletins("水" * 101)

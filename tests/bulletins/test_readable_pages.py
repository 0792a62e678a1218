"""Pages a citizen can read: the achievements index says each list's year, region and
publisher; a bulletin quotes each sentence once with all its figures; numbered points read
as items; the topics never break a word."""

import pytest

from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db


def test_the_achievements_index_shows_each_lists_year_region_and_publisher(client):
    region = make_region(name="伊春市")
    publisher = make_publisher(name="伊春市生态环境局")
    make_achievement_list(make_bulletin(region=region, publisher=publisher), year=2024)
    make_achievement_list(make_bulletin(region=None, publisher=None), year=None)
    html = client.get("/achievements/").content.decode()
    cards = html.split('class="card achievement-card"')[1:]
    assert len(cards) == 2
    assert "2024" in cards[0] and "伊春市" in cards[0] and "伊春市生态环境局" in cards[0]
    assert cards[1].count("原文未注明") == 2, "an unknown year and publisher are said to be unknown"
    assert 'class="lead"' in html


def test_a_bulletin_quotes_each_sentence_once_with_every_figure_it_states(client):
    sentence = "2023年全省优良天数比例为93.1%，PM2.5浓度为25微克/立方米。"
    bulletin = make_bulletin(body=f"会议指出，{sentence}其余略。")
    ratio = make_indicator(name="优良天数比例", unit="%")
    pm25 = make_indicator(name="PM2.5浓度", unit="微克/立方米")
    first = make_observation(bulletin=bulletin, indicator=ratio, value="93.1", quote=sentence)
    second = make_observation(bulletin=bulletin, indicator=pm25, value="25", quote=sentence)
    html = client.get(bulletin.get_absolute_url()).content.decode()
    figures = html[html.index('id="figures-title"') :]
    assert figures.count(sentence) == 1
    assert f'id="figure-{first.pk}"' in figures and f'id="figure-{second.pk}"' in figures
    assert "优良天数比例" in figures and "PM2.5浓度" in figures


def test_numbered_points_of_a_report_read_as_items_with_their_words_untouched(client):
    body = "生态是立市之本。\n\n第一，坚持把维护生态安全体现在示范区创建。全面启动。\n\n二是全省上下紧盯目标。"
    html = client.get(make_bulletin(body=body).get_absolute_url()).content.decode()
    assert '<p class="point">第一，坚持把维护生态安全体现在示范区创建。全面启动。</p>' in html
    assert '<p class="point">二是全省上下紧盯目标。</p>' in html
    assert "<p>生态是立市之本。</p>" in html


def test_each_topic_keeps_its_words_together(client):
    bulletin = make_bulletin(topics=[make_topic(name="执法"), make_topic(name="土壤")])
    html = client.get(bulletin.get_absolute_url()).content.decode()
    assert html.count('<span class="topic">') == 2

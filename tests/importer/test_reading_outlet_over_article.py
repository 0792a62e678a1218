"""read() on invented copies of news items whose first line is only the name of the outlet they
ran in ("甲城新闻", "乙江在线") right over the article's first paragraph, no headline between:
the line is the publisher, not the headline, and the body the item quotes (生态环境部) is not
taken for it. An outlet's name over a headline stays the site's header, the headline the title."""

import pytest

from importer import pipeline

_ARTICLE = (
    "生态环境部5月20日公布,4月份全国空气质量同比改善。全国339个地级及以上城市平均"
    "优良天数比例为88.4%,同比上升2.6个百分点。\n"
)


@pytest.mark.parametrize("outlet", ["甲城新闻", "乙江在线"])
def test_an_outlets_name_over_the_article_is_its_publisher(outlet):
    document = pipeline.read(f"{outlet}\n{_ARTICLE}")
    assert document.publisher == outlet
    assert document.title != outlet


def test_an_outlets_name_over_a_headline_leaves_the_headline_the_title():
    document = pipeline.read(f"甲城新闻\n4月全国空气质量同比改善\n{_ARTICLE}")
    assert document.title == "4月全国空气质量同比改善"


@pytest.mark.parametrize("column", ["本地新闻", "环保新闻"])
def test_a_kind_of_news_over_the_article_is_a_column_no_publisher(column):
    # The site's column the item was filed under names what news it is, not who ran it.
    document = pipeline.read(f"{column}\n{_ARTICLE}")
    assert column not in document.publisher
    assert document.title != column

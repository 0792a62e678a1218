"""read() on invented news items that open by crediting the site that ran them with 消息 rather
than 讯 ("甲城网消息:", "乙江日报消息 (记者 某某)"): the site is the publisher, as "甲城网讯" makes
it. "消息" said of what a body released ("据生态环境部消息") credits no site."""

import pytest

from importer import pipeline


@pytest.mark.parametrize(
    ("opening", "site"),
    [("甲城网消息: ", "甲城网"), ("乙江日报消息 (记者 某某) ", "乙江日报")],
)
def test_a_site_credited_with_its_message_publishes_the_item(opening, site):
    document = pipeline.read(
        f"{opening}一季度,全国城市空气质量稳中向好,优良天数比例为86.1%,"
        "同比上升2.1个百分点。\n"
    )
    assert document.publisher == site


# 据 makes the source one the item cites, a ministry or another paper, not the site that ran it.
@pytest.mark.parametrize("cited", ["生态环境部", "丙城日报", "丁州通讯社"])
def test_a_message_cited_with_ju_credits_no_site(cited):
    document = pipeline.read(
        f"据{cited}消息,一季度,全国城市空气质量稳中向好,优良天数比例为86.1%,"
        "同比上升2.1个百分点。\n"
    )
    assert not document.publisher.startswith("据")

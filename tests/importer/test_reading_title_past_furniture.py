"""A page's furniture taken for its title (the site's tools, its name, a link) gives way to
the headline under it, or to none. Invented pages."""

from importer import pipeline


def test_a_fuller_headline_in_the_header_is_preferred_to_its_short_form():
    # The headline over the page's tools, the tools taken for it, then its short form.
    text = "\n".join(
        [
            "首页>新闻动态>通知公告",
            "",
            "澜溪市各县空气质量排名公告(2022年5月)",
            "",
            "【字体: 打印",
            "2022-06-13 10:21 市生态环境局",
            "",
            "澜溪市各县空气质量排名公告",
            "",
            "2022年5月,澜溪市各县环境空气质量综合指数均值为3.12。",
        ]
    )
    assert pipeline.read(text).title == "澜溪市各县空气质量排名公告(2022年5月)"


def test_no_headline_past_the_furniture_leaves_the_title_to_the_editor():
    text = "查看原文\n\n2022年5月,澜溪市环境空气质量综合指数均值为3.12,同比改善4.0%。"
    assert "查看原文" not in pipeline.read(text).title


def test_a_headline_naming_a_tool_word_is_no_furniture():
    text = "澜溪市3D打印产业园环境影响评价公示\n\n2022年5月,澜溪市环境空气质量综合指数均值为3.12。"
    assert pipeline.read(text).title == "澜溪市3D打印产业园环境影响评价公示"

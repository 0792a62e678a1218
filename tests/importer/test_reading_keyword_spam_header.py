"""read() on copies whose page opens with a line of search keywords a spam site put over the
bulletin ("2020最新热门剧集高清免费在线观看,…"): the line is the site's, not the document's, even
where its pieces run to twenty characters and name years; its years date nothing, and the
bulletin's own header and headline under it are read as if it were not there. Invented texts.
"""

from datetime import date

from importer import pipeline

_KEYWORDS = (
    "2020最新热门剧集免费在线观看2019,免费电影大片,手机影院看片在线播放,"
    "2018热门综艺节目全集在线观看"
)


def test_a_keyword_line_over_a_disclosure_header_leaves_the_header_its_title_and_place():
    document = pipeline.read(
        f"{_KEYWORDS}\n\n"
        "索引号:014000650/2023-00123 组配分类:环境状况半年报\n"
        "发布机构:监测中心 发文日期:2023-07-20\n"
        "名 称:浙江省生态环境质量状况(2023年上半年) 文件编号:\n\n"
        "浙江省生态环境质量状况(2023年上半年)\n\n"
        "一、环境空气\n\n"
        "上半年,全省PM2.5平均浓度为28.4微克/立方米,同比下降3.1%。\n"
    )
    assert document.title == "浙江省生态环境质量状况(2023年上半年)"
    assert document.region is not None and document.region.name == "浙江省"
    (pm25,) = [f for f in document.figures if f.value_text == "28.4"]
    assert (pm25.period_start, pm25.period_end) == (date(2023, 1, 1), date(2023, 6, 30))
    assert pm25.region is not None and pm25.region.name == "浙江省"


def test_a_keyword_line_naming_years_over_a_headline_dates_nothing():
    document = pipeline.read(
        "最新影视大全高清免费在线观看2019版,手机看片在线播放网站,免费电影在线观看2018完整版,"
        "热门电视剧全集免费在线\n\n"
        "甲市环境空气质量状况(2021年一季度)\n\n"
        "一季度,甲市环境空气优良天数比例为86.7%,同比上升4.4个百分点。\n"
    )
    assert document.title == "甲市环境空气质量状况(2021年一季度)"
    (share,) = [f for f in document.figures if f.value_text == "86.7"]
    assert (share.period_start, share.period_end) == (date(2021, 1, 1), date(2021, 3, 31))


def test_an_opening_paragraph_of_short_clauses_is_no_keyword_line():
    document = pipeline.read(
        "全省上下坚持生态优先和绿色发展的理念,深入打好蓝天碧水净土保卫战的各项战役,"
        "持续改善全省生态环境质量的总体水平,推动全省经济社会高质量发展取得新的成效。\n"
        "2023年,全省PM2.5平均浓度为28.4微克/立方米。\n"
    )
    assert document.body.startswith("全省上下坚持生态优先")

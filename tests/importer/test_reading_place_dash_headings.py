"""read() on invented compilations of places' figures where each part opens with a line of the
place's name and a dash ("北京——", "陕西--"): the line heads that place's part, whose figures
(and its 全省) are that place's, as a place's name closed by a colon already does. A line of a
topic and a dash is no place."""

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region

_NATIONAL = (
    "2019年各地生态环境质量简况\n\n"
    "生态环境部发布,全国城市空气优良天数比例平均为87.5%。\n"
    "与此同时,不少省市也公开了2019年环境质量状况。\n"
)


def test_a_places_name_and_a_dash_heads_its_part():
    document = pipeline.read(
        _NATIONAL + "北京——\n"
        "空气质量达标天数为240天,达标天数比例为65.8%。\n"
        "陕西--\n"
        "全省13个市(区)空气质量平均优良天数为265.3天,同比增加1.3天。\n"
    )
    assert region(one(document, "87.5")) == "全国"
    assert region(one(document, "240")) == "北京市"
    assert region(one(document, "65.8")) == "北京市"
    assert region(one(document, "265.3")) == "陕西省"


def test_a_full_name_and_a_single_dash_heads_its_part():
    document = pipeline.read(
        _NATIONAL + "河北省—\n全省PM2.5平均浓度为50.2微克/立方米,同比下降10.2%。\n"
    )
    assert region(one(document, "50.2")) == "河北省"


def test_a_topic_and_a_dash_is_no_place():
    document = pipeline.read(
        _NATIONAL + "空气质量——\n全国PM2.5平均浓度为36微克/立方米,同比下降2.7%。\n"
    )
    assert region(one(document, "36")) == "全国"

"""read() on a great lake's own figures: the lake is their place.

"鄱阳湖湖体总磷浓度为…" is the lake's, not the province's; a lake that shares its name with a
county or a city (太湖县, 巢湖市) is the lake only where its water is said ("巢湖湖体");
the rivers around a lake ("环洞庭湖河流") and the other lakes after it ("其他湖库") are not it.

The release is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def _places(text):
    document = pipeline.read(text)
    return {f.value: getattr(f.region, "name", None) for f in document.figures if not f.derived}


def test_a_lakes_own_water_is_placed_at_the_lake():
    places = _places(
        "江西省2031年第一季度环境质量状况\n"
        "全省国考断面水质优良比例为95.1%。鄱阳湖湖体总磷平均浓度为0.057毫克/升。"
    )
    assert places[Decimal("95.1")] == "江西省"
    assert places[Decimal("0.057")] == "鄱阳湖"


def test_a_lake_named_like_a_city_only_where_its_water_is_said():
    places = _places(
        "安徽省2031年5月地表水环境质量\n"
        "巢湖湖体平均为轻度富营养状态,营养状态指数为52.4;巢湖市PM2.5平均浓度为29微克/立方米。"
    )
    assert places[Decimal("52.4")] == "巢湖"
    assert places[Decimal("29")] == "巢湖市"


def test_rivers_around_a_lake_and_other_lakes_are_not_the_lake():
    places = _places(
        "湖南省2031年水环境质量\n"
        "环洞庭湖河流水质优良断面比例为96.2%。洞庭湖湖体总磷浓度为0.062毫克/升,"
        "其他湖库的水质优良率为71.4%。"
    )
    assert places[Decimal("96.2")] == "湖南省"
    assert places[Decimal("0.062")] == "洞庭湖"
    assert places[Decimal("71.4")] == "湖南省"


def test_a_lakes_name_in_other_words_is_no_place_nor_the_documents():
    places = _places(
        "2031年昆明市生态环境保护\n"
        "2031年,昆明市投入滇池保护治理资金9.7亿元。淳安县千岛湖镇污水处理厂处理污水287万吨。"
        "鄱阳湖生态经济区生产总值达到1.1万亿元。"
    )
    assert places[Decimal("9.7")] == "昆明市"
    assert places[Decimal("287")] == "淳安县"
    assert places[Decimal("1.1")] != "鄱阳湖"
    document = pipeline.read(
        "2031年湖南省水环境\n2031年,洞庭湖湖体总磷平均浓度为0.058毫克/升;全省地表水优良率为94.1%。"
    )
    assert document.region.name == "湖南省"

"""read() on a city's report that names its city only in the companies it lists.

A monthly enforcement item often says only 全市 ("全市环保系统共立案…"), while the cases it
lists name the city's companies ("、衡阳恒泰化工有限公司…"). Where at least two companies are
named after one city (or its counties) and none after another, the report is that city's. One
company, or companies of two cities, place nothing. A report naming no place at all is the
city of the body that gave its data ("以上资料由某市某某有限公司提供"), where that body is named
after one.

The bulletins are invented (real divisions, made-up companies, our own sentences and numbers).
"""

from importer import pipeline

OPENING = "9月,全市环保系统共出动执法人员2316人次,立案查处环境违法案件47起,处罚款386万元。"


def _region(cases):
    return pipeline.read(OPENING + "典型案件有:" + cases).region


def test_companies_named_after_one_city_place_the_report():
    region = _region(
        "衡阳恒泰化工有限公司未按规定贮存危险废物案、衡阳市南岳沙石建材有限公司扬尘污染案、"
        "耒阳兴旺陶瓷股份有限公司超标排放大气污染物案。"
    )
    assert region is not None and region.name == "衡阳市"


def test_companies_of_two_cities_place_nothing():
    region = _region("衡阳恒泰化工有限公司未按规定贮存危险废物案、株洲永安塑胶有限公司扬尘污染案。")
    assert region is None


def test_one_company_places_nothing():
    assert _region("衡阳恒泰化工有限公司未按规定贮存危险废物案。") is None


def test_the_body_that_gave_the_data_places_a_report_naming_no_place():
    document = pipeline.read(
        "出厂水水质月度检测结果\n"
        "本月出厂水浊度平均为0.21NTU,余氯平均为0.52mg/L。\n"
        "以上资料由邵阳市清泉自来水有限公司检测中心提供。"
    )
    assert document.region is not None and document.region.name == "邵阳市"


def test_a_source_named_after_no_place_places_nothing():
    document = pipeline.read(
        "出厂水水质月度检测结果\n本月出厂水浊度平均为0.21NTU。\n以上资料由清泉自来水有限公司提供。"
    )
    assert document.region is None


def test_brands_that_share_a_districts_short_form_place_nothing():
    assert (
        _region("东风汽车零部件有限公司超标排放案、东风商用车有限公司未按规定贮存危险废物案。")
        is None
    )
    document = pipeline.read(
        "全市环境质量状况\n2031年,全市空气质量优良天数为302天。\n以上资料由光明环境检测有限公司提供。"
    )
    assert document.region is None

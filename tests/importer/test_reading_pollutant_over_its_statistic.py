"""read() on a bulletin that names each pollutant on a line of its own, then its statistic:
"(1)细颗粒物(PM2.5)。市区年均浓度33微克/立方米…".

A concentration whose words name only the statistic (年均浓度) is of the pollutant the line
before it names; where none is named, it stays a proposal.

The bulletin is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def _read(text):
    return {f.value: f for f in pipeline.read(text).figures if not f.derived}


def test_the_statistic_is_of_the_pollutant_named_before():
    read = _read(
        "青禾市2031年环境质量公告\n"
        "一、环境空气质量\n"
        "(1)细颗粒物(PM2.5)。市区年均浓度33微克/立方米,超过国家二级标准。\n"
        "(2)二氧化氮(NO2)。市区年均浓度27微克/立方米,符合国家二级标准。"
    )
    assert read[Decimal("33")].indicator == "pm25"
    assert read[Decimal("27")].indicator == "no2"


def test_no_pollutant_named_leaves_a_proposal():
    read = _read("青禾市2031年环境质量公告\n全年市区年均浓度33微克/立方米。")
    assert read[Decimal("33")].indicator is None


def test_pollutants_named_in_passing_name_no_statistic():
    for text in (
        "青禾市2031年环境质量\n全市二氧化硫、一氧化碳、二氧化氮浓度均达到国家二级标准。市区年均浓度为24微克/立方米。",
        "青禾市2031年环境质量\n全市PM2.5和臭氧是首要污染物。全市年均浓度为31微克/立方米,同比下降6.1%。",
        "青禾市2031年环境质量\n全市开展温室气体监测,CO2站点3个。全市年均浓度为0.8毫克/立方米。",
    ):
        assert all(f.indicator is None for f in pipeline.read(text).figures if f.unit != "个")

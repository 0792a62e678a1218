"""read() on the terms of a compliance rate said before it: the whole assessed and the part
that met the target ("共评价412个水功能区,355个达标,达标率为86.2%", "总评价河长15234.5km,达标河长
13020.1km,占总评价河长的85.5%").

The rate is the figure; the count or length assessed is the survey's frame, and the count of
sites that met the target is the rate's numerator. Cases handled or counts of failing sections
said on their own ("办结356件,办结率为98.3%", "劣Ⅴ类断面共计46个") stay figures.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

import pytest

from importer import pipeline

CASES = (
    # zones counted: the whole assessed, the part that met the target, the rate
    (
        "本月青禾流域共评价412个水功能区,355个达标,达标率为86.2%。",
        ["86.2%"],
    ),
    # sections that met their targets, the rate after them
    (
        "2031年1月,11个断面均达到水质目标要求,达标率为78.6%。",
        ["78.6%"],
    ),
    # lengths and areas assessed, then the shares that met the target
    (
        "水功能区总评价河长15234.5km,达标河长13020.1km,占总评价河长的85.5%;湖(库)总评价面积"
        "2310.4km2,达标面积1900.2km2,占总评价面积的82.2%。",
        ["82.2%", "85.5%"],
    ),
    # near miss: cases handled and their rate stay
    (
        "本月共受理环境投诉362件,办结356件,办结率为98.3%。",
        ["356件", "362件", "98.3%"],
    ),
    # near miss: the whole checked, the rate after it, is no numerator and stays
    (
        "本月共出动执法人员320人次,检查企业156个,达标率为95.5%。",
        ["156个", "320人次", "95.5%"],
    ),
    (
        "本月抽测排污单位48个,合格率为91.7%。",
        ["48个", "91.7%"],
    ),
    # near miss: failing sections counted on their own stay
    (
        "本月劣Ⅴ类国控断面共计46个,同比减少5个。",
        ["-5个", "46个"],
    ),
)


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_terms_of_a_rate(body, expected):
    document = pipeline.read("青禾省2031年1月水环境质量\n" + body)
    assert sorted(f"{f.value}{f.unit}" for f in document.figures if not f.derived) == expected

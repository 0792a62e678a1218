"""read() on changes against the three-year mean: "同比上升4.4%,较三年均值下降1.6%".

The three-year mean is a baseline, as 同比 is: it names no measure, so the change against it is
of the measure the sentence is about.

The notice is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def test_the_change_against_the_three_year_mean_keeps_its_measure():
    document = pipeline.read(
        "2031年1-5月全省环境空气质量状况\n"
        "1-5月,全省PM2.5平均浓度为36.2微克/立方米。其中川西地区同比上升4.4%,较三年均值下降1.6%;"
        "川北地区同比下降7.3%,较三年均值上升2.1%。"
    )
    changes = {f.value: f.indicator for f in document.figures if f.kind == "change"}
    assert changes[Decimal("-1.6")] == "pm25"
    assert changes[Decimal("2.1")] == "pm25"

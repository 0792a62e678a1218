"""read() on the share of days meeting the air standard, said after the days counted.

"…环境空气质量达标天数为341天,达标率为93.2%": the 达标率 is the share of the days just
counted, the good days' share, and its change in points is that share's; not the compliance
rate a text names on its own ("城市环境空气质量达标率").

The bulletin is invented (made-up place, our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def test_the_share_of_the_days_counted_is_the_good_days_share():
    document = pipeline.read(
        "青禾市2031年环境状况公报\n"
        "2031年,全市监测有效天数共365天。依据《环境空气质量标准》评判,其中环境空气质量"
        "达标天数为341天,达标率为93.2%,同比上升1.4个百分点。"
    )
    read = {f.value: f.indicator for f in document.figures if not f.derived}
    assert read[Decimal("341")] == "air-good-days"
    assert read[Decimal("93.2")] == "air-good-days-ratio"
    assert read[Decimal("1.4")] == "air-good-days-ratio"

"""read() on a share said to worsen by so many points ("同比恶化4.7个百分点").

A good-days share that worsens falls, as one that improves rises ("改善…个百分点" was read so):
its change in points is negative. A concentration or an index that worsens rises, and keeps
its plus sign.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def changes(text):
    return {f.value for f in pipeline.read(text).figures if f.kind == "change" and not f.derived}


def test_good_days_share_worsened():
    assert Decimal("-3.6") in changes(
        "青禾市2031年8月空气质量\n本月优良天数比例为71.0%,同比恶化3.6个百分点。"
    )


def test_share_worsened_after_days_counted():
    assert Decimal("-2.4") in changes(
        "青禾市2031年8月空气质量\n甲县优良天平均为22天,同比恶化2.4个百分点。"
    )


def test_near_miss_a_concentration_worsened_rises():
    assert Decimal("8.2") in changes(
        "青禾市2031年8月空气质量\n本月PM2.5平均浓度为37微克/立方米,同比恶化8.2%。"
    )

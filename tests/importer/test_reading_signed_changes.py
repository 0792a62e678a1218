"""read() on invented sentences that write a change's sign with an ASCII hyphen: a ranked
list of places whose bracketed values carry it ("降幅前3位的城市依次是:甲市(-36.8%)"), how many
places are ranked written in digits ("前3位", "后3位"), and a verb of decrease before a negative
value ("分别下降-6.5%": the measure rose). A hyphen inside a code or a range is still no sign.

The sentences are invented (the cities are real divisions, the values are not).
"""

from decimal import Decimal

from importer import pipeline

RANKED = (
    "山西省生态环境厅\n"
    "本季度各市综合指数较上年同季全部降低,降幅前3位的城市依次是:"
    "忻州(-33.5%)、临汾(-27.9%)、阳泉(-21.4%),降幅后3位的城市依次是:运城(-3.7%)、晋城(-6.1%)。"
)


def _changes(text):
    return {
        f.region.name: (f.value, f.indicator)
        for f in pipeline.read(text).figures
        if f.kind == "change" and f.region is not None
    }


def test_a_ranked_lists_values_keep_the_sign_written_before_them():
    changes = _changes(RANKED)
    index = "air-quality-composite-index"
    assert changes["忻州市"] == (Decimal("-33.5"), index)
    assert changes["临汾市"] == (Decimal("-27.9"), index)
    assert changes["阳泉市"] == (Decimal("-21.4"), index)
    assert changes["运城市"] == (Decimal("-3.7"), index)
    assert changes["晋城市"] == (Decimal("-6.1"), index)


def test_a_decrease_of_a_negative_value_is_a_rise():
    text = "连云港市\n2031年1-6月,全市PM2.5平均浓度为48微克/立方米,与上年同期相比下降-6.5%。"
    assert [f.value for f in pipeline.read(text).figures if f.kind == "change"] == [Decimal("6.5")]


def test_a_hyphen_in_a_code_or_a_range_is_no_sign():
    values = {
        f.value
        for f in pipeline.read(
            "甲市\n执行GB3095-2012二级标准,AQI范围为23-169,2031年PM2.5浓度为30微克/立方米。"
        ).figures
    }
    assert Decimal("-2012") not in values and Decimal("-169") not in values
    assert Decimal("30") in values

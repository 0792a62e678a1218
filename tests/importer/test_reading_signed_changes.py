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


def test_a_comparison_without_a_verb_keeps_its_sign():
    for text in (
        "甲市\n2031年PM2.5平均浓度为33微克/立方米,同比-4.1%。",
        "甲市\n2031年PM2.5平均浓度为33微克/立方米,变化率为-4.1%。",
    ):
        assert [(f.value, f.kind) for f in pipeline.read(text).figures if not f.derived][1] == (
            Decimal("-4.1"),
            "change",
        )


def test_each_value_of_a_list_keeps_its_own_sign_under_a_verb_of_no_direction():
    text = "甲市\n2031年,三个区PM2.5浓度分别变化-2.7%、4.4%、-1.9%。"
    assert [f.value for f in pipeline.read(text).figures if f.kind == "change"] == [
        Decimal("-2.7"),
        Decimal("4.4"),
        Decimal("-1.9"),
    ]


def test_a_range_between_two_values_with_their_unit_is_no_sign():
    text = "甲市\n2031年各点位PM2.5浓度范围为21微克/立方米-47微克/立方米。"
    values = {f.value for f in pipeline.read(text).figures}
    assert Decimal("47") not in values and Decimal("-47") not in values


def test_how_many_are_ranked_makes_no_comparison_of_later_levels():
    text = (
        "甘肃省生态环境厅\n2031年,全省优良天数比例同比上升的城市中,排名前3位的是平凉、庆阳和天水,"
        "优良天数比例分别为96.2%、93.8%和91.5%。"
    )
    assert {f.kind for f in pipeline.read(text).figures} == {"level"}

"""read() on a sentence of what a body will ensure next year: "确保…,优良天数保持350天以上".

A 确保 or 力争 governs the clauses after it in its sentence: a measure kept at a bound, or a
value right after its measure, is a target there. A clause that says what was done (已, 实现,
同比) is a result, whatever the sentence ensured before it.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def _kinds(text):
    document = pipeline.read(text)
    return {(f.indicator, f.value): f.kind for f in document.figures if not f.derived}


def test_clauses_after_ensure_are_targets():
    kinds = _kinds(
        "青禾区生态环境局2031年工作安排\n"
        "2031年,青禾区生态环境局将以改善环境质量为中心。推进各项专项行动,确保整改清单逐项落实,"
        "城区空气质量优良天数保持331天以上,县城饮用水水源地水质达标率100%。"
    )
    assert kinds[("air-good-days", Decimal("331"))] == "target"
    assert kinds[("drinking-water-compliance", Decimal("100"))] == "target"


def test_a_result_after_ensure_stays_a_level():
    kinds = _kinds(
        "青禾区2030年环境质量\n"
        "2030年,全区深入推进污染防治,确保空气质量持续改善,优良天数已达318天,同比增加6天。"
    )
    assert kinds[("air-good-days", Decimal("318"))] == "level"
    assert kinds[("air-good-days", Decimal("6"))] == "change"


def test_what_a_past_year_ensured_is_its_result():
    for text in (
        "青禾市2030年饮用水\n2030年,全市全力确保群众饮水安全,集中式饮用水水源地水质达标率100%。",
        "青禾县2030年上半年\n上半年,全县坚持精准治污,确保了空气质量持续改善,优良天数比例88.4%。",
    ):
        kinds = {f.value: f.kind for f in pipeline.read(text).figures}
        assert Decimal("100") in kinds or Decimal("88.4") in kinds
        assert "target" not in kinds.values(), text


def test_a_plan_that_will_ensure_or_strives_gives_targets():
    for text, value in (
        ("青禾市2032年工作要点\n2032年,全市将确保空气质量稳中向好,优良天数比例85%以上。", "85"),
        ("青禾市2032年工作安排\n2032年,力争空气质量持续改善,全市优良天数达到320天以上。", "320"),
    ):
        kinds = {f.value: f.kind for f in pipeline.read(text).figures}
        assert kinds[Decimal(value)] == "target", text

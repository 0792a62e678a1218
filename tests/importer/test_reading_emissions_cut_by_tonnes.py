"""read() on emissions cut by an amount in tonnes.

A work summary writes what its projects took out of the air and the water as tonnages after
减排 or 削减 ("减排化学需氧量120吨、氨氮15吨"), and the province's assignment as a target list
("减排目标为:…"). Each is a fall of that pollutant's emissions: a change or a target, signed
negative, under the pollutant's reduction indicator. A total said after the cut stays a level.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline

TEXT = (
    "澄岭市2031年生态环境工作总结\n"
    "2031年,全市通过工程治理减排化学需氧量317吨、氨氮26.4吨。"
    "通过淘汰燃煤锅炉,全市削减氮氧化物182.5吨,挥发性有机物63吨。"
    "省下达减排目标为:化学需氧量240吨、氨氮19吨。"
    "减排工程完成后,全市二氧化硫排放量为1430吨。"
)


def _read():
    figures = pipeline.read(TEXT).figures
    return {(f.value, f.unit): (f.indicator, f.kind) for f in figures if not f.derived}


def test_tonnages_cut_are_falls_of_their_pollutants():
    read = _read()
    assert read[(Decimal("-317"), "吨")] == ("cod-reduction", "change")
    assert read[(Decimal("-26.4"), "吨")] == ("nh3n-reduction", "change")
    assert read[(Decimal("-182.5"), "吨")] == ("nox-reduction", "change")
    assert read[(Decimal("-63"), "吨")] == ("voc-reduction", "change")


def test_a_target_of_cuts_is_a_planned_fall():
    read = _read()
    assert read[(Decimal("-240"), "吨")] == ("cod-reduction", "target")
    assert read[(Decimal("-19"), "吨")] == ("nh3n-reduction", "target")


def test_a_total_after_the_cut_stays_a_level():
    read = _read()
    indicator, kind = read[(Decimal("1430"), "吨")]
    assert (indicator, kind) == (None, "level")


def test_a_total_in_a_sentence_about_saving_energy_is_no_cut():
    figures = pipeline.read(
        "澄岭市2031年固体废物\n2031年,全市深入推进节能减排,一般工业固体废物产生量为734万吨。"
        "全市完成减排项目41个,危险废物集中处置量达到3.6万吨。"
    ).figures
    read = {(f.value, f.unit): f.kind for f in figures if not f.derived}
    assert read[(Decimal("734"), "万吨")] == "level"
    assert read[(Decimal("3.6"), "万吨")] == "level"

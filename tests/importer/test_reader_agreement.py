"""A second reader's annotation scored against the first's with the importer's own scorer
(evaluation/reader_agreement.py), on a bulletin written for this test."""

import json

from evaluation import reader_agreement

TEXT = (
    "甲省2031年环境质量\n2031年,全省PM2.5平均浓度为29微克/立方米,同比下降4.6%;优良天数比例为90.2%。"
)


def _fact(value, unit, indicator, kind, quote, period="2031"):
    return {
        "value": value,
        "unit": unit,
        "indicator": indicator,
        "kind": kind,
        "region": "甲省",
        "period": period,
        "quote": quote,
    }


FIRST = [
    _fact("29", "微克/立方米", "pm25", "level", "平均浓度为29微克/立方米"),
    _fact("-4.6", "%", "pm25", "change", "同比下降4.6%"),
    _fact("90.2", "%", "air-good-days-ratio", "level", "优良天数比例为90.2%"),
]


def _write(folder, figures, metadata=None):
    folder.mkdir()
    facts = {"id": "x1", "metadata": metadata or {"region": "甲省"}, "figures": figures}
    (folder / "x1.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")


def _score(tmp_path, second):
    _write(tmp_path / "first", FIRST)
    _write(tmp_path / "second", second)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "x1.txt").write_text(TEXT, encoding="utf-8")
    return reader_agreement.agreement(tmp_path / "first", tmp_path / "second", tmp_path / "texts")


def test_two_readers_who_agree_score_everything(tmp_path):
    score = _score(tmp_path, FIRST)
    assert (score.expected, score.found, score.indicator, score.full) == (3, 3, 3, 3)


def test_what_the_second_reader_files_otherwise_counts_against_agreement(tmp_path):
    second = [
        _fact("29", "微克/立方米", "pm25", "level", "平均浓度为29微克/立方米"),
        _fact("-4.6", "%", None, "change", "同比下降4.6%", period="2031-12"),
    ]
    score = _score(tmp_path, second)
    assert (score.expected, score.extracted, score.found) == (3, 2, 2)
    assert (score.indicator, score.period, score.full) == (1, 1, 1)

"""The evaluation's scorer: figures paired by value and unit, then judged on indicator, period
and place (evaluation/score_importer.py), on a bulletin written for this test."""

import json

from evaluation import score_importer

TEXT = (
    "甲省生态环境厅发布2024年环境质量状况。\n"
    "2024年，全省细颗粒物(PM2.5)平均浓度为31微克/立方米，同比下降3.1%；"
    "优良天数比例为90.2%。\n"
)


def _facts(**changes):
    figures = [
        {
            "value": "31",
            "unit": "微克/立方米",
            "indicator": "pm25",
            "kind": "level",
            "region": None,
            "period": "2024",
            "quote": "平均浓度为31微克/立方米",
        },
        {
            "value": "-3.1",
            "unit": "%",
            "indicator": "pm25",
            "kind": "change",
            "region": None,
            "period": "2024",
            "quote": "同比下降3.1%",
        },
        {
            "value": "90.2",
            "unit": "%",
            "indicator": "air-good-days-ratio",
            "kind": "level",
            "region": None,
            "period": "2024",
            "quote": "优良天数比例为90.2%",
        },
    ]
    for figure in figures:
        figure.update(changes)
    return {"id": "t01", "kind": "test", "source": {"url": "-"}, "metadata": {}, "figures": figures}


def test_units_are_compared_by_meaning_and_periods_by_their_dates():
    assert score_importer.unit_key("μg/m³") == score_importer.unit_key("微克/立方米")
    assert score_importer.unit_key("percentage points") == score_importer.unit_key("个百分点")
    assert score_importer.unit_key("km2") == score_importer.unit_key("km²") != score_importer.unit_key("km")
    assert score_importer.unit_key("微克/每立方米") == score_importer.unit_key("μg/m³")
    # a middle dot in a look-alike is the dot
    assert score_importer.unit_key("吨/平方公里∙30天") == score_importer.unit_key("吨/平方公里·30天")
    assert score_importer.period_range("2024-02")[1].day == 29
    assert score_importer.region_key("广西壮族自治区") == "广西"
    assert score_importer.region_key("China") == "中国"


def test_a_figure_under_the_wrong_indicator_is_found_but_not_right(monkeypatch):
    found = [
        score_importer.Found(
            value=score_importer.decimal("31"),
            unit="μg/m³",
            indicator="pm10",
            kind="level",
            period=score_importer.period_range("2024"),
            region="",
            quote="平均浓度为31微克/立方米",
        ),
    ]
    monkeypatch.setattr(
        score_importer,
        "run_pipeline",
        lambda text: ({"title": "", "date": None, "publisher": "", "region": ""}, found),
    )
    score = score_importer.score_document(_facts(), TEXT)
    assert (score.expected, score.extracted, score.found) == (3, 1, 1)
    assert score.indicator == 0 and score.full == 0


def test_the_importer_reads_the_test_bulletin_and_is_scored_on_it(tmp_path):
    facts, texts = tmp_path / "facts", tmp_path / "texts"
    facts.mkdir(), texts.mkdir()
    (facts / "t01.json").write_text(json.dumps(_facts(region="甲省"), ensure_ascii=False))
    (texts / "t01.txt").write_text(TEXT)
    out = tmp_path / "out.md"
    with out.open("w") as stream:
        total = score_importer.evaluate("test", facts_dir=facts, texts_dir=texts, out=stream)
    assert total.expected == 3
    assert total.found == 3, out.read_text()
    assert total.indicator == 3, out.read_text()


def test_a_missing_text_is_listed_not_scored(tmp_path):
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "t01.json").write_text(json.dumps(_facts(), ensure_ascii=False))
    out = tmp_path / "out.md"
    with out.open("w") as stream:
        total = score_importer.evaluate("test", facts_dir=facts, texts_dir=tmp_path, out=stream)
    assert total.expected == 0
    assert "missing text: t01" in out.read_text()


def test_metadata_names_are_compared_across_traditional_and_simplified_spellings():
    expected = {"title": "甲市空气质量持续改善", "publisher": "乙县日报"}
    found = {"title": "甲市空氣質量持續改善", "date": None, "publisher": "乙縣日報", "region": ""}
    assert score_importer._meta_score(expected, found) == (2, 2)
    found_other = dict(found, title="甲市水質持續改善", publisher="丙縣日報")
    assert score_importer._meta_score(expected, found_other) == (0, 2)


def test_the_mean_of_documents_weighs_each_document_alike():
    large = score_importer.Score(expected=100, extracted=0)
    small = score_importer.Score(expected=10, extracted=10, found=10, indicator=10, full=10)
    row = score_importer._mean_row("mean", [large, small])
    # found recall: (0 + 1) / 2; found precision only where the importer found anything
    assert row.startswith("| mean | 2 documents | | 50% | 100% | 50% | 100% |"), row
    total = score_importer.Score()
    total.add(large), total.add(small)
    assert score_importer._row("total", total).startswith("| total | 110 | 10 | 9% |")

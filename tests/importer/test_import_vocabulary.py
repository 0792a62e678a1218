"""Matching figures to indicators on invented bulletins that word things their own way.

The rules of ``importer.matching`` hold the vocabulary bureaus use in general (排污口,
充电桩, 培训, 送达率, 审批改革…), not the phrases of the five shipped documents. These made-up
bulletins (other cities, numbers and noise; ``tests/importer/samples/``) say what the sources
say in other words; each figure must find the catalogue's indicator — the catalogue being
the one the portal ships (``fixtures/curation/reference.toml``).
"""

import tomllib
from pathlib import Path

import pytest
from django.conf import settings

from importer import pipeline
from importer.matching import CUES, WORK
from importer.service import import_bulletin_bytes
from indicators.choices import ReviewState
from indicators.models import Indicator

SAMPLES = Path(__file__).resolve().parent / "samples"
REFERENCE = Path(settings.BASE_DIR) / "fixtures" / "curation" / "reference.toml"
SOURCES = Path(settings.BASE_DIR) / "fixtures" / "sources"

JICHUAN = [
    ("58", "个", "outfalls-treated"),
    ("41.2", "公里", "sewage-mains-built"),
    ("320", "个", "smart-charging-lines"),
    ("6", "个", "zero-waste-forest-farms"),
    ("3", "个", "eia-pilot-parks"),
    ("45", "%", "eia-commitment-parks-share"),
    # 立案查处…案件: the reference catalogue files cases filed under enforcement-cases (same_as).
    ("97", "件", "enforcement-cases"),
    ("386.4", "万元", "fines"),
    ("98.5", "%", "four-documents-served-rate"),
    ("2", "次", "party-study-sessions"),
    ("17", "人次", "rank-promotions"),
    ("27", "个", "misconduct-tasks-completed"),
    ("42", "项", "annual-tasks-completed"),
    ("12", "项", "listed-achievements"),
]
XIUFENG = [
    ("86.7", "%", "air-good-days-ratio"),
    ("31", "微克/立方米", "pm25"),
    ("14", "座", "smart-charging-lines"),
    ("33", "个", "outfalls-treated"),
    ("5", "次", "party-study-sessions"),
    ("100", "%", "four-documents-served-rate"),
    ("9", "项", "listed-achievements"),
]
# Coinages of single source documents (四书同达, 吐口, 每月比榜单…): a rule that needs them
# has learnt a document, not a bulletin's vocabulary.
SOURCE_COINAGES = (
    "四书同达",
    "不正之风",
    "读书班",
    "晋升",
    "承接",
    "无废零碳",
    "吐口",
    "配套办法",
    "告知承诺",
    "试点园区",
    "榜单",
)


def shipped_catalogue():
    reference = tomllib.loads(REFERENCE.read_text(encoding="utf-8"))
    return [
        Indicator(
            code=entry["code"],
            name=entry["name"],
            unit=entry["unit"],
            category=entry["category"],
            description=entry.get("description", ""),
        )
        for entry in reference["indicator"]
    ]


def proposed(name):
    """(value, unit, indicator) of each figure ``pipeline.read`` finds, derived ones aside."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return [
        (f.value_text, f.unit, f.indicator) for f in pipeline.read(text).figures if not f.derived
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("review_jichuan.txt", JICHUAN), ("wechat_xiufeng.txt", XIUFENG)],
)
def test_figures_worded_otherwise_find_the_catalogues_indicator(name, expected):
    assert proposed(name) == expected


def test_the_rules_hold_no_coinage_of_a_source_document():
    patterns = [(code, f"{near} {wide or ''}") for code, near, wide in WORK]
    patterns += [(code, pattern) for code, _families, _category, pattern in CUES]
    for code, pattern in patterns:
        for coinage in SOURCE_COINAGES:
            assert coinage not in pattern, (code, coinage)


def test_the_coinages_are_really_in_the_sources():
    """The list above is of phrases the sources use, so the test above tests something."""
    text = "".join(path.read_text(encoding="utf-8") for path in SOURCES.glob("*.txt"))
    assert all(coinage in text for coinage in SOURCE_COINAGES)


@pytest.mark.django_db
def test_an_invented_bulletin_imports_with_candidates_for_the_right_indicators():
    Indicator.objects.bulk_create(shipped_catalogue())
    result = import_bulletin_bytes(
        (SAMPLES / "review_jichuan.txt").read_bytes(), filename="review_jichuan.txt"
    )
    assert result.created, result.message
    candidates = Indicator.objects.filter(observations__bulletin_id=result.bulletin_id)
    assert sorted(candidates.values_list("code", flat=True)) == sorted(c for *_, c in JICHUAN)
    assert set(
        Indicator.objects.filter(observations__bulletin_id=result.bulletin_id).values_list(
            "observations__review_state", flat=True
        )
    ) == {ReviewState.CANDIDATE}

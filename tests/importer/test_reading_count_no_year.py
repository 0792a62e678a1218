"""read() on a text with no year whose counts look like years: "下达责令改正决定1990起".

A four-digit count of things (起, 件, 家…) is no year the text is of: with no year stated and no
date line, "今年上半年" stays of no known year rather than 1990's.

The wire is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def test_a_count_is_no_year():
    document = pipeline.read(
        "执法检查\n"
        "记者从天津市生态环境局获悉,今年上半年,全市共检查企业1.2万家次,"
        "下达责令改正决定1990起,实施查封扣押案件71件。"
    )
    decisions = next(f for f in document.figures if f.value == Decimal("1990"))
    assert decisions.period_start is None or decisions.period_start.year != 1990

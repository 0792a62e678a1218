"""read() on habits of bulletin writing that cost figures or indicators on documents the rules
had not seen (issue 17): counts said before what was done to them, nil changes, and the like.

The bulletins are invented in the style of real ones: made-up places (青禾市, 云栖县…), our
own sentences and numbers.
"""

from tests.importer.test_reading_matching import filed, one, read


def values(document):
    return [(str(f.value), f.unit) for f in document.figures if not f.derived]


# Enforcement: what was done to firms and cases, said before the count --------------------------


def test_counts_of_firms_and_cases_dealt_with_are_figures_of_their_own_measure():
    document = read(
        "2031年上半年,青禾市查处环境违法案件64件,其中,扣押3家企业的污染设备,责令7家企业限制生产,"
        "责令2家企业停产整治,5起案件涉嫌污染环境犯罪移送公安机关,6起案件适用行政拘留移送公安机关,"
        "8人被移送行政拘留,对2家企业实施按日连续处罚。"
    )
    assert filed(document, "64") == ("enforcement-cases", "level")
    assert filed(document, "3") == ("seizure-cases", "level")
    assert filed(document, "7") == ("production-restriction-cases", "level")
    assert filed(document, "5") == ("pollution-crime-cases", "level")
    assert filed(document, "6") == ("detention-referrals", "level")
    # people are not the cases they were part of; a firm fined by the day is no detention
    assert one(document, "8").indicator is None
    twos = [f.indicator for f in document.figures if f.value == 2]
    assert twos == ["production-restriction-cases", None]


def test_one_firms_violations_are_a_case_detail_not_a_tally():
    document = read(
        "2031年,云栖县对某化工有限公司的4起违法行为实施了按日连续处罚,罚款共计120万元。"
    )
    assert ("4", "起") not in values(document)
    assert ("120", "万元") in values(document)

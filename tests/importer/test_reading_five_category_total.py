"""read() on a province's total of the law's four supporting measures and crime referrals.

"适用四个配套办法和移送涉嫌犯罪案件共计66件" is the five kinds of cases together, not the
crime referrals named last; the referrals counted after it keep their own code.

The release is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def test_the_total_of_five_kinds_is_its_own():
    document = pipeline.read(
        "2031年3月环境执法情况\n"
        "2031年3月,湖南省适用四个配套办法和移送涉嫌犯罪案件共计66件,其中查封、扣押案件31件,"
        "移送涉嫌环境污染犯罪案件7件。"
    )
    by_value = {f.value: f.indicator for f in document.figures}
    assert by_value[Decimal("66")] == "five-category-cases"
    assert by_value[Decimal("7")] == "pollution-crime-cases"

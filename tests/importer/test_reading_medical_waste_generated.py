"""read() on medical waste generated beside medical waste disposed of.

The catalogue's medical-waste is what was collected and disposed of. What the cities generated
is another measure: a proposal, never filed under disposal.

The bulletin is invented (made-up figures, our own sentences).
"""

from decimal import Decimal

from importer import pipeline


def test_generated_is_a_proposal_disposed_is_the_catalogue_entry():
    document = pipeline.read(
        "2031年大中城市固体废物污染环境防治年报\n"
        "2031年,这些城市的医疗废物产生量为58.4万吨,医疗废物处置量为58.1万吨。"
        "青禾市医疗废物产生量3.3万吨。"
    )
    read = {f.value: f for f in document.figures if not f.derived}
    assert read[Decimal("58.4")].indicator is None
    assert read[Decimal("3.3")].indicator is None
    assert read[Decimal("58.1")].indicator == "medical-waste"

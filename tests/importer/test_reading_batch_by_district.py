"""read() on a petition batch broken down by district: "本批信访件涉及甲区3件、乙区5件".

The batch an inspection team transferred is named in the sentence before; "本批信访件" is
that batch, so each district's count is of the petitions transferred.

The notice is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def test_each_district_counts_transferred_petitions():
    document = pipeline.read(
        "关于第十二批信访举报件的情况通报\n"
        "7月3日,中央生态环境保护督察组向我市转办第十二批信访举报件23件。"
        "本批信访件涉及历城区9件、槐荫区6件、天桥区8件。"
    )
    by_place = {f.region.name: f for f in document.figures if f.region and f.value < 20}
    for district, count in (("历城区", "9"), ("槐荫区", "6"), ("天桥区", "8")):
        assert by_place[district].indicator == "petitions-transferred"
        assert by_place[district].value == Decimal(count)

"""read() on the waters or sites of a counted whole, each class given as a count and its share
("监测营养状态的24个湖库中,中度富营养3个,占12.5%").

Where the sentence first counts the whole it divides ("24个湖库中", "15个水源地中"), the count of
each class said right before its share is the share's numerator: the share is the figure, as it
is where the class is counted before its noun ("Ⅳ类水质断面6个,占3.3%"). Problems or complaints
counted with their shares, of a whole not counted in the sentence ("投诉中,噪声问题94个,占…"),
stay figures of their own.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

import pytest

from importer import pipeline

CASES = (
    # lakes of a counted whole, by trophic state
    (
        "青禾省2031年第一季度地表水环境质量\n"
        "监测营养状态的24个湖(库)中,中度富营养3个,占12.5%;轻度富营养9个,占37.5%;"
        "其余湖(库)为中营养状态。",
        ["12.5%", "37.5%"],
    ),
    # sources of a counted whole that met the standard
    (
        "云栖县2031年饮用水水源\n参与评价的15个集中式饮用水水源地中,全年达标的14个,占93.3%。",
        ["93.3%"],
    ),
    # near miss: problems of a whole the sentence does not count stay figures
    (
        "云栖县2031年信访情况\n"
        "全年受理的环境投诉中,噪声问题94个,占41.2%;大气问题61个,占26.8%。",
        ["26.8%", "41.2%", "61个", "94个"],
    ),
)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_counts_beside_shares(text, expected):
    document = pipeline.read(text)
    assert sorted(f"{f.value}{f.unit}" for f in document.figures if not f.derived) == expected

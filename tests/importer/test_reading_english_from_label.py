"""read() on invented English pages whose header credits the paper under the headline with
"From:" ("From: Greenfield Daily" over "Updated: …"): the line is the page's source, not its
headline, which stays the line above it. A sentence opening with "From" is the article's."""

import pytest

from importer import pipeline

_ARTICLE = (
    "Greenfield's air quality in April was ranked third among 168 key cities, according to a "
    "report released by the ministry. The good-air share was 92.1% in April.\n"
)


@pytest.mark.parametrize("dated", ["Updated: 2023-05-22 08:40", "2023-05-22 08:40"])
def test_a_from_line_under_the_headline_is_its_source(dated):
    document = pipeline.read(
        "Greenfield Government Online\n"
        "Greenfield's air quality ranks 3rd in April\n"
        f"From: Greenfield Daily\n{dated}\n\n{_ARTICLE}"
    )
    assert document.title == "Greenfield's air quality ranks 3rd in April"
    assert document.publisher == "Greenfield Daily"


def test_a_sentence_opening_with_from_is_the_articles():
    document = pipeline.read(
        "Greenfield's air quality ranks 3rd in April\n\n"
        "From January to April, the good-air share was 90.4%. " + _ARTICLE
    )
    assert "90.4" in {f.value_text for f in document.figures}

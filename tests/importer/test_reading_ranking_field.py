"""read() on invented bulletins: the field a place is ranked in ("在全国168个重点城市中排名第九",
"浙江省内排名第二", "位列全省第3名") is where it is ranked, not the place of the figures said
after it, nor of the sentences that follow."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one, region


@pytest.mark.parametrize(
    "ranked",
    [
        "在全国168个重点城市中排名第九,浙江省内排名第二,",
        "位列全国168个重点城市第九名,",
        "在全国168个重点城市空气质量排行中名列第九,",
    ],
)
def test_a_field_of_ranking_is_not_the_place_of_the_figure_after_it(ranked):
    document = pipeline.read(
        f"台州市环境质量简报\n2022年台州市环境空气质量{ranked}优良天数比例为93.4%。\n"
    )
    assert region(one(document, "93.4")) == "台州市"


def test_a_sentence_naming_only_a_field_of_ranking_leaves_the_paragraphs_place():
    document = pipeline.read(
        "2022年台州市环境质量状况\n"
        "2022年,空气质量在全国168个重点城市排名中名列第九。优良天数比例为93.4%,"
        "PM2.5平均浓度为21微克/立方米。\n"
    )
    assert region(one(document, "93.4")) == "台州市"
    assert region(one(document, "21")) == "台州市"


def test_the_places_own_figure_without_a_rank_stays_its_own():
    # Near miss: the country's own figure, with no rank after the place.
    document = pipeline.read(
        "2022年台州市环境质量状况\n"
        "2022年,台州市优良天数比例为93.4%,全国168个重点城市平均为86.5%。\n"
    )
    assert region(one(document, "93.4")) == "台州市"
    assert region(one(document, "86.5")) == "全国"


@pytest.mark.parametrize(
    "ranked", ["在全省排名第三,", "环境空气质量在全国168个重点城市中排名第九,"]
)
def test_the_place_ranked_is_the_place_of_its_figures(ranked):
    # Near miss: the place said before 在 and its field is the one ranked, not the field.
    document = pipeline.read(
        f"浙江省2020年各市空气质量通报\n2020年,杭州市{ranked}优良天数比例为90.1%。\n"
    )
    assert region(one(document, "90.1")) == "杭州市"

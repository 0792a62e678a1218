"""read() on a table of places under a row of their mean (均值, 平均) whose values a sentence
also states for the whole ("全市二氧化硫平均浓度为9微克/立方米"): the row and the sentence are one
figure each, whether the row is labelled 均值 or 平均 and whichever comes first. A station's row
with the same value as the whole's mean is a figure of its own.

Invented texts (other places, other numbers).
"""

from importer import pipeline

PROSE = "2031年6月,宜春市二氧化硫平均浓度为9微克/立方米,二氧化氮平均浓度为24微克/立方米。"


def table(last_row):
    return [
        "表1 各县(市、区)污染物浓度 单位:μg/m3",
        "县(市、区) | 二氧化硫 | 二氧化氮 |",
        "袁州区 | 8 | 22 |",
        "樟树市 | 10 | 26 |",
        "丰城市 | 11 | 27 |",
        last_row,
    ]


def counted(document):
    return sorted(str(f.value) for f in document.figures if not f.derived)


def test_a_row_of_the_mean_labelled_junzhi_repeats_the_sentence():
    document = pipeline.read("\n".join([PROSE, *table("均值 | 9 | 24 |")]))
    assert counted(document) == sorted(["9", "24", "8", "22", "10", "26", "11", "27"])


def test_a_row_of_the_mean_before_the_sentence_stating_it():
    document = pipeline.read("\n".join([*table("均值 | 9 | 24 |"), PROSE]))
    assert counted(document) == sorted(["9", "24", "8", "22", "10", "26", "11", "27"])


def test_a_station_with_the_value_of_the_whole_mean_stays_a_figure():
    text = "\n".join(
        [
            PROSE,
            "表1 各站点污染物浓度 单位:μg/m3",
            "站点 | 二氧化硫 | 二氧化氮 |",
            "市监测站 | 9 | 21 |",
            "袁山公园 | 10 | 26 |",
        ]
    )
    assert counted(pipeline.read(text)) == sorted(["9", "24", "9", "21", "10", "26"])

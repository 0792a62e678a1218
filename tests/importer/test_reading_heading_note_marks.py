"""read() on invented tables copied one cell per line whose first heading carries the mark of
a note under the table ("排名①", "序号*"): the column of ranks or row numbers is still no
column of values, so the maximum, the minimum and the mean each keep their own heading; the
mean alone is the measure's level."""

from importer import pipeline
from tests.importer.test_reading_periods_places import one


def _table(first_heading, ranked=True):
    rank = (lambda n: f"{n} |\n") if ranked else (lambda n: "")
    return pipeline.read(
        "2021年3月某省城市降尘监测结果\n"
        "附表 2021年3月各市降尘监测结果\n"
        "(单位:吨/平方千米·月)\n"
        f"{first_heading + ' |' + chr(10) if ranked else ''}城市 |\n最大值 |\n最小值 |\n平均值 |\n"
        f"{rank(1)}甲州市 |\n4.4 |\n1.2 |\n2.6 |\n"
        f"{rank(2)}乙阳市 |\n5.9 |\n2.1 |\n3.7 |\n"
        f"{rank(3)}丙安市 |\n7.3 |\n3.4 |\n4.8 |\n"
    )


def _columns(document):
    return {
        value: (one(document, value).indicator, one(document, value).proposed)
        for value in ("4.4", "1.2", "2.6")
    }


def test_a_rank_heading_with_a_circled_note_mark_numbers_the_rows():
    found = _columns(_table("排名①"))
    assert found["2.6"][0] == "dust-fall"
    assert found["4.4"][0] is None and "最大值" in found["4.4"][1][0]
    assert found["1.2"][0] is None and "最小值" in found["1.2"][1][0]


def test_a_row_number_heading_with_an_asterisk_numbers_the_rows():
    found = _columns(_table("序号*"))
    assert found["2.6"][0] == "dust-fall"
    assert found["4.4"][0] is None and "最大值" in found["4.4"][1][0]


def test_a_table_without_ranks_is_read_as_before():
    # near miss: no column of ranks, marked or not, to take out
    found = _columns(_table("", ranked=False))
    assert found["2.6"][0] == "dust-fall"
    assert found["4.4"][0] is None and "最大值" in found["4.4"][1][0]

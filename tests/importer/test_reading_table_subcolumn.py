"""read() on an invented table pasted one cell a line whose second column is headed as a part
of the first ("累计PM2.5浓度" | "其中,5月PM2.5浓度"). The comma of "其中," is the header's, not a
sentence's: the header stays the table's, and every row is read under both columns.

The table is invented (the districts are real divisions, the values are not).
"""

from decimal import Decimal

from importer import pipeline

TABLE = "\n\n".join(
    [
        "2031年5月,全市PM2.5平均浓度为31微克/立方米。",
        "各区PM2.5浓度统计表",
        "单位:微克/立方米",
        "排序",
        "1-5月PM2.5浓度",
        "其中,5月PM2.5浓度",
        *[
            "1",
            "延庆",
            "30",
            "27",
            "2",
            "怀柔",
            "32",
            "28",
            "3",
            "密云",
            "33",
            "26",
            "4",
            "平谷",
            "35",
            "30",
        ],
        "注:按累计浓度从低到高排序。",
    ]
)


def test_each_row_is_read_under_the_column_and_its_part():
    figures = {
        (f.region.name, f.period_start.month, f.period_end.month): (f.value, f.indicator)
        for f in pipeline.read(TABLE).figures
        if f.region is not None and f.region.name != "北京市"
    }
    assert figures[("延庆区", 1, 5)] == (Decimal("30"), "pm25")
    assert figures[("延庆区", 5, 5)] == (Decimal("27"), "pm25")
    assert figures[("平谷区", 1, 5)] == (Decimal("35"), "pm25")
    assert figures[("平谷区", 5, 5)] == (Decimal("30"), "pm25")
    assert len(figures) == 8

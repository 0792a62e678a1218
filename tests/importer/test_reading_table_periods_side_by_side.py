"""read() on an invented table copied a cell a line whose upper header is two periods side by
side, each merged over its own columns (a month's running total over six, the month over
three), the row labels headed by the divisions listed ("市、县(区)"). A rank between a measure
and its change is no measure: the change is of the measure before the rank. Ranks are no
figures.

The table is invented (the places are real divisions, the values are not).
"""

from datetime import date

from importer import pipeline

HEADER = [
    "某市2030年3月各市、县(区)空气质量表",
    "市、县(区)",
    "1-3月",
    "3月",
    "优良天数比例(%)",
    "名次",
    "较上年同期变化(百分点)",
    "细颗粒物浓度(微克/立方米)",
    "名次",
    "较上年同期变化率(%)",
    "优良天数比例(%)",
    "细颗粒物浓度(微克/立方米)",
    "名次",
]
ROWS = [
    ["兴宁区", "91.2", "2", "3.4", "27.5", "1", "-6.1", "93.5", "24.0", "1"],
    ["青秀区", "92.6", "1", "-1.1", "29.0", "2", "4.2", "96.8", "26.5", "2"],
    ["江南区", "88.9", "3", "0", "31.2", "3", "-2.5", "90.3", "29.1", "3"],
]


def test_two_periods_side_by_side_each_over_its_columns():
    text = "南宁市2030年3月环境空气质量\n\n" + "\n\n".join(
        [*HEADER, *(cell for row in ROWS for cell in row)]
    )
    document = pipeline.read(text + "\n")
    read = {
        (f.region.name, f.indicator, f.kind, f.period_start, str(f.value))
        for f in document.figures
        if f.region is not None
    }
    quarter, month = date(2030, 1, 1), date(2030, 3, 1)
    for label, share, _rank, points, pm25, _rank2, rate, share_m, pm25_m, _rank3 in ROWS:
        assert (label, "air-good-days-ratio", "level", quarter, share) in read
        assert (label, "air-good-days-ratio", "change", quarter, points) in read
        assert (label, "pm25", "level", quarter, pm25) in read
        assert (label, "pm25", "change", quarter, rate) in read
        assert (label, "air-good-days-ratio", "level", month, share_m) in read
        assert (label, "pm25", "level", month, pm25_m) in read
    # the ranks are no figures
    assert len([f for f in document.figures if f.region is not None]) == 6 * len(ROWS)

"""read() on an invented city table whose measures' columns come first, their ranks last.

A provincial monthly ranking lists each city with its measures, then the ranks of two of them
("PM2.5排名", "AQI排名"). Those last header cells look like the headings of rankings set side by
side (rank | place | value under each), but such rankings have no columns of their own for the
measures: here every measure heads its own column, and the ranks are no figures.

The table is invented (the cities are real divisions, the values are not).
"""

from importer import pipeline

TABLE = """2031年5月全省城市空气质量排名

附表 2031年5月城市环境空气质量状况及排名
序号
|
城市
|
优良天数比例
|
PM10浓度
|
PM2.5浓度
|
臭氧浓度
|
PM2.5排名
|
优良天数比例排名
|
1
|
韶关市
|
96.8%
|
35
|
19
|
121
|
4
|
1
|
2
|
河源市
|
93.5%
|
38
|
18
|
130
|
2
|
2
|
3
|
肇庆市
|
90.3%
|
44
|
24
|
139
|
6
|
3
|
4
|
梅州市
|
90.3%
|
40
|
17
|
142
|
1
|
4
|
5
|
云浮市
|
87.1%
|
47
|
21
|
150
|
3
|
5
|
6
|
清远市
|
83.9%
|
49
|
22
|
151
|
5
|
6

各市浓度单位为微克/立方米。本月全省空气质量总体良好。
"""


def _cells(place):
    return {
        (f.indicator, str(f.value))
        for f in pipeline.read(TABLE).figures
        if f.region is not None and f.region.name == place
    }


def test_each_measure_heads_its_own_column():
    cells = _cells("河源市")
    assert ("air-good-days-ratio", "93.5") in cells
    assert ("pm10", "38") in cells
    assert ("pm25", "18") in cells
    assert ("o3", "130") in cells


def test_the_ranks_are_no_figures():
    assert not {value for _i, value in _cells("肇庆市")} & {"3", "6"}

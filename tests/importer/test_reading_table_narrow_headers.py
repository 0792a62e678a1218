"""read() on an invented monthly table whose narrow columns broke their names inside a word.

A table laid out for print gives each pollutant a narrow column, and a copy taken a cell a line
keeps each line of the header cell on a line of its own: "二氧" then "化硫", "一氧" then "化碳",
"优良天数" then "比例(%)". Joined, they name one column each; left apart, every value slips one
column or more. A note under the table may single out carbon monoxide's unit by its name and
measure ("除一氧化碳浓度单位为毫克/立方米外"), and a row of the standard named by its number
("GB3095-2012") holds limits, not measurements.

The table is invented (the county is a real division, the values are not).
"""

from importer import pipeline

TABLE = """2022年第二季度某县空气质量季报

表1 2022年第二季度连平县空气质量情况表
月份
PM2.5
PM10
二氧
化硫
二氧
化氮
一氧
化碳
臭氧
优良天数
比例(%)
4月
22
41
7
15
0.9
131
90.0
5月
19
37
8
13
0.8
148
87.1
年均二级标准
GB3095-2012
35
70
60
40
4
160
注:除一氧化碳浓度单位为毫克/立方米外,其他监测项目浓度单位为微克/立方米

二、首要污染物
第二季度各月的首要污染物均为臭氧。
"""


def _cells(document):
    return {(f.indicator, str(f.value), f.unit) for f in document.figures}


def test_each_broken_name_heads_its_own_column():
    cells = _cells(pipeline.read(TABLE))
    assert ("so2", "7", "微克/立方米") in cells
    assert ("no2", "15", "微克/立方米") in cells
    assert ("pm10", "41", "微克/立方米") in cells
    assert ("o3", "131", "微克/立方米") in cells
    assert ("pm25", "22", "微克/立方米") in cells
    assert ("air-good-days-ratio", "90.0", "%") in cells


def test_the_note_gives_carbon_monoxide_its_own_unit():
    cells = _cells(pipeline.read(TABLE))
    assert ("co", "0.9", "毫克/立方米") in cells
    assert not any(indicator == "co" and unit == "微克/立方米" for indicator, _v, unit in cells)


def test_the_standards_row_gives_no_figure():
    values = {value for _i, value, _u in _cells(pipeline.read(TABLE))}
    assert not values & {"60", "160", "35"}


def test_a_word_whole_in_its_cell_is_not_joined_to_the_next():
    # A near miss: headers each whole on their line ("二氧化硫", "臭氧") stay as they are.
    whole = TABLE.replace("二氧\n化硫", "二氧化硫").replace("二氧\n化氮", "二氧化氮")
    cells = _cells(pipeline.read(whole.replace("一氧\n化碳", "一氧化碳")))
    assert ("so2", "7", "微克/立方米") in cells
    assert ("o3", "148", "微克/立方米") in cells

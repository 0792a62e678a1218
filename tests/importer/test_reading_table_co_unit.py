"""read() on invented ranking tables whose header gives carbon monoxide alone its unit.

Air-quality rankings write the unit of carbon monoxide in its own header cell ("CO(mg/m³)",
"一氧化碳第95百分位数(毫克/立方米)") and none for the other pollutants, whose unit the caption
gave or the copy lost. Singled out so, CO's unit is CO's alone: the other pollutants are in
μg/m³, as the air quality standard states them, never in CO's mg/m³. A caption's own unit still
stands over the whole table.

The tables are invented (the places are real divisions, the values are not).
"""

from importer import pipeline

PIPES = """2024年5月各县区空气质量排名

表1 2024年5月各县区空气质量排名情况

县区 | PM2.5 | PM10 | SO2 | NO2 | CO第95百分位数(毫克/立方米) | O3第90百分位数 | 排名 |
新兴县 | 21 | 38 | 5 | 11 | 0.7 | 142 | 1 |
郁南县 | 24 | 40 | 6 | 12 | 0.8 | 151 | 2 |
罗定市 | 27 | 44 | 8 | 15 | 0.9 | 158 | 3 |
"""

TABS = """2023年第三季度各区空气质量

区名\t二氧化硫\t二氧化氮\t细颗粒物\t一氧化碳(mg/m³)\t综合指数
梅江区\t7\t16\t19\t0.8\t2.61
梅县区\t9\t13\t22\t1.0\t2.74
"""


def _units(document, place):
    return {
        (f.indicator, str(f.value), f.unit)
        for f in document.figures
        if f.region is not None and f.region.name == place
    }


def test_the_other_pollutants_of_a_ranking_are_in_micrograms():
    units = _units(pipeline.read(PIPES), "新兴县")
    assert ("so2", "5", "微克/立方米") in units
    assert ("pm25", "21", "微克/立方米") in units
    assert ("o3", "142", "微克/立方米") in units
    assert ("co", "0.7", "毫克/立方米") in units


def test_a_tab_table_naming_its_pollutants_in_characters():
    units = _units(pipeline.read(TABS), "梅县区")
    assert ("no2", "13", "微克/立方米") in units
    assert ("co", "1.0", "mg/m³") in units
    # The composite index has no unit.
    assert not any(unit for indicator, _v, unit in units if indicator and "index" in indicator)


def test_a_captions_own_unit_stands_over_the_table():
    # A near miss: the caption states mg/m³ for all: SO2 is in mg/m³ there.
    text = PIPES.replace(
        "表1 2024年5月各县区空气质量排名情况", "表1 2024年5月各县区空气质量(单位:毫克/立方米)"
    ).replace("| 21 | 38 | 5 | 11 |", "| 0.021 | 0.038 | 0.005 | 0.011 |")
    units = _units(pipeline.read(text), "新兴县")
    assert ("so2", "0.005", "毫克/立方米") in units

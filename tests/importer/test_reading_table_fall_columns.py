"""read() on a table whose change columns are named as falls: "与上周相比下降(%)".

Under a column of falls a positive number is a fall and a negative one a rise: 25.0 is a
change of -25.0, -7.1 one of +7.1. A column of rises, or of changes either way, keeps its
signs as written.

The weekly report is invented (made-up stations and numbers).
"""

from decimal import Decimal

from importer import pipeline

TEXT = """青禾市环境空气质量周报(2031年第9周)

排名 | 所在区域 | 点位名称 | PM2.5本周浓度(μg/m3) | 与上周相比下降(%) | 与去年同期相比上升(%) |
1 | 历城区 | 松林站 | 28 | -4.2 | 3.5 |
2 | 槐荫区 | 河滨站 | 33 | 12.6 | -8.0 |
3 | 天桥区 | 北站 | 36 | 0 | 1.9 |
"""


def test_falls_and_rises_take_their_signs():
    changes = sorted(
        (f.region.name, f.value)
        for f in pipeline.read(TEXT).figures
        if f.kind == "change" and f.indicator == "pm25"
    )
    assert ("历城区", Decimal("4.2")) in changes  # -4.2 under 下降: a rise
    assert ("槐荫区", Decimal("-12.6")) in changes  # 12.6 under 下降: a fall
    assert ("历城区", Decimal("3.5")) in changes  # under 上升: as written
    assert ("槐荫区", Decimal("-8.0")) in changes


def test_a_note_on_signs_is_no_fall():
    text = (
        "青禾市2031年4月各区空气质量\n\n"
        "区县 | PM2.5浓度(μg/m3) | 同比变化(%)(负值表示下降) |\n"
        "历城区 | 28 | -12.5 |\n"
        "槐荫区 | 33 | 2.9 |\n"
        "天桥区 | 30 | -4.0 |\n"
    )
    changes = {(f.region.name, f.value) for f in pipeline.read(text).figures if f.kind == "change"}
    assert ("历城区", Decimal("-12.5")) in changes
    assert ("槐荫区", Decimal("2.9")) in changes


def test_falls_under_an_upper_change_cell():
    text = (
        "青禾市2031年4月各区空气质量\n\n"
        "区县 | PM2.5浓度(μg/m3) | 同比变化降幅(%) |\n"
        "历城区 | 28 | 12.5 |\n"
        "槐荫区 | 33 | 2.9 |\n"
        "天桥区 | 30 | 4.0 |\n"
    )
    changes = {(f.region.name, f.value) for f in pipeline.read(text).figures if f.kind == "change"}
    assert ("历城区", Decimal("-12.5")) in changes

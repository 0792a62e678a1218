"""read() on a ranking table a cell a line whose two-level header the copy flattened.

"综合指数 | 改善率% | 综合指数 | PM2.5 | PM10": the upper cell 改善率% stood over the last three
columns, which repeat names of columns before it; "CO" / "-95per" is one column's name broken
over two lines. Each column keeps its own measure, and the repeated ones are changes.

The bulletin is invented (made-up places, our own numbers).
"""

from decimal import Decimal

from importer import pipeline

HEADER = [
    "排名", "区名", "PM2.5", "PM10", "SO2", "NO2", "CO", "-95per", "O3-8H", "-90per",
    "综合指数", "改善率%", "综合指数", "PM2.5", "PM10",
]  # fmt: skip
ROWS = [
    ["1", "青禾区", "36", "70", "6", "31", "1.1", "170", "4.40", "-6.1", "3.2", "-11.0"],
    ["2", "白石区", "39", "77", "9", "35", "1.2", "181", "4.75", "-2.3", "-4.4", "-7.5"],
    ["3", "松岭区", "41", "82", "8", "30", "1.0", "176", "4.81", "1.6", "-0.9", "5.0"],
]
TEXT = "\n\n".join(
    [
        "2031年4月青禾市环境空气质量月报",
        "附表 2031年4月各区排名和污染物浓度",
        *HEADER,
        *(cell for row in ROWS for cell in row),
    ]
)


def _read():
    document = pipeline.read(TEXT)
    return {
        (f.region.name if f.region else None, f.indicator, f.kind, f.value)
        for f in document.figures
        if not f.derived
    }


def test_levels_under_their_own_columns():
    read = _read()
    assert ("青禾区", "pm25", "level", Decimal("36")) in read
    assert ("青禾区", "pm10", "level", Decimal("70")) in read
    assert ("白石区", "so2", "level", Decimal("9")) in read
    assert ("白石区", "co", "level", Decimal("1.2")) in read
    assert ("松岭区", "o3", "level", Decimal("176")) in read
    assert ("松岭区", "air-quality-composite-index", "level", Decimal("4.81")) in read


def test_the_columns_under_the_upper_cell_are_changes_of_their_measure():
    read = {(region, code, kind) for region, code, kind, _value in _read()}
    for region in ("青禾区", "白石区", "松岭区"):
        assert (region, "pm25", "change") in read
        assert (region, "pm10", "change") in read
        assert (region, "air-quality-composite-index", "change") in read


def test_a_period_over_the_measures_again_keeps_its_period():
    cells = [
        "2031年4月各区空气质量", "区县", "优良天数比例(%)", "PM2.5浓度",
        "上年同期", "优良天数比例(%)", "PM2.5浓度",
        "历城区", "90.0", "28", "86.7", "31",
        "槐荫区", "83.3", "33", "80.0", "35",
        "天桥区", "86.7", "30", "83.3", "32",
    ]  # fmt: skip
    text = "青禾市2031年4月空气质量月报\n\n" + "\n\n".join(cells)
    years = {f.value: f.period_start.year for f in pipeline.read(text).figures if f.period_start}
    assert years[Decimal("90.0")] == 2031
    assert years[Decimal("86.7")] in (2030, 2031)  # 历城区 last year, 天桥区 this year
    assert years[Decimal("31")] == 2030

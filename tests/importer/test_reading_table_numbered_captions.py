"""read() on several tables of one document copied one cell per line one after another, each
under its own numbered caption ("表1 …", "表2 …") and header: each caption ends the table
before it and heads its own, whose time of day (昼间, 夜间) its cells are of. In a header, a
unit right after a number is a threshold's ("超过70分贝所占%" is in percent), and the
statistical levels L10, L50, L90 are no equivalent level (Leq).

Invented tables (other places, other numbers).
"""

from importer import pipeline


def tables_text():
    return "\n".join(
        [
            "某市2020年道路交通噪声监测年报",
            "表1 2020年某市城市道路交通昼间噪声统计",
            "城市",
            "路长(公里)",
            "车流量(辆/小时)",
            "超过70分贝所占%",
            "Leq dB(A)",
            "L10 dB(A)",
            "L90 dB(A)",
            "泸州市",
            "64.3",
            "1876",
            "8.6",
            "66.7",
            "69.2",
            "58.4",
            "表2 2020年某市城市道路交通夜间噪声统计",
            "城市",
            "路长(公里)",
            "车流量(辆/小时)",
            "超过55分贝所占%",
            "Leq dB(A)",
            "L10 dB(A)",
            "L90 dB(A)",
            "泸州市",
            "64.3",
            "652",
            "71.2",
            "57.9",
            "60.3",
            "49.6",
        ]
    )


def test_each_numbered_caption_heads_its_own_table():
    document = pipeline.read(tables_text())
    found = {(str(f.value), f.unit) for f in document.figures if not f.derived}
    # Both tables' cells, the second's flow and levels too.
    assert {("1876", "辆/小时"), ("652", "辆/小时"), ("57.9", "dB(A)"), ("49.6", "dB(A)")} <= found


def test_a_unit_after_a_number_in_a_header_is_a_thresholds():
    document = pipeline.read(tables_text())
    shares = {str(f.value): f.unit for f in document.figures if str(f.value) in ("8.6", "71.2")}
    assert shares == {"8.6": "%", "71.2": "%"}


def test_the_night_tables_level_and_the_statistical_levels_are_no_daytime_equivalent_level():
    document = pipeline.read(tables_text())
    day = sorted(str(f.value) for f in document.figures if f.indicator == "noise-traffic-day")
    assert day == ["66.7"]


def test_a_numbered_caption_ends_a_table_whose_cells_end_with_bars():
    # The same tables copied with " |" after each cell, the captions bare.
    piped = [
        line if at < 2 or line.startswith("表") else f"{line} |"
        for at, line in enumerate(tables_text().split("\n"))
    ]
    document = pipeline.read("\n".join(piped))
    found = {(str(f.value), f.unit) for f in document.figures if not f.derived}
    assert {("1876", "辆/小时"), ("652", "辆/小时"), ("57.9", "dB(A)"), ("49.6", "dB(A)")} <= found

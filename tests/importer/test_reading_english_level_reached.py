"""read() on an English share whose change and the level it reached are said together.

"…saw the ratio of good days fall by 3.2 percent to 71.4 in June and by 2 percent to 80.9
for the first half": each "to" gives the level the share reached (a percent, its sign
unwritten), and the second "by" is a second fall, not a level, nor a change of the first
level.

The news item is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def test_the_levels_reached_and_the_second_fall():
    document = pipeline.read(
        "Air quality in the Yangtze River Delta\n"
        "The region's 41 cities saw the ratio of good days fall by 3.2 percent to 71.4 in June "
        "and by 2 percent to 80.9 for the first half of the year."
    )
    read = {(f.value, f.kind): (f.unit, f.indicator) for f in document.figures if not f.derived}
    assert read[(Decimal("-3.2"), "change")] == ("%", "air-good-days-ratio")
    assert read[(Decimal("71.4"), "level")] == ("%", "air-good-days-ratio")
    assert read[(Decimal("-2"), "change")] == ("%", "air-good-days-ratio")
    assert read[(Decimal("80.9"), "level")] == ("%", "air-good-days-ratio")
    assert not [f for f in document.figures if f.derived and f.value in (Decimal("73.4"),)]


def test_a_share_after_an_unrelated_fall_is_no_second_fall():
    document = pipeline.read(
        "Air in 2030\n"
        "In 2030, PM2.5 concentration fell 7 percent in winter and 43 percent of days were good.\n"
        "In 2030, the compliance rate of water sections improved, and the number of treatment "
        "plants rose by 11 percent to 58."
    )
    read = {f.value: (f.kind, f.unit) for f in document.figures if not f.derived}
    assert read[Decimal("43")][0] == "level"
    assert Decimal("-43") not in read
    assert read.get(Decimal("58"), ("level", ""))[1] != "%"

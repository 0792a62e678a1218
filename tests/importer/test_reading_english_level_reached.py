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

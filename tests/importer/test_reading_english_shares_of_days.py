"""read() on English shares of days and of cities said after the number.

"71.5% of the days in 2031 saw good or excellent air quality" names its measure in its own
words, which go on past the time ("saw …"): the good-days share, not whatever the sentence says
after a comma. "18.4% of days saw air quality worse than the standard" is the share of days over
the standard, not the good days the sentence named before. "acid rain … in 12.3% of the
cities we sampled" is a share of cities, not the frequency of acid rain, which keeps its own
words ("acid rain fell at a mean frequency of 8.1%"). "For 99.2% of the time in 2031, residents
enjoyed good air" is still named by the clause after the time.

The reports are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline

TEXT = (
    "Qinghe Province environment report 2031\n"
    "In the 16 cities of Qinghe Province, 71.5% of the days in 2031 saw good or excellent air "
    "quality, an increase of 2 percentage points compared with 2030, and the average "
    "concentration of PM10 decreased by 4.6% compared with 2030. Some 18.4% of days saw air "
    "quality worse than the national standard. Rainfall was acidic (pH below 5.6) in 12.3% of the "
    "cities we sampled; acid rain fell at a mean frequency of 8.1%. For 99.2% of the time in "
    "2031, residents of Lanshan enjoyed good air quality."
)


def test_shares_of_days_and_of_cities():
    figures = {str(f.value): f.indicator for f in pipeline.read(TEXT).figures if not f.derived}
    assert figures[str(Decimal("71.5"))] == "air-good-days-ratio"
    assert figures["18.4"] == "exceedance-days-ratio"
    assert figures["12.3"] != "acid-rain-frequency"
    assert figures["8.1"] == "acid-rain-frequency"
    assert figures["99.2"] == "air-good-days-ratio"

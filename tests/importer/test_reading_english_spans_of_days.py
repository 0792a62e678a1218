"""read() on English reports: "the first two days", "the past three days" say when, not how many.

Wire stories on holidays and pollution episodes date their figures by a span of days counted
from an edge ("the first three days of the holiday", "over the past two days", "in the next
five days"); such a span is no count of days. Days counted as a measure ("recorded two days
of heavy pollution") stay figures. Invented texts, in the style of wire stories.
"""

from decimal import Decimal

from importer import pipeline


def days_counted(document):
    return [f for f in document.figures if f.unit == "days" and not f.derived]


def test_the_first_days_of_a_holiday_are_when():
    document = pipeline.read(
        "Cleaner air over the holiday\n\n"
        "BEIJING, Oct 4 (Xinhua) -- In the first three days of the National Day holiday, the "
        "average PM2.5 density in 339 cities fell 9.6 percent year on year.\n"
    )
    assert not days_counted(document)
    assert [f.indicator for f in document.figures if f.value == Decimal("-9.6")] == ["pm25"]


def test_the_past_days_are_when():
    document = pipeline.read(
        "Smog eases in the north\n\n"
        "SHIJIAZHUANG, Jan 9 (Xinhua) -- Over the past 2 days, 41 cities in the north reported "
        "heavy pollution, the ministry said, and the next four days will see stronger winds.\n"
    )
    assert not days_counted(document)


def test_days_counted_as_a_measure_stay_figures():
    # Near miss: "two days of heavy pollution" is how many days, not which.
    document = pipeline.read(
        "Tianjin air in January\n\n"
        "Tianjin recorded two days of heavy pollution in January, the first of the year.\n"
    )
    assert [f.value for f in days_counted(document)] == [Decimal("2")]

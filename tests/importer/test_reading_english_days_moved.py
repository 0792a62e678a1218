"""read() on English counts of days moved from, by or to a number without the word again.

"The number of heavily polluted days … decreased from 64 in 2028 to 23 last year", "… fell by
six to nine": the numbers are days, the sentence's own count. Not where the last thing counted
is something else ("the count of cities seeing heavy smog dropped by 17") nor where the
sentence names a share ("the ratio of days … drop by 5.1 percent to 76.3" is a percent).

The news items are invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def _read(text):
    document = pipeline.read(text)
    return {(f.value, f.kind): (f.unit, f.indicator) for f in document.figures if not f.derived}


def test_days_moved_from_and_to_a_number():
    read = _read(
        "Air quality in Shanxi improves\n"
        "The number of heavily polluted days in the province decreased from 64 in 2028 to 23 "
        "in 2030.\n"
        "The number of days with heavy pollution fell by six to nine in the first half."
    )
    assert read[(Decimal("64"), "level")] == ("days", "heavy-pollution-days")
    assert read[(Decimal("23"), "level")] == ("days", "heavy-pollution-days")
    assert read[(Decimal("-6"), "change")] == ("days", "heavy-pollution-days")
    assert read[(Decimal("9"), "level")] == ("days", "heavy-pollution-days")


def test_cities_counted_after_days_are_no_days():
    read = _read(
        "Holiday air\n"
        "Over the festival days the count of cities seeing heavy smog dropped by 17 compared "
        "with last year."
    )
    assert not [key for key, (unit, _code) in read.items() if unit == "days"]


def test_numbers_moved_after_days_of_another_clause_are_no_days():
    read = _read(
        "City air in 2030\n"
        "In 2030, the city recorded 14 heavily polluted days, and its ranking rose from 41 to 27.\n"
        "In 2030, good air days rose to 305, while the average index fell from 94 to 88.\n"
        "In 2030, polluted days decreased from nine to six, and the number of sites rose from "
        "four to seven."
    )
    days = sorted(value for (value, _kind), (unit, _code) in read.items() if unit == "days")
    assert days == [Decimal("6"), Decimal("9"), Decimal("14"), Decimal("305")]

"""read() on invented English sentences naming a measure in other forms than the catalogue's.

English reports say "the safe utilization ratio of a county's contaminated land" for the
catalogue's "safe use of contaminated land". Where no name of the
catalogue stands in the figure's words as written, every word of one of them in its order,
other words between (a plural as its singular, rate, ratio, proportion and share as one word,
utilization as use), still names it; two entries named as fully leave the figure a proposal.
"""

from importer import pipeline


def _read(sentence):
    text = f"Lanling city environment\n\nIn 2031, {sentence}\n"
    return [(str(f.value), f.indicator) for f in pipeline.read(text).figures if not f.derived]


def test_every_word_of_an_english_name_in_other_forms_names_it():
    assert _read("the safe utilization ratio of the county's contaminated land reached 98%.") == [
        ("98", "construction-land-safe-use-rate")
    ]


def test_words_of_no_name_leave_a_proposal():
    assert _read("the ratio of land made green across the city hit 41%.") == [("41", None)]


def test_a_class_keeps_its_marks_and_a_formula_its_digits():
    # "Grade V" is not the catalogue's "Grade V-" (worse than V), nor is "IV-V"
    assert _read("the share of sections at Grade V was 3%.") == [("3", None)]
    assert _read("sections at Class IV-V accounted for 15%.") == [("15", None)]
    # "so-called" is no SO2
    assert _read("the so-called industrial emissions fell by 3.2%.") == [("-3.2", None)]

"""The shortcuts that spare the reader searches bound to fail hold for every pattern they skip.

``periods.find_all`` does not search a text for a kind of time expression when the text
lacks the character every such expression holds (``periods._NEEDED``; a Latin letter for the
English kinds), and ``binding._kind`` does not look for a comparison in words lacking what
each comparison holds (``binding._COMPARED_MARKS``). A pattern changed so that a match may
do without that character would be skipped wrongly: these tests read each pattern's syntax
and fail then.
"""

import string
from re import _constants as sre
from re import _parser as sre_parse

from importer import binding, periods


def _always_holds(items, words):
    """Whether every match of the parsed ``items`` holds one of ``words``."""
    run = ""  # the literal characters just before, in a row
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            if any(word in run for word in words):
                return True
            continue
        run = ""
        if op is sre.IN and av and all(kind is sre.LITERAL and chr(v) in words for kind, v in av):
            return True
        if op is sre.SUBPATTERN and _always_holds(av[3], words):
            return True
        if op is sre.BRANCH and all(_always_holds(branch, words) for branch in av[1]):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1 and _always_holds(av[2], words):
            return True
    return False


def _parsed(pattern):
    return sre_parse.parse(pattern.pattern, pattern.flags)


def test_every_time_pattern_skipped_without_a_character_holds_it():
    kinds = [("since_month", periods._SINCE_MONTH), *periods._PATTERNS]
    for kind, pattern in kinds:
        if kind in periods._NEEDED:
            assert _always_holds(_parsed(pattern), [periods._NEEDED[kind]]), kind
        if kind.endswith("_en"):
            assert _always_holds(_parsed(pattern), list(string.ascii_letters)), kind
    assert set(periods._NEEDED) <= {kind for kind, _pattern in kinds}


def test_the_latin_letter_test_finds_whatever_an_english_pattern_ignoring_case_matches():
    # "K" (the Kelvin sign) matches "k" when case is ignored, "ſ" matches "s": so must the test.
    for char in ("\u212a", "\u017f", "\u0130", "\u0131", "Q", "z"):
        assert periods._LATIN.search(char)
    assert not periods._LATIN.search("二〇二三年五月，同比下降")


def test_every_comparison_holds_one_of_its_marks():
    marks = binding._COMPARED_MARKS.pattern.split("|")
    assert _always_holds(_parsed(binding._COMPARED), marks)


def test_a_skipped_pattern_is_caught():
    assert not _always_holds(_parsed(periods._PATTERNS[0][1]), ["年"])
    assert not _always_holds(_parsed(binding._COMPARED), ["比", "较上年"])

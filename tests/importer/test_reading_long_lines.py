"""read() on one very long line stays linear: rules that look back from a number look at most
a few hundred characters before it, not the whole sentence again before each number."""

import time

import pytest

from importer import pipeline

BUDGET = 10  # seconds of this process's CPU; such a line reads in well under one


@pytest.mark.parametrize(
    "text",
    [
        ",".join(str(100 + i % 900) for i in range(10000))[:40000],
        "{" + "a" * 20000 + " 5",
    ],
    ids=["numbers-and-commas", "style-brace"],
)
def test_a_forty_kilobyte_line_of_numbers_reads_within_budget(text):
    started = time.process_time()
    pipeline.read(text)
    assert time.process_time() - started < BUDGET

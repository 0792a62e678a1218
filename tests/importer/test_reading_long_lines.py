"""read() on one very long line stays linear: rules that look back from a number look at most
a few hundred characters before it, not the whole sentence again before each number."""

import time

import pytest

from importer import figures, pipeline

BUDGET = 10  # seconds of this process's CPU; such a line reads in well under one


@pytest.mark.parametrize(
    "text",
    [
        ",".join(str(100 + i % 900) for i in range(10000))[:40000],
        ",".join(str(i % 10) for i in range(8000)),
        "、".join(f"{i % 10}.5%" for i in range(4000)) + "。",
        "{" + "a" * 20000 + " 5",
    ],
    ids=["numbers-and-commas", "single-digits", "shares-in-a-list", "style-brace"],
)
def test_a_forty_kilobyte_line_of_numbers_reads_within_budget(text):
    started = time.process_time()
    pipeline.read(text)
    assert time.process_time() - started < BUDGET


def test_a_sentence_longer_than_the_bound_is_cut_at_clause_marks_never_inside_a_number():
    text = "，".join(f"甲{i}站PM2.5浓度为{i}.25微克/立方米" for i in range(400)) + "。"
    spans = figures.sentences(text)
    assert len(spans) > 1
    assert all(end - start <= figures.SENTENCE_BOUND for start, end in spans)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(text[end - 1] == "，" for _start, end in spans[:-1])


def test_a_sentence_within_the_bound_is_one_span():
    text = "，".join(f"甲{i}站浓度为{i}微克/立方米" for i in range(20)) + "。"
    assert figures.sentences(text) == [(0, len(text))]

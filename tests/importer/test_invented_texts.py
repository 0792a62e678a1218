"""The importer's tests read texts invented for them, never sentences copied from the
bulletins the importer is scored on: no test file under tests/importer shares a run of 20
characters (whitespace aside; 40 for a run in Latin letters alone) with a text of
evaluation/importer/texts/. A clean clone has
no texts (they are downloaded), so the check is skipped there."""

import re
from pathlib import Path

import pytest

RUN = 20
TESTS = Path(__file__).resolve().parent
TEXTS = TESTS.parents[1] / "evaluation" / "importer" / "texts"

# Test files that shared a run with a text when this check was written, and the texts: to be
# rewritten in words and numbers of their own, then taken off. Many are English phrases a
# bulletin shares with any other (a standard's name, a table header); others copy a sentence.
# No new pair may appear, and a pair that no longer shares a run must be taken off.
KNOWN = {
    name: set(texts.split())
    for name, texts in {
        "test_reading.py": "d37",
        "test_reading_context_numbers.py": "d110 d125 d14",
        "test_reading_english.py": "d17 d18 d38 d39 d44",
        # …and with d374 (formerly h387, added later), the stock list of the gases whose
        # emissions are cut.
        "test_reading_english_subjects.py": "d100 d39 d51 d72 d81 d82 d98 d374",
        "test_reading_habits.py": "d130 d65",
        "test_reading_matching.py": "d104 d110 d55 d60 d69 d79",
        "test_reading_periods_places.py": "d54 d70 d81 d83 d91",
        "test_reading_tables.py": "d43 d76",
        # Standard phrases the tests shared with d130–d177 before they joined the dev set (a
        # standard's name, "according to the Ministry of …", a list of the six pollutants), and
        # with d335 (a bulletin's stock sentence on its drinking-water sources).
        "test_reading_phrasings.py": "d158 d335",
        # The same for d178–d217 and d249: the ministry named after "according to".
        "test_reading_english_habits.py": "d115 d116 d162 d18 d39 d51 d83 d98 d190 d249",
    }.items()
}


def _bare(text):
    return re.sub(r"\s+", "", text)


def _runs(text):
    return {text[i : i + RUN] for i in range(len(text) - RUN + 1)}


# A run in Latin letters alone counts from twice the length: four English words
# ("prefecture-level cities") are a phrase any bulletin may use, eight a copied clause.
WORDS = 2 * RUN
_CJK = re.compile(r"[\u4e00-\u9fff]")


def shared_runs(tests, texts):
    """(test file, text, run) for each test file sharing a run with a text, the first run."""
    runs, bare_tests = {}, {}
    for path in tests:
        bare_tests[path] = _bare(path.read_text(encoding="utf-8"))
        for run in _runs(bare_tests[path]):
            runs.setdefault(run, path)
    shared = {}
    for text in texts:
        bare = _bare(text.read_text(encoding="utf-8", errors="replace"))
        for i in range(len(bare) - RUN + 1):
            path = runs.get(bare[i : i + RUN])
            if path is None or (path, text) in shared:
                continue
            run = bare[i : i + RUN] if _CJK.search(bare[i : i + RUN]) else bare[i : i + WORDS]
            if len(run) >= RUN and (len(run) == RUN or run in bare_tests[path]):
                shared[path, text] = run
    return [(path.name, text.name, run) for (path, text), run in sorted(shared.items())]


def test_the_check_finds_a_copied_sentence(tmp_path):
    test = tmp_path / "test_x.py"
    text = tmp_path / "t.txt"
    test.write_text('read("青禾市2031年上半年 细颗粒物平均浓度为29微克/立方米,同比下降3%。")\n')
    text.write_text("据悉,青禾市2031年上半年细颗粒物平均浓度为29微克/立方米,同比下降3%。\n")
    assert shared_runs([test], [text])
    text.write_text("据悉,青禾市2031年上半年PM2.5平均浓度为30微克/立方米。\n")
    assert not shared_runs([test], [text])


@pytest.mark.skipif(not TEXTS.is_dir(), reason="no importer texts in this checkout")
def test_no_test_copies_a_bulletin():
    texts = sorted(TEXTS.glob("*.txt"))
    shared = shared_runs(sorted(TESTS.glob("*.py")), texts)
    new = [
        (test, text, run)
        for test, text, run in shared
        if text.removesuffix(".txt") not in KNOWN.get(test, ())
    ]
    assert not new, "\n".join(f"{test} ~ {text}: {run}" for test, text, run in new)
    present = {text.stem for text in texts}
    sharing = {(test, text.removesuffix(".txt")) for test, text, _run in shared}
    stale = sorted(
        (test, text)
        for test, known in KNOWN.items()
        for text in known & present
        if (test, text) not in sharing
    )
    assert not stale, f"no longer shared, take off KNOWN: {stale}"

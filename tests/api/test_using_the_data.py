"""The worked examples of docs/using-the-data.md run against the shipped fixtures and print
what the page says they print (validators, which change with every load, aside)."""

import contextlib
import io
import re
from pathlib import Path

import pytest
from django.conf import settings

PAGE = Path(settings.BASE_DIR) / "docs" / "using-the-data.md"
FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "portal.json"
DOCUMENTED_SITE = "http://127.0.0.1:8000"
RUN_SITE = "http://127.0.0.1:8731"
# Lines that name a validator or a moment of this load, not of the data.
VARIES = re.compile(r"ETag|Last-Modified")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not FIXTURE.exists(), reason="fixtures/portal.json is not there yet"),
]


def examples():
    """(title, code, printed output) of each numbered example."""
    text = PAGE.read_text(encoding="utf-8")
    found = []
    for section in re.split(r"\n## ", text)[1:]:
        blocks = re.findall(r"```(\w*)\n(.*?)```", section, re.S)
        code = next(body for kind, body in blocks if kind == "python")
        output = next(body for kind, body in blocks if kind == "")
        found.append((section.splitlines()[0], code, output))
    return found


def test_the_page_has_three_examples_each_with_its_output():
    assert [title[:2] for title, _, _ in examples()] == ["1.", "2.", "3."]


@pytest.fixture
def portal_as_make_run_loads_it(transactional_db):
    """The fixtures as ``make run`` loads them: with the reference catalogue's definitions."""
    from django.core.management import call_command

    call_command("load_portal_data", verbosity=0)


@pytest.mark.parametrize("number", [0, 1, 2])
def test_each_example_prints_what_the_page_shows(live_server, portal_as_make_run_loads_it, number):
    title, code, output = examples()[number]
    if "pandas" in code:
        pytest.importorskip("pandas")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code.replace(DOCUMENTED_SITE, live_server.url), title, "exec"), {})  # noqa: S102 - our own page
    expected = output.replace(RUN_SITE, live_server.url).replace(
        RUN_SITE.replace(":", "%3A"), live_server.url.replace(":", "%3A"))
    assert [line for line in printed.getvalue().splitlines() if not VARIES.search(line)] == [
        line for line in expected.splitlines() if not VARIES.search(line)
    ], title

"""read() on the title, date and publisher of invented pages in every form of page chrome
(``evaluation/page_forms.py``, measured by ``evaluation/metadata_forms.py``): each form keeps
reading, so a later rule that breaks one fails here and not only in the measure."""

import io

import pytest

from evaluation import metadata_forms, page_forms
from importer import pipeline

GROUPS = (page_forms.FORMS, page_forms.FRESH_FORMS, page_forms.LAST_FORMS)
# The pages the measure counts: each group's cases are drawn with the form's place in its group.
CASES = {}
for group in GROUPS:
    for case in page_forms.cases(group):
        CASES.setdefault(case.form, []).append(case)


def test_the_pages_are_the_same_on_every_run():
    assert [c.text for c in page_forms.cases()] == [c.text for c in page_forms.cases()]


@pytest.mark.parametrize("form", sorted(CASES))
def test_every_page_of_a_form_reads_its_title_date_and_publisher(form):
    wrong = []
    for case in CASES[form]:
        right = metadata_forms.right_fields(case, pipeline.read(case.text))
        wrong += [(field, case.text[:60]) for field, ok in right.items() if not ok]
    assert not wrong


def test_the_measure_counts_a_misread_field():
    case = page_forms.cases(page_forms.LAST_FORMS)[0]
    document = pipeline.read(case.text.replace(case.title, "无关的标题", 1))
    assert not metadata_forms.right_fields(case, document)["title"]
    totals = metadata_forms.measure_cases([case], out=io.StringIO())
    assert totals["pages"] == 1

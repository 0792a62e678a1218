"""How well the importer reads a page's title, date and publisher, per form of page chrome.

The pages are invented (``evaluation/page_forms.py``): article bodies of our own in the
headers and footers sites wrap around them. Each field is compared as the scorer compares it
(``evaluation.score_importer``): the title exactly, spaces and character forms aside; the date
to the day (a page that states none must be given none); the publisher when one name contains
the other.

    DEBUG=1 .venv/bin/python -m evaluation.metadata_forms [--show FORM]
"""

import argparse
import os
import sys
from collections import defaultdict

FIELDS = ("title", "date", "publisher")


def _spelling(name):
    from evaluation.score_importer import _spelling as spelling

    return spelling(name)


def right_fields(case, document):
    """The fields of ``case`` the importer's ``document`` reads right, as a dict of booleans."""
    publisher = _spelling(document.publisher)
    expected = _spelling(case.publisher)
    return {
        "title": _spelling(case.title) == _spelling(document.title),
        "date": document.date == case.date,
        "publisher": bool(publisher and expected)
        and (expected in publisher or publisher in expected),
    }


def measure(show=(), out=sys.stdout):
    """Print a table of the forms the rules were written from, one of forms written after
    them, and one of forms written last; return the three totals."""
    from evaluation.page_forms import FORMS, FRESH_FORMS, LAST_FORMS, cases

    print("\n### forms", file=out)
    seen = measure_cases(cases(FORMS), show, out)
    print("\n### forms written after the rules", file=out)
    fresh = measure_cases(cases(FRESH_FORMS), show, out)
    print("\n### forms written last", file=out)
    return seen, fresh, measure_cases(cases(LAST_FORMS), show, out)


def measure_cases(cases, show=(), out=sys.stdout):
    """Print a table of forms and the share of fields read right; return the totals."""
    from importer import pipeline

    per_form = defaultdict(lambda: defaultdict(int))
    counted = defaultdict(int)
    for case in cases:
        document = pipeline.read(case.text)
        right = right_fields(case, document)
        counted[case.form] += 1
        for field, ok in right.items():
            per_form[case.form][field] += ok
        if case.form in show and not all(right.values()):
            print(f"\n--- {case.form}\n{case.text}", file=out)
            for field in FIELDS:
                got = getattr(document, field)
                mark = "ok " if right[field] else "BAD"
                print(f"  {mark} {field}: {got!r} (expected {getattr(case, field)!r})", file=out)
    print("\n| form | pages | title | date | publisher | all fields |", file=out)
    print("|---|---:|---:|---:|---:|---:|", file=out)
    totals = defaultdict(int)
    for form, scores in per_form.items():
        pages = counted[form]
        cells = [f"{scores[field]}/{pages}" for field in FIELDS]
        share = sum(scores[field] for field in FIELDS) / (len(FIELDS) * pages)
        print(f"| {form} | {pages} | {' | '.join(cells)} | {100 * share:.0f}% |", file=out)
        for field in FIELDS:
            totals[field] += scores[field]
        totals["pages"] += pages
    pages = totals["pages"]
    share = sum(totals[field] for field in FIELDS) / (len(FIELDS) * pages)
    cells = [f"{totals[field]}/{pages}" for field in FIELDS]
    print(f"| **total** | {pages} | {' | '.join(cells)} | {100 * share:.0f}% |", file=out)
    return totals


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", nargs="*", default=(), help="print the misreadings of these forms")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    measure(show=set(args.show))


if __name__ == "__main__":
    main()

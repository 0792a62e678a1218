"""How often the table page suggests the right indicator for a reader's figure in a table.

    DEBUG=1 .venv/bin/python -m evaluation.table_columns [dev|heldout] [--headers-only]

For each table the reading page offers (``importer.editor_tables.offered``, rows as
``importer.table_text`` puts them), each reader's figure whose value stands in a column of
numbers of one of its rows is counted under the indicator the page suggests for that column
(``editor_tables.suggested_indicators``, the whole reference catalogue standing for the
database): right, wrong, or none suggested. ``--headers-only`` leaves out what the reading
read of the table, as for a table it read nothing of. Only totals are printed.
"""

import argparse
import os
from collections import Counter

from evaluation import score_importer as scoring


def measure(set_name, headers_only=False):
    from importer import editor_tables, pipeline, table_text

    kwargs = scoring.reading_kwargs()
    catalogue = kwargs.get("catalogue") or pipeline.default_catalogue()
    vocabulary = pipeline.vocabulary_of(catalogue)
    codes = {entry.code: entry.code for entry in catalogue}
    totals = Counter()
    for facts, text in scoring.restored(set_name):
        document = pipeline.read(text, **kwargs)
        placed = [
            (at, abs(value), fact)
            for fact in facts["figures"]
            if (at := scoring._fact_position(text, fact)) is not None
            and (value := scoring.decimal(fact["value"])) is not None
        ]
        for table, _left, _span in editor_tables.offered(document):
            suggested = editor_tables.suggested_indicators(
                table, vocabulary, codes, None if headers_only else document
            )
            spans = table_text.row_spans(table, document.source)
            for column, (code, _unit) in enumerate(suggested):
                for row, (start, end) in zip(table.rows, spans, strict=True):
                    values = [editor_tables.cell_value(cell) for cell in row.cells]
                    value = values[column]
                    if values.count(value) > 1:
                        continue  # which column a reader's figure of that value is of: unknown
                    fact = next(
                        (f for at, v, f in placed if start <= at < end and v == value), None
                    )
                    if value is None or fact is None:
                        continue
                    totals["figures"] += 1
                    if code is None:
                        totals["none"] += 1
                    else:
                        totals["right" if code == fact.get("indicator") else "wrong"] += 1
    return totals


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", nargs="?", default="dev", choices=("dev", "heldout"))
    parser.add_argument("--headers-only", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    t = measure(args.set, args.headers_only)
    n = max(t["figures"], 1)
    print(
        f"{args.set}{' (headers only)' if args.headers_only else ''}: {t['figures']} reader's "
        f"figures in offered tables' columns; suggested right {t['right']} ({t['right'] / n:.0%}), "
        f"wrong {t['wrong']} ({t['wrong'] / n:.0%}), none {t['none']} ({t['none'] / n:.0%})"
    )


if __name__ == "__main__":
    main()

"""How many of the figures the importer misses the editor is shown, as numbers the reading left.

    DEBUG=1 .venv/bin/python -m evaluation.unread_numbers [dev|heldout]

``read()`` lists the numbers no figure was read from (``Document.unread``, see
``importer/leftovers.py``), and the reading page marks them for the editor. For each set, over
the texts restored in ``evaluation/importer/texts``: the readers' figures the importer missed
(by value and unit, as ``score_importer`` pairs them), how many of them are listed (a listed
number of the same value within ``NEAR`` characters of the reader's quote) or read as a
candidate of another unit, kind or sign from that number, how many are shown nowhere, how many
numbers are listed a document, and what share of them stand where a reader found a figure;
then how many such tables there are and how many of the missed figures stand, by value, in a
column of numbers of a row of one: those the editor gets by naming the table's columns on
the reading page (``importer.editor_tables.offered``, rows as ``importer.table_text`` puts them).
Only totals are printed.
"""

import argparse
import bisect
import difflib
import os

from evaluation import score_importer as scoring

NEAR = 60


def _value(text):
    return scoring.decimal(text.replace(",", ""))


def to_source(text, source):
    """Offsets of ``text`` as offsets of ``source``, the text as the reading read it (decoded,
    repaired: a copy's "產(chǎn)" is "產" there), in which the listed numbers and the figures
    say where they stand; the reader's offsets are the original text's."""
    if source == text:
        return lambda at: at
    blocks = difflib.SequenceMatcher(None, text, source, autojunk=False).get_matching_blocks()
    starts = [block.a for block in blocks]

    def moved(at):
        block = blocks[max(bisect.bisect_right(starts, at) - 1, 0)]
        return block.b + min(max(at - block.a, 0), block.size)

    return moved


def _close(fact, text, at, moved=None):
    """Whether offset ``at`` (in the text as read, see ``to_source``) stands within ``NEAR``
    characters of the reader's quote (a table row's quote may hold its number far from where
    the quote starts)."""
    start = scoring._fact_position(text, fact)
    if start is None or at is None:
        return False
    end = start + fact.get("length", len(fact.get("quote") or ""))
    if moved is not None:
        start, end = moved(start), moved(end)
    return start - NEAR < at < end + NEAR


def _near(fact, text, left, moved=None):
    # A listed word stating a zero (持平, 无重度污染…, ``leftovers._ZERO``) has no digits and
    # stands for 0.
    value = scoring.decimal(fact["value"])
    return (
        value is not None
        and _close(fact, text, left.at, moved)
        and abs(_value(left.number) or 0) == abs(value)
    )


def _read_from(fact, text, figure, moved=None):
    """Whether ``figure`` was read from the number where the reader found ``fact``."""
    value = scoring.decimal(fact["value"])
    return (
        value is not None
        and _close(fact, text, figure.at, moved)
        and abs(figure.value) == abs(value)
    )


def _cells(source, offered):
    """``(start, end, value)``: each number of the offered tables' rows under a column of
    numbers, with where its row stands."""
    from importer import table_text

    return [
        (start, end, _value(cell.rstrip("%％")))
        for table, _left, _span in offered
        for row, (start, end) in zip(table.rows, table_text.row_spans(table, source), strict=True)
        for cell in row.cells
        if cell and _value(cell.rstrip("%％")) is not None
    ]


def measure(set_name):
    from importer import editor_tables, pipeline

    kwargs = scoring.reading_kwargs()
    totals = dict.fromkeys(
        (
            "documents",
            "figures",
            "missed",
            "listed",
            "missed listed",
            "missed as a candidate",
            "listed at a figure",
            "tables offered",
            "missed in an offered table",
        ),
        0,
    )
    for facts, text in scoring.restored(set_name):
        document = pipeline.read(text, **kwargs)
        found = [scoring.as_found(figure) for figure in document.figures if not figure.derived]
        paired = {id(fact) for fact, _found in scoring.match(text, facts["figures"], found)}
        missed = [fact for fact in facts["figures"] if id(fact) not in paired]
        moved = to_source(text, document.source)
        unused = list(document.unread)
        for fact in missed:
            hit = next((left for left in unused if _near(fact, text, left, moved)), None)
            if hit is not None:
                unused.remove(hit)
                totals["missed listed"] += 1
            elif any(_read_from(fact, text, figure, moved) for figure in document.figures):
                # its number read as a candidate of another unit, kind or sign: the editor
                # sees it and corrects it
                totals["missed as a candidate"] += 1
        offered = editor_tables.offered(document)
        totals["tables offered"] += len(offered)
        cells = _cells(document.source, offered)
        for fact in missed:
            at = scoring._fact_position(text, fact)
            at = moved(at) if at is not None else None
            value = scoring.decimal(fact["value"])
            if (
                at is not None
                and value is not None
                and any(a <= at < b and abs(v) == abs(value) for a, b, v in cells)
            ):
                totals["missed in an offered table"] += 1
        totals["documents"] += 1
        totals["figures"] += len(facts["figures"])
        totals["missed"] += len(missed)
        totals["listed"] += len(document.unread)
        totals["listed at a figure"] += sum(
            1
            for left in document.unread
            if any(_near(fact, text, left, moved) for fact in facts["figures"])
        )
    return totals


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", nargs="?", default="dev", choices=("dev", "heldout"))
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    t = measure(args.set)
    shown_nowhere = t["missed"] - t["missed listed"] - t["missed as a candidate"]
    print(
        f"{args.set}: {t['documents']} texts, {t['figures']} figures, {t['missed']} missed; "
        f"{t['missed listed']} of the missed listed ({t['missed listed'] / max(t['missed'], 1):.0%}), "
        f"{t['missed as a candidate']} read as a candidate of another unit, kind or sign, "
        f"{shown_nowhere} shown nowhere ({shown_nowhere / max(t['missed'], 1):.0%}); "
        f"{t['listed']} numbers listed, {t['listed'] / max(t['documents'], 1):.1f} a document, "
        f"{t['listed at a figure'] / max(t['listed'], 1):.0%} of them where a reader found a figure; "
        f"{t['tables offered']} tables offered to read by their columns, holding "
        f"{t['missed in an offered table']} of the missed "
        f"({t['missed in an offered table'] / max(t['missed'], 1):.0%})"
    )


if __name__ == "__main__":
    main()

"""How far two careful readers agree: a second reader's annotation scored as the importer is.

The evaluation's targets ask the importer to agree with one reader. Two readers who wrote no
rules, each annotating the same texts alone by the same guide (``ANNOTATION.md``), agree only so
far: the second one's facts, scored against the first's with the importer's own scorer
(``score_importer.score_reading``), show how much of the figures a careful reading itself leaves
open (what is a figure, which indicator, which period or place) and so how high the importer's
shares can be expected to go on the same texts.

    python -m evaluation.reader_agreement --other DIR [--set heldout] [--texts DIR] [--explain]

``DIR`` holds the second reader's fact files (named by id, with quotes or offsets); documents
without one there are left out.
"""

import argparse
import json
import os
from pathlib import Path

from evaluation.score_importer import (
    HEADER,
    ROOT,
    SETS,
    Found,
    Score,
    _mean_row,
    _row,
    decimal,
    period_range,
    score_reading,
)


def as_reading(other, text):
    """The second reader's facts of ``text`` as a reading: its metadata and ``Found`` figures."""
    meta = other.get("metadata", {})
    figures = [
        Found(
            value=decimal(fact["value"]),
            unit=fact.get("unit", ""),
            indicator=fact.get("indicator"),
            kind=fact.get("kind", "level"),
            period=period_range(fact.get("period")),
            region=fact.get("region") or "",
            quote=fact.get("quote") or text[fact["at"] : fact["at"] + fact["length"]],
        )
        for fact in other.get("figures", [])
    ]
    reading = {key: meta.get(key) or "" for key in ("title", "publisher", "region")}
    reading["date"] = meta.get("date")
    return reading, figures


def agreement(facts_dir, other_dir, texts_dir, *, explain=False):
    """Print the table of the second reader against the first, document by document."""
    total, scores = Score(), []
    print(f"\n### {Path(facts_dir).name}: a second reader against the first\n\n{HEADER}")
    for path in sorted(Path(other_dir).glob("*.json")):
        other = json.loads(path.read_text(encoding="utf-8"))
        reference = Path(facts_dir) / f"{other['id']}.json"
        text_path = Path(texts_dir) / f"{other['id']}.txt"
        if not reference.exists() or not text_path.exists():
            continue
        facts = json.loads(reference.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        if explain:
            print(f"\n{facts['id']} ({facts.get('kind')})")
        meta, found = as_reading(other, text)
        score = score_reading(facts, text, meta, found, explain=explain)
        total.add(score)
        scores.append(score)
        print(_row(f"{facts['id']} {facts.get('kind', '')}", score))
    print(_row("**total**", total))
    if scores:
        print(_mean_row("**mean of documents**", scores))
    return total


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, required=True, help="the second reader's facts")
    parser.add_argument("--set", choices=SETS, default="heldout")
    parser.add_argument("--texts", type=Path, default=ROOT / "texts")
    parser.add_argument("--explain", action="store_true", help="list the disagreements")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    agreement(ROOT / args.set, args.other, args.texts, explain=args.explain)


if __name__ == "__main__":
    main()

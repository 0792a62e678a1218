"""What the wordings editors teach (``indicators.wordings``) do to other documents' indicators.

    DEBUG=1 .venv/bin/python -m evaluation.learnt_wordings [--scope region|everywhere]

Stands in for editors with the dev set's readers: where the importer proposed a new indicator
and the reader filed the figure under a catalogue one, an editor filing it so would teach that
wording. Each dev document is then read with what the *other* documents teach (leave one out),
either those of its own region (as the portal learns) or all of them, and the figures with the
right indicator are counted against the catalogue alone.
"""

import argparse
import os

from evaluation import score_importer as scoring


def _read(text, catalogue):
    from importer import pipeline

    kwargs = {**scoring.reading_kwargs(), "catalogue": catalogue}
    return [figure for figure in pipeline.read(text, **kwargs).figures if not figure.derived]


def lessons(facts, text, catalogue):
    """``(code, wording)`` pairs an editor filing this document's proposals as its reader did
    would teach."""
    figures = _read(text, catalogue)
    scored = [scoring.as_found(figure) for figure in figures]
    by_scored = {id(s): f for s, f in zip(scored, figures, strict=True)}
    taught = []
    for fact, found in scoring.match(text, facts["figures"], scored):
        figure = by_scored[id(found)]
        filed_by_the_reader = fact.get("indicator") and fact.get("kind", "level") == figure.kind
        proposed = figure.proposed[0] if figure.indicator is None and figure.proposed else ""
        if filed_by_the_reader and proposed and not catalogue.codes_for_alias(proposed):
            taught.append((fact["indicator"], proposed))
    return taught


def right_indicators(facts, text, catalogue):
    scored = [scoring.as_found(figure) for figure in _read(text, catalogue)]
    return sum(scoring.right_indicator(f, g) for f, g in scoring.match(text, facts["figures"], scored))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scope", choices=("region", "everywhere"), default="region")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    from indicators.catalogue import Catalogue

    catalogue = Catalogue.from_reference()
    documents = list(scoring.restored("dev"))
    region = {facts["id"]: facts.get("metadata", {}).get("region") for facts, _text in documents}
    taught = {facts["id"]: lessons(facts, text, catalogue) for facts, text in documents}
    before = after = figures = 0
    for facts, text in documents:
        own = facts["id"]
        pairs = [
            pair
            for other, its in taught.items()
            if other != own and (args.scope == "everywhere" or (region[own] and region[other] == region[own]))
            for pair in its
        ]
        right = right_indicators(facts, text, catalogue)
        now = right_indicators(facts, text, catalogue.with_aliases(pairs)) if pairs else right
        before, after, figures = before + right, after + now, figures + len(facts["figures"])
        if now != right:
            print(f"{own} ({region[own]}): {right} → {now} of {len(facts['figures'])}")
    wordings = sum(len(its) for its in taught.values())
    print(f"{wordings} wordings taught by {sum(1 for its in taught.values() if its)} documents; scope {args.scope}")
    print(f"right indicator, {len(documents)} documents: {before} → {after} of {figures}")


if __name__ == "__main__":
    main()

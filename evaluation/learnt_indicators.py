"""Would a classifier learnt from the dev set's readers file figures better than the rules?

    DEBUG=1 .venv/bin/python -m evaluation.learnt_indicators [--heldout]

For every figure the importer finds and a reader also extracted (paired as ``score_importer``
pairs them), the words the importer took for its subject, the 15 characters before its number
and its unit are the input, and the reader's indicator (or none: a proposal) the answer. A
multinomial naive Bayes over character unigrams and bigrams of those words, English words and
the unit is trained on the dev set and compared with the rules' indicator on the same figures:
within the dev set by five folds of whole sites (no site's documents on both sides), and, with
``--heldout``, trained on the whole dev set and scored on the held-out set (totals only).
Also printed: what the classifier would gain where the rules propose a new indicator, by how
sure it is.
"""

import argparse
import math
import os
import random
import re
from collections import Counter, defaultdict

from evaluation import score_importer as scoring

_SUBJECT = re.compile(r"^指标：“(.*?)”")
NONE = "-"


def pairs(set_name):
    """(features, reader's indicator, rules' indicator, site) for each paired figure."""
    from importer import pipeline

    kwargs = scoring.reading_kwargs()
    for facts, text in scoring.restored(set_name):
        figures = [f for f in pipeline.read(text, **kwargs).figures if not f.derived]
        found = [scoring.as_found(f) for f in figures]
        by_found = {id(a): f for a, f in zip(found, figures, strict=True)}
        site = re.sub(r"^https?://([^/]+).*", r"\1", facts["source"]["url"] or facts["id"])
        for fact, paired in scoring.match(text, facts["figures"], found):
            figure = by_found[id(paired)]
            subject = next((m.group(1) for r in figure.reasons if (m := _SUBJECT.match(r))), "")
            at = figure.quote.find(figure.value_text) if figure.value_text else -1
            before = figure.quote[max(0, at - 15) : at] if at >= 0 else ""
            yield (
                _features(subject, before, scoring.unit_key(figure.unit)),
                fact.get("indicator") or NONE,
                figure.indicator or NONE,
                site,
            )


def _features(subject, before, unit):
    out = Counter()
    for tag, words, weight in (("S", subject, 2), ("P", before, 1)):
        words = re.sub(r"\s+", "", words.lower())
        for i in range(len(words)):
            out[tag + words[i]] += weight
            out[tag + words[i : i + 2]] += weight if i + 1 < len(words) else 0
    for word in re.findall(r"[a-z][a-z0-9.]+", f"{subject} {before}".lower()):
        out["W" + word] += 2
    out["U" + (unit or "-")] += 3
    return out


class NaiveBayes:
    def __init__(self, examples, smoothing=0.1):
        self.smoothing = smoothing
        self.classes = Counter(label for _features, label in examples)
        self.counts = defaultdict(Counter)
        for features, label in examples:
            self.counts[label].update(features)
        self.totals = {label: sum(c.values()) for label, c in self.counts.items()}
        self.vocabulary = {f for c in self.counts.values() for f in c}

    def predict(self, features):
        """The likeliest label and its probability."""
        size, n = len(self.vocabulary), sum(self.classes.values())
        scores = {}
        for label, count in self.classes.items():
            seen, total = self.counts[label], self.totals[label] + self.smoothing * size
            scores[label] = math.log(count / n) + sum(
                weight * math.log((seen[f] + self.smoothing) / total)
                for f, weight in features.items()
                if f in self.vocabulary
            )
        best = max(scores, key=scores.get)
        return best, 1 / sum(math.exp(s - scores[best]) for s in scores.values())


def report(name, rows, predictions):
    n = len(rows)
    rules = sum(reader == rule for (_f, reader, rule, _s) in rows)
    learnt = sum(
        reader == p for (_f, reader, _r, _s), (p, _sure) in zip(rows, predictions, strict=True)
    )
    print(
        f"{name}: {n} figures; right indicator: rules {rules / n:.1%}, classifier {learnt / n:.1%}"
    )
    proposed = [(row, p) for row, p in zip(rows, predictions, strict=True) if row[2] == NONE]
    for sure in (0.5, 0.9, 0.99):
        taken = [(row, p) for row, p in proposed if p[1] >= sure and p[0] != NONE]
        right = sum(row[1] == p[0] for row, p in taken)
        print(
            f"  where the rules propose ({len(proposed)}), taking the classifier's when sure ≥ {sure}: "
            f"{right} made right, {len(taken) - right} made wrong"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    dev = list(pairs("dev"))
    sites = sorted({row[3] for row in dev})
    random.Random(1).shuffle(sites)
    fold = {site: i % 5 for i, site in enumerate(sites)}
    predictions = [None] * len(dev)
    for k in range(5):
        model = NaiveBayes([(f, label) for f, label, _r, s in dev if fold[s] != k])
        for i, row in enumerate(dev):
            if fold[row[3]] == k:
                predictions[i] = model.predict(row[0])
    report("dev, five folds of whole sites", dev, predictions)
    if args.heldout:
        model = NaiveBayes([(f, label) for f, label, _r, _s in dev])
        heldout = list(pairs("heldout"))
        report(
            "held-out, trained on the whole dev set",
            heldout,
            [model.predict(row[0]) for row in heldout],
        )


if __name__ == "__main__":
    main()

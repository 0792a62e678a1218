"""Score the importer against what careful readers extracted from real bulletins.

``make eval-importer`` (or ``python -m evaluation.score_importer``) reads every document of the
evaluation set whose text is present, runs the importer's pure pipeline on it and compares the
figures it finds with the reader's (``evaluation/importer/<set>/<id>.json``). The texts are not
ours to redistribute: each fact file names its source, and a text saved as
``evaluation/importer/texts/<id>.txt`` is scored; the others are listed as missing.

A found figure matches a reader's figure when value and unit agree (units compared by meaning:
"微克/立方米" is "μg/m³"); among several equal figures the one nearest the reader's quote wins.
Three levels are scored, each as recall (share of the reader's figures) and precision (share of
the importer's figures, derived ones left out since readers do not list them):

* found — value and unit;
* indicator — also the right catalogue indicator (or, where the reader found none, a proposal
  of a new one) and the right kind (level, change, target);
* full — also the right period and the right place.

The held-out set is only for measuring: rules are never written against it.
"""

import argparse
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "importer"
SETS = ("dev", "heldout")

_UNIT_KEYS = {
    "ug/m3": {"微克/立方米", "μg/m³", "µg/m³", "ug/m3", "μg/m3", "µg/m3", "ug/m³", "微克每立方米", "微克/每立方米"},
    "mg/m3": {"毫克/立方米", "mg/m³", "mg/m3", "毫克每立方米"},
    "%": {"%", "％", "percent", "per cent", "pct"},
    "pp": {"个百分点", "百分点", "percentage points", "percentage point", "pp"},
    "day": {"天", "日", "days", "day", "个天"},
    "dBA": {"分贝", "dB(A)", "db(a)", "dB", "db", "dba", "分贝(A)"},
    "": {"", "无"},
}
_UNIT_KEY_OF = {
    spelling.lower(): key for key, spellings in _UNIT_KEYS.items() for spelling in spellings
}
_REGION_SUFFIX = re.compile(
    r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟|区|县|旗)$"
)
_COUNTRY = {"全国", "中国", "我国", "china", "nationwide", "national", "全国范围"}


#: Spellings of one unit that differ only in how a power or a middle dot is written (km2, km²;
#: 吨/平方公里·月, 吨/平方公里∙月).
_POWERS = str.maketrans({"²": "2", "³": "3", **dict.fromkeys("∙⋅・･", "·")})


def unit_key(unit):
    unit = (unit or "").strip().translate(_POWERS)
    return _UNIT_KEY_OF.get(unit.lower(), unit.replace(" ", "").lower())


def region_key(name):
    name = (name or "").strip()
    if not name:
        return ""
    if name.lower() in _COUNTRY:
        return "中国"
    shorter = _REGION_SUFFIX.sub("", name)
    return shorter if len(shorter) >= 2 else name


def period_range(text):
    """The reader's period as (start, end): "2025", "2025-03", "2025-01-01/2025-06-30" or None."""
    if not text:
        return None
    if "/" in text:
        start, end = text.split("/", 1)
        return date.fromisoformat(start), date.fromisoformat(end)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1), date(int(text), 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = map(int, text.split("-"))
        following = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    day = date.fromisoformat(text)
    return day, day


def decimal(value):
    try:
        return Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return None


@dataclass
class Found:
    """One figure as the importer reported it, reduced to what is scored."""

    value: Decimal
    unit: str
    indicator: str | None
    kind: str
    period: tuple | None
    region: str
    quote: str
    derived: bool = False


def _attr(obj, *names, default=None):
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return default


def _place_name(place):
    if place is None or isinstance(place, str):
        return place or ""
    return _attr(place, "name", "label", default="")


def reading_kwargs():
    """The catalogue and gazetteer ``pipeline.read`` is given here, each built once."""
    kwargs = {}
    try:
        from indicators.catalogue import Catalogue

        kwargs["catalogue"] = _cached("catalogue", Catalogue.from_reference)
    except ImportError:
        pass
    try:
        from importer.gazetteer import Gazetteer
    except ImportError:
        try:
            from bulletins.gazetteer import Gazetteer
        except ImportError:
            Gazetteer = None
    if Gazetteer is not None:
        kwargs["gazetteer"] = _cached("gazetteer", Gazetteer.load)
    return kwargs


def as_found(figure):
    """One figure of the importer's reading, reduced to what is scored."""
    start, end = _attr(figure, "period_start"), _attr(figure, "period_end")
    return Found(
        value=decimal(figure.value),
        unit=figure.unit,
        indicator=_attr(figure, "indicator"),
        kind=_attr(figure, "kind", default="level"),
        period=(start, end) if start or end else None,
        region=_place_name(_attr(figure, "region")),
        quote=_attr(figure, "quote", default=""),
        derived=bool(_attr(figure, "derived", default=False)),
    )


def run_pipeline(text):
    """The importer's reading of ``text``: its metadata and figures."""
    from importer import pipeline

    document = pipeline.read(text, **reading_kwargs())
    figures = [as_found(figure) for figure in document.figures]
    meta = {
        "title": _attr(document, "title", default=""),
        "date": _attr(document, "date", "issued_on", default=None),
        "publisher": _place_name(_attr(document, "publisher")),
        "region": _place_name(_attr(document, "region")),
    }
    return meta, figures


_CACHE = {}


def _cached(name, factory):
    if name not in _CACHE:
        _CACHE[name] = factory()
    return _CACHE[name]


@dataclass
class Score:
    expected: int = 0
    extracted: int = 0
    found: int = 0
    indicator: int = 0
    full: int = 0
    period: int = 0
    region: int = 0
    meta_right: int = 0
    meta_total: int = 0

    def add(self, other):
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _position(text, quote):
    at = text.find(quote) if quote else -1
    return at if at >= 0 else None


def _fact_position(text, fact):
    """Where the reader found the figure: its offset, or its quote while a file still has one."""
    return fact["at"] if "at" in fact else _position(text, fact.get("quote"))


def match(text, expected, found):
    """Pairs (reader's figure, importer's figure) agreeing in value and unit, nearest first."""
    candidates = []
    for i, fact in enumerate(expected):
        value, unit = decimal(fact["value"]), unit_key(fact["unit"])
        fact_at = _fact_position(text, fact)
        for j, figure in enumerate(found):
            if figure.value is None or figure.value != value or unit_key(figure.unit) != unit:
                continue
            figure_at = _position(text, figure.quote)
            distance = (
                abs(fact_at - figure_at) if fact_at is not None and figure_at is not None else 10**6
            )
            candidates.append((distance, i, j))
    pairs, used_facts, used_found = [], set(), set()
    for _distance, i, j in sorted(candidates):
        if i not in used_facts and j not in used_found:
            used_facts.add(i)
            used_found.add(j)
            pairs.append((expected[i], found[j]))
    return pairs


def right_indicator(fact, figure):
    return fact.get("indicator") == figure.indicator and fact.get("kind", "level") == figure.kind


def right_period(fact, figure):
    return period_range(fact.get("period")) == figure.period


def right_region(fact, figure):
    return region_key(fact.get("region")) == region_key(figure.region)


def _spelling(name):
    """A name as compared: no spaces, traditional characters and full-width forms folded, so
    a reader's 新华社 and a copy's 新華社 are one name."""
    from importer.numbers import fold

    return fold(re.sub(r"\s+", "", name or ""))


def _meta_score(expected, meta):
    right = 0
    title = _spelling(expected.get("title"))
    if title and title == _spelling(meta["title"]):
        right += 1
    when = expected.get("date")
    got = meta["date"]
    if when and got and str(got)[:10] == when:
        right += 1
    publisher, found = _spelling(expected.get("publisher")), _spelling(meta["publisher"])
    if publisher and found and (publisher in found or found in publisher):
        right += 1
    region = expected.get("region") or ""
    if region and region_key(region) == region_key(meta["region"]):
        right += 1
    total = sum(1 for key in ("title", "date", "publisher", "region") if expected.get(key))
    return right, total


def score_document(facts, text, *, explain=False):
    meta, found = run_pipeline(text)
    return score_reading(facts, text, meta, found, explain=explain)


def score_reading(facts, text, meta, found, *, explain=False):
    """A reading of ``text`` (its metadata and ``Found`` figures: the importer's, or another
    reader's) against the reader's facts."""
    counted = [figure for figure in found if not figure.derived]
    expected = facts["figures"]
    pairs = match(text, expected, counted)
    score = Score(expected=len(expected), extracted=len(counted), found=len(pairs))
    for fact, figure in pairs:
        indicator = right_indicator(fact, figure)
        period, region = right_period(fact, figure), right_region(fact, figure)
        score.indicator += indicator
        score.period += period
        score.region += region
        score.full += indicator and period and region
        if explain and not (indicator and period and region):
            print(
                f"  wrong  {fact['value']}{fact['unit']}: expected {fact.get('indicator')}/"
                f"{fact.get('kind')}/{fact.get('period')}/{fact.get('region')}, got "
                f"{figure.indicator}/{figure.kind}/{figure.period}/{figure.region!r}"
            )
    if explain:
        paired_facts = {id(fact) for fact, _ in pairs}
        paired_found = {id(figure) for _, figure in pairs}
        for fact in expected:
            if id(fact) not in paired_facts:
                at = _fact_position(text, fact)
                where = text[at : at + fact.get("length", 30)] if at is not None else "?"
                print(f"  missed {fact['value']}{fact['unit']} {fact.get('indicator')}: {where}")
        for figure in counted:
            if id(figure) not in paired_found:
                print(
                    f"  extra  {figure.value}{figure.unit} {figure.indicator}: {figure.quote[:60]}"
                )
    score.meta_right, score.meta_total = _meta_score(facts.get("metadata", {}), meta)
    return score


def _ratio(part, whole):
    return f"{100 * part / whole:.0f}%" if whole else "–"


def _ratios(score):
    """The row's ten ratios as (part, whole) pairs, in the header's order."""
    return (
        (score.found, score.expected), (score.found, score.extracted),
        (score.indicator, score.expected), (score.indicator, score.extracted),
        (score.period, score.found), (score.region, score.found),
        (score.full, score.expected), (score.full, score.extracted),
        (score.meta_right, score.meta_total),
    )


def _row(label, score):
    cells = " | ".join(_ratio(part, whole) for part, whole in _ratios(score))
    return f"| {label} | {score.expected} | {score.extracted} | {cells} |"


def _mean_row(label, scores):
    """Each ratio averaged over the documents it is defined for: one large table weighs as
    much as a short news item, where the totals above weigh each figure alike."""
    columns = zip(*(_ratios(score) for score in scores), strict=True)
    means = []
    for column in columns:
        shares = [part / whole for part, whole in column if whole]
        means.append(f"{100 * sum(shares) / len(shares):.0f}%" if shares else "–")
    return f"| {label} | {len(scores)} documents | | {' | '.join(means)} |"


HEADER = (
    "| document | reader | importer | found R | found P | indicator R | indicator P "
    "| period ok | place ok | full R | full P | metadata |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def restored(set_name):
    """``(facts, text)`` of each document of a set whose text is restored in ``texts/``."""
    for path in sorted((ROOT / set_name).glob("*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        text = ROOT / "texts" / f"{facts['id']}.txt"
        if text.exists():
            yield facts, text.read_text(encoding="utf-8")


def evaluate(set_name, *, facts_dir, texts_dir, only=None, explain=False, out=sys.stdout):
    documents = sorted(facts_dir.glob("*.json"))
    total, missing, scores = Score(), [], []
    print(f"\n### {set_name}\n\n{HEADER}", file=out)
    for path in documents:
        facts = json.loads(path.read_text(encoding="utf-8"))
        if only and facts["id"] not in only:
            continue
        text_path = texts_dir / f"{facts['id']}.txt"
        if not text_path.exists():
            missing.append(facts)
            continue
        if explain:
            print(f"\n{facts['id']} ({facts.get('kind')}) {facts['source'].get('url')}", file=out)
        score = score_document(facts, text_path.read_text(encoding="utf-8"), explain=explain)
        total.add(score)
        scores.append(score)
        print(_row(f"{facts['id']} {facts.get('kind', '')}", score), file=out)
    print(_row("**total**", total), file=out)
    if scores:
        print(_mean_row("**mean of documents**", scores), file=out)
    for facts in missing:
        print(
            f"missing text: {facts['id']} — save {facts['source'].get('url')} as "
            f"{texts_dir / (facts['id'] + '.txt')}",
            file=out,
        )
    return total


def freeze(source_dir, texts_dir, out_dir):
    """Copy annotated fact files into the repository without the source's words.

    Each quote becomes its offset and length in the text, and the text's SHA-256 is kept so a
    text saved later can be checked to be the one annotated.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(source_dir.glob("*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        text = (texts_dir / f"{facts['id']}.txt").read_text(encoding="utf-8")
        facts["source"]["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        for fact in facts["figures"]:
            quote = fact.pop("quote", "")
            fact["at"], fact["length"] = text.index(quote), len(quote)
        (out_dir / path.name).write_text(
            json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    parser.add_argument("--facts", type=Path, help="a folder of fact files (default: the set's)")
    parser.add_argument("--texts", type=Path, default=ROOT / "texts")
    parser.add_argument("--only", nargs="*", help="document ids")
    parser.add_argument("--explain", action="store_true", help="list misses and wrong bindings")
    parser.add_argument(
        "--freeze",
        type=Path,
        help="copy annotated facts from this folder into the set, quotes as offsets",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    if args.freeze:
        return freeze(args.freeze, args.texts, args.facts or ROOT / args.set)
    names = SETS if args.set == "all" else (args.set,)
    for name in names:
        facts_dir = args.facts or ROOT / name
        evaluate(
            name, facts_dir=facts_dir, texts_dir=args.texts, only=args.only, explain=args.explain
        )


if __name__ == "__main__":
    main()

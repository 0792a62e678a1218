"""One number said of two measures in English: "emissions of sulfur dioxide and nitrogen
oxide should have dropped by more than 15 percent" is a figure for each.

English joins the measures with "and" before the verb and gives the number once (Chinese
says 均 or 分别, which ``binding`` reads). Only names the catalogue knows, each by its own
words, are split: "Beijing and Tianjin saw PM2.5 fall 5 percent" (places), "air and water
quality improved" (nothing known) and "good days rose to 85 percent and PM2.5 fell by 5
percent" (a clause of its own) stay one figure each.
"""

import re
from dataclasses import replace

# Where the subject ends: the first verb of the figure's clause.
_VERB = re.compile(
    r"\b(?:should|will|would|must|can|have|has|had|was|were|is|are|be|been|fell|rose|"
    r"dropped|decreased|increased|declined|went|stood|reached|saw|grew|edged|averaged|"
    r"see|fall|rise|drop|decrease|increase|decline)\b",
    re.I,
)
_JOINT = re.compile(r"(,\s*(?:and\s+)?|\s+and\s+)", re.I)
# "emissions of X and Y": the head noun said once, before the first measure.
_HEAD = re.compile(
    r"^(.*?\b(?:emissions?|concentrations?|levels?|densit(?:y|ies)|discharges?)\s+of\s+)", re.I
)
_LATIN = re.compile(r"^[\x00-\x7f]*$")
_A_FIGURE = re.compile(r"\d\s*(?:percent|%|micrograms|μg|days|points)", re.I)


def each_measure(bound, match):
    """``bound`` said again of each other measure its subject joins with "and", where
    ``match(words)`` gives each a catalogue code of its own, distinct from the others; else
    []."""
    item, head = bound.item.strip(), bound.head.strip()
    verb = _VERB.search(item)
    if verb is None or not _LATIN.match(head) or not head.endswith(item):
        return []
    subject = head[: len(head) - len(item) + verb.start()]
    pieces = _JOINT.split(subject)  # names and, between them, the joints
    names, codes = [], []
    while len(pieces) >= 1:
        piece = pieces.pop().strip()
        if not piece or _VERB.search(piece) or _A_FIGURE.search(piece) or len(piece.split()) > 8:
            break
        code = match(piece)
        if code is None:
            break
        names.insert(0, piece)
        codes.insert(0, code)
        if not pieces:
            break
        joint = pieces.pop()
        if len(names) == 1 and "and" not in joint:
            break  # the last two names are joined by "and", or this is no list of them
    if len(names) < 2:
        return []
    said = _HEAD.match(names[0])
    if said:
        names[1:] = [name if _HEAD.match(name) else said.group(1) + name for name in names[1:]]
        codes = [match(name) for name in names]
    if None in codes or len(set(codes)) != len(codes):
        return []
    own = match(bound.item)
    return [
        replace(bound, item=name, head="", reasons=[*bound.reasons, "一个数值分属并列的指标"])
        for name, code in zip(names, codes, strict=True)
        if code != own
    ]

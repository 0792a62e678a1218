"""What an English report's header and dateline say about it: the source and the date.

English news pages state them in their own shapes, not under Chinese labels (来源, 发布时间):
"Source: Xinhua| 2018-10-21 15:09", "By HOU LIQIANG | China Daily | Updated: 2025-08-28",
"Pub Date:2023-05-12 16:38 Source:cnanhui.org", the dateline "NANJING, Jan. 18 (Xinhua) --"
or "HAIKOU, August 16. /TASS/." or "China News Service, July 16, …" opening the article, and "17:02, January 18, 2022" under
the title. A photo's caption ("… March 28, 2018. [Photo/IC]") dates the photo, not the report.
"""

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# "January 18, 2022", "Jan. 18, 2022", "18 January 2022", "December 17,2019", "12-Jan-2019".
_DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:,\s*|\s+)(?P<y1>(?:19|20)\d{{2}})\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:\s+|-)(?P<m2>{_MONTH})(?:\s+|-)(?P<y2>(?:19|20)\d{{2}})\b",
    re.I,
)
# A header line that dates the page: a time beside the date, a label, or the date alone.
_DATED_LINE = re.compile(
    r"\d{1,2}:\d{2}|\b(?:Updated|Published|Pub\s*Date|Release\s*Date|Date|Source|By)\s*:", re.I
)
_PHOTO = re.compile(r"\bphoto|\[\s*photo|\bshows\b|\bpictured\b", re.I)

# Up to a government body's full name ("Qinglan Municipal Bureau of Ecology and Environment").
_NAME = r"[A-Za-z][A-Za-z0-9.&'’ -]{1,70}?"
# "Source: Xinhua| 2018-10-21", "Source:cnanhui.org", "By HOU LIQIANG | China Daily | Updated:".
_SOURCE_LABEL = re.compile(
    rf"\bSource\s*[:：]\s*({_NAME})\s*(?=[|｜/]|\s{{2,}}|$|\d|\b(?:Editor|Updated|Author|By)\b)"
)
_BYLINE = re.compile(rf"^By\s+[^|｜]{{2,60}}[|｜]\s*({_NAME})\s*[|｜]")
# "By ZHOU LAN (chinadaily.com.cn) Updated: …", "By Zhou Lan (Xinhua) |": the outlet in brackets
# after the reporter's name (not "By the end of October (…)").
_BRACKETED_OUTLET = re.compile(
    rf"^By\s+(?:[A-Z][A-Za-z'’-]*\s+){{0,3}}[A-Z][A-Za-z'’-]*\s*\(\s*({_NAME})\s*\)"
)
# "By:Xinhua", "By: China Daily | Sep 9,2023": an outlet after a labelled byline, one word or a
# name an outlet takes; "By: Zhang Wei" is a reporter, no source.
_OUTLET_BYLINE = re.compile(
    r"\bBy\s*:\s*([A-Z][A-Za-z]+(?:\.(?:cn|com|org))?"
    r"|(?:[A-Z][A-Za-z]+ ){0,3}(?:Daily|News|Times|Post|Agency|Service|Press|Online|Network))"
    r"\s*(?=[|｜/]|\s{2,}|$|\d)"
)
# "NANJING, Jan. 18 (Xinhua) --", and the same cut by the copy: "Xinhua) 17:02, …".
_AGENCY = re.compile(
    r"\(([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3})\)\s*(?:--|—|–|-)"
    r"|\b[A-Z]{3,}\b[^.]{0,40}\.\s*/([A-Z]{2,10})/\."  # "HAIKOU, August 16. /TASS/."
)
# Also a site's name in brackets over the article: "(Ecns.cn) 13:46, September 20, 2022".
_AGENCY_CUT = re.compile(r"^\(?([A-Z][A-Za-z]+(?:\.[a-z]{2,3})?)\)\s+\d{1,2}:\d{2}")
# "China News Service, July 16, according to …": an agency's name opening the article.
# Also with the city it was sent from: "China News Agency, Beijing, December 26 (Reporter …)".
_OPENER = re.compile(
    rf"^([A-Z][a-z]+(?: [A-Z][a-z]+){{1,4}}),\s*(?:[A-Z][a-z]+,\s*)?{_MONTH}\s+\d{{1,2}}\b"
)


def _short_lines(head_text, longest):
    for line in (head_text or "").splitlines()[:40]:
        line = line.strip()
        if line and len(line) <= longest and not _PHOTO.search(line):
            yield line


# An outlet's acronym alone on the line under the page's dated line ("Updated 17:00,
# 12-Jan-2019" / "CGTN").
_ACRONYM_ALONE = re.compile(r"([A-Z]{2,8})")


# "Qinglan Daily  April 17, 2024", "June 9, 2022 | Metro News": an outlet's name beside the
# date on a line of the header, nothing else on it.
_OUTLET = re.compile(r"(?:[A-Z][A-Za-z.&'’-]*)(?: (?:[A-Z][A-Za-z.&'’-]*|of|and|the)){0,4}")
_SEPARATORS = " \t|｜/,–—-"


def _beside_date(line):
    """The words on a header line that is only a date and a few capitalised words ("Qinglan
    Daily", "Friday"), or None."""
    found = _DATE.search(line)
    if found is None or _PHOTO.search(line):
        return None
    before, after = line[: found.start()].strip(_SEPARATORS), line[found.end() :].strip(_SEPARATORS)
    name = before if not after else after if not before else ""
    return name if name and _OUTLET.fullmatch(name) else None


def _name_beside_date(line):
    """The outlet's name on a header line that is only the name and a date, or None."""
    name = _beside_date(line)
    return None if name is None or _NO_OUTLET.match(name) else name


# Words a header line puts beside its date that name no outlet: "Thursday, March 2, 2023",
# "Updated April 17, 2024".
_NO_OUTLET = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?$"
    r"|(?:Updated|Published|Posted|Released|Date|Time|Last)\b",
    re.I,
)


def source(head_text, opening, is_place=lambda name: False):
    """The source an English page names in its header or dateline, or ""."""
    previous = ""
    for line in _short_lines(head_text, 200):
        outlet = _name_beside_date(line)
        if outlet and not is_place(outlet):
            return outlet
        found = (
            _SOURCE_LABEL.search(line)
            or _BYLINE.match(line)
            or _BRACKETED_OUTLET.match(line)
            or _OUTLET_BYLINE.search(line)
            or _AGENCY_CUT.match(line)
            or _under_the_dated_line(line, previous, is_place)
        )
        if found:
            return found.group(1).strip()
        previous = line
    first = (opening or "").lstrip()
    found = _AGENCY.search(first[:200])
    if found:
        return found.group(1) or found.group(2)
    found = _OPENER.match(first)
    if found and not is_place(found.group(1)):
        return found.group(1)
    return ""


def _under_the_dated_line(line, previous, is_place):
    """An acronym alone right under a dated header line, not a place's name ("CHINA")."""
    found = _ACRONYM_ALONE.fullmatch(line)
    if found is None or is_place(line) or is_place(line.title()):
        return None
    dated = _DATE.search(previous)
    return found if dated is not None and _DATED_LINE.search(previous) else None


# "date 2023-01-11 SANYA /China/, …": a labelled date run into the article's first line.
LABELLED_DATE = re.compile(
    r"^\s*(?:date|published|updated|pub date)\s*:?\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b", re.I
)


def only_a_date(line):
    """Whether ``line`` is an English date and nothing else ("March 2, 2019")."""
    return _DATE.fullmatch(line.strip()) is not None


def issued(head_text):
    """The date on a header line of an English page ("Updated: …", "17:02, January 18,
    2022"), or None."""
    labelled = LABELLED_DATE.match(head_text or "")
    if labelled:
        try:
            return date(*map(int, labelled.groups()))
        except ValueError:
            pass
    for line in _short_lines(head_text, 90):
        found = _DATE.search(line)
        if found is None or not (
            _DATED_LINE.search(line) or found.group(0) == line or _beside_date(line)
        ):
            continue
        month = _MONTHS[(found.group("m1") or found.group("m2")).lower().rstrip(".")]
        day = int(found.group("d1") or found.group("d2"))
        try:
            return date(int(found.group("y1") or found.group("y2")), month, day)
        except ValueError:
            continue
    return None

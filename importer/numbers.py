"""Numbers as bulletins write them: Arabic, full-width, Chinese numerals, English words.

``fold(text)`` returns a text of the same length in which full-width letters and digits are
ASCII and traditional characters simplified (one character for one, so every offset in the
folded text is an offset in the original: quotes are cut from the original). The later
stages read the folded text only, so "２０２３年", "濃度" and "2023年", "浓度" are one spelling.

Chinese numerals are converted with cn2an (a maintained converter that knows 两, 〇, 万/亿
and decimals written with 点) rather than a table of our own.
"""

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

# Full-width ASCII (！…～) to ASCII, the ideographic space to a space: one character each.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
# Punctuation kept as written but read as its ASCII twin where it matters to numbers.
_WIDTH.update({ord("．"): ord(".")})
# A unit's middle dot in a look-alike ("吨/平方公里∙30天", "t/km²⋅月"): the dot.
_WIDTH.update({ord(dot): ord("·") for dot in "∙⋅・･"})


@lru_cache(maxsize=1)
def _table():
    """Full-width and traditional → simplified, one character each (zhconv's zh-cn table)."""
    table = dict(_WIDTH)
    try:
        from zhconv import zhconv
    except ImportError:  # the folding of widths alone still works
        return table
    for traditional, simplified in zhconv.getdict("zh-cn").items():
        if len(traditional) == 1 and len(simplified) == 1 and ord(traditional) not in table:
            table[ord(traditional)] = ord(simplified)
    return table


_HAS_WIDE_OR_CJK_EXT = re.compile(r"[\uff01-\uff5e\u3000\u4e00-\u9fff∙⋅・･]")


def fold(text):
    """``text`` with full-width forms as ASCII and traditional characters simplified, and a
    year written in Chinese digits ("二〇二二年") in Arabic ones, digit for digit, and a unit's
    middle dot a copy turned into "?" ("吨/平方千米?月") restored."""
    if not _HAS_WIDE_OR_CJK_EXT.search(text):
        return text
    folded = _CHINESE_YEAR.sub(_arabic_year, text.translate(_table()))
    return _LOST_DOT.sub("·", folded)


# A unit's middle dot a copy turned into a question mark ("2.1吨/平方千米?月"): no question,
# so no end of a sentence either.
_LOST_DOT = re.compile(r"(?<=平方千米|平方公里)[?？](?=月)|(?<=km2|km²)[?？](?=月)")


# "二〇二二年", "一九九八年度": a year a title writes in Chinese digits. Not a whole date so
# written ("二○一四年十月十一日"), which signs a bulletin rather than dating its page.
_YEAR_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0", "O": "0"}
_CHINESE_YEAR = re.compile(
    r"(?:一九|二[〇○零O])[〇○零O一二三四五六七八九]{2}(?=\s*年)(?!\s*年\s*[一二三四五六七八九十\d]{1,2}\s*月)"
)


def _arabic_year(match):
    return "".join(_YEAR_DIGITS[c] for c in match.group(0))


# Pinyin glosses a site prints after characters ("公报(bào)", "个(gè)"): at least one tone mark.
_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]"
)
# A character the copy lost with its gloss's opening bracket: "?" then the reading ("质量?yōu)良").
_LOST = re.compile(
    r"(?<=[\u4e00-\u9fff)）])[?？]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*)[)）]"
)
_GLOSSED = re.compile(r"([\u4e00-\u9fff])[(（]([^()（）]{1,8})[)）]")
# A space inside a Chinese word, left by a PDF copy ("平均浓 度为 16"): between two characters.
_INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def repair(text):
    """Text without the debris of some copies (pinyin glosses, spaces inside words).

    Applied only where the debris is frequent (three times or more), so an ordinary space or
    bracket is never touched; returns the text and what was removed, for the editor.
    """
    removed = []
    text, units = _units_restored(text)
    if units:
        removed.append(("unit or formula sign lost as ?", units))
    text, years = _YEAR_MARK_LOST.subn(r"\1年\2", text)
    if years:
        removed.append(("年 lost after a year", years))
    text, wrapped = _pdf_lines_joined(text)
    if wrapped:
        removed.append(("line break inside an English sentence", wrapped))
    found = _GLOSS.findall(text)
    if len(found) >= 3:
        text = _restore_lost(text)
        text = _GLOSS.sub("", text)
        removed.append(("pinyin gloss", len(found)))
    # Only in sentences: the spaces between the words of a menu are the menu's.
    prose = [line for line in text.split("\n") if re.search(r"[。，,；]", line)]
    spaces = sum(len(_INNER_SPACE.findall(line)) for line in prose)
    if spaces >= 3:
        text = "\n".join(
            _INNER_SPACE.sub("", line) if re.search(r"[。，,；]", line) else line
            for line in text.split("\n")
        )
        removed.append(("space inside a word", spaces))
    return text, removed


# A year whose 年 the copy lost before its month: "20216月份", "20211月" (no number runs into
# a month so: 20216 months are none).
_YEAR_MARK_LOST = re.compile(r"(?<![\d.])((?:19|20)\d\d)(1[0-2]|0?[1-9])(?=\s*(?:月|[-—–~～至]\s*\d{1,2}\s*月))")


# English copied from a PDF: a sentence broken at every line ("…was 13.207" / "million t,
# down by 4.42%"), a formula's subscript on a line of its own ("SO" / "2" / "emission").
_SUBSCRIPT_LINE = re.compile(r"\b(SO|NO|CO|NH|O|PM)\n([0-9x]{1,2}(?:\.5)?)\n(?=[a-z])")
# A line of a page's column: long, of words, stopping where a sentence cannot end.
_COLUMN_LINE = re.compile(r"^(?=.{40,})(?:\S+\s+){5,}.*[A-Za-z0-9,%)]$")
# …into a line that goes on with the sentence: not a numbered heading ("1. Air quality"), nor
# a table's row of a pollutant ("PM10 (μg/m3) 56 -5.1%").
_GOES_ON = re.compile(r"^(?:[a-z(%]|\d(?!\d*\.\s)|(?:SO|NO|CO|NH|PM)[0-9x](?!.*[\d%]\s*$))")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _pdf_lines_joined(text):
    """An English text's lines broken inside sentences joined, each break a space (the
    subscript's two breaks a digit and two spaces: the text keeps its length). Only in a text
    of English words with hardly any Chinese, most of whose long lines of words stop
    mid-sentence (a page's columns); a short line (a heading, a list's item, a table's row)
    is never joined to the next, nor a line to a numbered heading or a row of numbers."""
    letters = len(_LATIN_LETTER.findall(text))
    if letters < 200 or len(_HAN_CHAR.findall(text)) * 20 > letters:
        return text, 0
    text, subscripts = _SUBSCRIPT_LINE.subn(lambda m: f"{m.group(1)}{m.group(2)}  ", text)
    lines = text.split("\n")
    column = [at for at, line in enumerate(lines) if _COLUMN_LINE.match(line.strip())]
    long_lines = [line for line in lines if len(line.strip()) >= 40]
    if len(column) < 6 or len(column) * 3 < len(long_lines) * 2:
        return text, subscripts
    joined = {
        at
        for at in column
        if at + 1 < len(lines) and lines[at + 1].strip() and _GOES_ON.match(lines[at + 1].strip())
    }
    kept = (line + (" " if at in joined else "\n") for at, line in enumerate(lines[:-1]))
    text = "".join(kept) + lines[-1]
    return text, subscripts + len(joined)


# A mass per cubic metre whose μ or ³ the copy could not encode: "?g/m?", "μg/m?", "ug/m？",
# "mg/m?". Only after "g/m" is a "?" the cube (a question mark there ends no question), and
# only before "g/m?" or "g/m³" the micro. "m?" alone (m² or m³?) is left as written.
_LOST_CUBE = re.compile(r"(?<=[μµu?？mM]g/m)[?？](?![A-Za-z\d])")
_LOST_MICRO = re.compile(r"(?<![A-Za-z])[?？](?=g/m[³3])")


# An air pollutant's formula whose subscript the copy could not encode: "O?平均濃度",
# "SO?、NO?和". Only a half-width "?" (a full-width one is a question: "高浓度CO？冬季…"), only
# before a concentration or a list's mark, and not an ion a copy lost its subscript from
# ("以SO?计", "降水中SO?浓度": sulphate, nitrate).
_LOST_SUBSCRIPT = re.compile(
    r"(?<![A-Za-z以])(?<!降水中)(SO|NO|CO|O)\?"
    r"(?=\s*(?:平均|年均|日均|月均|浓度|濃度|第|日最大|8小时|[、,，和及与]))"
)
_SUBSCRIPTS = {"SO": "₂", "NO": "₂", "CO": "₂", "O": "₃"}
_SENTENCE_END = re.compile(r"[。\n]")
_WATER_IONS = re.compile(r"降水|酸雨|雨水|地下水|水质|毫克/升|mg/L", re.I)


def _units_restored(text):
    """``text`` with each such unit written again (one character for one), and how many."""
    text, cubes = _LOST_CUBE.subn("³", text)
    text = _LOST_MICRO.sub("μ", text)
    # …not ions of rain or ground water, whose subscript is not known
    air = [m for m in _LOST_SUBSCRIPT.finditer(text) if not _WATER_IONS.search(_sentence_at(text, m))]
    for found in air:
        start = found.start(1) + len(found.group(1))
        text = text[:start] + _SUBSCRIPTS[found.group(1)] + text[start + 1 :]
    return text, cubes + len(air)


def _sentence_at(text, found):
    """The sentence (up to 。 or a line's end either side) holding the match ``found``."""
    start = max(text.rfind("。", 0, found.start()), text.rfind("\n", 0, found.start())) + 1
    end = _SENTENCE_END.search(text, found.end())
    return text[start : end.start() if end else len(text)]


# A mass per cubic metre as English tables spell it: "milligram/cu.m", "ug/cu.m",
# "micrograms per cubic metre".
SPELT_VOLUME_UNIT = (
    r"(?:micrograms?|milligrams?|ug|μg|µg|mg|mcg)\s*(?:/|\s+per\s+)\s*"
    r"(?:cu\.?\s?m|cubic\s+(?:metre|meter|m)|m3|m³)(?![A-Za-z])"
)


def _restore_lost(text):
    """Each lost character ("?yōu)") as the one character the text glosses with that reading
    elsewhere ("优(yōu)"); debris whose reading no single character bears is dropped."""
    readings = {}
    for character, reading in _GLOSSED.findall(text):
        readings.setdefault(reading, set()).add(character)

    def restored(match):
        characters = readings.get(match.group(1), ())
        return next(iter(characters)) if len(characters) == 1 else ""

    return _LOST.sub(restored, text)


CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
_CHINESE = re.compile(rf"[{CHINESE_DIGITS}]+")

#: An Arabic number: thousands separators, decimals; not part of a word or a code, nor the
#: minutes of a time ("10:30"); after a code that ends in digits and its colon it is the
#: code's value ("PM2.5:35μg/m3", "PM10:58", "NO2:24").
ARABIC = (
    # no part of a code or a range ("GB3095-2012", "23-169", "25微克/立方米-45微克/立方米"); a
    # hyphen after an opening bracket, a mark, a space or a verb of comparison is the number's
    # sign ("忻州(-36.8%)", "同比-3.2%", "下降-6.5%"); a value right after the last one's unit,
    # the marks between them lost ("62μg/m377μg/m3"), is a number of its own
    r"(?:(?<![A-Za-z0-9_./+])|(?<=g/m3))(?:(?<!-)|(?<=[(（:：、，,=\s为是达比化降升少多低高]-))"
    r"(?:(?<!\d:)|(?<=[A-Za-z]\d:)|(?<=[A-Za-z]\d\d:)|(?<=[A-Za-z]\d\.\d:))"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d.]\d)"
)

_ENGLISH = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "seventy-eight": a compound of tens and units, as English writes numbers below a hundred.
_ENGLISH.update(
    {f"{tens}-{unit}": _ENGLISH[tens] + _ENGLISH[unit] for tens in _TENS for unit in _UNITS}
)
ENGLISH_WORDS = "|".join(sorted(_ENGLISH, key=len, reverse=True))

#: Words that make a figure approximate, before or after the number.
APPROX_BEFORE = re.compile(
    r"(?:约|近|逾|超过|超|接近|大约|将近|达到近|约有|共约|累计约|more than|over|about|around|"
    r"nearly|almost|approximately|roughly|some|upwards of|at least)\s*$",
    re.IGNORECASE,
)
APPROX_AFTER = ("余", "多")


def parse(text):
    """The Decimal a written number stands for, or None.

    "1,234.5" → 1234.5; "十一" → 11; "两" → 2; "一百二十" → 120; "ten" → 10.
    """
    text = text.strip()
    if not text:
        return None
    if text[0] in "-+−" and text[1:2].isdigit():  # a signed cell of a table ("-32.7")
        value = parse(text[1:])
        return -value if value is not None and text[0] != "+" else value
    if text[0].isdigit():
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    lowered = text.lower()
    if lowered in _ENGLISH:
        return Decimal(_ENGLISH[lowered])
    if _CHINESE.fullmatch(text):
        return _chinese(text)
    return None


@lru_cache(maxsize=4096)
def _chinese(text):
    if text in ("点", "万", "亿", "百", "千") or text.startswith("点") or text.endswith("点"):
        return None
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def as_text(value):
    """A Decimal as the plain decimal string readers write ("1200", "5.8", "-0.5")."""
    text = format(value, "f")
    return text

"""Words out of Chinese (and any other) text, for the index and for queries, and highlighting.

Chinese is written without spaces, so the database's own tokenizers cannot find its words.
jieba cuts the text into words before it reaches the database: at index time in "search" mode
(every dictionary word inside a longer one too: 生态环境保护 → 生态 环境 保护 环境保护 …), at
query time in precise mode. What the database receives is plain words, lower case, separated by
single spaces: letters and digits only, so no character of the text can ever act as an operator
of the full-text query language, and the SQLite and PostgreSQL tokenizers both see the same
words.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import jieba
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from bulletins.words import MAX_QUERY_LENGTH

# jieba logs the loading of its dictionary at DEBUG level to stderr.
jieba.setLogLevel(logging.WARNING)

MAX_TERMS = 32
"""Words of one query that are searched; a 100-character query rarely has more."""

# Letters and digits of any script; everything else (punctuation, symbols, emoji, "_") separates.
_WORD = re.compile(r"[^\W_]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


# Full-width punctuation (and the Roman numerals of water classes, 劣Ⅴ类) is what usually keeps
# Chinese text from being in NFKC already, and normalizing a whole body costs a tenth of a
# microsecond a character. Replaced first by their NFKC forms, which are ASCII and so decompose
# to exactly what they replace, they leave a text that unicodedata finds normalized at a glance.
_FULL_WIDTH = {char: unicodedata.normalize("NFKC", char) for char in "，（）：；！？ⅠⅡⅢⅣⅤ"}


def normalize(text):
    """Full-width forms to their usual ones (ＰＭ２．５ → PM2.5), lower case."""
    for char, usual in _FULL_WIDTH.items():
        text = text.replace(char, usual)
    return unicodedata.normalize("NFKC", text).lower()


def words_of(token):
    return _WORD.findall(token)


def index_words(text):
    """The words the index holds for ``text``, in order, sub-words of long words included."""
    words = []
    for piece in _PIECES.split(normalize(text)):
        if piece:
            words.extend(_piece_words(piece))
    return words


# jieba splits a text at this pattern and cuts every piece on its own, so the words of a text
# are the words of its pieces in order. Pieces recur (clauses between commas, punctuation,
# boilerplate), and cutting one costs a dictionary walk per character: each is cut once.
# 4,096 pieces take about 4 MB; the recurring ones stay, one-off ones (figures) pass through.
# Nothing here changes jieba's dictionary at run time, which would make the cache stale.
_PIECES = jieba.re_han_default


@lru_cache(maxsize=4096)
def _piece_words(piece):
    return tuple(word for token in jieba.cut_for_search(piece) for word in words_of(token))


def segment(text):
    """``text`` as the index stores it: its words separated by single spaces."""
    return " ".join(index_words(text))


@dataclass(frozen=True)
class Term:
    """One word of a query: found when its phrase, or one of the alternatives, is in a document.

    ``phrase`` is usually one word; a token such as "PM2.5" is the phrase ("pm2", "5").
    ``alternatives`` are the shorter dictionary words a long word is made of (生态环境 →
    生态 环境), so that it is still found where the document's own segmentation cut it
    differently (生态|环境保护).
    """

    phrase: tuple
    alternatives: tuple = ()

    @property
    def phrases(self):
        return (self.phrase, *self.alternatives)


class QueryError(ValueError):
    """A query that cannot be searched; the message is for the reader."""


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: the text as typed and the terms that must all be found."""

    text: str
    terms: tuple

    def __bool__(self):
        return bool(self.terms)

    def highlighter(self):
        # The words as typed together (中央环保督察) are marked as one, before their parts.
        chunks = tuple(Term(tuple(words_of(normalize(chunk)))) for chunk in self.text.split())
        return Highlighter(chunks + self.terms)


def parse_query(text):
    """Parse what a reader typed. Raises ``QueryError`` if it is too long.

    A query with no letters or digits (punctuation, emoji, operators alone) parses to an empty
    query, which finds nothing.
    """
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            _("搜索词太长：最多 %(limit)d 个字符，现在是 %(length)d 个。")
            % {"limit": MAX_QUERY_LENGTH, "length": len(text)}
        )
    terms = []
    for token in jieba.cut(normalize(text)):
        phrase = tuple(words_of(token))
        if not phrase:
            continue
        alternatives = ()
        if len(phrase) == 1 and len(phrase[0]) > 2 and _HAN.search(phrase[0]):
            parts = tuple(part for part in jieba.cut_for_search(phrase[0]) if part != phrase[0])
            if len(parts) > 1:
                alternatives = (parts,)
        term = Term(phrase, alternatives)
        if term not in terms:
            terms.append(term)
    return SearchQuery(text=text, terms=tuple(terms[:MAX_TERMS]))


class Highlighter:
    """Marks the words of a query in plain text: everything escaped, then ``<mark>`` added."""

    SNIPPET_LENGTH = 160
    LEAD = 40

    def __init__(self, terms):
        patterns = []
        for term in terms:
            if term.phrase:
                # A phrase's words may stand apart by a little punctuation in the text: PM2.5.
                patterns.append(r"[\W_]{0,3}".join(re.escape(word) for word in term.phrase))
        patterns.sort(key=len, reverse=True)
        self.pattern = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    def matches(self, text):
        if self.pattern is None or not text:
            return []
        return list(self.pattern.finditer(text))

    def mark(self, text):
        """``text`` as safe HTML with every match wrapped in ``<mark>``."""
        out, end = [], 0
        for match in self.matches(text):
            out.append(escape(text[end : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            end = match.end()
        out.append(escape(text[end:]))
        # Words found next to each other read as one mark.
        return mark_safe("".join(out).replace("</mark><mark>", ""))  # noqa: S308 - every piece of text above is escaped

    def snippet(self, texts):
        """The passage of ``texts`` with the most distinct matches, cut to about 160 characters."""
        best, best_score = None, (0, 0)
        for text in texts:
            for passage in _passages(text):
                found = self.matches(passage)
                score = (len({m.group().lower() for m in found}), len(found))
                if score > best_score:
                    best, best_score, first = passage, score, found[0].start()
        if best is None:
            fallback = next((_clean(text) for text in texts if text and text.strip()), "")
            return self.mark(_crop(fallback, 0, self.SNIPPET_LENGTH))
        start = max(0, first - self.LEAD)
        return self.mark(_crop(best, start, self.SNIPPET_LENGTH))


_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|\n+")
_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+|\*\*|__", re.MULTILINE)


def _clean(text):
    """Plain text of a Markdown body, whitespace collapsed."""
    return " ".join(_MARKUP.sub("", text).split())


def _passages(text):
    if not text:
        return
    for part in _SENTENCE_END.split(_MARKUP.sub("", text)):
        part = " ".join(part.split())
        if part:
            yield part


def _crop(text, start, length):
    piece = text[start : start + length]
    if start > 0:
        piece = "…" + piece
    if start + length < len(text):
        piece += "…"
    return piece

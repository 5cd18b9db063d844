"""Words of a search: cleaning and splitting the query, folding case and accents, matching a word with one
typo, and highlighting matched words in escaped text. Shared by the guide and FAQ searches (see `portal.search`)."""

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from django.db.models import Model
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from portal.models import GuideDocument, GuideFaq, GuideStep

MAX_QUERY_LENGTH = 200
MAX_TOKENS = 8
MIN_TOKEN_LENGTH = 2
FUZZY_MIN_LENGTH = 5
TRIGRAM_THRESHOLD = 0.6  # not below pg_trgm.word_similarity_threshold (0.6), which the <% pre-filter uses
SNIPPET_LENGTH = 220  # characters of context shown around the first matched word

WEIGHT_TITLE = 10.0
WEIGHT_SUMMARY = 4.0
WEIGHT_BODY = 1.0
FUZZY_FACTOR = 0.6  # a typo-tolerant match counts this much of an exact one

SOURCE_LANGUAGE = "pl"

# The parts of a guide that are searched, with their translated text fields.
PARTS: tuple[tuple[str, type[Model], tuple[str, ...]], ...] = (
    ("steps", GuideStep, ("title", "body")),
    ("documents", GuideDocument, ("name", "notes")),
    ("faqs", GuideFaq, ("question", "answer")),
)

_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Letters that Unicode does not decompose into a base letter and an accent.
_FOLD_EXTRA = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


# --- The query ---------------------------------------------------------------------------------------------


def query_clean(raw: str) -> tuple[str, bool]:
    """The query as searched and shown back: one line, at most MAX_QUERY_LENGTH characters; and whether it was cut."""
    query = " ".join(_CONTROL.sub(" ", raw or "").split())
    if len(query) > MAX_QUERY_LENGTH:
        return query[:MAX_QUERY_LENGTH].rstrip(), True
    return query, False


def fold(text: str) -> str:
    """Lower case without accents, so that "Pobytó", "pobyto" and "POBYTO" are one word (also й → и, ё → е)."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD_EXTRA))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """fold() for the words of the guides, which repeat from request to request."""
    return fold(word)


def query_tokens(query: str) -> tuple[str, ...]:
    """The words that are searched for, lower-cased but with their accents (each database folds them itself)."""
    tokens: list[str] = []
    for word in _WORD.findall(query.lower()):
        if len(word) >= MIN_TOKEN_LENGTH and word not in tokens:
            tokens.append(word)
    return tuple(tokens[:MAX_TOKENS])


def _within_one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with at most one letter added, removed, changed, or two neighbours swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        return a[i + 1 :] == b[i + 1 :] or swapped
    if len(a) > len(b):
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


@functools.lru_cache(maxsize=1 << 17)
def _strength(token: str, word: str) -> float:
    """How strongly folded query word `token` matches folded text word `word` (see _Matcher).

    Kept across requests: the words of the guides and the words people search for both repeat, and a search
    compares every query word with every word of the matching guides to highlight them.
    """
    if word.startswith(token):
        return 1.0
    if len(token) < FUZZY_MIN_LENGTH:
        return 0.0
    # One edit keeps the first or the second letter in place, or swaps or shifts them by one: most words of the
    # guides share neither of the token's first two letters with their own first two and are rejected here.
    if not word or (word[:1] not in token[:2] and word[1:2] not in token[:2]):
        return 0.0
    if _within_one_edit(token, word) or _within_one_edit(token, word[: len(token)]):
        return FUZZY_FACTOR
    return 0.0


class _Matcher:
    """How strongly folded query words match folded text words: 1 exact or prefix, FUZZY_FACTOR one typo, 0 none."""

    def __init__(self, tokens: tuple[str, ...]):
        self.tokens = tokens
        self._hits: dict[str, frozenset[str]] = {}

    def strength(self, token: str, word: str) -> float:
        return _strength(token, word)

    def best(self, token: str, words: Iterable[str]) -> float:
        best = 0.0
        for word in words:
            best = max(best, self.strength(token, word))
            if best == 1.0:
                break
        return best

    def hits(self, word: str) -> frozenset[str]:
        """The query words that `word` (folded) matches."""
        if word not in self._hits:
            self._hits[word] = frozenset(token for token in self.tokens if self.strength(token, word))
        return self._hits[word]


def _words(texts: Iterable[str]) -> set[str]:
    return {_fold_word(word) for text in texts for word in _WORD.findall(text or "")}


def _field_texts(item: Model, name: str, language: str) -> list[str]:
    return [getattr(item, f"{name}_{code}", "") or "" for code in dict.fromkeys((language, SOURCE_LANGUAGE))]


# --- Highlighting and snippets ---------------------------------------------------------------------------------


def _pieces(text: str, matcher: _Matcher, start: int = 0, end: int | None = None) -> Iterator[tuple[str, bool]]:
    """`text[start:end]` as (piece, matched) pairs, word by word."""
    end = len(text) if end is None else end
    position = start
    for word in _WORD.finditer(text, start, end):
        if matcher.hits(_fold_word(word.group())):
            yield text[position : word.start()], False
            yield word.group(), True
            position = word.end()
    yield text[position:end], False


def _html(pieces: Iterable[tuple[str, bool]]) -> SafeString:
    """Escaped text with the matched words in <mark>; nothing else becomes markup."""
    return format_html_join(
        "", "{}", ((format_html("<mark>{}</mark>", piece) if hit else escape(piece),) for piece, hit in pieces)
    )


def _snippet(text: str, matcher: _Matcher) -> SafeString:
    first = next(word for word in _WORD.finditer(text) if matcher.hits(_fold_word(word.group())))
    start = max(0, first.start() - SNIPPET_LENGTH // 4)
    if start:  # begin at a word boundary
        boundary = text.rfind(" ", 0, start)
        start = boundary + 1 if boundary >= 0 and start - boundary < 20 else start
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        boundary = text.rfind(" ", start, end)
        end = boundary if boundary > first.end() else end
    pieces = [
        ("… " if start else "", False),
        *_pieces(text, matcher, start, end),
        (" …" if end < len(text) else "", False),
    ]
    return _html(pieces)

"""Search over the published guides, in the reader's language and in Polish.

What a reader may find: only published guides (`selectors.guides_published()`), matched on their title, summary,
steps, required documents and questions-and-answers. Each guide is searched in the language of the page *and* in
Polish, the source text: officials' words such as "karta pobytu" are what migrants see on their letters and type
in Latin letters whatever version of the site they read, so "karta pobytu" on /uk/search/ finds the residence-card
guides through their Polish text. (Transliterating Latin queries into Cyrillic was considered and left out: the
Polish text already answers the Latin query, and a guessed transliteration mostly adds noise.)

How words match, the same on both databases:
- the query is cut to `MAX_QUERY_LENGTH` characters, split into words (letters and digits), words of one letter
  are dropped and at most `MAX_TOKENS` words are used;
- a word matches a word of the text that starts with it ("pobyt" finds "pobytu": Polish inflects), ignoring case
  and accents ("zezwolenie" finds "zezwolenié", "pobytó" is "pobyto");
- words of `FUZZY_MIN_LENGTH` letters or more also match with one typo (PostgreSQL: trigram word similarity of at
  least `TRIGRAM_THRESHOLD`; SQLite: one edit, a swap of two neighbouring letters counting as one edit).

How guides are ranked: each query word scores where it matches best, title (10) above summary (4) above the steps,
documents and FAQ (1); a typo-tolerant match counts a little less than an exact one. Guides that contain every
word come first; when no guide contains them all, the guides containing the most of them are shown, and the page
says so (`SearchOutcome.partial`). Ties keep the reading order of the guide list.

Why the work is split the way it is: there are tens of published guides, not thousands, so nothing is indexed in
advance (no search column to keep up to date on every edit).
- PostgreSQL: one query ranks every published guide: per guide, the texts of its steps, documents and FAQ in the
  two languages are aggregated with `StringAgg` subqueries, folded with `unaccent`, and each query word is tested
  with full-text search (`SearchVector`/`SearchQuery` with the "simple" configuration, since PostgreSQL ships no
  Polish or Ukrainian dictionary, and a prefix query `word:*`) or, for typos, with `TrigramWordSimilarity`;
  `SearchRank` breaks ties. The extensions come from migration 0005_search_extensions.
- SQLite (development and tests): the published guides and their parts are loaded (four queries) and scored in
  Python with the same rules.
Then the parts of the matching guides are loaded in three more queries (`prefetch_related_objects`) to cut the
snippet. The number of queries is therefore fixed (at most 4 on either database, plus a savepoint on PostgreSQL)
whatever the number of guides.

Snippets and highlighting are built here, from escaped text and `format_html` only: the query and the guide texts
are escaped, and only the `<mark>` elements this module writes are markup. The query is never logged.
"""

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import (
    Case,
    F,
    FloatField,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.expressions import Func
from django.db.models.functions import Coalesce, Concat
from django.db.models.lookups import GreaterThan
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from portal.models import Guide, GuideDocument, GuideFaq, GuideStep
from portal.selectors import guides_published

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_TOKENS = 8
MIN_TOKEN_LENGTH = 2
FUZZY_MIN_LENGTH = 5
TRIGRAM_THRESHOLD = 0.6
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


def query_tokens(query: str) -> tuple[str, ...]:
    """The words that are searched for, lower-cased but with their accents (each database folds them itself)."""
    tokens: list[str] = []
    for word in _WORD.findall(query.lower()):
        if len(word) >= MIN_TOKEN_LENGTH and word not in tokens:
            tokens.append(word)
    return tuple(tokens[:MAX_TOKENS])


# --- Results -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchResult:
    guide: Guide
    title: SafeString  # in the page's language, matched words in <mark>
    summary: SafeString
    snippet: SafeString  # a passage of a step, document or FAQ (or of the Polish text) with the match; may be ""
    snippet_language: str  # the language of the snippet when it differs from the page's, else ""


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    tokens: tuple[str, ...]
    results: list[SearchResult] = field(default_factory=list)
    partial: bool = False  # no guide contains every word; these contain the most of them


@dataclass
class _Scored:
    guide: Guide
    matched: int  # how many query words the guide contains
    score: float


def guides_search(*, query: str, language: str) -> SearchOutcome:
    """Published guides matching `query` (already cleaned), best first, with highlighted title, summary and snippet."""
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        language = SOURCE_LANGUAGE
    tokens = query_tokens(query)
    if not tokens:
        return SearchOutcome(query=query, tokens=tokens)
    scored = _score_postgresql(tokens, language) if connection.vendor == "postgresql" else None
    if scored is None:
        scored = _score_python(tokens, language)
    scored = [item for item in scored if item.matched]
    if not scored:
        return SearchOutcome(query=query, tokens=tokens)
    best = max(item.matched for item in scored)
    scored = [item for item in scored if item.matched == best]  # stable: keeps the rank order
    guides = [item.guide for item in scored]
    prefetch_related_objects(guides, *(name for name, _model, _fields in PARTS))
    folded = tuple(fold(token) for token in tokens)
    return SearchOutcome(
        query=query,
        tokens=tokens,
        results=[_result(guide, folded, language) for guide in guides],
        partial=best < len(tokens),
    )


# --- PostgreSQL: full-text search and trigrams ---------------------------------------------------------------


def _score_postgresql(tokens: tuple[str, ...], language: str) -> list[_Scored] | None:
    """Every published guide with its score, ranked, in one query; None if the database refused the query.

    A refusal (e.g. the pg_trgm or unaccent extension missing on a hand-built database) must not cost the reader
    the page: the caller then scores in Python. Only the kind of error is logged, never the query.
    """
    try:
        with transaction.atomic():
            guides = list(_ranked_postgresql(tokens, language))
    except DatabaseError as exc:
        logger.warning("Search: the full-text query failed (%s); answered with the simple search", type(exc).__name__)
        return None
    return [_Scored(guide, guide.search_matched, guide.search_score) for guide in guides]


class Unaccent(Func):
    function = "unaccent"
    output_field = TextField()


def _texts(fields: Iterable[str], language: str) -> Concat | Value:
    """The fields in the page's language and in Polish, as one text (NULLs as empty)."""
    columns = []
    for name in fields:
        for code in dict.fromkeys((language, SOURCE_LANGUAGE)):
            columns += [Coalesce(F(f"{name}_{code}"), Value("")), Value(" ")]
    return Concat(*columns, output_field=TextField())


def _parts_text(model: type[Model], fields: tuple[str, ...], language: str) -> Coalesce:
    from django.contrib.postgres.aggregates import StringAgg

    aggregated = (
        model.objects.filter(guide=OuterRef("pk"))
        .order_by()
        .values("guide")
        .annotate(text=StringAgg(_texts(fields, language), delimiter=" "))
        .values("text")
    )
    return Coalesce(Subquery(aggregated, output_field=TextField()), Value(""))


def _ranked_postgresql(tokens: tuple[str, ...], language: str) -> QuerySet[Guide]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity

    body = Concat(*(_parts_text(model, fields, language) for _name, model, fields in PARTS), output_field=TextField())
    sections = (
        ("title", _texts(("title",), language), "A", WEIGHT_TITLE),
        ("summary", _texts(("summary",), language), "B", WEIGHT_SUMMARY),
        ("body", body, "C", WEIGHT_BODY),
    )
    queryset = guides_published()
    for name, text, weight, _score in sections:
        queryset = queryset.alias(
            **{
                f"search_{name}_text": Unaccent(text),
                f"search_{name}_vector": SearchVector(Unaccent(text), config="simple", weight=weight),
            }
        )

    word_queries = []
    word_scores = []
    for index, token in enumerate(tokens):
        # A prefix query on the unaccented word; tokens are letters and digits only, so the tsquery is well formed.
        word_query = SearchQuery(Concat(Unaccent(Value(token)), Value(":*")), config="simple", search_type="raw")
        word_queries.append(word_query)
        conditions = []
        for name, _text, _weight, score in sections:
            conditions.append((score, Q(**{f"search_{name}_vector": word_query})))
            if len(token) >= FUZZY_MIN_LENGTH:
                similarity = f"search_{index}_{name}_similarity"
                queryset = queryset.alias(
                    **{similarity: TrigramWordSimilarity(Unaccent(Value(token)), f"search_{name}_text")}
                )
                conditions.append((score * FUZZY_FACTOR, Q(**{f"{similarity}__gte": TRIGRAM_THRESHOLD})))
        # Case takes the first branch that holds: the word scores where it matches best.
        conditions.sort(key=lambda condition: -condition[0])
        whens = [When(condition, then=Value(score)) for score, condition in conditions]
        word_scores.append(Case(*whens, default=Value(0.0), output_field=FloatField()))

    any_word = word_queries[0]
    for word_query in word_queries[1:]:
        any_word = any_word | word_query
    vector = F("search_title_vector") + F("search_summary_vector") + F("search_body_vector")
    matched = [
        Case(When(GreaterThan(score, 0), then=Value(1)), default=Value(0), output_field=IntegerField())
        for score in word_scores
    ]
    return queryset.annotate(
        search_score=sum(word_scores[1:], word_scores[0]),
        search_matched=sum(matched[1:], matched[0]),
        search_rank=SearchRank(vector, any_word),
    ).order_by("-search_matched", "-search_score", "-search_rank", "category__order", "order", "slug")


# --- SQLite and fallback: the same rules in Python ------------------------------------------------------------


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


class _Matcher:
    """How strongly folded query words match folded text words: 1 exact or prefix, FUZZY_FACTOR one typo, 0 none."""

    def __init__(self, tokens: tuple[str, ...]):
        self.tokens = tokens
        self._memo: dict[tuple[str, str], float] = {}

    def strength(self, token: str, word: str) -> float:
        key = (token, word)
        if key not in self._memo:
            if word.startswith(token):
                value = 1.0
            elif len(token) >= FUZZY_MIN_LENGTH and (
                _within_one_edit(token, word) or _within_one_edit(token, word[: len(token)])
            ):
                value = FUZZY_FACTOR
            else:
                value = 0.0
            self._memo[key] = value
        return self._memo[key]

    def best(self, token: str, words: Iterable[str]) -> float:
        best = 0.0
        for word in words:
            best = max(best, self.strength(token, word))
            if best == 1.0:
                break
        return best

    def hits(self, word: str) -> set[str]:
        return {token for token in self.tokens if self.strength(token, word)}


def _words(texts: Iterable[str]) -> set[str]:
    return {fold(word) for text in texts for word in _WORD.findall(text or "")}


def _field_texts(item: Model, name: str, language: str) -> list[str]:
    return [getattr(item, f"{name}_{code}", "") or "" for code in dict.fromkeys((language, SOURCE_LANGUAGE))]


def _score_python(tokens: tuple[str, ...], language: str) -> list[_Scored]:
    guides = list(guides_published().prefetch_related(*(name for name, _model, _fields in PARTS)))
    folded = tuple(fold(token) for token in tokens)
    matcher = _Matcher(folded)
    scored = []
    for position, guide in enumerate(guides):
        body = []
        for name, _model, fields in PARTS:
            for part in getattr(guide, name).all():
                body += [text for field_name in fields for text in _field_texts(part, field_name, language)]
        sections = (
            (_words(_field_texts(guide, "title", language)), WEIGHT_TITLE),
            (_words(_field_texts(guide, "summary", language)), WEIGHT_SUMMARY),
            (_words(body), WEIGHT_BODY),
        )
        token_scores = [max(weight * matcher.best(token, words) for words, weight in sections) for token in folded]
        matched = sum(1 for score in token_scores if score)
        scored.append((-matched, -sum(token_scores), position, _Scored(guide, matched, sum(token_scores))))
    scored.sort(key=lambda row: row[:3])
    return [row[3] for row in scored]


# --- Highlighting and snippets ---------------------------------------------------------------------------------


def _pieces(text: str, matcher: _Matcher, start: int = 0, end: int | None = None) -> Iterator[tuple[str, bool]]:
    """`text[start:end]` as (piece, matched) pairs, word by word."""
    end = len(text) if end is None else end
    position = start
    for word in _WORD.finditer(text, start, end):
        if matcher.hits(fold(word.group())):
            yield text[position : word.start()], False
            yield word.group(), True
            position = word.end()
    yield text[position:end], False


def _html(pieces: Iterable[tuple[str, bool]]) -> SafeString:
    """Escaped text with the matched words in <mark>; nothing else becomes markup."""
    return format_html_join(
        "", "{}", ((format_html("<mark>{}</mark>", piece) if hit else escape(piece),) for piece, hit in pieces)
    )


def highlight(text: str, tokens: tuple[str, ...]) -> SafeString:
    """The whole `text`, escaped, with the words matching the (folded) tokens in <mark>."""
    return _html(_pieces(text or "", _Matcher(tokens)))


def _snippet(text: str, matcher: _Matcher) -> SafeString:
    first = next(word for word in _WORD.finditer(text) if matcher.hits(fold(word.group())))
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


def _result(guide: Guide, tokens: tuple[str, ...], language: str) -> SearchResult:
    matcher = _Matcher(tokens)
    # Where a snippet may come from, in order of preference: the parts in the page's language (Polish where not
    # translated), then the Polish title, summary and parts, which explain a match found only in Polish.
    candidates: list[tuple[str, str]] = []
    for code in dict.fromkeys((language, SOURCE_LANGUAGE)):
        if code != language:
            candidates += [(getattr(guide, f"{name}_{code}") or "", code) for name in ("title", "summary")]
        for name, _model, fields in PARTS:
            for part in getattr(guide, name).all():
                for field_name in fields:
                    own = getattr(part, f"{field_name}_{code}") or ""
                    if own or code == SOURCE_LANGUAGE:
                        candidates.append((own, code))
                    else:
                        candidates.append((getattr(part, f"{field_name}_{SOURCE_LANGUAGE}") or "", SOURCE_LANGUAGE))
    best_text, best_language, best_hits = "", "", 0
    for text, code in candidates:
        hits = len(set().union(*(matcher.hits(fold(word)) for word in _WORD.findall(text))))
        if hits > best_hits:
            best_text, best_language, best_hits = text, code, hits
    return SearchResult(
        guide=guide,
        title=highlight(guide.title, tokens),
        summary=highlight(guide.summary, tokens),
        snippet=_snippet(best_text, matcher) if best_hits else SafeString(""),
        snippet_language=best_language if best_hits and best_language != language else "",
    )

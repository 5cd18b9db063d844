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
  and accents ("waznosc" finds "ważność", "ІМ'Я" finds "ім'я");
- words of `FUZZY_MIN_LENGTH` letters or more also match with one typo (PostgreSQL: trigram word similarity of at
  least `TRIGRAM_THRESHOLD` to a word of the guides; SQLite: one edit, a swap of neighbouring letters counting as
  one), so "pobytó" finds "pobytu" and "zezwolenei" finds "zezwolenie".

How guides are ranked: each query word scores where it matches best, title (10) above summary (4) above the steps,
documents and FAQ (1); a typo-tolerant match counts a little less than an exact one. Guides that contain every
word come first; when no guide contains them all, the guides containing the most of them are shown, and the page
says so (`SearchOutcome.partial`). Ties keep the reading order of the guide list.

Why the work is split the way it is: there are tens of published guides, not thousands, and their text changes
whenever an editor saves, so nothing is indexed in advance (no search column or trigger to keep up to date) and
everything is computed per request over the published set, in a fixed number of queries:
- PostgreSQL: one statement (`_RANK_SQL`) builds, per published guide, the text of its title, its summary and its
  parts (steps, documents, FAQ; `string_agg` subqueries) in the page's language and in Polish, folded with
  `unaccent`, as weighted `tsvector`s of the "simple" configuration (PostgreSQL ships no Polish or Ukrainian
  dictionary); each query word becomes a prefix `tsquery` (`word:*`), and for typos the words of the published
  guides whose trigram word similarity to it (pg_trgm `<%` / `word_similarity`) reaches `TRIGRAM_THRESHOLD` count as
  that word; `ts_rank` breaks ties. It is SQL written out rather than `SearchVector`/`TrigramWordSimilarity`
  annotations because Django inlines an annotation at every use, so each guide's text would be aggregated and parsed
  again for every query word and section (measured: ~40 ms per guide and word); in the CTEs it is done once.
  The guides themselves are then read through `guides_published()` (one query), so the rule of what the public may
  see stays in one place (the statement also filters on that selector's SQL). Extensions: migration
  0005_search_extensions. Any database error falls back to the Python scoring below, logged without the query.
- SQLite (development and tests): the published guides and their parts are loaded (four queries) and scored in
  Python with the same rules (edit distance instead of trigrams).
Frequently asked questions (`faq_search`) are searched too, with the same word rules, in Python on both databases
(one query: tens of short entries); the search page lists the matching ones under the guides.
The snippets are cut from the parts of the matching guides (on PostgreSQL loaded then, in three queries).
Queries per search: 4 on SQLite, 5 on PostgreSQL (plus a savepoint and its release when already inside a
transaction, as in tests), whatever the number of guides; none for an empty query. Measured with the ten demo
guides: 25-65 ms on either database, most of it parsing the guides' text, which grows with the content.

Snippets and highlighting are built here, from escaped text and `format_html` only: the query and the guide texts
are escaped, and only the `<mark>` elements this module writes are markup. The query is never logged.
"""

import contextlib
import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Model, prefetch_related_objects
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from portal.models import FaqEntry, Guide, GuideDocument, GuideFaq, GuideStep
from portal.selectors import faq_published, guides_published

logger = logging.getLogger(__name__)

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
    matcher = _Matcher(tuple(fold(token) for token in tokens))
    return SearchOutcome(
        query=query,
        tokens=tokens,
        results=[_result(guide, matcher, language) for guide in guides],
        partial=best < len(tokens),
    )


# --- PostgreSQL: full-text search and trigrams ---------------------------------------------------------------

# One statement. Each CTE is computed once per request: `document` (referenced three times, so PostgreSQL
# materializes it) holds one weighted tsvector per section and guide; `correction` holds, for each query word long
# enough, the words of the published guides it may be a typo of (trigram word similarity); `hit` says, per guide and
# query word, where the word matches best. Django annotations would recompute a section's text and vector for every
# query word that refers to it (measured: ~40 ms per guide and word), hence SQL written out here.
_RANK_SQL = """
WITH guide AS (
    SELECT g.{id} AS id,
           unaccent(concat_ws(' ', {title})) AS title,
           unaccent(concat_ws(' ', {summary})) AS summary,
           unaccent(concat_ws(' ', {body})) AS body
    FROM {guide_table} AS g
    WHERE g.{id} IN ({published})
), plain AS (
    -- Words only, as the Python side sees them: the parser would otherwise keep "mos.cudzoziemcy.gov.pl" or
    -- "<b>" as one host or tag token and hide the words inside.
    SELECT id,
           regexp_replace(title, '[<>/.@:&=_]+', ' ', 'g') AS title,
           regexp_replace(summary, '[<>/.@:&=_]+', ' ', 'g') AS summary,
           regexp_replace(body, '[<>/.@:&=_]+', ' ', 'g') AS body
    FROM guide
), document AS (
    SELECT id,
           setweight(to_tsvector('simple', title), 'A') AS title_vector,
           setweight(to_tsvector('simple', summary), 'B') AS summary_vector,
           setweight(to_tsvector('simple', body), 'C') AS body_vector
    FROM plain
), word AS (
    SELECT position, unaccent(given) AS token, to_tsquery('simple', quote_literal(unaccent(given)) || ':*') AS prefix
    FROM unnest(%s::text[]) WITH ORDINALITY AS query_word(given, position)
), vocabulary AS (
    SELECT DISTINCT lexeme
    FROM document, unnest(tsvector_to_array(title_vector || summary_vector || body_vector)) AS lexeme
), correction AS (
    SELECT word.position, array_agg(vocabulary.lexeme) AS lexemes
    FROM word JOIN vocabulary
        ON char_length(word.token) >= %s
        -- the word-similarity operator (pg_trgm's threshold, 0.6 by default) is the fast pre-filter
        AND word.token <%% vocabulary.lexeme AND word_similarity(word.token, vocabulary.lexeme) >= %s
    GROUP BY word.position
), hit AS (
    SELECT document.id, word.position,
           CASE
               WHEN title_vector @@ word.prefix THEN %s
               WHEN tsvector_to_array(title_vector) && correction.lexemes THEN %s
               WHEN summary_vector @@ word.prefix THEN %s
               WHEN tsvector_to_array(summary_vector) && correction.lexemes THEN %s
               WHEN body_vector @@ word.prefix THEN %s
               WHEN tsvector_to_array(body_vector) && correction.lexemes THEN %s
               ELSE 0
           END AS score
    FROM document CROSS JOIN word LEFT JOIN correction ON correction.position = word.position
), total AS (
    SELECT id, count(*) FILTER (WHERE score > 0) AS matched, sum(score) AS score
    FROM hit
    GROUP BY id
)
SELECT total.id, total.matched, total.score,
       ts_rank(
           document.title_vector || document.summary_vector || document.body_vector,
           (SELECT to_tsquery('simple', string_agg(quote_literal(token) || ':*', ' | ')) FROM word)
       ) AS rank
FROM total JOIN document ON document.id = total.id
WHERE total.matched > 0
"""


def _score_postgresql(tokens: tuple[str, ...], language: str) -> list[_Scored] | None:
    """The published guides that contain at least one query word, ranked, in two queries; None if refused.

    A refusal (e.g. the pg_trgm or unaccent extension missing on a hand-built database) must not cost the reader
    the page: the caller then scores in Python. Only the kind of error is logged, never the query.
    """
    sql, params = _rank_sql(tokens, language)
    # Inside a transaction a failed statement would poison it: a savepoint keeps the fallback possible.
    guard = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
    try:
        with guard, connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = {guide_id: (matched, float(score), float(rank)) for guide_id, matched, score, rank in cursor}
    except DatabaseError as exc:
        logger.warning("Search: the full-text query failed (%s); answered with the simple search", type(exc).__name__)
        return None
    if not rows:
        return []
    guides = list(guides_published().filter(pk__in=list(rows)))  # in reading order, which breaks the last ties
    ranked = sorted(
        enumerate(guides), key=lambda item: (-rows[item[1].pk][0], -rows[item[1].pk][1], -rows[item[1].pk][2], item[0])
    )
    return [_Scored(guide, rows[guide.pk][0], rows[guide.pk][1]) for _position, guide in ranked]


def _column(model: type[Model], name: str) -> str:
    """The database column of a model field (only names from the models ever go into the SQL text)."""
    column = getattr(model._meta.get_field(name), "column", None)
    if not isinstance(column, str):
        raise ValueError(f"{model.__name__}.{name} has no column of its own.")
    return column


def _rank_sql(tokens: tuple[str, ...], language: str) -> tuple[str, list]:
    """_RANK_SQL for `language`: table and column names come from the models, values are parameters."""
    quote = connection.ops.quote_name
    codes = tuple(dict.fromkeys((language, SOURCE_LANGUAGE)))
    guide_id = quote(_column(Guide, "id"))

    def columns(model: type[Model], fields: Iterable[str], alias: str) -> str:
        return ", ".join(
            f"{alias}.{quote(_column(model, f'{name}_{code}'))}" for name in fields for code in codes
        )

    def part_text(model: type[Model], fields: Iterable[str]) -> str:
        table, foreign_key = quote(model._meta.db_table), quote(_column(model, "guide"))
        texts = columns(model, fields, "p")
        # Only quoted names from the models go into the text; every value is a parameter.
        aggregate = f"SELECT string_agg(concat_ws(' ', {texts}), ' ') FROM {table} AS p"  # noqa: S608
        return f"({aggregate} WHERE p.{foreign_key} = g.{guide_id})"

    published_sql, published_params = guides_published().order_by().values("pk").query.sql_with_params()
    sql = _RANK_SQL.format(
        id=guide_id,
        title=columns(Guide, ("title",), "g"),
        summary=columns(Guide, ("summary",), "g"),
        body=", ".join(part_text(model, fields) for _name, model, fields in PARTS),
        guide_table=quote(Guide._meta.db_table),
        published=published_sql,
    )
    weights = (WEIGHT_TITLE, WEIGHT_SUMMARY, WEIGHT_BODY)
    scores = [score for weight in weights for score in (weight, weight * FUZZY_FACTOR)]
    params = [*published_params, list(tokens), FUZZY_MIN_LENGTH, TRIGRAM_THRESHOLD, *scores]
    return sql, params


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
        self._hits: dict[str, frozenset[str]] = {}

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

    def hits(self, word: str) -> frozenset[str]:
        """The query words that `word` (folded) matches."""
        if word not in self._hits:
            self._hits[word] = frozenset(token for token in self.tokens if self.strength(token, word))
        return self._hits[word]


def _words(texts: Iterable[str]) -> set[str]:
    return {_fold_word(word) for text in texts for word in _WORD.findall(text or "")}


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


def _result(guide: Guide, matcher: _Matcher, language: str) -> SearchResult:
    """The guide as a result: its title and summary in the reader's language, and the passage that best explains
    why it matched: preferably in the reader's language; in Polish only when the Polish text holds query words
    that the title and summary do not show (e.g. "karta pobytu" on the Ukrainian page)."""

    def hits(text: str) -> frozenset[str]:
        return frozenset().union(*(matcher.hits(_fold_word(word)) for word in _WORD.findall(text)))

    shown = hits(guide.title) | hits(guide.summary)
    candidates: list[tuple[str, str]] = []  # (text, its language), in order of preference
    for code in dict.fromkeys((language, SOURCE_LANGUAGE)):
        if code != language:
            candidates += [(getattr(guide, f"{name}_{code}") or "", code) for name in ("title", "summary")]
        for name, _model, fields in PARTS:
            for part in getattr(guide, name).all():
                for field_name in fields:
                    own = getattr(part, f"{field_name}_{code}") or ""
                    source = getattr(part, f"{field_name}_{SOURCE_LANGUAGE}") or ""
                    candidates.append((own, code) if own else (source, SOURCE_LANGUAGE))
    best_text, best_language, best_key = "", "", (0, 0)
    for text, code in candidates:
        found = hits(text or "")
        key = (len(found - shown), len(found))
        if found and (code == language or key[0]) and key > best_key:
            best_text, best_language, best_key = text, code, key
    return SearchResult(
        guide=guide,
        title=_html(_pieces(guide.title, matcher)),
        summary=_html(_pieces(guide.summary, matcher)),
        snippet=_snippet(best_text, matcher) if best_text else SafeString(""),
        snippet_language=best_language if best_text and best_language != language else "",
    )


# --- Frequently asked questions ---------------------------------------------------------------------------------

MAX_FAQ_RESULTS = 5


@dataclass(frozen=True)
class FaqResult:
    entry: FaqEntry
    question: SafeString  # in the page's language, matched words in <mark>
    snippet: SafeString  # the passage of the answer with the match; may be ""
    snippet_language: str  # "pl" when the passage is the Polish text on another language's page, else ""


def faq_search(*, query: str, language: str) -> list[FaqResult]:
    """Published FAQ entries matching `query`, by the same word rules as the guides (prefix, accents, one typo; the
    reader's language and Polish), the question weighing more than the answer; only the entries containing the most
    query words, best first, at most MAX_FAQ_RESULTS. One query on either database: there are tens of entries."""
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        language = SOURCE_LANGUAGE
    tokens = query_tokens(query)
    if not tokens:
        return []
    matcher = _Matcher(tuple(fold(token) for token in tokens))
    scored = []
    for position, entry in enumerate(faq_published()):
        sections = (
            (_words(_field_texts(entry, "question", language)), WEIGHT_TITLE),
            (_words(_field_texts(entry, "answer", language)), WEIGHT_BODY),
        )
        token_scores = [
            max(weight * matcher.best(token, words) for words, weight in sections) for token in matcher.tokens
        ]
        matched = sum(1 for score in token_scores if score)
        if matched:
            scored.append((-matched, -sum(token_scores), position, entry))
    if not scored:
        return []
    scored.sort(key=lambda row: row[:3])
    best = scored[0][0]
    return [_faq_result(row[3], matcher, language) for row in scored if row[0] == best][:MAX_FAQ_RESULTS]


def _faq_result(entry: FaqEntry, matcher: _Matcher, language: str) -> FaqResult:
    def has_hit(text: str) -> bool:
        return any(matcher.hits(_fold_word(word)) for word in _WORD.findall(text or ""))

    snippet, snippet_language = SafeString(""), ""
    own_answer = getattr(entry, f"answer_{language}", "") or entry.answer_pl
    if has_hit(own_answer):
        snippet = _snippet(own_answer, matcher)
    elif language != SOURCE_LANGUAGE and has_hit(entry.answer_pl):
        snippet, snippet_language = _snippet(entry.answer_pl, matcher), SOURCE_LANGUAGE
    return FaqResult(
        entry=entry,
        question=_html(_pieces(entry.question, matcher)),
        snippet=snippet,
        snippet_language=snippet_language,
    )

"""Ranking the published guides for the query words: one SQL statement on PostgreSQL (full-text search and
trigrams), the same rules in Python elsewhere or when that statement fails (see `portal.search`)."""

import contextlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import DatabaseError, connection, transaction
from django.db.models import Model

from portal.models import Guide
from portal.search.words import (
    FUZZY_FACTOR,
    FUZZY_MIN_LENGTH,
    PARTS,
    SOURCE_LANGUAGE,
    TRIGRAM_THRESHOLD,
    WEIGHT_BODY,
    WEIGHT_SUMMARY,
    WEIGHT_TITLE,
    _field_texts,
    _Matcher,
    _words,
    fold,
)
from portal.selectors import guides_published

logger = logging.getLogger(__name__)

@dataclass
class _Scored:
    guide: Guide
    matched: int  # how many query words the guide contains
    score: float

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

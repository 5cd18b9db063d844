"""The search over frequently asked questions, with the same word rules as the guides (see `portal.search`)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.safestring import SafeString

from portal.models import FaqEntry
from portal.search.words import (
    _WORD,
    SOURCE_LANGUAGE,
    WEIGHT_BODY,
    WEIGHT_TITLE,
    _field_texts,
    _fold_word,
    _html,
    _Matcher,
    _pieces,
    _snippet,
    _words,
    fold,
    query_tokens,
)
from portal.selectors import faq_published

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

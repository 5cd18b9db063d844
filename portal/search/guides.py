"""The guide search: published guides matching a query, best first, with highlighted title, summary and
snippet (see `portal.search` for the rules)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import prefetch_related_objects
from django.utils.safestring import SafeString

from portal.models import Guide
from portal.search.ranking import _score_postgresql, _score_python
from portal.search.words import (
    _WORD,
    PARTS,
    SOURCE_LANGUAGE,
    _fold_word,
    _html,
    _Matcher,
    _pieces,
    _snippet,
    fold,
    query_tokens,
)

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

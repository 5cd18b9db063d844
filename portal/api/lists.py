"""Pages of a list and the language of an answer, the same for every endpoint of the API."""

import hashlib
from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import translation
from ninja import Schema

from portal.text import content_version

# Answers built from published content are kept this long, under a key that carries the content version: any
# change of published content (or a notice's publication time coming) gives new keys, as for the page cache.
ANSWER_CACHE_SECONDS = 60 * 60

Language = Literal["pl", "en", "uk", "ru"]
T = TypeVar("T")


class Page(Schema):
    count: int
    page: int
    page_size: int
    next_page: int | None


def page_of(
    items: QuerySet[Any] | Sequence[Any], *, page: int, page_size: int, row: Callable[[Any], dict[str, Any]]
) -> dict[str, Any]:
    """One page of `items` as `{count, page, page_size, next_page, results}`: a count and one slice (two queries
    plus the slice's prefetches, whatever the page). A page past the end is empty, not an error."""
    page_size = max(1, min(page_size, settings.API_MAX_PAGE_SIZE))
    count = items.count() if isinstance(items, QuerySet) else len(items)
    start = (page - 1) * page_size
    results = [row(item) for item in items[start : start + page_size]] if start < count else []
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next_page": page + 1 if start + page_size < count else None,
        "results": results,
    }


def answer_language(lang: str | None) -> str:
    """`?lang=` when given (checked by the schema), else the language LocaleMiddleware took from Accept-Language."""
    return lang or translation.get_language() or settings.LANGUAGE_CODE


def in_language(language: str, response: HttpResponse, build: Callable[[], T]) -> T:
    """Build the answer with translated fields in `language`, and say which language it is in."""
    response["Content-Language"] = language
    with translation.override(language):
        return build()


def cached_answer(kind: str, language: str, params: Any, response: HttpResponse, build: Callable[[], T]) -> T:
    """`build()` in `language`, or the same answer from the cache: `kind` and `params` (the query) pick it."""
    # The query's repr holds spaces and quotes, which some cache backends refuse in keys: it goes in as a digest.
    query = hashlib.blake2b(repr(params).encode(), digest_size=16).hexdigest()
    key = f"api:{kind}:{language}:{content_version()}:{query}"
    response["Content-Language"] = language
    answer = cache.get(key)
    if answer is None:
        with translation.override(language):
            answer = build()
        cache.set(key, answer, ANSWER_CACHE_SECONDS)
    return answer

"""The public search over the guides: a plain GET form, with live results through htmx where JavaScript runs.

Matching and ranking live in portal.search; this view only reads `q`, asks for the results and picks the page or,
for htmx, the results fragment. The query is never logged.
"""

import dataclasses
import hashlib

from django.core.cache import cache
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, gettext, ngettext
from django.views.decorators.http import require_safe

from portal.page_views import search_empty_count
from portal.search import (
    MAX_QUERY_LENGTH,
    SearchOutcome,
    faq_search,
    forms_search,
    guides_search,
    law_search,
    query_clean,
)
from portal.text import content_version

SEARCH_CACHE_SECONDS = 60 * 30

# Shown on the empty and the "no results" page: official Polish terms, which find guides in every language version.
EXAMPLE_QUERIES = ("karta pobytu", "zezwolenie na pobyt czasowy", "pobyt stały")


@require_safe
def search(request):
    query, truncated = query_clean(request.GET.get("q", ""))
    outcome = _search_cached(query, get_language()) if query else SearchOutcome(query="", tokens=())
    faq_results = _faq_search_cached(query, get_language()) if query else []
    form_results = _forms_search_cached(query, get_language()) if query else []
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    context = {
        "query": query,
        "truncated": truncated,
        "max_length": MAX_QUERY_LENGTH,
        "outcome": outcome,
        "faq_results": faq_results,
        "form_results": form_results,
        "law_results": law_search(query=query, language=get_language()) if query else [],
        "status_message": _status_message(query, outcome, faq_results),
        "example_queries": EXAMPLE_QUERIES,
        "fragment": fragment,
    }
    if query and not fragment and not outcome.results and not faq_results:
        # Live results as someone types would count every half-typed word: only a submitted search counts.
        search_empty_count(words=query)
    response = render(request, "portal/_search_results.html" if fragment else "portal/search.html", context)
    patch_vary_headers(response, ["HX-Request"])  # the same address answers a page or a fragment
    return response


def _search_cached(query: str, language: str) -> SearchOutcome:
    """People search for the same few things; results are kept until published content changes.

    The key holds a hash of the query, never the query itself.
    """
    digest = hashlib.sha256(query.casefold().encode()).hexdigest()
    key = f"search:{language}:{content_version()}:{digest}"
    outcome = cache.get(key)
    if outcome is None:
        outcome = guides_search(query=query, language=language)
        cache.set(key, dataclasses.replace(outcome, query=""), SEARCH_CACHE_SECONDS)
    return dataclasses.replace(outcome, query=query)


def _faq_search_cached(query: str, language: str) -> list:
    digest = hashlib.sha256(query.casefold().encode()).hexdigest()
    key = f"search-faq:{language}:{content_version()}:{digest}"
    results = cache.get(key)
    if results is None:
        results = faq_search(query=query, language=language)
        cache.set(key, results, SEARCH_CACHE_SECONDS)
    return results


def _forms_search_cached(query: str, language: str) -> list:
    digest = hashlib.sha256(query.casefold().encode()).hexdigest()
    key = f"search-forms:{language}:{content_version()}:{digest}"
    results = cache.get(key)
    if results is None:
        results = forms_search(query=query, language=language)
        cache.set(key, results, SEARCH_CACHE_SECONDS)
    return results


def _status_message(query: str, outcome: SearchOutcome, faq_results: list) -> str:
    """What a screen reader announces after each search (the element has role="status")."""
    if not query:
        return ""
    count = len(outcome.results)
    message = (
        ngettext("%(count)d guide found.", "%(count)d guides found.", count) % {"count": count}
        if count
        else gettext("No guides found.")
    )
    if faq_results:
        faq_count = len(faq_results)
        message += " " + ngettext(
            "%(count)d question and answer found.", "%(count)d questions and answers found.", faq_count
        ) % {"count": faq_count}
    return message

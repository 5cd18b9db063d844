"""The public search over the guides: a plain GET form, with live results through htmx where JavaScript runs.

Matching and ranking live in portal.search; this view only reads `q`, asks for the results and picks the page or,
for htmx, the results fragment. The query is never logged.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString
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


@dataclass(frozen=True)
class Found:
    """What a search found, rendered: the same for everyone who searches for these words in this language."""

    html: SafeString  # guides (or suggestions), questions and answers, forms, acts
    status_message: str
    guides: bool  # whether any guide matched
    anything: bool  # whether any guide or question and answer matched (otherwise the search is counted as empty)


@require_safe
def search(request):
    query, truncated = query_clean(request.GET.get("q", ""))
    found = _found_cached(query, get_language())
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    context = {
        "query": query,
        "truncated": truncated,
        "max_length": MAX_QUERY_LENGTH,
        "found": found,
        "status_message": found.status_message,
        "fragment": fragment,
    }
    if query and not fragment and not found.anything:
        # Live results as someone types would count every half-typed word: only a submitted search counts.
        search_empty_count(words=query)
    response = render(request, "portal/_search_results.html" if fragment else "portal/search.html", context)
    patch_vary_headers(response, ["HX-Request"])  # the same address answers a page or a fragment
    return response


def _found_cached(query: str, language: str) -> Found:
    """People search for the same few things: the rendered results are kept until published content changes.

    One cache entry per search (not one per kind of result, nor the guides as model instances, whose unpickling
    cost more than the page). The key holds a hash of the query, never the query itself, and neither does the
    entry: the only place that repeats the query verbatim ("No guide matches …") is rendered per request.
    """
    digest = hashlib.sha256(query.casefold().encode()).hexdigest()
    key = f"search-found:{language}:{content_version()}:{digest}"
    found = cache.get(key)
    if found is None:
        found = _found(query, language)
        cache.set(key, found, SEARCH_CACHE_SECONDS)
    return found


def _found(query: str, language: str) -> Found:
    outcome = guides_search(query=query, language=language) if query else SearchOutcome(query="", tokens=())
    faq_results = faq_search(query=query, language=language) if query else []
    context = {
        "searched": bool(query),
        "outcome": outcome,
        "faq_results": faq_results,
        "form_results": forms_search(query=query, language=language) if query else [],
        "law_results": law_search(query=query, language=language) if query else [],
        "example_queries": EXAMPLE_QUERIES,
    }
    return Found(
        html=render_to_string("portal/_search_found.html", context),
        status_message=_status_message(query, outcome, faq_results),
        guides=bool(outcome.results),
        anything=bool(outcome.results or faq_results),
    )


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

"""The acts and regulations (the legal regulations page) in the search, by the same word rules as the guides.

Someone who types "ustawa o cudzoziemcach" or "Kodeks postępowania" wants the official text, not a guide. The
acts are a short list in code (`portal.legal_sources`), so they are matched in Python with no database query: on
their title in the page's language and their full Polish title, every query word having to match.
"""

from portal.legal_sources import ACTS, Act
from portal.search.words import _Matcher, _words, query_tokens

MAX_LAW_RESULTS = 3


def law_search(*, query: str, language: str) -> list[Act]:
    tokens = query_tokens(query)
    if not tokens:
        return []
    matcher = _Matcher(tokens)
    found = []
    for entry in ACTS:
        words = _words([entry.title.get(language, ""), entry.title["pl"], entry.polish_title, entry.journal])
        if all(matcher.best(token, words) for token in tokens):
            found.append(entry)
    return found[:MAX_LAW_RESULTS]

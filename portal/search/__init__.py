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
(one query: tens of short entries); the search page lists the matching ones under the guides, and the application
forms (`forms_search`, one query) under those. The acts of the legal regulations page (`law_search`) are matched
in Python too, with no query: a short list kept in code.
The snippets are cut from the parts of the matching guides (on PostgreSQL loaded then, in three queries).
Queries per search: 4 on SQLite, 5 on PostgreSQL (plus a savepoint and its release when already inside a
transaction, as in tests), whatever the number of guides; none for an empty query. Measured with the ten demo
guides: 25-65 ms on either database, most of it parsing the guides' text, which grows with the content.

Snippets and highlighting are built here, from escaped text and `format_html` only: the query and the guide texts
are escaped, and only the `<mark>` elements this module writes are markup. The query is never logged.

The package is split by concern: `words` (the query, folding, matching, highlighting), `ranking` (PostgreSQL and
Python scoring), `guides` (the guide search and its results) and `faq`; the public names are re-exported here.
"""

from portal.search.faq import MAX_FAQ_RESULTS, FaqResult, faq_search
from portal.search.forms import FormResult, forms_search
from portal.search.guides import SearchOutcome, SearchResult, guides_search
from portal.search.law import MAX_LAW_RESULTS, law_search
from portal.search.ranking import _score_postgresql, _score_python
from portal.search.words import (
    FUZZY_MIN_LENGTH,
    MAX_QUERY_LENGTH,
    MAX_TOKENS,
    MIN_TOKEN_LENGTH,
    SNIPPET_LENGTH,
    SOURCE_LANGUAGE,
    TRIGRAM_THRESHOLD,
    _within_one_edit,
    fold,
    query_clean,
    query_tokens,
)

__all__ = [
    "FUZZY_MIN_LENGTH",
    "MAX_FAQ_RESULTS",
    "MAX_LAW_RESULTS",
    "MAX_QUERY_LENGTH",
    "MAX_TOKENS",
    "MIN_TOKEN_LENGTH",
    "SNIPPET_LENGTH",
    "SOURCE_LANGUAGE",
    "TRIGRAM_THRESHOLD",
    "FaqResult",
    "FormResult",
    "SearchOutcome",
    "SearchResult",
    "_score_postgresql",
    "_score_python",
    "_within_one_edit",
    "faq_search",
    "forms_search",
    "fold",
    "guides_search",
    "law_search",
    "query_clean",
    "query_tokens",
]

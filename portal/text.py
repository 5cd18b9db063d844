"""Plain text from editors to safe HTML: paragraphs, "- " bullet lists, and glossary terms explained in place.

Editors write plain text (no HTML), so nothing they type can break the page or inject markup; structure comes from
blank lines and "- " bullets, and glossary terms are found and explained here.
"""

import itertools
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from portal.cache_versions import bump_versions, current_version
from portal.models import GlossaryTerm

GLOSSARY_CACHE_SECONDS = 60 * 60


def _version_key() -> str:
    # Not the key of the counter this replaced: a worker of the previous code under the same RELEASE would INCR it.
    return f"content-token:{settings.RELEASE}"


def content_version() -> str:
    """Changes whenever published content changes or a new release is deployed; page cache keys include it. The
    token is `portal.cache_versions`'s: random, so a version lost with the cache never comes back as an old one."""
    return f"{settings.RELEASE}.{current_version(_version_key())}"


def content_version_bump() -> None:
    """Move the content version now (callers that write in a transaction call it from `on_commit`)."""
    bump_versions(_version_key())


@dataclass(frozen=True)
class Term:
    slug: str
    text: str  # in the reader's language
    polish: str
    explanation: str


def glossary_terms(language: str) -> list[Term]:
    """Glossary terms in `language`, longest first so "karta pobytu" wins over "karta"; one query, then cached."""
    key = f"glossary-terms:{language}:{content_version()}"
    terms = cache.get(key)
    if terms is None:
        terms = []
        for item in GlossaryTerm.objects.all():
            text = getattr(item, f"term_{language}", "") or item.term_pl
            explanation = getattr(item, f"explanation_{language}", "") or item.explanation_pl
            for variant in {
                part.strip() for part in re.split(r"\s*/\s*|\s*\(", text.rstrip(")")) if len(part.strip()) > 3
            }:
                terms.append(Term(item.slug, variant, item.term_pl, explanation))
        terms.sort(key=lambda term: len(term.text), reverse=True)
        cache.set(key, terms, GLOSSARY_CACHE_SECONDS)
    return terms


@dataclass
class TermMarker:
    """Marks the first occurrence of each glossary term on a page, with ids unique within that page."""

    terms: list[Term]
    glossary_url: str
    seen: set = field(default_factory=set)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    patterns: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Compiled once per page rather than once per paragraph.
        for term in self.terms:
            self.patterns[term] = re.compile(rf"(?<!\w){re.escape(term.text)}(?!\w)", re.IGNORECASE)

    @classmethod
    def for_language(cls, language: str) -> "TermMarker":
        return cls(glossary_terms(language), reverse("glossary"))

    def mark(self, text: str) -> str:
        """`text` as HTML, escaped, with the first occurrence of each term not yet seen on the page explained.

        Terms are found in the raw text, so a term can never match inside an escaped entity such as &quot;.
        """
        spans: list[tuple[int, int, Term]] = []
        for term in self.terms:
            if term.slug in self.seen:
                continue
            for match in self.patterns[term].finditer(text):
                if all(match.end() <= start or match.start() >= end for start, end, _term in spans):
                    spans.append((match.start(), match.end(), term))
                    self.seen.add(term.slug)
                    break
        pieces, position = [], 0
        for start, end, term in sorted(spans, key=lambda span: span[0]):
            pieces.append(str(escape(text[position:start])))
            pieces.append(self._render(text[start:end], term))
            position = end
        pieces.append(str(escape(text[position:])))
        return "".join(pieces)

    def _render(self, matched_text: str, term: Term) -> str:
        tip_id = f"term-{next(self.counter)}"
        return format_html(
            '<span class="term"><a href="{}#{}" aria-describedby="{}">{}</a>'
            '<span class="term-tip" role="tooltip" id="{}"><span lang="pl">{}</span>: {}</span></span>',
            self.glossary_url,
            term.slug,
            tip_id,
            matched_text,
            tip_id,
            term.polish,
            term.explanation,
        )


def plain_text_to_html(text: str, marker: TermMarker | None = None) -> SafeString:
    """Paragraphs from blank lines, lists from "- " lines, line breaks kept; glossary terms marked if asked."""
    blocks = [block for block in re.split(r"\n\s*\n", (text or "").strip()) if block.strip()]
    html = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if all(line.startswith(("- ", "• ")) for line in lines):
            items = "".join(f"<li>{_inline(line[2:], marker)}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append("<p>" + "<br>".join(_inline(line, marker) for line in lines) + "</p>")
    return mark_safe("\n".join(html))  # noqa: S308 (every piece of text was escaped in _inline)


def _inline(text: str, marker: TermMarker | None) -> str:
    return marker.mark(text) if marker else str(escape(text))

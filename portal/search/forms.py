"""The search over application forms, with the same word rules as the guides (see `portal.search`)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.safestring import SafeString

from portal.models import ApplicationForm, ApplicationFormFile
from portal.search.words import (
    SOURCE_LANGUAGE,
    WEIGHT_BODY,
    WEIGHT_TITLE,
    _field_texts,
    _html,
    _Matcher,
    _pieces,
    _words,
    fold,
    query_tokens,
)

MAX_FORM_RESULTS = 5


@dataclass(frozen=True)
class FormResult:
    form: ApplicationForm
    title: SafeString  # in the page's language, matched words in <mark>


def forms_search(*, query: str, language: str) -> list[FormResult]:
    """Published forms with an official file whose title or description (the reader's language and Polish) holds
    the most query words, best first, at most MAX_FORM_RESULTS. One query: there are a handful of forms."""
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        language = SOURCE_LANGUAGE
    tokens = query_tokens(query)
    if not tokens:
        return []
    matcher = _Matcher(tuple(fold(token) for token in tokens))
    forms = (
        ApplicationForm.objects.filter(is_published=True, files__language=ApplicationFormFile.Language.OFFICIAL)
        .distinct()
        .order_by("order", "slug")
    )
    scored = []
    for position, form in enumerate(forms):
        sections = (
            (_words(_field_texts(form, "title", language)), WEIGHT_TITLE),
            (_words(_field_texts(form, "description", language)), WEIGHT_BODY),
        )
        token_scores = [
            max(weight * matcher.best(token, words) for words, weight in sections) for token in matcher.tokens
        ]
        matched = sum(1 for score in token_scores if score)
        if matched:
            scored.append((-matched, -sum(token_scores), position, form))
    if not scored:
        return []
    scored.sort(key=lambda row: row[:3])
    best = scored[0][0]
    return [
        FormResult(form=row[3], title=_html(_pieces(row[3].title, matcher))) for row in scored if row[0] == best
    ][:MAX_FORM_RESULTS]

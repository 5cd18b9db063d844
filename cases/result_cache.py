"""The case result page, rendered once per (case, language, day, versions) and kept in the cache.

Only someone whose browser holds a valid lookup cookie for the case reaches `cached_page` (the same check as before
the cache), and the key is a keyed hash of the case id, so it cannot be derived from outside. The key carries:

- the case's version, a random token replaced after any change to the case or its history (signals on `Case` and
  `StatusEvent`, and the services that change cases with `update()`: edits, retention);
- the catalogue's version, replaced when a status text, a procedure or the processing times change;
- the portal's content version (places, guides, the urgent notices in the banner);
- the day, since the page counts days (days since filing, deadlines).

The versions are `portal.cache_versions` tokens: random, so if Redis loses one, the new one matches no body stored
under the old.
What differs between two visitors of the same case is never cached: the CSRF token (portal.page_cache's placeholder,
replaced on the way out) and the parts other apps draw (the booked visit), rendered on every request.
"""

from dataclasses import dataclass, replace

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from cases.codes import keyed_hash
from cases.models import Case
from cases.selectors import CaseOverview
from portal.cache_versions import bump_versions_on_commit, current_versions
from portal.text import content_version

CASE_VERSION_KEY = "cases:page-version:{case}"
CATALOGUE_VERSION_KEY = "cases:page-version:catalogue"
PAGE_KEY = "cases:page:{case}:{language}:{day}:{case_version}:{catalogue_version}:{content_version}"
# A little longer than a lookup stays open: an entry outlives its readers, not the day it was made for.
PAGE_SECONDS = 60 * 60


@dataclass(frozen=True)
class CachedPage:
    """The rendered page with the CSRF placeholder of `portal.page_cache` and a marker where the other apps' parts
    go. `overview` is what those parts are drawn from (`shown_overview`)."""

    html: str
    parts_marker: str
    overview: CaseOverview


def shown_overview(overview: CaseOverview) -> CaseOverview:
    """The overview without what the page does not show (the contact address, the code's hash, internal notes in
    the history), so that the cache holds nothing more than the page: the other apps' parts are drawn from this."""
    case = overview.case
    shown = Case(
        pk=case.pk,
        number=case.number,
        procedure=case.procedure,
        place=case.place,
        status=case.status,
        filed_on=case.filed_on,
        status_changed_at=case.status_changed_at,
    )
    return replace(overview, case=shown, events=[], current_event=None)


def _case_token(case_id: int) -> str:
    return keyed_hash("case-page", str(case_id))


def page_key(case_id: int) -> str:
    token = _case_token(case_id)
    case_version, catalogue_version = current_versions(CASE_VERSION_KEY.format(case=token), CATALOGUE_VERSION_KEY)
    return PAGE_KEY.format(
        case=token,
        language=get_language(),
        day=timezone.localdate().isoformat(),
        case_version=case_version,
        catalogue_version=catalogue_version,
        content_version=content_version(),
    )


def cached_page(key: str) -> CachedPage | None:
    page = cache.get(key)
    return page if isinstance(page, CachedPage) else None


def cached_page_store(key: str, page: CachedPage) -> None:
    cache.set(key, page, PAGE_SECONDS)


def case_changed(*case_ids: int) -> None:
    """Pages of these cases are stale once the current transaction commits (so no reader caches the old rows under
    the new version)."""
    bump_versions_on_commit(*(CASE_VERSION_KEY.format(case=_case_token(pk)) for pk in case_ids))


def catalogue_changed() -> None:
    """Every case page is stale once the current transaction commits (status texts, procedures, processing times)."""
    bump_versions_on_commit(CATALOGUE_VERSION_KEY)

import logging

from django.conf import settings
from django.db import DatabaseError
from django.urls import NoReverseMatch, Resolver404, ResolverMatch, resolve, reverse
from django.utils import translation
from django.utils.translation import get_language


def site(request) -> dict:
    """Language alternates (for the switcher and hreflang) and the canonical address of the current page.

    The links are built from the route the path resolved to, never from the path as the reader sent it: a request
    for `//evil.example/x` (a protocol-relative address) must not become a link to another site on the 404 page.
    A path that resolves to no route (the 404 page) links to the home page in each language.
    """
    match = _resolved(request.path)
    # The switcher keeps the query (e.g. a search) so the reader stays on the same page in the other language.
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query and match is not None else ""
    alternates = []
    for code, name in settings.LANGUAGES:
        path = _path_in(match, code)
        alternates.append({"code": code, "name": name, "url": path + suffix, "absolute_url": settings.SITE_URL + path})
    canonical = request.path if match is not None else _path_in(None, get_language())
    return {
        "current_language": get_language(),
        "language_alternates": alternates,
        "canonical_url": settings.SITE_URL + canonical,
        "portal_name": settings.PORTAL_NAME,
    }


def _resolved(path: str) -> ResolverMatch | None:
    if not path.startswith("/") or path.startswith("//"):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match if match.url_name else None


def _path_in(match: ResolverMatch | None, language: str) -> str:
    """The path of the same route in `language`, or of the home page when there is no route."""
    with translation.override(language):
        if match is not None:
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                pass
        return reverse("home")


logger = logging.getLogger(__name__)

URGENT_BANNER_CACHE_SECONDS = 60


def urgent_notices(request) -> dict:
    """The urgent notices in force, for the banner on every public page; read once a minute per language at most.

    Lazy: the admin and other pages without the banner never ask. Cached pages are refreshed when a notice comes
    out or expires (services.notices_visibility_refresh bumps the content version).
    """
    from django.core.cache import cache
    from django.utils.functional import SimpleLazyObject

    from portal.text import content_version

    def load():
        key = f"urgent-notices:{get_language()}:{content_version()}"
        notices = cache.get(key)
        if notices is None:
            try:
                notices = _urgent_notices_now(get_language())
            except DatabaseError as exc:
                # The banner must never cost the reader the page it sits on (e.g. a database being migrated).
                logger.warning("Urgent-notice banner left out: %s", type(exc).__name__)
                return []
            cache.set(key, notices, URGENT_BANNER_CACHE_SECONDS)
        return notices

    return {"urgent_notices": SimpleLazyObject(load)}


def _urgent_notices_now(language: str) -> list[dict]:
    from portal import selectors

    # Requests run in autocommit (no ATOMIC_REQUESTS), so a failed read here cannot poison a transaction.
    return [
        {
            "id": notice.pk,
            "title": notice.title,
            "summary": notice.summary,
            "url": notice.get_absolute_url(),
            "in_polish": not selectors.field_is_translated(notice, "title", language),
        }
        for notice in selectors.notices_urgent_in_force()
    ]

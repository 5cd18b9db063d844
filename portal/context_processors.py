import logging

from django.conf import settings
from django.db import DatabaseError
from django.urls import translate_url
from django.utils.translation import get_language


def site(request) -> dict:
    """Language alternates (for the switcher and hreflang) and the canonical address of the current page."""
    path = request.path
    # The switcher keeps the query (e.g. a search) so the reader stays on the same page in the other language.
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    alternates = [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code) + suffix,
            "absolute_url": settings.SITE_URL + translate_url(path, code),
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "current_language": get_language(),
        "language_alternates": alternates,
        "canonical_url": settings.SITE_URL + path,
        "portal_name": settings.PORTAL_NAME,
    }


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

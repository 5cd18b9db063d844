import logging
from functools import lru_cache

from django.conf import settings
from django.db import DatabaseError
from django.urls import NoReverseMatch, Resolver404, ResolverMatch, get_urlconf, resolve, reverse
from django.utils import translation
from django.utils.translation import get_language


def site(request) -> dict:
    """Language alternates (for the switcher and hreflang) and the canonical address of the current page.

    The links are built from the route the path resolved to, never from the path as the reader sent it: a request
    for `//evil.example/x` (a protocol-relative address) must not become a link to another site on the 404 page.
    A path that resolves to no route (the 404 page) links to the home page in each language.
    """
    language = get_language()
    alternates, canonical, resolved = _addresses(request.path, language, get_urlconf(), settings.SITE_URL)
    # The switcher keeps the query (e.g. a search) so the reader stays on the same page in the other language.
    query = request.META.get("QUERY_STRING", "")
    if query and resolved:
        alternates = tuple({**alternate, "url": f"{alternate['url']}?{query}"} for alternate in alternates)
    return {
        "current_language": language,
        "language_alternates": alternates,
        "canonical_url": canonical,
        "portal_name": settings.PORTAL_NAME,
    }


@lru_cache(maxsize=4096)
def _addresses(path: str, language: str, urlconf, site_url: str) -> tuple[tuple[dict, ...], str, bool]:
    """The alternates and the canonical address of `path`: a resolve and four reverses, the same for every reader
    of the page, so worked out once per process (the URLconf and the site's address are part of the key)."""
    match = _resolved(path)
    alternates = []
    for code, name in settings.LANGUAGES:
        in_language = _path_in(match, code)
        alternates.append({"code": code, "name": name, "url": in_language, "absolute_url": site_url + in_language})
    canonical = path if match is not None else _path_in(None, language)
    return tuple(alternates), site_url + canonical, match is not None


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
    """The banner of the urgent notices in force, on every public page, as HTML cached per language and content
    version: a page that shows it reads one cache entry, and the database once a minute per language at most.

    Lazy: the admin and other pages without the banner never ask. The banner changes when a notice comes out or
    expires (services.notices_visibility_refresh bumps the content version).
    """
    from django.core.cache import cache
    from django.template.loader import render_to_string
    from django.utils.functional import SimpleLazyObject
    from django.utils.safestring import mark_safe

    from portal.text import content_version

    def banner():
        language = get_language()
        key = f"urgent-banner:{language}:{content_version()}"
        html = cache.get(key)
        if html is None:
            try:
                notices = _urgent_notices_now(language)
            except DatabaseError as exc:
                # The banner must never cost the reader the page it sits on (e.g. a database being migrated).
                logger.warning("Urgent-notice banner left out: %s", type(exc).__name__)
                return ""
            html = render_to_string("portal/_urgent_banner.html", {"urgent_notices": notices})
            cache.set(key, html, URGENT_BANNER_CACHE_SECONDS)
        return mark_safe(html)  # noqa: S308 -- rendered from our template, every value escaped there

    return {"urgent_banner": SimpleLazyObject(banner)}


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

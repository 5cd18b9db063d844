from django.conf import settings
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

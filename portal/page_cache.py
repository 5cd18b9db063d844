"""Whole-page cache for public pages read by anonymous visitors.

The key carries the language, the path and the content version (portal.text.content_version), which changes
whenever published content is saved, so an edit shows at once and nothing needs to be purged by hand.
Only plain GET requests without a session or a pending message are cached: a page that greets one visitor with
"Thank you" or shows a staff link must never be served to the next one.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from portal.text import content_version

PAGE_CACHE_SECONDS = 60 * 60


def is_cacheable(request) -> bool:
    return (
        request.method == "GET"
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not getattr(request, "htmx", False)
    )


def public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        key = f"page:{get_language()}:{request.path}:{content_version()}"
        html = cache.get(key)
        if html is not None:
            response = HttpResponse(html)
            patch_vary_headers(response, ["Cookie"])  # as the rendered page, which reads the session
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            cache.set(key, response.content.decode(), PAGE_CACHE_SECONDS)
        return response

    return wrapper

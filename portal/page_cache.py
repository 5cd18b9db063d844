"""Whole-page cache for public pages read by anonymous visitors.

The key carries the language, the path and the content version (portal.text.content_version), which changes
whenever published content is saved, so an edit shows at once and nothing needs to be purged by hand.
Only plain GET requests without a session or a pending message are cached: a page that greets one visitor with
"Thank you" or shows a staff link must never be served to the next one.

Each worker process also keeps the pages it has read from the shared cache (`_LocalPages`), so that a page
served again costs one small read (the content version) instead of two, the second carrying the whole page. The
copy is dropped as soon as the worker sees another content version, so an edit shows at once on every worker; it
is asked again of the shared cache after LOCAL_SECONDS, which bounds how long a worker keeps a page it was given.
If Redis loses its data the content version is drawn anew (a random token, `portal.cache_versions`), so no
worker's copy of an older version can pass for current. Only pages read back from Redis are kept: while Redis is
away nothing is kept, and every request renders the page afresh as before.
"""

import threading
import time
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from portal.text import content_version

PAGE_CACHE_SECONDS = 60 * 60
# Stands for the visitor's CSRF token in HTML that is cached and shared (letters only, so escaping leaves it as
# it is): render with `{"csrf_token": CSRF_PLACEHOLDER}`, then `with_visitor_csrf_token` on the way out.
CSRF_PLACEHOLDER = "csrfTokenPlaceholderQ7xK2mW9"
LOCAL_SECONDS = 5.0
LOCAL_MAX_BYTES = 32 * 1024 * 1024  # per worker process


class _LocalPages:
    """Pages of one content version held in this process, least recently used dropped first beyond a size."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._version = ""
        self._pages: OrderedDict[str, tuple[bytes, float]] = OrderedDict()
        self._bytes = 0

    def get(self, key: str, version: str) -> bytes | None:
        with self._lock:
            if version != self._version:
                self._reset(version)
                return None
            entry = self._pages.get(key)
            if entry is None:
                return None
            body, read_at = entry
            if time.monotonic() - read_at > LOCAL_SECONDS:
                return None
            self._pages.move_to_end(key)
            return body

    def put(self, key: str, version: str, body: bytes) -> None:
        with self._lock:
            if version != self._version:
                self._reset(version)
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old[0])
            self._pages[key] = (body, time.monotonic())
            self._bytes += len(body)
            while self._bytes > self.max_bytes and self._pages:
                _key, (dropped, _read_at) = self._pages.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._reset("")

    def _reset(self, version: str) -> None:
        self._version = version
        self._pages.clear()
        self._bytes = 0


local_pages = _LocalPages(LOCAL_MAX_BYTES)


def with_visitor_csrf_token(request: HttpRequest, html: str) -> str:
    """Shared HTML made this visitor's: their own CSRF token where the placeholder stands."""
    return html.replace(CSRF_PLACEHOLDER, get_token(request))


def is_cacheable(request) -> bool:
    # META rather than request.GET and request.htmx: both parse what a cached answer never needs.
    meta = request.META
    return (
        request.method == "GET"
        and not meta.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_HX_REQUEST" not in meta
    )


def _cached_response(body: bytes) -> HttpResponse:
    response = HttpResponse(body)
    patch_vary_headers(response, ["Cookie"])  # as the rendered page, which reads the session
    return response


def public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        version = content_version()
        key = f"page:{get_language()}:{request.path}"
        body = local_pages.get(key, version)
        if body is not None:
            return _cached_response(body)
        shared_key = f"{key}:{version}"
        body = cache.get(shared_key)
        if body is not None:
            local_pages.put(key, version, body)
            return _cached_response(body)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            cache.set(shared_key, response.content, PAGE_CACHE_SECONDS)
        return response

    return wrapper

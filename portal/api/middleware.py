"""What every `/api/` request gets, whichever endpoint answers it.

- A body over `API_MAX_BODY_BYTES` is refused with 413 before anything reads it.
- Errors are problem details: Django's own answers under `/api/` (an unknown address, a method not allowed, a
  server error) are turned into them, in the request's language.
- No cookies: a token call never starts a session or sets a CSRF or language cookie.
- CORS only for the origins in `API_CORS_ORIGINS` (none by default).
- Conditional GET: a successful read carries an ETag of its body; `If-None-Match` with it answers 304.
- Each call made with a token is recorded once the answer is known: the authentication (`cases.api_v1`) leaves a
  recorder on the request, called here with the route and the status. The route names the operation
  (`api/v1/guides/<slug:slug>/`), never the values in it.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _

from portal.api.problems import PROBLEM_CONTENT_TYPE, problem_response

API_PREFIX = "/api/"
JSON_TYPES = (PROBLEM_CONTENT_TYPE, "application/json")


def _nul_in(request: HttpRequest) -> str:
    """Where a NUL character was sent (path, query or body), or ""."""
    if "\x00" in request.path:
        return "path"
    if "%00" in request.META.get("QUERY_STRING", "") or any("\x00" in value for value in request.GET.values()):
        return "query"
    if request.method in ("POST", "PUT", "PATCH") and (b"\x00" in request.body or b"\\u0000" in request.body):
        return "body"
    return ""


def _route(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.route if match is not None else "(unknown)"


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        origin = request.headers.get("Origin", "").rstrip("/")
        allowed_origin = origin if origin and origin in settings.API_CORS_ORIGINS else ""
        if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
            response: HttpResponse = HttpResponse(status=204 if allowed_origin else 403)
            if allowed_origin:
                response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
                response["Access-Control-Allow-Headers"] = "Authorization, Content-Type, Accept-Language, If-None-Match"
                response["Access-Control-Max-Age"] = "600"
        else:
            response = self._answer(request)
        if allowed_origin:
            response["Access-Control-Allow-Origin"] = allowed_origin
            response["Access-Control-Expose-Headers"] = "ETag, Retry-After, Content-Language"
        patch_vary_headers(response, ["Origin", "Accept-Language"])
        response.cookies.clear()
        return response

    def _answer(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.API_MAX_BODY_BYTES:
            return problem_response(413)
        nul = _nul_in(request)
        if nul:
            # No text column takes a NUL (PostgreSQL refuses it outright); nothing legitimate sends one.
            detail = _("Text may not contain NUL characters.")
            return problem_response(422, detail, errors=[{"field": nul, "detail": detail, "code": "nul_character"}])
        response = self.get_response(request)
        # Django's own error pages are HTML; JSON answers (problems, and the old import path's errors) stay.
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(JSON_TYPES):
            headers = {name: response[name] for name in ("Allow", "Retry-After") if response.has_header(name)}
            response = problem_response(response.status_code, headers=headers)
        elif request.method in ("GET", "HEAD") and response.status_code == 200 and not response.streaming:
            set_response_etag(response)
            response = get_conditional_response(request, etag=response["ETag"], response=response) or response
        recorder = getattr(request, "api_call_record", None)
        if recorder is not None:
            recorder(method=request.method or "", endpoint=_route(request), status_code=response.status_code)
        return response

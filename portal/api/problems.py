"""One error format for the whole API: problem details (RFC 9457), with translated titles and messages.

    {"type": "about:blank", "title": "Invalid request", "status": 422, "detail": "...",
     "errors": [{"field": "events.0.status", "detail": "This field is required.", "code": "missing"}]}

`field` is the path of the offending value in the body or the name of the query parameter, so a caller can
point at it. Messages are in the language of the request (`Accept-Language`); they never repeat a value sent.
"""

import json
from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

PROBLEM_CONTENT_TYPE = "application/problem+json"


class ApiProblem(Exception):  # noqa: N818  (a problem is what it is called in RFC 9457)
    """Raised anywhere in an endpoint to answer with a problem; `headers` go onto the response (Retry-After)."""

    def __init__(
        self,
        status: int,
        detail: str = "",
        *,
        title: str = "",
        errors: Iterable[Mapping[str, str]] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.title = title
        self.errors = list(errors)
        self.headers = dict(headers or {})


def status_title(status: int) -> str:
    titles = {
        400: _("Bad request"),
        401: _("Authentication required"),
        403: _("Not allowed"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
        409: _("Conflict"),
        413: _("Request too large"),
        415: _("Unsupported media type"),
        422: _("Invalid request"),
        429: _("Too many requests"),
        500: _("Server error"),
    }
    if status in titles:
        return titles[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return _("Error")


def status_detail(status: int) -> str:
    details = {
        401: _("Send a valid integration token: Authorization: Bearer <token>."),
        404: _("There is nothing at this address, or the item is not public."),
        405: _("This address does not accept this method."),
        413: _("The request body is too large."),
        500: _("Something went wrong on our side. Please try again later."),
    }
    return details.get(status, "")


def problem_response(
    status: int,
    detail: str = "",
    *,
    title: str = "",
    errors: Iterable[Mapping[str, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or status_title(status),
        "status": status,
        "detail": detail or status_detail(status) or status_title(status),
    }
    errors = list(errors)
    if errors:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    if status == 401:
        response["WWW-Authenticate"] = "Bearer"
    return response


def problem_from(problem: ApiProblem) -> HttpResponse:
    return problem_response(
        problem.status, problem.detail, title=problem.title, errors=problem.errors, headers=problem.headers
    )


def field_message(kind: str, context: Mapping[str, Any] | None) -> str:
    """A translated message for one of pydantic's error types (the common ones; the rest get a general one)."""
    context = context or {}
    messages = {
        "missing": _("This field is required."),
        "extra_forbidden": _("This field is not known: remove it."),
        "string_type": _("Send text here."),
        "int_type": _("Send a whole number here."),
        "int_parsing": _("Send a whole number here."),
        "bool_type": _("Send true or false here."),
        "bool_parsing": _("Send true or false here."),
        "list_type": _("Send a list here."),
        "dict_type": _("Send an object here."),
        "model_type": _("Send an object here."),
        "model_attributes_type": _("Send an object here."),
        "date_type": _("Send a date (YYYY-MM-DD) here."),
        "date_parsing": _("Send a date (YYYY-MM-DD) here."),
        "date_from_datetime_parsing": _("Send a date (YYYY-MM-DD) here."),
        "datetime_type": _("Send a date and time (ISO 8601) here."),
        "datetime_parsing": _("Send a date and time (ISO 8601) here."),
        "datetime_from_date_parsing": _("Send a date and time (ISO 8601) here."),
        "enum": _("This value is not one of the allowed values."),
        "literal_error": _("This value is not one of the allowed values."),
        "json_invalid": _("The body is not valid JSON."),
    }
    if kind in ("string_too_long", "too_long"):
        return _("This is too long: at most %(limit)s.") % {
            "limit": context.get("max_length", context.get("actual_length", ""))
        }
    if kind in ("string_too_short", "too_short"):
        return _("This is too short: at least %(limit)s.") % {"limit": context.get("min_length", "")}
    if kind in ("greater_than_equal", "greater_than"):
        return _("This number is too small.")
    if kind in ("less_than_equal", "less_than"):
        return _("This number is too large.")
    if kind == "string_pattern_mismatch":
        return _("This value does not have the expected form.")
    return messages.get(kind, _("This value is not valid."))


def validation_errors(raw: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Pydantic's errors as `{"field", "detail", "code"}`; the location's first part (body, query) is dropped."""
    errors = []
    for error in raw:
        location = [str(part) for part in error.get("loc", ())]
        if location and location[0] in ("body", "query", "path", "header"):
            location = location[1:]
        # ninja names the body parameter itself ("payload"): the caller knows only the fields inside it.
        if len(location) > 1 and location[0] == "payload":
            location = location[1:]
        kind = str(error.get("type", ""))
        errors.append(
            {
                "field": ".".join(location) or "body",
                "detail": field_message(kind, error.get("ctx")),
                "code": kind,
            }
        )
    return errors


def install_handlers(api: Any) -> None:
    """Every error the API framework raises, as problem details."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404
    from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

    def on_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
        return problem_from(exc)

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = validation_errors(exc.errors)
        if any(error["code"] == "json_invalid" for error in errors):
            return problem_response(400, _("The body is not valid JSON."), errors=errors)
        return problem_response(422, _("Some values are missing or not valid; see errors."), errors=errors)

    def on_authentication(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem_response(401)

    def on_authorization(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem_response(403, _("This token does not have the scope this operation needs."))

    def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem_response(404)

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400:  # the framework's only 400: a body it cannot parse
            detail = _("The body is not valid JSON.")
            return problem_response(400, detail, errors=[{"field": "body", "detail": detail, "code": "json_invalid"}])
        return problem_response(exc.status_code)

    api.add_exception_handler(ApiProblem, on_problem)
    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(AuthenticationError, on_authentication)
    api.add_exception_handler(AuthorizationError, on_authorization)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(PermissionDenied, on_authorization)
    api.add_exception_handler(HttpError, on_http_error)

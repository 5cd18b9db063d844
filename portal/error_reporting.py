"""How a server error reaches people: an e-mail to ADMINS, Sentry when SENTRY_DSN is set, and at least a log line.

Neither channel carries personal data. The ADMINS e-mail names the route, the exception type and the stack (files,
lines, functions), never a variable's value, a form field, a cookie or a query string; Sentry is started with
`send_default_pii=False`, without local variables or request bodies, and its events lose the query string and
cookies before they leave.
"""

import logging
from copy import copy
from email.utils import parseaddr
from typing import Any

from django.utils.html import escape
from django.utils.log import AdminEmailHandler
from django.utils.safestring import SafeString, mark_safe
from django.views.debug import ExceptionReporter

logger = logging.getLogger(__name__)


def admins_parse(value: list[str]) -> list[tuple[str, str]]:
    """ADMINS from the environment: comma-separated `Name <address>` or bare addresses."""
    admins = []
    for item in value:
        name, address = parseaddr(item.strip())
        if "@" in address:
            admins.append((name, address))
    return admins


def _scrub_event(event, hint):
    request = event.get("request") or {}
    for key in ("query_string", "cookies", "data", "env"):
        request.pop(key, None)
    headers = request.get("headers") or {}
    for name in list(headers):
        if name.lower() in ("cookie", "authorization", "x-forwarded-for", "x-real-ip", "referer"):
            headers.pop(name)
    return event


def sentry_init(*, dsn: str, release: str, environment: str) -> dict[str, Any]:
    """Start Sentry with no personal data; returns the options used (for tests and the start-up line)."""
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    options: dict[str, Any] = {
        "dsn": dsn,
        "release": release,
        "environment": environment,
        "send_default_pii": False,
        "include_local_variables": False,
        "max_request_body_size": "never",
        "traces_sample_rate": 0.0,
        "before_send": _scrub_event,
        "integrations": [DjangoIntegration(), CeleryIntegration()],
    }
    sentry_sdk.init(**options)
    return options


def channels_describe(*, admins: list, sentry_dsn: str) -> str:
    """The one line logged at start-up saying where server errors go."""
    channels = []
    if admins:
        channels.append(f"e-mail to {len(admins)} address(es) in ADMINS")
    if sentry_dsn:
        channels.append("Sentry")
    if not channels:
        return "Error reporting: neither ADMINS nor SENTRY_DSN is set; server errors are written to this log only."
    return "Error reporting: server errors go to " + " and ".join(channels) + "."


def log_channels(settings) -> None:
    line = channels_describe(admins=settings.ADMINS, sentry_dsn=settings.SENTRY_DSN)
    if settings.ADMINS or settings.SENTRY_DSN or settings.DEBUG:
        logger.info(line)
    else:
        logger.warning(line)


class PrivateExceptionReporter(ExceptionReporter):
    """The ADMINS e-mail: where it broke, never with what data."""

    def get_traceback_text(self) -> SafeString:
        # Django's reporter renders a template, hence SafeString; this text goes only into the plain-text e-mail
        # body, and `get_traceback_html` escapes it again (`escape` ignores the mark).
        lines = [f"{self.exc_type.__name__ if self.exc_type else 'Error'} (message withheld: it may hold data)"]
        if self.request is not None:
            match = getattr(self.request, "resolver_match", None)
            route = match.view_name if match else "unresolved"
            lines.append(f"Request: {self.request.method} route {route}")
        lines.append("Stack (most recent call last):")
        for frame in self.get_traceback_frames():
            lines.append(f'  File "{frame["filename"]}", line {frame["lineno"]}, in {frame["function"]}')
        return mark_safe("\n".join(lines) + "\n")  # noqa: S308 (plain text, see above)

    def get_traceback_html(self) -> SafeString:
        return mark_safe("<pre>" + escape(self.get_traceback_text()) + "</pre>")  # noqa: S308 (escaped)


class PrivateAdminEmailHandler(AdminEmailHandler):
    """Django's e-mail to ADMINS, with a subject naming the route instead of the path (paths can hold tokens)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("reporter_class", "portal.error_reporting.PrivateExceptionReporter")
        super().__init__(**kwargs)

    def emit(self, record):
        if getattr(record, "status_code", None) == 503:
            return  # the database away (see views.server_error): /healthz and the log show it, not 1000 e-mails
        private = copy(record)
        request = getattr(record, "request", None)
        match = getattr(request, "resolver_match", None)
        private.msg = "Server error (%s) at route %s"
        private.args = (getattr(record, "status_code", 500), match.view_name if match else "unresolved")
        super().emit(private)

"""Access logs without secrets: signed links (booking management, confirmations, waiting-list and draw links,
subscription links) are bearer tokens in the path, so a request line must never be logged with them.

`redact` replaces every path segment that looks like a Django signed value (a payload, a colon, a signature; or its
percent-encoded form) with "[token]", keeping the route readable: `/pl/appointments/booking/[token]/cancel/`.
`RedactingGunicornLogger` applies it to gunicorn's access-log atoms (the request line, the path and the referrer,
which carries the token of the page a browser came from); production loads it through `gunicorn.conf.py`.
`RedactSecretsFilter` does the same for Django's development server log (`django.server`).
"""

import logging
import re

from gunicorn.glogging import Logger

# A signed value: base64url characters, at least one ":" (or %3A) separator, and a signature; 20 characters or more.
_SIGNED = r"[A-Za-z0-9_\-.]+(?::|%3[Aa])[A-Za-z0-9_\-.:%]+"
SECRET_SEGMENT = re.compile(r"(?<=/)(?=[^/?#\s]{20,})" + _SIGNED + r"(?=[/?#\s]|$)")
REDACTED = "[token]"
# Gunicorn atoms that hold a path or a URL.
URL_ATOMS = ("r", "U", "f", "{referer}i", "{raw_uri}e")


def redact(text: str) -> str:
    """`text` (a path, a request line or a URL) with the secret segments of signed links replaced."""
    return SECRET_SEGMENT.sub(REDACTED, text) if text else text


class RedactingGunicornLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in URL_ATOMS:
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms


class RedactSecretsFilter(logging.Filter):
    """For loggers that print request lines (Django's `runserver`): redact the message and its arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True

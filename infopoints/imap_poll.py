"""Polling an IMAP mailbox for enquiries, for offices whose mail server cannot pipe mail into `receive_email`.

`poll_mailbox()` is the body of a Celery beat task (every few minutes). It is off unless `ENQUIRY_IMAP_HOST` is
set. For each unseen message in `ENQUIRY_IMAP_FOLDER`:

1. the size is asked first (`RFC822.SIZE`): an oversized message is refused without being downloaded;
2. the message is fetched with `BODY.PEEK[]`, which leaves it unseen;
3. `mail_intake.receive` parses it and, for a person's mail, stores it through the enquiry desk's service;
4. only then is it marked `\\Seen` (or moved to `ENQUIRY_IMAP_DONE_FOLDER`). Refused mail (auto-replies,
   bounces) is marked too: it was handled, deliberately.

If storing fails (the database is away), the message stays unseen and the poll stops; the next poll tries again.
Safe to run twice: a lock in the cache keeps two polls from working at once, and a message stored but not yet
marked when a poll died is delivered again next time, which the desk's service recognises by its Message-ID.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import re
import ssl
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from infopoints import mail_intake

logger = logging.getLogger(__name__)

LOCK_KEY = "enquiry-imap-poll:lock"
LOCK_SECONDS = 15 * 60
SIZE_RE = re.compile(rb"RFC822\.SIZE (\d+)")


@dataclass
class PollResult:
    accepted: int = 0
    rejected: int = 0
    failed: int = 0  # left unseen for the next poll
    skipped: bool = False  # not configured, or another poll is running


def _connect() -> imaplib.IMAP4:
    host, port, tls = settings.ENQUIRY_IMAP_HOST, settings.ENQUIRY_IMAP_PORT, settings.ENQUIRY_IMAP_TLS
    timeout = 60
    if tls == "tls":
        return imaplib.IMAP4_SSL(host, port, ssl_context=ssl.create_default_context(), timeout=timeout)
    connection = imaplib.IMAP4(host, port, timeout=timeout)
    if tls == "starttls":
        connection.starttls(ssl_context=ssl.create_default_context())
    return connection


def _quote(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'


def poll_mailbox(*, limit: int = 200) -> PollResult:
    """Take in the unseen messages of the enquiry mailbox (at most `limit` per run); see the module docstring."""
    if not settings.ENQUIRY_IMAP_HOST:
        return PollResult(skipped=True)
    if not cache.add(LOCK_KEY, 1, LOCK_SECONDS):
        logger.info("enquiry IMAP poll skipped: another poll is running")
        return PollResult(skipped=True)
    try:
        connection = _connect()
        try:
            connection.login(settings.ENQUIRY_IMAP_USER, settings.ENQUIRY_IMAP_PASSWORD)
            return _poll(connection, limit)
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                connection.logout()
    finally:
        cache.delete(LOCK_KEY)


def _poll(connection: imaplib.IMAP4, limit: int) -> PollResult:
    result = PollResult()
    status, _ = connection.select(_quote(settings.ENQUIRY_IMAP_FOLDER))
    if status != "OK":
        raise imaplib.IMAP4.error("cannot open the enquiry folder")
    capabilities = _capabilities(connection)
    status, data = connection.uid("SEARCH", "UNSEEN")
    # UIDs are ASCII digits; imaplib's commands take them as text.
    uids = [uid.decode("ascii") for uid in data[0].split()] if status == "OK" and data and data[0] else []
    for uid in uids[:limit]:
        raw = _fetch(connection, uid)
        if raw is None:
            logger.info("enquiry mail rejected: %s (IMAP uid %s, not downloaded)", mail_intake.OVERSIZE, uid)
            result.rejected += 1
        else:
            try:
                outcome = mail_intake.receive(raw)
            except Exception:
                # Temporary failure (e.g. the database): leave it unseen, stop, and let the next poll retry.
                logger.exception("enquiry mail not stored; IMAP uid %s stays unseen for the next poll", uid)
                result.failed += 1
                break
            if isinstance(outcome, mail_intake.Rejected):
                result.rejected += 1
            else:
                result.accepted += 1
        _mark_handled(connection, uid, capabilities)
    return result


def _capabilities(connection: imaplib.IMAP4) -> set[str]:
    status, data = connection.capability()
    if status != "OK" or not data or not data[0]:
        return set(connection.capabilities)
    return set(data[0].decode("ascii", "replace").upper().split())


def _fetch(connection: imaplib.IMAP4, uid: str) -> bytes | None:
    """The message's bytes, or None when it is larger than the intake accepts (then it is not downloaded)."""
    status, data = connection.uid("FETCH", uid, "(RFC822.SIZE)")
    size = None
    for item in data or []:
        line = item[0] if isinstance(item, tuple) else item
        match = SIZE_RE.search(line or b"")
        if match:
            size = int(match.group(1))
    if size is not None and size > mail_intake.max_message_bytes():
        return None
    status, data = connection.uid("FETCH", uid, "(BODY.PEEK[])")
    if status != "OK":
        raise imaplib.IMAP4.error("fetch failed")
    for item in data or []:
        if isinstance(item, tuple) and len(item) == 2:
            return item[1]
    raise imaplib.IMAP4.error("fetch returned no message")


def _mark_handled(connection: imaplib.IMAP4, uid: str, capabilities: set[str]) -> None:
    done = settings.ENQUIRY_IMAP_DONE_FOLDER
    connection.uid("STORE", uid, "+FLAGS", "(\\Seen)")
    if not done:
        return
    if "MOVE" in capabilities:
        status, _ = connection.uid("MOVE", uid, _quote(done))
        if status == "OK":
            return
    status, _ = connection.uid("COPY", uid, _quote(done))
    if status != "OK":
        logger.warning("enquiry mail handled but not moved (no folder %s?); left marked as seen", done)
        return
    connection.uid("STORE", uid, "+FLAGS", "(\\Deleted)")
    if "UIDPLUS" in capabilities:
        connection.uid("EXPUNGE", uid)
    else:
        connection.expunge()

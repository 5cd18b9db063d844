"""The e-mail outbox: every e-mail the site sends is a row first, then a message.

- `email_enqueue` records the message (inside the caller's transaction) and hands its id to Celery after commit.
  If the broker is down the row simply waits: `resend_due_emails` (Celery beat, every minute) picks up every
  waiting row whose time has come, so the outbox, not the broker, is the source of truth.
- `email_send` locks the row, sends it once, and then keeps metadata only (recipient's domain and keyed hash,
  subject, kind, status, times, attempts): the text with its access codes and booking links, and the address,
  are erased the moment they are no longer needed. A failure sets the next attempt with back-off; after
  `MAX_EMAIL_ATTEMPTS` the row is "undelivered" for coordinators to see.
- Against e-mail bombing, every recipient gets at most `EMAIL_PER_RECIPIENT_PER_HOUR` / `_PER_DAY` messages,
  whatever page or person caused them; over the limit the row is recorded as suppressed and nothing is sent.

`portal.services` re-exports the public names, so callers keep importing them from there.
"""

import hashlib
import hmac
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from portal.models import OutboundEmail
from portal.queue import task_named, task_publish
from portal.retention import process_in_batches

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 5
# After the n-th failed attempt the next one waits FIRST_RETRY_DELAY * 2^(n-1), at most MAX_RETRY_DELAY.
FIRST_RETRY_DELAY = timedelta(seconds=30)
MAX_RETRY_DELAY = timedelta(minutes=30)

# Automatic messages say so (RFC 3834), so that auto-responders do not answer them.
AUTO_SUBMITTED_HEADERS = {"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"}

# Attachments are not stored in the outbox: the row names them ("kind:argument") and the app owning the kind
# builds the files when the e-mail is sent, so the portal never imports the apps built on it.
Attachment = tuple[str, bytes, str]  # file name, content, MIME type
_attachment_builders: dict[str, Callable[[str], list[Attachment]]] = {}


def register_attachment_builder(kind: str, builder: Callable[[str], list[Attachment]]) -> None:
    """Let e-mails with `attachments_key="<kind>:<argument>"` carry the files `builder(argument)` returns.

    Call it from the owning app's `AppConfig.ready()`. A builder returns [] when its object is gone (then the
    e-mail goes without files) and raises when it cannot build them now (then the send is retried, and the last
    attempt goes without files: the text of the e-mail matters more than its attachments).
    """
    if ":" in kind:
        raise ValueError("an attachment kind cannot contain a colon")
    _attachment_builders[kind] = builder


def _attachments_build(email: OutboundEmail, *, last_attempt: bool) -> list[Attachment]:
    if not email.attachments_key:
        return []
    kind, _sep, argument = email.attachments_key.partition(":")
    builder = _attachment_builders.get(kind)
    if builder is None:
        logger.warning("E-mail %s: no attachment builder for %r, sent without attachments", email.pk, kind)
        return []
    try:
        return list(builder(argument))
    except Exception as exc:
        if not last_attempt:
            raise
        logger.warning(
            "E-mail %s: attachments could not be built (%s), last attempt sent without them",
            email.pk,
            type(exc).__name__,
        )
        return []


# --- Recipients ------------------------------------------------------------------------------------------------

GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def recipient_normalize(address: str) -> str:
    """The mailbox an address reaches: case and "+tag" ignored (and Gmail's dots), so that variants of one
    address share one limit."""
    local, _at, domain = address.strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def recipient_hash(address: str) -> str:
    """Keyed hash of the normalized address: counts messages per mailbox without keeping the address."""
    normalized = recipient_normalize(address)
    return hmac.new(settings.HASHING_KEY.encode(), b"outbox:" + normalized.encode(), hashlib.sha256).hexdigest()


def _over_limit(digest: str, now) -> bool:
    if connection.vendor == "postgresql":
        # Two requests for one address at once are counted one after the other (released at commit).
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(digest[:15], 16)])
    recent = OutboundEmail.objects.filter(recipient_hash=digest).exclude(status=OutboundEmail.Status.SUPPRESSED)
    if recent.filter(created_at__gte=now - timedelta(hours=1)).count() >= settings.EMAIL_PER_RECIPIENT_PER_HOUR:
        return True
    return recent.filter(created_at__gte=now - timedelta(days=1)).count() >= settings.EMAIL_PER_RECIPIENT_PER_DAY


# --- Enqueue and send --------------------------------------------------------------------------------------------


def _dispatch(email_id: int) -> None:
    """Hand a row to Celery; with the broker down the row waits and `resend_pending_emails` sends it later."""
    task_publish(task_named("portal.tasks.send_email"), (email_id,))


@transaction.atomic
def email_enqueue(
    *,
    to_address: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    language: str = "pl",
    dedupe_key: str,
    attachments_key: str = "",
    headers: dict[str, str] | None = None,
    auto_submitted: bool = True,
) -> OutboundEmail:
    """Record an e-mail to send and send it once the caller's transaction commits.

    The same `dedupe_key` returns the existing row instead of a second message, so callers may retry freely.
    `attachments_key` ("kind:argument") names files built at send time (see `register_attachment_builder`).
    `headers` go into the message as they are (e.g. Message-ID, In-Reply-To, References for a conversation);
    every message a person did not write themselves is `auto_submitted` (RFC 3834): a staff reply passes False.
    A recipient over the hourly or daily limit gets nothing: the row is recorded as suppressed.
    """
    existing = OutboundEmail.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    now = timezone.now()
    digest = recipient_hash(to_address)
    all_headers = {**(AUTO_SUBMITTED_HEADERS if auto_submitted else {}), **(headers or {})}
    fields: dict[str, Any] = {
        "dedupe_key": dedupe_key,
        "kind": str(dedupe_key).split(":", 1)[0][:60] if ":" in str(dedupe_key) else "",
        "recipient_hash": digest,
        "recipient_domain": to_address.strip().rpartition("@")[2].lower()[:255],
        "subject": subject[:250],
        "language": language,
        "headers": all_headers,
        "attachments_key": attachments_key,
    }
    if _over_limit(digest, now):
        fields["status"] = OutboundEmail.Status.SUPPRESSED
    else:
        fields.update(
            to_address=to_address,
            body_text=body_text,
            body_html=body_html,
            # Handed to Celery right after commit; the periodic task leaves it alone this long (then it was lost).
            next_attempt_at=now + timedelta(seconds=settings.EMAIL_RESEND_AFTER_SECONDS),
        )
    try:
        with transaction.atomic():
            email = OutboundEmail.objects.create(**fields)
    except IntegrityError:
        return OutboundEmail.objects.get(dedupe_key=dedupe_key)  # the same key queued at the same moment
    if email.status == OutboundEmail.Status.SUPPRESSED:
        logger.warning("E-mail %s suppressed: its recipient reached the limit of e-mails", email.pk)
    else:
        transaction.on_commit(lambda: _dispatch(email.pk))
    return email


def _retry_delay(attempts: int) -> timedelta:
    return min(FIRST_RETRY_DELAY * 2 ** max(attempts - 1, 0), MAX_RETRY_DELAY)


def _redact(email: OutboundEmail) -> None:
    email.to_address = ""
    email.body_text = ""
    email.body_html = ""
    email.next_attempt_at = None


UPDATED_ON_FINISH = ["attempts", "status", "sent_at", "last_error", "to_address", "body_text", "body_html"]


def email_send(*, email_id: int) -> OutboundEmail:
    """Send one outbox row unless it was already sent; safe to call twice, even concurrently.

    The row stays locked while the message is handed to the mail server, so two workers cannot both send it; a
    worker killed before the commit leaves the row waiting, and it is sent again (the only window for a second
    copy is between the server's "250 OK" and the commit). A failure is recorded on the row (and committed)
    before it is raised again.
    """
    failure: Exception | None = None
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().get(pk=email_id)
        if email.status != OutboundEmail.Status.PENDING:
            return email
        email.attempts += 1
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email.to_address],
            headers=dict(email.headers or {}),
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        try:
            for filename, content, mimetype in _attachments_build(
                email, last_attempt=email.attempts >= MAX_EMAIL_ATTEMPTS
            ):
                message.attach(filename, content, mimetype)
            message.send()
        except Exception as exc:
            failure = exc
            # A refusal names the recipient (SMTPRecipientsRefused): the address stays out of the row's error.
            error = f"{type(exc).__name__}: {exc}".replace(email.to_address, "<recipient>")
            email.last_error = error[:500]
            if email.attempts >= MAX_EMAIL_ATTEMPTS:
                email.status = OutboundEmail.Status.FAILED
                _redact(email)
            else:
                email.next_attempt_at = timezone.now() + _retry_delay(email.attempts)
            email.save(update_fields=[*UPDATED_ON_FINISH, "next_attempt_at"])
        else:
            email.status = OutboundEmail.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
            _redact(email)
            email.save(update_fields=[*UPDATED_ON_FINISH, "next_attempt_at"])
    if failure is not None:
        # The id only: the address and the text are personal data and stay out of the log.
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, type(failure).__name__)
        raise failure
    return email


def emails_due(*, now=None, limit: int = 500) -> list[int]:
    """Waiting rows whose next attempt is due: never handed to a worker (broker down), or failed and backed off."""
    now = now or timezone.now()
    return list(
        OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )


def emails_purge_old(*, now=None) -> int:
    """Delete finished e-mails (their metadata) older than the retention period; returns how many were deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.EMAIL_OUTBOX_RETENTION_DAYS)
    return process_in_batches(
        OutboundEmail.objects.filter(status__in=OutboundEmail.FINISHED, created_at__lt=cutoff),
        lambda ids: OutboundEmail.objects.filter(pk__in=ids).delete(),
        job="portal.outbox",
    ).done

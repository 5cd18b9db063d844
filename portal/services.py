"""Writes of the site core. E-mail always goes through the outbox, and is handed to Celery after commit."""

import enum
import hashlib
import hmac
import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from portal.models import OutboundEmail

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 5


@transaction.atomic
def email_enqueue(
    *,
    to_address: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    language: str = "pl",
    dedupe_key: str,
) -> OutboundEmail:
    """Record an e-mail to send and send it once the caller's transaction commits.

    The same `dedupe_key` returns the existing row instead of a second message, so callers may retry freely.
    """
    email, created = OutboundEmail.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={
            "to_address": to_address,
            "subject": subject[:250],
            "body_text": body_text,
            "body_html": body_html,
            "language": language,
        },
    )
    if created:
        from portal.tasks import send_email

        transaction.on_commit(lambda: send_email.delay(email.pk))
    return email


def email_send(*, email_id: int) -> OutboundEmail:
    """Send one outbox row unless it was already sent; safe to call twice, even concurrently.

    The row stays locked while the message is handed to the mail server, so two workers cannot both send it.
    A failure is recorded on the row (and committed) before it is raised again for the task to retry.
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
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        try:
            message.send()
        except Exception as exc:
            failure = exc
            email.last_error = f"{type(exc).__name__}: {exc}"[:500]
            if email.attempts >= MAX_EMAIL_ATTEMPTS:
                email.status = OutboundEmail.Status.FAILED
            email.save(update_fields=["attempts", "last_error", "status"])
        else:
            email.status = OutboundEmail.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
            email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    if failure is not None:
        # The id only: the address and the text are personal data and stay out of the log.
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, type(failure).__name__)
        raise failure
    return email


def emails_purge_old(*, now=None) -> int:
    """Delete sent and abandoned e-mails older than the retention period; returns how many were deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.EMAIL_OUTBOX_RETENTION_DAYS)
    deleted, _ = OutboundEmail.objects.filter(
        status__in=[OutboundEmail.Status.SENT, OutboundEmail.Status.FAILED], created_at__lt=cutoff
    ).delete()
    return deleted


# --- Guides ---------------------------------------------------------------------------------------------------

GUIDE_VIEWS_KEY = "guide-views:{slug}"


def guide_view_count(*, slug: str) -> None:
    """Count a page view in the cache (no database write per request); `guide_views_flush` moves counts to rows."""
    key = GUIDE_VIEWS_KEY.format(slug=slug)
    if not cache.add(key, 1, None):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, None)


def guide_views_flush() -> int:
    """Add the counted page views to the guides; returns the number of guides updated."""
    from django.db.models import F

    from portal.models import Guide

    updated = 0
    for slug in Guide.objects.values_list("slug", flat=True):
        key = GUIDE_VIEWS_KEY.format(slug=slug)
        count = cache.get(key)
        if count:
            cache.decr(key, count)
            updated += Guide.objects.filter(slug=slug).update(views=F("views") + count)
    return updated


class ReportOutcome(enum.Enum):
    RECORDED = "recorded"
    IGNORED = "ignored"  # the honeypot was filled: a bot; it is told nothing
    RATE_LIMITED = "rate_limited"


MISTAKE_REPORTS_PER_HOUR = 5


def mistake_report_submit(
    *, page_path: str, language: str, message: str, email: str, client_key: str, honeypot: str = ""
) -> ReportOutcome:
    """Store a reader's report of a mistake for the editors, at most a few per address and hour."""
    from portal.models import MistakeReport

    if honeypot:
        return ReportOutcome.IGNORED
    key = "mistake-reports:" + hmac.new(settings.HASHING_KEY.encode(), client_key.encode(), hashlib.sha256).hexdigest()
    cache.add(key, 0, 60 * 60)
    if cache.incr(key) > MISTAKE_REPORTS_PER_HOUR:
        return ReportOutcome.RATE_LIMITED
    MistakeReport.objects.create(page_path=page_path, language=language, message=message, email=email)
    return ReportOutcome.RECORDED


@transaction.atomic
def mistake_report_status_set(*, report_id: int, status: str) -> None:
    """Editors handled a report: the reader's e-mail is erased as soon as it is no longer new (as the form says)."""
    from portal.models import MistakeReport

    fields = {"status": status}
    if status != MistakeReport.Status.NEW:
        fields["email"] = ""
    MistakeReport.objects.filter(pk=report_id).update(**fields)


def mistake_reports_purge(*, now=None) -> int:
    """Delete reports older than the retention period, handled or not; returns how many were deleted."""
    from portal.models import MistakeReport

    cutoff = (now or timezone.now()) - timedelta(days=settings.MISTAKE_REPORT_RETENTION_DAYS)
    return MistakeReport.objects.filter(created_at__lt=cutoff).delete()[0]

"""Writes of the site core. E-mail always goes through the outbox, and is handed to Celery after commit."""

import enum
import hashlib
import hmac
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from portal.models import NoticeSubscription, OutboundEmail

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 5

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
) -> OutboundEmail:
    """Record an e-mail to send and send it once the caller's transaction commits.

    The same `dedupe_key` returns the existing row instead of a second message, so callers may retry freely.
    `attachments_key` ("kind:argument") names files built at send time (see `register_attachment_builder`).
    """
    email, created = OutboundEmail.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={
            "to_address": to_address,
            "subject": subject[:250],
            "body_text": body_text,
            "body_html": body_html,
            "language": language,
            "attachments_key": attachments_key,
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
            for filename, content, mimetype in _attachments_build(
                email, last_attempt=email.attempts >= MAX_EMAIL_ATTEMPTS
            ):
                message.attach(filename, content, mimetype)
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


def emails_purge_old(*, now: datetime | None = None) -> int:
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
    _page_view_count(GUIDE_VIEWS_KEY.format(slug=slug))


def guide_views_flush() -> int:
    """Add the counted page views to the guides; returns the number of guides updated."""
    from portal.models import Guide

    return _page_views_flush(Guide, GUIDE_VIEWS_KEY)


def _page_view_count(key: str) -> None:
    if not cache.add(key, 1, None):
        try:
            cache.incr(key)
        except ValueError:  # the key expired or was evicted between add and incr
            cache.set(key, 1, None)


def _page_views_flush(model: type[Model], key_template: str) -> int:
    """Move the view counts kept in the cache to `model.views`, by slug; one cache round trip for all keys."""
    from django.db.models import F

    keys = {key_template.format(slug=slug): slug for slug in model._default_manager.values_list("slug", flat=True)}
    updated = 0
    for key, count in cache.get_many(list(keys)).items():
        if count:
            cache.decr(key, count)
            updated += model._default_manager.filter(slug=keys[key]).update(views=F("views") + count)
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


def mistake_reports_purge(*, now: datetime | None = None) -> int:
    """Delete reports older than the retention period, handled or not; returns how many were deleted."""
    from portal.models import MistakeReport

    cutoff = (now or timezone.now()) - timedelta(days=settings.MISTAKE_REPORT_RETENTION_DAYS)
    return MistakeReport.objects.filter(created_at__lt=cutoff).delete()[0]


def over_hourly_limit(*, prefix: str, client_key: str, per_hour: int) -> bool:
    """Count one attempt of a reader (by a keyed hash of their address, kept an hour in the cache only)."""
    key = f"{prefix}:" + hmac.new(settings.HASHING_KEY.encode(), client_key.encode(), hashlib.sha256).hexdigest()
    cache.add(key, 0, 60 * 60)
    return cache.incr(key) > per_hour


# --- Notices and their e-mail subscriptions ----------------------------------------------------------------------

SUBSCRIBE_SALT = "portal.notices.subscription-confirm"
UNSUBSCRIBE_SALT = "portal.notices.unsubscribe"
CONFIRMATION_MAX_AGE = 60 * 60 * 24 * 3  # the confirmation link works for three days
UNCONFIRMED_RETENTION = timedelta(days=7)
ANNOUNCE_WINDOW = timedelta(days=7)  # a notice published longer ago than this is never e-mailed
SUBSCRIPTION_REQUESTS_PER_HOUR = 5
NOTICE_VISIBILITY_KEY = "notices-visible"


class SubscribeOutcome(enum.Enum):
    SENT = "sent"  # a confirmation link was e-mailed (or the address is already subscribed: nothing tells which)
    RATE_LIMITED = "rate_limited"


def subscription_confirm_token(*, subscription_id: int, place_ids: list[int], guide_ids: list[int]) -> str:
    """The signed link of the confirmation e-mail; it carries the choices, so nobody can change them unconfirmed."""
    from django.core import signing

    return signing.dumps({"s": subscription_id, "p": place_ids, "g": guide_ids}, salt=SUBSCRIBE_SALT, compress=True)


def subscription_unsubscribe_token(*, subscription_id: int) -> str:
    from django.core import signing

    return signing.dumps({"s": subscription_id}, salt=UNSUBSCRIBE_SALT)


def _absolute(language: str, name: str, **kwargs: Any) -> str:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return str(settings.SITE_URL) + reverse(name, kwargs=kwargs or None)


@transaction.atomic
def notice_subscription_request(
    *, email: str, language: str, place_ids: list[int], guide_ids: list[int], client_key: str
) -> SubscribeOutcome:
    """Someone asked for notices by e-mail: keep the request and e-mail a confirmation link (double opt-in).

    The answer is the same whether the address is new, waiting for confirmation or already subscribed, so the
    form does not reveal who subscribes. A confirmed subscription changes only when the new link is followed.
    """
    from django.template.loader import render_to_string
    from django.utils import translation
    from django.utils.translation import gettext

    from portal.models import NoticeSubscription

    if over_hourly_limit(prefix="notice-subscribe", client_key=client_key, per_hour=SUBSCRIPTION_REQUESTS_PER_HOUR):
        return SubscribeOutcome.RATE_LIMITED
    email = email.strip().lower()
    subscription, _created = NoticeSubscription.objects.get_or_create(email=email, language=language)
    token = subscription_confirm_token(
        subscription_id=subscription.pk, place_ids=sorted(set(place_ids)), guide_ids=sorted(set(guide_ids))
    )
    with translation.override(language):
        context = {"confirm_url": _absolute(language, "notice_subscription_confirm", token=token)}
        email_enqueue(
            to_address=email,
            subject=gettext("Confirm your subscription to notices"),
            body_text=render_to_string("portal/email/notice_subscription_confirm.txt", context),
            language=language,
            dedupe_key=f"notice-subscribe:{subscription.pk}:{hashlib.sha256(token.encode()).hexdigest()[:32]}",
        )
    return SubscribeOutcome.SENT


@transaction.atomic
def notice_subscription_confirm(*, token: str) -> NoticeSubscription | None:
    """Follow the link of the confirmation e-mail; returns the subscription, or None if the link is bad or old."""
    from django.core import signing

    from portal.models import Guide, NoticeSubscription, Place

    try:
        data = signing.loads(token, salt=SUBSCRIBE_SALT, max_age=CONFIRMATION_MAX_AGE)
        subscription = NoticeSubscription.objects.select_for_update().get(pk=int(data["s"]))
        place_ids, guide_ids = [int(pk) for pk in data["p"]], [int(pk) for pk in data["g"]]
    except (signing.BadSignature, NoticeSubscription.DoesNotExist, KeyError, TypeError, ValueError):
        return None
    subscription.places.set(Place.objects.filter(pk__in=place_ids, is_published=True))
    subscription.guides.set(Guide.objects.filter(pk__in=guide_ids, status=Guide.Status.PUBLISHED))
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


@transaction.atomic
def notice_unsubscribe(*, token: str) -> bool:
    """Follow the link at the bottom of every notice e-mail: the subscription and its address are deleted."""
    from django.core import signing

    from portal.models import NoticeSubscription

    try:
        subscription_id = int(signing.loads(token, salt=UNSUBSCRIBE_SALT)["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return False
    NoticeSubscription.objects.filter(pk=subscription_id).delete()
    return True


def notice_subscriptions_purge_unconfirmed(*, now: datetime | None = None) -> int:
    """Erase requests never confirmed (the address of someone who may not have asked for anything)."""
    from portal.models import NoticeSubscription

    cutoff = (now or timezone.now()) - UNCONFIRMED_RETENTION
    return NoticeSubscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()[0]


def notices_announce_due(*, now: datetime | None = None) -> list[int]:
    """Notices whose publication time has come and whose subscribers were not yet told: mark them (once, even with
    two beat processes: a conditional UPDATE) and e-mail their subscribers after commit. Returns their ids."""
    from portal import selectors
    from portal.models import Notice

    now = now or timezone.now()
    announced = []
    for notice_id in selectors.notices_public(now=now).filter(announced_at__isnull=True).values_list("pk", flat=True):
        with transaction.atomic():
            if not Notice.objects.filter(pk=notice_id, announced_at__isnull=True).update(announced_at=now):
                continue
            announced.append(notice_id)
            if Notice.objects.filter(pk=notice_id, published_at__gte=now - ANNOUNCE_WINDOW).exists():
                from portal.tasks import deliver_notice

                transaction.on_commit(partial(deliver_notice.delay, notice_id))
    return announced


def notice_deliver(*, notice_id: int) -> int:
    """E-mail one public notice to every subscriber who wants it, in their language; returns how many were queued.

    Safe to run twice or at once in two workers: the unique NoticeDelivery row is created in the same transaction as
    the outbox row, so a subscriber gets one e-mail per notice at most.
    """
    from django.db import IntegrityError
    from django.template.loader import render_to_string
    from django.utils import translation

    from portal import selectors
    from portal.models import Notice, NoticeDelivery

    try:
        notice = selectors.notices_public().get(pk=notice_id)
    except Notice.DoesNotExist:
        return 0  # withdrawn or deleted since it was announced
    queued = 0
    for subscription in selectors.notice_subscribers(notice).iterator():
        try:
            with transaction.atomic():
                NoticeDelivery.objects.create(notice=notice, subscription=subscription)
                with translation.override(subscription.language):
                    context = {
                        "notice": notice,
                        "notice_url": _absolute(subscription.language, "notice_detail", slug=notice.slug),
                        "unsubscribe_url": _absolute(
                            subscription.language,
                            "notice_unsubscribe",
                            token=subscription_unsubscribe_token(subscription_id=subscription.pk),
                        ),
                    }
                    email_enqueue(
                        to_address=subscription.email,
                        subject=notice.title,
                        body_text=render_to_string("portal/email/notice.txt", context),
                        language=subscription.language,
                        dedupe_key=f"notice:{notice.pk}:subscription:{subscription.pk}",
                    )
        except IntegrityError:
            continue  # already delivered
        queued += 1
    return queued


def notices_visibility_refresh(*, now: datetime | None = None) -> bool:
    """Cached pages show the notices (and the urgent banner) as they were when rendered. When a scheduled notice
    comes out or one expires, nothing is saved, so the content version is bumped here; returns whether it was."""
    from portal import selectors
    from portal.text import content_version_bump

    visible = sorted(selectors.notices_in_force(now=now).values_list("pk", flat=True))
    signature = hashlib.sha256(repr(visible).encode()).hexdigest()
    if cache.get(NOTICE_VISIBILITY_KEY) == signature:
        return False
    cache.set(NOTICE_VISIBILITY_KEY, signature, None)
    content_version_bump()
    return True


# --- FAQ ----------------------------------------------------------------------------------------------------

FAQ_VIEWS_KEY = "faq-views:{slug}"


def faq_feedback_record(*, slug: str, helpful: bool) -> bool:
    """Count one "was this helpful?" answer for a published entry; only the two totals are stored."""
    from django.db.models import F

    from portal.models import FaqEntry

    field = "helpful_yes" if helpful else "helpful_no"
    entries = FaqEntry.objects.filter(slug=slug, status=FaqEntry.Status.PUBLISHED)
    return bool(entries.update(**{field: F(field) + 1}))


def faq_view_count(*, slug: str) -> None:
    _page_view_count(FAQ_VIEWS_KEY.format(slug=slug))


def faq_views_flush() -> int:
    """Add the counted views of FAQ pages to the entries; returns the number of entries updated."""
    from portal.models import FaqEntry

    return _page_views_flush(FaqEntry, FAQ_VIEWS_KEY)

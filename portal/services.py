"""Writes of the site core. E-mail always goes through the outbox, and is handed to Celery after commit."""

import enum
import hashlib
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal import ratelimit, selectors
from portal.models import (
    FaqEntry,
    Guide,
    MistakeReport,
    Notice,
    NoticeDelivery,
    NoticeSubscription,
    Place,
)

# The e-mail outbox lives in its own module; these names stay importable from here (re-exported).
from portal.outbox import MAX_EMAIL_ATTEMPTS as MAX_EMAIL_ATTEMPTS
from portal.outbox import Attachment as Attachment
from portal.outbox import _attachment_builders as _attachment_builders
from portal.outbox import email_enqueue as email_enqueue
from portal.outbox import email_send as email_send
from portal.outbox import emails_due as emails_due
from portal.outbox import emails_purge_old as emails_purge_old
from portal.outbox import register_attachment_builder as register_attachment_builder
from portal.page_views import cache_counter_increment
from portal.queue import task_enqueue
from portal.retention import process_in_batches
from portal.text import content_version_bump

logger = logging.getLogger(__name__)

# --- Guides ---------------------------------------------------------------------------------------------------

GUIDE_VIEWS_KEY = "guide-views:{slug}"


def guide_view_count(*, slug: str) -> None:
    """Count a page view in the cache (no database write per request); `guide_views_flush` moves counts to rows."""
    cache_counter_increment(GUIDE_VIEWS_KEY.format(slug=slug), None)


def guide_views_flush() -> int:
    """Add the counted page views to the guides; returns the number of guides updated."""
    return _page_views_flush(Guide, GUIDE_VIEWS_KEY)


def _page_views_flush(model: type[Model], key_template: str) -> int:
    """Move the view counts kept in the cache to `model.views`, by slug; one cache round trip for all keys."""
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
    if honeypot:
        return ReportOutcome.IGNORED
    if over_hourly_limit(prefix="mistake-reports", client_key=client_key, per_hour=MISTAKE_REPORTS_PER_HOUR):
        return ReportOutcome.RATE_LIMITED
    MistakeReport.objects.create(page_path=page_path, language=language, message=message, email=email)
    return ReportOutcome.RECORDED


@transaction.atomic
def mistake_report_status_set(*, report_id: int, status: str) -> None:
    """Editors handled a report: the reader's e-mail is erased as soon as it is no longer new (as the form says)."""
    fields = {"status": status}
    if status != MistakeReport.Status.NEW:
        fields["email"] = ""
    MistakeReport.objects.filter(pk=report_id).update(**fields)


def mistake_reports_purge(*, now: datetime | None = None) -> int:
    """Delete reports older than the retention period, handled or not; returns how many were deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.MISTAKE_REPORT_RETENTION_DAYS)
    return process_in_batches(
        MistakeReport.objects.filter(created_at__lt=cutoff),
        lambda ids: MistakeReport.objects.filter(pk__in=ids).delete(),
        job="portal.mistake_reports",
    ).done


def over_hourly_limit(*, prefix: str, client_key: str, per_hour: int) -> bool:
    """Count one attempt of a reader (their address, or its IPv6 /64) in the hour; True once over `per_hour`.

    A shorthand for `portal.ratelimit.hit` with an hour's window; new code may call `ratelimit` directly.
    """
    return ratelimit.hit(prefix, ratelimit.client_bucket(client_key), limit=per_hour, window=60 * 60)


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
    return signing.dumps({"s": subscription_id, "p": place_ids, "g": guide_ids}, salt=SUBSCRIBE_SALT, compress=True)


def subscription_unsubscribe_token(*, subscription_id: int) -> str:
    return signing.dumps({"s": subscription_id}, salt=UNSUBSCRIBE_SALT)


def _absolute(language: str, name: str, **kwargs: object) -> str:
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

    try:
        subscription_id = int(signing.loads(token, salt=UNSUBSCRIBE_SALT)["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return False
    NoticeSubscription.objects.filter(pk=subscription_id).delete()
    return True


def notice_subscriptions_purge_unconfirmed(*, now: datetime | None = None) -> int:
    """Erase requests never confirmed (the address of someone who may not have asked for anything)."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_RETENTION
    return process_in_batches(
        NoticeSubscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff),
        lambda ids: NoticeSubscription.objects.filter(pk__in=ids, confirmed_at__isnull=True).delete(),
        job="portal.unconfirmed_notice_subscriptions",
    ).done


def notices_announce_due(*, now: datetime | None = None) -> list[int]:
    """Notices whose publication time has come and whose subscribers were not yet told: mark them (once, even with
    two beat processes: a conditional UPDATE) and e-mail their subscribers after commit. Returns their ids."""
    now = now or timezone.now()
    announced = []
    for notice_id in selectors.notices_public(now=now).filter(announced_at__isnull=True).values_list("pk", flat=True):
        with transaction.atomic():
            if not Notice.objects.filter(pk=notice_id, announced_at__isnull=True).update(announced_at=now):
                continue
            announced.append(notice_id)
            if Notice.objects.filter(pk=notice_id, published_at__gte=now - ANNOUNCE_WINDOW).exists():
                task_enqueue("portal.tasks.deliver_notice", notice_id)
    return announced


def notice_deliver(*, notice_id: int) -> int:
    """E-mail one public notice to every subscriber who wants it, in their language; returns how many were queued.

    Safe to run twice or at once in two workers: the unique NoticeDelivery row is created in the same transaction as
    the outbox row, so a subscriber gets one e-mail per notice at most.
    """

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
    visible = sorted(selectors.notices_in_force(now=now).values_list("pk", flat=True))
    signature = hashlib.sha256(repr(visible).encode()).hexdigest()
    if cache.get(NOTICE_VISIBILITY_KEY) == signature:
        return False
    cache.set(NOTICE_VISIBILITY_KEY, signature, None)
    content_version_bump()
    return True


# --- FAQ ----------------------------------------------------------------------------------------------------

FAQ_VIEWS_KEY = "faq-views:{slug}"


# "Was this helpful?" from one address: a few answers per entry (people share the wifi of an info point) and a
# few dozen in all per day; further answers are thanked for and not counted.
FAQ_VOTES_PER_ENTRY_PER_DAY = 3
FAQ_VOTES_PER_ADDRESS_PER_DAY = 40


def faq_feedback_record(*, slug: str, helpful: bool, client_key: str) -> bool:
    """Count one "was this helpful?" answer for a published entry; False if there is no such entry.

    Only the two totals are stored. The limits per address and entry and per address are counters in the cache
    under a keyed hash that includes the day (see `portal.ratelimit.DAILY`): the address itself is never stored,
    and nothing links one day's counters to the next. An answer over the limit is not counted.
    """
    field = "helpful_yes" if helpful else "helpful_no"
    entries = FaqEntry.objects.filter(slug=slug, status=FaqEntry.Status.PUBLISHED)
    bucket = ratelimit.client_bucket(client_key)
    over_limit = ratelimit.hit(
        "faq-feedback", bucket, limit=FAQ_VOTES_PER_ADDRESS_PER_DAY, window=ratelimit.DAILY
    ) or ratelimit.hit("faq-feedback-entry", (bucket, slug), limit=FAQ_VOTES_PER_ENTRY_PER_DAY, window=ratelimit.DAILY)
    if over_limit:
        return entries.exists()
    return bool(entries.update(**{field: F(field) + 1}))


def faq_view_count(*, slug: str) -> None:
    cache_counter_increment(FAQ_VIEWS_KEY.format(slug=slug), None)


def faq_views_flush() -> int:
    """Add the counted views of FAQ pages to the entries; returns the number of entries updated."""
    return _page_views_flush(FaqEntry, FAQ_VIEWS_KEY)

"""Writes of the cases app: status changes, lookups with their limits, subscriptions, tokens and retention.

Officers (admin), file imports and the API all change a status through `case_status_set`, so the history,
the current status and the notifications cannot disagree whichever way a change arrives.
"""

import enum
import hashlib
import logging
import secrets
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from cases import codes
from cases.models import (
    Case,
    CaseStatus,
    IntegrationToken,
    LookupRecord,
    Procedure,
    ProcessingTime,
    Stage,
    StatusEvent,
    Subscription,
)
from portal.services import email_enqueue

if TYPE_CHECKING:
    from portal.models import Place, User

logger = logging.getLogger(__name__)

# --- Status changes -----------------------------------------------------------------------------------------


@transaction.atomic
def case_create(
    *,
    number: str,
    procedure: Procedure,
    place: "Place",
    filed_on: date,
    status: CaseStatus,
    occurred_at: datetime,
    channel: str,
    access_code: str = "",
    note_to_applicant: str = "",
    internal_note: str = "",
    changed_by: "User | None" = None,
    integration: IntegrationToken | None = None,
) -> Case:
    """Register a case with its first status; raises IntegrityError if the number exists already."""
    case = Case.objects.create(
        number=codes.number_display(number),
        number_key=codes.number_key(number),
        procedure=procedure,
        place=place,
        filed_on=filed_on,
        status=status,
        status_changed_at=occurred_at,
        access_code_hash=codes.access_code_hash(access_code) if access_code else "",
    )
    case_status_set(
        case=case,
        status=status,
        occurred_at=occurred_at,
        channel=channel,
        note_to_applicant=note_to_applicant,
        internal_note=internal_note,
        changed_by=changed_by,
        integration=integration,
    )
    return case


@transaction.atomic
def case_status_set(
    *,
    case: Case,
    status: CaseStatus,
    occurred_at: datetime,
    channel: str,
    note_to_applicant: str = "",
    note_translations: dict[str, str] | None = None,
    internal_note: str = "",
    changed_by: "User | None" = None,
    integration: IntegrationToken | None = None,
) -> tuple[StatusEvent, bool]:
    """Record a status change once; returns (event, created). The same (case, status, time) again changes nothing.

    An event older than the current status (a late import) joins the history without moving the case back.
    The note is Polish; `note_translations` ({"uk": "..."}) adds the applicant's language where the officer
    can write it. Subscribers hear of a new event after the transaction commits.
    """
    translated_notes = {
        f"note_to_applicant_{language}": text
        for language, text in (note_translations or {}).items()
        if language in dict(settings.LANGUAGES) and language != "pl" and text
    }
    case = Case.objects.select_for_update().get(pk=case.pk)
    try:
        with transaction.atomic():
            event = StatusEvent.objects.create(
                case=case,
                status=status,
                occurred_at=occurred_at,
                note_to_applicant_pl=note_to_applicant,
                **translated_notes,
                internal_note=internal_note,
                channel=channel,
                changed_by=changed_by,
                integration=integration,
            )
    except IntegrityError:
        return StatusEvent.objects.get(case=case, status=status, occurred_at=occurred_at), False

    if occurred_at >= case.status_changed_at or case.status_id == status.pk:
        case.status = status
        case.status_changed_at = occurred_at
        case.final_at = occurred_at if status.is_final else None
        case.save(update_fields=["status", "status_changed_at", "final_at"])
        from cases.tasks import notify_subscribers

        transaction.on_commit(lambda: notify_subscribers.delay(event.pk))
    logger.info("Case %s: status %s recorded through %s (event %s)", case.pk, status.code, channel, event.pk)
    return event, True


@transaction.atomic
def access_code_issue(*, case: Case) -> str:
    """A new access code for the case (the old one stops working); the caller shows or sends it once."""
    code = codes.access_code_new()
    Case.objects.filter(pk=case.pk).update(access_code_hash=codes.access_code_hash(code))
    return code


@transaction.atomic
def access_code_send(*, case: Case) -> bool:
    """E-mail a new access code to the case's contact address (given with consent); False if there is none."""
    if not case.contact_email:
        return False
    code = access_code_issue(case=case)
    with translation.override(case.contact_language):
        context = {
            "code": code,
            "last_digits": codes.last_digits(case.number),
            "lookup_url": settings.SITE_URL + reverse("cases:lookup"),
        }
        subject = gettext("Your access code for the case-status page")
        body = render_to_string("cases/email/access_code.txt", context)
    email_enqueue(
        to_address=case.contact_email,
        subject=subject,
        body_text=body,
        language=case.contact_language,
        dedupe_key=f"case-access-code:{case.pk}:{secrets.token_hex(8)}",
    )
    return True


# --- Public lookup ------------------------------------------------------------------------------------------


class LookupOutcome(enum.Enum):
    FOUND = "found"
    NOT_FOUND = "not-found"
    LIMITED = "limited"


@dataclass(frozen=True)
class LookupResult:
    outcome: LookupOutcome
    case_id: int | None = None
    retry_after_seconds: int = 0


def case_lookup(*, number: str, access_code: str, client_key: str) -> LookupResult:
    """Find a case by number and access code, within the limits against guessing; every attempt is recorded.

    An unknown number and a wrong code take the same path (a hash comparison against a stand-in) and give the
    same answer, so the form does not tell which case numbers exist.
    """
    number_hash = codes.number_hash(number)
    address_key = "case-lookup-address:" + codes.number_hash("address:" + client_key)
    failures_key = "case-lookup-failures:" + number_hash

    cache.add(address_key, 0, 60)
    attempts = cache.incr(address_key)
    if attempts > settings.CASE_LOOKUPS_PER_MINUTE or (cache.get(failures_key) or 0) >= settings.CASE_LOOKUP_FAILURES:
        LookupRecord.objects.create(number_hash=number_hash, outcome=LookupRecord.Outcome.LIMITED)
        retry = 60 if attempts > settings.CASE_LOOKUPS_PER_MINUTE else settings.CASE_LOOKUP_COOLDOWN_SECONDS
        return LookupResult(LookupOutcome.LIMITED, retry_after_seconds=retry)

    found = Case.objects.filter(number_key=codes.number_key(number), anonymized_at__isnull=True).values_list(
        "pk", "access_code_hash"
    )
    case_id, stored_hash = found[0] if found else (None, "")
    if codes.access_code_matches(access_code, stored_hash) and case_id is not None:
        LookupRecord.objects.create(number_hash=number_hash, outcome=LookupRecord.Outcome.FOUND)
        return LookupResult(LookupOutcome.FOUND, case_id=case_id)

    cache.add(failures_key, 0, settings.CASE_LOOKUP_COOLDOWN_SECONDS)
    cache.incr(failures_key)
    LookupRecord.objects.create(number_hash=number_hash, outcome=LookupRecord.Outcome.NOT_FOUND)
    return LookupResult(LookupOutcome.NOT_FOUND)


def lookup_records_purge(*, now: datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - timedelta(days=settings.CASE_LOOKUP_RECORD_RETENTION_DAYS)
    return LookupRecord.objects.filter(created_at__lt=cutoff).delete()[0]


# --- Subscriptions ------------------------------------------------------------------------------------------

SUBSCRIPTION_CONFIRM_SALT = "cases.subscription.confirm"
SUBSCRIPTION_STOP_SALT = "cases.subscription.stop"
SUBSCRIPTION_CONFIRM_MAX_AGE = 60 * 60 * 24 * 3
SUBSCRIPTIONS_PER_CASE = 3


class SubscribeOutcome(enum.Enum):
    CONFIRMATION_SENT = "sent"
    ALREADY_ACTIVE = "active"
    TOO_MANY = "too-many"


def subscription_token(subscription: Subscription, salt: str) -> str:
    return signing.dumps(subscription.pk, salt=salt, compress=True)


def subscription_from_token(token: str, salt: str, max_age: int | None = None) -> Subscription | None:
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return None
    return Subscription.objects.select_related("case").filter(pk=pk).first()


@transaction.atomic
def subscription_request(*, case_id: int, email: str, language: str) -> SubscribeOutcome:
    """Ask to hear of changes: nothing is sent about the case until the address confirms by the link."""
    email = email.strip().lower()
    subscription = Subscription.objects.filter(case_id=case_id, email=email).first()
    if subscription is None:
        if Subscription.objects.filter(case_id=case_id).count() >= SUBSCRIPTIONS_PER_CASE:
            return SubscribeOutcome.TOO_MANY
        subscription = Subscription.objects.create(case_id=case_id, email=email, language=language)
    elif subscription.confirmed_at:
        return SubscribeOutcome.ALREADY_ACTIVE
    else:
        Subscription.objects.filter(pk=subscription.pk).update(language=language)

    with translation.override(language):
        confirm_path = reverse(
            "cases:subscription_confirm", args=[subscription_token(subscription, SUBSCRIPTION_CONFIRM_SALT)]
        )
        context = {
            "confirm_url": settings.SITE_URL + confirm_path,
            "last_digits": codes.last_digits(case_number(case_id)),
        }
        subject = gettext("Confirm e-mails about your case")
        body = render_to_string("cases/email/subscription_confirm.txt", context)
    # One confirmation per address and hour, however often the button is pressed.
    hour = timezone.now().strftime("%Y%m%d%H")
    email_enqueue(
        to_address=email,
        subject=subject,
        body_text=body,
        language=language,
        dedupe_key=f"case-subscription-confirm:{subscription.pk}:{hour}",
    )
    return SubscribeOutcome.CONFIRMATION_SENT


def case_number(case_id: int) -> str:
    return Case.objects.values_list("number", flat=True).get(pk=case_id)


def subscription_confirm(*, subscription: Subscription) -> None:
    Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())


def subscription_cancel(*, subscription: Subscription) -> None:
    Subscription.objects.filter(pk=subscription.pk).delete()


def subscribers_notify(*, event_id: int) -> int:
    """Queue one e-mail per confirmed subscriber for this event; returns how many were queued now.

    The outbox's dedupe key makes this safe to run again after a crash halfway: those already queued are not
    queued (or sent) a second time.
    """
    event = StatusEvent.objects.select_related("case", "status").get(pk=event_id)
    if event.case.status_id != event.status_id:
        return 0  # a late event that did not change the current status: nothing new to tell
    queued = 0
    for subscription in Subscription.objects.filter(case_id=event.case_id, confirmed_at__isnull=False):
        with translation.override(subscription.language):
            context = {
                "last_digits": codes.last_digits(event.case.number),
                "status_name": event.status.name,
                "lookup_url": settings.SITE_URL + reverse("cases:lookup"),
                "stop_url": settings.SITE_URL
                + reverse("cases:subscription_stop", args=[subscription_token(subscription, SUBSCRIPTION_STOP_SALT)]),
            }
            subject = gettext("Your case …%(digits)s: new status") % {"digits": context["last_digits"]}
            body = render_to_string("cases/email/status_changed.txt", context)
        email_enqueue(
            to_address=subscription.email,
            subject=subject,
            body_text=body,
            language=subscription.language,
            dedupe_key=f"case-event:{event.pk}:subscription:{subscription.pk}",
        )
        queued += 1
    return queued


# --- Integrations -------------------------------------------------------------------------------------------


def _token_hash(plaintext: str) -> str:
    # The token is 32 random bytes, so a plain hash is enough: there is nothing to guess.
    return hashlib.sha256(plaintext.encode()).hexdigest()


@transaction.atomic
def integration_token_create(*, name: str, created_by: "User | None" = None) -> tuple[IntegrationToken, str]:
    """A token for one system; the plain text is returned once and never stored."""
    plaintext = "kw_" + secrets.token_urlsafe(32)
    token = IntegrationToken.objects.create(
        name=name, token_hash=_token_hash(plaintext), prefix=plaintext[:8], created_by=created_by
    )
    return token, plaintext


def integration_token_revoke(*, token: IntegrationToken) -> None:
    IntegrationToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


def integration_token_authenticate(plaintext: str) -> IntegrationToken | None:
    token = IntegrationToken.objects.filter(token_hash=_token_hash(plaintext), revoked_at__isnull=True).first()
    if token is not None:
        IntegrationToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


# --- Retention ----------------------------------------------------------------------------------------------


@transaction.atomic
def cases_retention_apply(*, now: datetime | None = None) -> tuple[int, int]:
    """Erase contact data and subscriptions some days after a final status; anonymize old closed cases.

    Returns (cases whose contact data was erased, cases anonymized). Anonymized cases keep their procedure,
    place, dates and statuses, which the processing-time figures need, and lose everything that identifies them.
    """
    now = now or timezone.now()
    contact_cutoff = now - timedelta(days=settings.CASE_CONTACT_RETENTION_DAYS)
    finished = Case.objects.filter(final_at__lt=contact_cutoff, contact_erased_at__isnull=True)
    finished_ids = list(finished.values_list("pk", flat=True))
    Subscription.objects.filter(case_id__in=finished_ids).delete()
    erased = Case.objects.filter(pk__in=finished_ids).update(
        contact_email="", contact_consent_at=None, contact_erased_at=now
    )

    case_cutoff = now - timedelta(days=settings.CASE_RETENTION_DAYS)
    old = list(Case.objects.filter(final_at__lt=case_cutoff, anonymized_at__isnull=True).values_list("pk", flat=True))
    for pk in old:
        Case.objects.filter(pk=pk).update(
            number=f"ANON-{pk}", number_key=f"ANON{pk}", access_code_hash="", anonymized_at=now
        )
    StatusEvent.objects.filter(case_id__in=old).update(
        internal_note="", **{f"note_to_applicant_{code}": "" for code, _name in settings.LANGUAGES}
    )
    return erased, len(old)


# --- Processing times ---------------------------------------------------------------------------------------


def processing_times_refresh(*, today: date | None = None) -> int:
    """Recompute how long cases took over the last 12 months, per procedure and place; returns rows written.

    Runs nightly in Celery beat. It reads the events of decided cases once, in order, in chunks, so it stays
    within memory on millions of rows; a lookup then reads a handful of precomputed rows.
    """
    today = today or timezone.localdate()
    since = timezone.make_aware(datetime.combine(today - timedelta(days=365), datetime.min.time()))
    whole: dict[tuple[int, int], list[int]] = defaultdict(list)
    per_stage: dict[tuple[int, int, int], list[int]] = defaultdict(list)

    decided_recently = StatusEvent.objects.filter(occurred_at__gte=since).exclude(status__outcome="").values("case_id")
    events = (
        StatusEvent.objects.filter(case_id__in=decided_recently)
        .order_by("case_id", "occurred_at", "pk")
        .values_list(
            "case_id",
            "case__procedure_id",
            "case__place_id",
            "case__filed_on",
            "occurred_at",
            "status__stage",
            "status__outcome",
        )
    )
    current_case = None
    decided = False
    stage_started: tuple[int, datetime] | None = None
    for case_id, procedure_id, place_id, filed_on, occurred_at, stage, outcome in events.iterator(chunk_size=5000):
        if case_id != current_case:
            current_case, decided, stage_started = case_id, False, None
        if stage_started and stage_started[0] != stage:
            per_stage[(procedure_id, place_id, stage_started[0])].append((occurred_at - stage_started[1]).days)
            stage_started = None
        if stage_started is None:
            stage_started = (stage, occurred_at)
        if outcome and not decided:
            decided = True
            whole[(procedure_id, place_id)].append((timezone.localdate(occurred_at) - filed_on).days)

    now = timezone.now()
    rows = [
        _processing_time(procedure_id, place_id, ProcessingTime.WHOLE_CASE, days, now)
        for (procedure_id, place_id), days in whole.items()
    ] + [
        _processing_time(procedure_id, place_id, stage, days, now)
        for (procedure_id, place_id, stage), days in per_stage.items()
        if stage < Stage.DECISION
    ]
    with transaction.atomic():
        ProcessingTime.objects.all().delete()
        ProcessingTime.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _processing_time(
    procedure_id: int, place_id: int, stage: int, days: list[int], now: datetime
) -> ProcessingTime:
    days = sorted(max(0, value) for value in days)
    p80 = days[min(len(days) - 1, int(len(days) * 0.8))]
    median = round(statistics.median(days))
    return ProcessingTime(
        procedure_id=procedure_id,
        place_id=place_id,
        stage=stage,
        median_days=median,
        p80_days=max(p80, median),
        sample_size=len(days),
        computed_at=now,
    )

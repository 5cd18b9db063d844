"""Writes of the cases app: status changes, lookups with their limits, subscriptions, tokens and retention.

Officers (admin), file imports and the API all change a status through `case_status_set`, so the history,
the current status and the notifications cannot disagree whichever way a change arrives.
"""

import enum
import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from cases import codes, lookup_records, result_cache

# The `name as name` imports re-export writes that live in modules of their own: callers import them from here.
from cases.integrations import api_call_record as api_call_record
from cases.integrations import api_calls_purge as api_calls_purge
from cases.integrations import integration_token_authenticate as integration_token_authenticate
from cases.integrations import integration_token_create as integration_token_create
from cases.integrations import integration_token_revoke as integration_token_revoke
from cases.integrations import integration_token_scope_set as integration_token_scope_set
from cases.lookup_records import lookup_records_flush as lookup_records_flush
from cases.models import (
    Case,
    CaseStatus,
    IntegrationToken,
    LookupRecord,
    Procedure,
    StatusEvent,
    Subscription,
)
from cases.processing_times import processing_times_refresh as processing_times_refresh
from cases.retention import cases_retention_apply as cases_retention_apply
from cases.retention import lookup_records_purge as lookup_records_purge
from cases.retention import subscriptions_current as subscriptions_current
from cases.retention import subscriptions_purge_unconfirmed as subscriptions_purge_unconfirmed
from portal import ratelimit
from portal.audit import audit_record
from portal.queue import task_enqueue
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
    contact_email: str = "",
    contact_language: str = "pl",
    contact_consent: bool = False,
) -> Case:
    """Register a case with its first status; raises IntegrityError if the number exists already.

    A contact address is kept only with the applicant's consent (see `contact_fields`).
    """
    case = Case.objects.create(
        number=codes.number_display(number),
        number_key=codes.number_key(number),
        procedure=procedure,
        place=place,
        filed_on=filed_on,
        status=status,
        status_changed_at=occurred_at,
        access_code_hash=codes.access_code_hash(access_code) if access_code else "",
        **contact_fields(email=contact_email, language=contact_language, consent=contact_consent, consent_at=None),
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


def contact_fields(*, email: str, language: str, consent: bool, consent_at: datetime | None) -> dict[str, Any]:
    """The consent rule: an e-mail address is kept only with the applicant's consent, dated when first given.

    Without consent the address is dropped (the database refuses an address without a consent date too).
    """
    keep = bool(consent and email)
    return {
        "contact_email": email if keep else "",
        "contact_language": language,
        "contact_consent_at": (consent_at or timezone.now()) if keep else None,
    }


@transaction.atomic
def case_details_update(
    *,
    case: Case,
    procedure: Procedure,
    place: "Place",
    filed_on: date,
    contact_email: str,
    contact_language: str,
    contact_consent: bool,
    changed_by: "User | None" = None,
) -> Case:
    """An officer corrects a case's details or its contact address; recorded in the audit trail.

    The trail keeps which fields changed (ids and dates), and for the address only whether there is one.
    """
    case = Case.objects.select_for_update().get(pk=case.pk)
    before = {
        "procedure": case.procedure_id,
        "place": case.place_id,
        "filed_on": case.filed_on,
        "contact_email": bool(case.contact_email),
        "contact_language": case.contact_language,
    }
    fields = contact_fields(
        email=contact_email, language=contact_language, consent=contact_consent, consent_at=case.contact_consent_at
    )
    Case.objects.filter(pk=case.pk).update(procedure=procedure, place=place, filed_on=filed_on, **fields)
    result_cache.case_changed(case.pk)
    after = {
        "procedure": procedure.pk,
        "place": place.pk,
        "filed_on": filed_on,
        "contact_email": bool(fields["contact_email"]),
        "contact_language": contact_language,
    }
    changes = {name: (before[name], after[name]) for name in before if before[name] != after[name]}
    if changes and changed_by is not None:
        audit_record(
            actor=changed_by,
            action="case.update",
            obj=case,
            place=place.pk,
            changes=changes,
            label=case_audit_label(case),
        )
    case.refresh_from_db()
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
    case = Case.objects.select_for_update(of=("self",)).select_related("status").get(pk=case.pk)
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

    previous_status = case.status
    if changed_by is not None or integration is not None:
        _status_change_audit(case, previous_status, status, event, changed_by, integration, channel)
    if occurred_at >= case.status_changed_at or case.status_id == status.pk:
        case.status = status
        case.status_changed_at = occurred_at
        case.final_at = occurred_at if status.is_final else None
        case.save(update_fields=["status", "status_changed_at", "final_at"])
        task_enqueue("cases.tasks.notify_subscribers", event.pk)
    logger.info("Case %s: status %s recorded through %s (event %s)", case.pk, status.code, channel, event.pk)
    return event, True


def case_audit_label(case: Case) -> str:
    """How the audit trail names a case: the end of its number, which staff recognise and which identifies
    nobody once the case is anonymized (the trail is append-only and outlives the number)."""
    return "…" + codes.last_digits(case.number)


def _status_change_audit(
    case: Case,
    previous_status: CaseStatus | None,
    status: CaseStatus,
    event: StatusEvent,
    changed_by: "User | None",
    integration: IntegrationToken | None,
    channel: str,
) -> None:
    # An integration has no user: the trail names the token's system in the note.
    audit_record(
        actor=changed_by,
        action="case.status_set",
        obj=case,
        place=case.place_id,
        changes={"status": (previous_status.code if previous_status else None, status.code)},
        label=case_audit_label(case),
        note=(f"{channel}: {integration.name}" if integration is not None else channel)
        + f" (event {event.pk}, {event.occurred_at.isoformat()})",
    )


@transaction.atomic
def access_code_issue(*, case: Case, issued_by: "User | None" = None) -> str:
    """A new access code for the case (the old one stops working); the caller shows or sends it once."""
    code = codes.access_code_new()
    Case.objects.filter(pk=case.pk).update(access_code_hash=codes.access_code_hash(code))
    if issued_by is not None:
        audit_record(
            actor=issued_by,
            action="case.access_code_issue",
            obj=case,
            place=case.place_id,
            label=case_audit_label(case),
        )
    return code


@transaction.atomic
def access_code_send(*, case: Case, issued_by: "User | None" = None) -> bool:
    """E-mail a new access code to the case's contact address (given with consent); False if there is none."""
    if not case.contact_email:
        return False
    code = access_code_issue(case=case, issued_by=issued_by)
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


LOOKUP_ADDRESS = "case-lookup-address"  # attempts per client address, per minute
LOOKUP_PAIR = "case-lookup-pair"  # failures per (case, address)
LOOKUP_PAIR_LOCK = "case-lookup-pair-lock"
LOOKUP_CASE = "case-lookup-case"  # failures per case, from every address
LOOKUP_CASE_LOCK = "case-lookup-case-lock"


def case_lookup(*, number: str, access_code: str, client_key: str) -> LookupResult:
    """Find a case by number and access code, within the limits against guessing; every attempt is recorded.

    An unknown number and a wrong code take the same path (a hash comparison against a stand-in) and give the
    same answer, so the form does not tell which case numbers exist.

    Limits (see settings): attempts per address and minute; failures per case *and address*, which lock that
    address out of that case for the cool-down; and failures per case from all addresses, a much higher number
    that starts a short back-off. The back-off applies only to addresses that already failed on the case, so a
    stranger cycling addresses cannot keep the owner out: the owner's first, correct try gets through.
    """
    number_hash = codes.number_hash(number)
    bucket = ratelimit.client_bucket(client_key)
    pair = (number_hash, bucket)

    if ratelimit.hit(LOOKUP_ADDRESS, bucket, limit=settings.CASE_LOOKUPS_PER_MINUTE, window=60):
        return _lookup_limited(number_hash, 60)
    pair_lock = ratelimit.locked_for(LOOKUP_PAIR_LOCK, pair)
    if pair_lock:
        return _lookup_limited(number_hash, pair_lock)
    case_lock = ratelimit.locked_for(LOOKUP_CASE_LOCK, number_hash)
    if case_lock and ratelimit.count(LOOKUP_PAIR, pair):
        return _lookup_limited(number_hash, case_lock)

    found = Case.objects.filter(number_key=codes.number_key(number), anonymized_at__isnull=True).values_list(
        "pk", "access_code_hash"
    )
    case_id, stored_hash = found[0] if found else (None, "")
    if codes.access_code_matches(access_code, stored_hash) and case_id is not None:
        lookup_records.record_found(number_hash=number_hash)
        ratelimit.reset(LOOKUP_PAIR, pair)
        return LookupResult(LookupOutcome.FOUND, case_id=case_id)

    cooldown = settings.CASE_LOOKUP_COOLDOWN_SECONDS
    if ratelimit.increment(LOOKUP_PAIR, pair, window=cooldown) >= settings.CASE_LOOKUP_FAILURES:
        ratelimit.lock(LOOKUP_PAIR_LOCK, pair, seconds=cooldown)
    if ratelimit.increment(LOOKUP_CASE, number_hash, window=cooldown) >= settings.CASE_LOOKUP_CASE_FAILURES:
        ratelimit.lock(LOOKUP_CASE_LOCK, number_hash, seconds=settings.CASE_LOOKUP_CASE_BACKOFF_SECONDS)
    LookupRecord.objects.create(number_hash=number_hash, outcome=LookupRecord.Outcome.NOT_FOUND)
    return LookupResult(LookupOutcome.NOT_FOUND)


def _lookup_limited(number_hash: str, retry_after_seconds: int) -> LookupResult:
    LookupRecord.objects.create(number_hash=number_hash, outcome=LookupRecord.Outcome.LIMITED)
    return LookupResult(LookupOutcome.LIMITED, retry_after_seconds=max(1, retry_after_seconds))


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
        # Requests left unconfirmed for a week do not count (and are purged): they cannot lock out the owner.
        current = Subscription.objects.filter(subscriptions_current(), case_id=case_id)
        if current.count() >= SUBSCRIPTIONS_PER_CASE:
            return SubscribeOutcome.TOO_MANY
        subscription = Subscription.objects.create(case_id=case_id, email=email, language=language)
    elif subscription.confirmed_at:
        return SubscribeOutcome.ALREADY_ACTIVE
    else:
        # Asking again starts the week again.
        Subscription.objects.filter(pk=subscription.pk).update(language=language, created_at=timezone.now())

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


@transaction.atomic
def subscription_remove(*, subscription: Subscription, removed_by: "User") -> bool:
    """An officer removes an address from a case's e-mail updates; the trail keeps that it happened, not the
    address. Returns False if it was gone already."""
    case = Case.objects.only("pk", "number", "place_id").get(pk=subscription.case_id)
    deleted = Subscription.objects.filter(pk=subscription.pk).delete()[0]
    if deleted:
        audit_record(
            actor=removed_by,
            action="case.subscription_remove",
            obj=case,
            place=case.place_id,
            changes={"subscription": (subscription.pk, None), "confirmed": (bool(subscription.confirmed_at), None)},
            label=case_audit_label(case),
        )
    return bool(deleted)


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

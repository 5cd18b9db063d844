"""Signed links of the appointments app: their salts, lifetimes and the helpers that make and read them.

A module of its own, below the services, the e-mails, the documents and the waiting list, so that all of them can
make and read links without importing each other. A link carries ids and a version, never personal data; a new
version (a move, a cancellation) makes every older link useless.
"""

import hashlib
import hmac
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from appointments.dates import local_datetime, local_today
from appointments.models import Booking, DrawRequest, WaitingListEntry

CONFIRM_SALT = "appointments.booking-confirm"
MANAGE_SALT = "appointments.booking-manage"
WAITING_CONFIRM_SALT = "appointments.waiting-confirm"
WAITING_LEAVE_SALT = "appointments.waiting-leave"
CLAIM_SALT = "appointments.waiting-claim"
DRAW_CONFIRM_SALT = "appointments.draw-confirm"

# How long each kind of link works after it was made (seconds). The confirmation link also needs a running hold.
CONFIRM_MAX_AGE = 60 * 60 * 24
WAITING_CONFIRM_MAX_AGE = 60 * 60 * 24 * 3
DRAW_CONFIRM_MAX_AGE = 60 * 60 * 24 * 14


def booking_token(booking: Booking, salt: str) -> str:
    return signing.dumps([booking.pk, booking.token_version], salt=salt, compress=True)


def booking_from_token(token: str, salt: str, max_age: int | timedelta | None = None) -> Booking | None:
    """The booking a signed link points at, or None if the link was tampered with, expired or used up."""
    try:
        booking_id, version = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (
        Booking.objects.select_related("service", "place")
        .filter(pk=booking_id, token_version=version)
        .first()
    )


def manage_link_expires_at(booking: Booking) -> datetime:
    """When the booking's manage link (and its documents) stop working: the end of the visit's day plus
    APPOINTMENT_MANAGE_LINK_DAYS_AFTER_VISIT days. A link must not open a person's booking for ever."""
    last_day = local_today(booking.starts_at) + timedelta(days=settings.APPOINTMENT_MANAGE_LINK_DAYS_AFTER_VISIT)
    return local_datetime(last_day + timedelta(days=1), time(0, 0))


def booking_from_manage_token(token: str, *, now: datetime | None = None) -> Booking | None:
    """The booking behind a manage link, or None if the link is tampered with, replaced or past its expiry."""
    booking = booking_from_token(token, MANAGE_SALT)
    if booking is None or (now or timezone.now()) >= manage_link_expires_at(booking):
        return None
    return booking


def entry_token(entry: WaitingListEntry, salt: str) -> str:
    return signing.dumps([entry.pk, entry.email_key], salt=salt, compress=True)


def entry_from_token(token: str, salt: str, max_age: int | None = None) -> WaitingListEntry | None:
    """The waiting-list entry a signed link points at, or None if tampered with or expired.

    The normalized address is part of the token, so a link stays tied to the person it was sent to.
    """
    try:
        entry_id, email_key = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (
        WaitingListEntry.objects.select_related("service", "place")
        .filter(pk=entry_id, email_key=email_key)
        .first()
    )


def draw_request_token(request: DrawRequest) -> str:
    return signing.dumps([request.pk, request.email_key], salt=DRAW_CONFIRM_SALT, compress=True)


def draw_request_from_token(token: str) -> DrawRequest | None:
    """The draw request behind a confirmation link (for DRAW_CONFIRM_MAX_AGE), or None."""
    try:
        request_id, email_key = signing.loads(token, salt=DRAW_CONFIRM_SALT, max_age=DRAW_CONFIRM_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (
        DrawRequest.objects.select_related("draw__schedule__service", "draw__schedule__place")
        .filter(pk=request_id, email_key=email_key)
        .first()
    )


# The six digits a person may type on the booking page instead of clicking the confirmation link. Derived from the
# booking and its link version with a keyed hash, so nothing is stored and a new version (a move) changes it.
CONFIRMATION_CODE_DIGITS = 6


def booking_confirmation_code(booking: Booking) -> str:
    message = f"appointments.booking-confirm-code:{booking.pk}:{booking.token_version}".encode()
    digest = hmac.new(settings.HASHING_KEY.encode(), message, hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**CONFIRMATION_CODE_DIGITS:0{CONFIRMATION_CODE_DIGITS}d}"


def booking_confirmation_code_matches(booking: Booking, code: str) -> bool:
    typed = "".join(character for character in code or "" if character in "0123456789")
    return hmac.compare_digest(typed, booking_confirmation_code(booking))

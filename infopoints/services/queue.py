"""Writes of the walk-in queue: issuing tickets at a kiosk, the desk's actions, desks, devices and the day's end.

Two rules carry the queue's consistency and both live in the database:
- a ticket number is drawn from the day's counter row for its letter, locked while it is drawn
  (`_next_number`), so numbers are unique per place, day and letter and restart every day;
- "call next" takes a ticket with a conditional UPDATE (`status` still waiting), after choosing it with
  `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL, so two desks pressing at once never get the same ticket,
  and a desk can hold one visitor at a time (a partial unique constraint).
Every staff action is recorded in the audit trail inside its transaction.
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from appointments import services as appointment_services
from infopoints.models import DayCounter, Desk, Device, Matter, Ticket
from infopoints.queue_rules import AT_DESK, WAITING, call_rank, wait_minutes_about
from infopoints.queue_state import forget_device, queue_changed
from portal.audit import audit_record

logger = logging.getLogger(__name__)

__all__ = [
    "ENROL_SALT",
    "QueueError",
    "WAITING",
    "AT_DESK",
    "Outcome",
    "call_rank",
    "desk_close",
    "desk_open",
    "device_enrol",
    "device_enrolment_token",
    "device_reopen_enrolment",
    "device_revoke",
    "device_touch",
    "matter_next_opening",
    "matter_problem",
    "queue_days_close",
    "queue_message",
    "ticket_call_next",
    "ticket_check_in",
    "ticket_finish",
    "ticket_issue",
    "ticket_mark_missed",
    "ticket_park",
    "ticket_recall",
    "ticket_set_priority",
    "ticket_start",
    "ticket_transfer",
    "ticket_unpark",
    "wait_minutes_about",
]

ENROL_SALT = "infopoints.device-enrol"

MESSAGES = {
    "unknown_matter": _("This matter is not available here. Please choose one of the matters shown."),
    "matter_closed": _("Tickets for this matter are not issued at the moment."),
    "sold_out": _("All of today's tickets for this matter have been issued."),
    "checkin_unknown": _(
        "We could not find a booking for today at this place with this code. Check the code in your e-mail "
        "or ask at the information desk."
    ),
    "no_checkin_matter": _("Check-in with a booking code is not available here. Please ask at the desk."),
    "not_your_desk": _("This desk is not open in your name. Open it first."),
    "desk_taken": _("Someone else is working at this desk. Choose another desk."),
    "desk_busy": _("Finish the current visitor first (served, did not come, parked or transferred)."),
    "ticket_taken": _("Another desk has already taken this ticket. The queue has been refreshed."),
    "wrong_status": _("This ticket cannot be changed this way now; the queue has been refreshed."),
    "recall_first": _("Call the ticket again first: it can be marked as missed after %(count)s recalls."),
    "wrong_place": _("That desk or matter belongs to another place."),
    "enrol_invalid": _("This enrolment link is not valid any more. Ask an administrator for a new one."),
}


class QueueError(Exception):
    """A queue action that cannot go on; `code` picks the message (`queue_message`)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def queue_message(code: str) -> str:
    if code == "recall_first":
        return str(MESSAGES[code]) % {"count": settings.QUEUE_RECALLS_BEFORE_MISSED}
    return str(MESSAGES.get(code, MESSAGES["wrong_status"]))


# --- Opening of matters ------------------------------------------------------------------------------------


def _opening_days(place) -> set[int]:
    return {hours.weekday for hours in place.opening_hours.all()}


def matter_problem(matter: Matter, *, now: datetime | None = None) -> str | None:
    """Why the kiosk cannot issue a ticket for `matter` now (a code), or None. Reads the place's opening days."""
    now = timezone.localtime(now or timezone.now())
    if not matter.is_open:
        return "matter_closed"
    day = now.date()
    if day.weekday() not in _opening_days(matter.place) or day in appointment_services.public_holidays(day.year):
        return "matter_closed"
    if not (matter.issue_from <= now.time() < matter.issue_until):
        return "matter_closed"
    return None


def matter_next_opening(matter: Matter, *, now: datetime | None = None) -> datetime | None:
    """When the kiosk issues tickets for `matter` next (None: closed until staff open it again)."""
    if not matter.is_open:
        return None
    now = timezone.localtime(now or timezone.now())
    days = _opening_days(matter.place)
    for offset in range(0, 15):
        day = now.date() + timedelta(days=offset)
        if day.weekday() not in days or day in appointment_services.public_holidays(day.year):
            continue
        opens = timezone.make_aware(datetime.combine(day, matter.issue_from))
        if offset == 0 and now.time() >= matter.issue_from:
            if now.time() < matter.issue_until:
                return now
            continue
        return opens
    return None


# --- Issuing tickets ---------------------------------------------------------------------------------------


def _next_number(*, place_id: int, day, letter: str, limit: int | None) -> int:
    """The next number for `letter` today, from the day's counter row locked until the ticket is saved."""
    DayCounter.objects.get_or_create(place_id=place_id, day=day, letter=letter)
    counter = DayCounter.objects.select_for_update().get(place_id=place_id, day=day, letter=letter)
    if limit is not None and counter.last_number >= limit:
        raise QueueError("sold_out")
    DayCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    return counter.last_number + 1


def _create_ticket(*, device, matter: Matter, press_key: str, now: datetime, **fields) -> Ticket:
    day = timezone.localdate(now)
    number = _next_number(place_id=matter.place_id, day=day, letter=matter.letter, limit=fields.pop("limit", None))
    ticket = Ticket.objects.create(
        place_id=matter.place_id,
        matter=matter,
        day=day,
        letter=matter.letter,
        number=number,
        token=secrets.token_urlsafe(16),
        device_id=device.pk,
        press_key=press_key[:40],
        issued_at=now,
        queued_at=now,
        **fields,
    )
    queue_changed(matter.place_id)
    return ticket


def _pressed_before(device, press_key: str) -> Ticket | None:
    if not press_key:
        return None
    return (
        Ticket.objects.filter(device_id=device.pk, press_key=press_key[:40]).select_related("matter", "place").first()
    )


def ticket_issue(*, device, matter_id: int, press_key: str, now: datetime | None = None) -> Ticket:
    """A walk-in ticket from a kiosk (`device`: a Device or the request's DeviceInfo).

    The same press (same `press_key`) always gives back the same ticket."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            existing = _pressed_before(device, press_key)
            if existing is not None:
                return existing
            matter = (
                Matter.objects.select_related("place")
                .prefetch_related("place__opening_hours")
                .filter(pk=matter_id, place=device.place_id, is_checkin=False)
                .first()
            )
            if matter is None:
                raise QueueError("unknown_matter")
            problem = matter_problem(matter, now=now)
            if problem:
                raise QueueError(problem)
            return _create_ticket(device=device, matter=matter, press_key=press_key, now=now, limit=matter.daily_limit)
    except IntegrityError:
        # The same press arrived twice at once: the first one's ticket is the answer.
        existing = _pressed_before(device, press_key)
        if existing is None:
            raise
        return existing


def ticket_check_in(*, device, code: str, press_key: str, now: datetime | None = None) -> Ticket:
    """A person with a booking for today checks in at the kiosk: the booking is marked arrived (as at the desk)
    and they get a priority ticket in the place's check-in matter, called first once their time is due."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            existing = _pressed_before(device, press_key)
            if existing is not None:
                return existing
            matter = Matter.objects.select_related("place").filter(place=device.place_id, is_checkin=True).first()
            if matter is None:
                raise QueueError("no_checkin_matter")
            try:
                booking = appointment_services.booking_check_in_by_code(place_id=device.place_id, code=code, now=now)
            except appointment_services.BookingError as exc:
                raise QueueError("checkin_unknown") from exc
            already = Ticket.objects.filter(booking=booking.pk).select_related("matter", "place").first()
            if already is not None:
                return already
            return _create_ticket(
                device=device, matter=matter, press_key=press_key, now=now,
                booking_id=booking.pk, appointment_at=booking.starts_at, priority=Ticket.Priority.APPOINTMENT,
            )
    except IntegrityError:
        existing = _pressed_before(device, press_key)
        if existing is None:
            raise
        return existing


# --- The desk ----------------------------------------------------------------------------------------------


def _audit(ticket: Ticket, user, action: str, changes: dict) -> None:
    audit_record(actor=user, action=action, obj=ticket, place=ticket.place_id, changes=changes, label=ticket.code)


def _my_desk(desk_id: int, user) -> Desk:
    desk = Desk.objects.select_for_update().filter(pk=desk_id).first()
    if desk is None or desk.staff_id != user.pk:
        raise QueueError("not_your_desk")
    return desk


def ticket_call_next(*, desk_id: int, user, now: datetime | None = None) -> Ticket | None:
    """Call the next visitor to the desk: appointments due now, then priority tickets, then first come, first
    served across the desk's matters (and tickets transferred to this desk). None when nobody is waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        desk = _my_desk(desk_id, user)
        if Ticket.objects.filter(desk=desk, status__in=AT_DESK).exists():
            raise QueueError("desk_busy")
        matter_ids = list(desk.matters.values_list("pk", flat=True))
        candidates = (
            Ticket.objects.filter(place=desk.place_id, day=timezone.localdate(now), status__in=WAITING)
            .filter(Q(matter__in=matter_ids, target_desk__isnull=True) | Q(target_desk=desk))
            .annotate(rank=call_rank(now))
            .order_by("rank", "queued_at", "pk")
        )
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        for _attempt in range(5):
            ticket = candidates.first()
            if ticket is None:
                return None
            # The conditional update is the guard where SKIP LOCKED does not exist (SQLite serializes writers).
            taken = Ticket.objects.filter(pk=ticket.pk, status__in=WAITING).update(
                status=Ticket.Status.CALLED, desk=desk, target_desk=None, called_at=now, served_by=user
            )
            if taken:
                old_status = ticket.status
                ticket.refresh_from_db()
                changes = {"status": (old_status, ticket.status), "desk": (None, desk.number)}
                _audit(ticket, user, "ticket.call", changes)
                queue_changed(desk.place_id)
                return ticket
    return None


def _ticket_at(ticket_id: int, statuses: list[str]) -> Ticket:
    ticket = Ticket.objects.select_for_update().filter(pk=ticket_id).first()
    if ticket is None or ticket.status not in statuses:
        raise QueueError("wrong_status")
    return ticket


def _ticket_at_my_desk(ticket_id: int, user, statuses: list[str]) -> Ticket:
    ticket = _ticket_at(ticket_id, statuses)
    if ticket.desk_id is None or not Desk.objects.filter(pk=ticket.desk_id, staff=user).exists():
        raise QueueError("ticket_taken")
    return ticket


def _save(ticket: Ticket, user, action: str, old_status: str, fields: list[str], **extra_changes) -> Ticket:
    ticket.save(update_fields=fields)
    _audit(ticket, user, action, {"status": (old_status, ticket.status), **extra_changes})
    queue_changed(ticket.place_id)
    return ticket


@transaction.atomic
def ticket_recall(*, ticket_id: int, user) -> Ticket:
    """Call the same ticket again (the display and the phone show it as a new call)."""
    ticket = _ticket_at_my_desk(ticket_id, user, [Ticket.Status.CALLED])
    ticket.recalls += 1
    ticket.called_at = timezone.now()
    return _save(ticket, user, "ticket.recall", ticket.status, ["recalls", "called_at"],
                 recalls=(ticket.recalls - 1, ticket.recalls))


@transaction.atomic
def ticket_mark_missed(*, ticket_id: int, user) -> Ticket:
    """The visitor did not come after the configured number of recalls."""
    ticket = _ticket_at_my_desk(ticket_id, user, [Ticket.Status.CALLED])
    if ticket.recalls < settings.QUEUE_RECALLS_BEFORE_MISSED:
        raise QueueError("recall_first")
    old = ticket.status
    ticket.status = Ticket.Status.NO_SHOW
    ticket.finished_at = timezone.now()
    return _save(ticket, user, "ticket.miss", old, ["status", "finished_at"])


@transaction.atomic
def ticket_start(*, ticket_id: int, user) -> Ticket:
    """The visitor is at the desk: the service time starts."""
    ticket = _ticket_at_my_desk(ticket_id, user, [Ticket.Status.CALLED])
    old = ticket.status
    ticket.status = Ticket.Status.SERVING
    ticket.served_at = timezone.now()
    return _save(ticket, user, "ticket.start", old, ["status", "served_at"])


@transaction.atomic
def ticket_park(*, ticket_id: int, user) -> Ticket:
    """The visitor steps aside (to fetch a document); the desk is free for the next one meanwhile."""
    ticket = _ticket_at_my_desk(ticket_id, user, AT_DESK)
    old = ticket.status
    ticket.status = Ticket.Status.PARKED
    return _save(ticket, user, "ticket.park", old, ["status"])


@transaction.atomic
def ticket_unpark(*, ticket_id: int, desk_id: int, user) -> Ticket:
    """Bring a parked ticket back to the user's desk (which must be free)."""
    desk = _my_desk(desk_id, user)
    ticket = _ticket_at(ticket_id, [Ticket.Status.PARKED])
    if ticket.place_id != desk.place_id:
        raise QueueError("wrong_place")
    if Ticket.objects.filter(desk=desk, status__in=AT_DESK).exists():
        raise QueueError("desk_busy")
    old = ticket.status
    ticket.status = Ticket.Status.SERVING
    ticket.desk = desk
    ticket.served_by = user
    ticket.served_at = ticket.served_at or timezone.now()
    return _save(ticket, user, "ticket.unpark", old, ["status", "desk", "served_by", "served_at"],
                 desk=(None, desk.number))


@transaction.atomic
def ticket_transfer(*, ticket_id: int, user, matter_id: int | None = None, desk_id: int | None = None) -> Ticket:
    """Send the visitor to another matter or desk; they keep their place in the queue (the original time)."""
    ticket = _ticket_at_my_desk(ticket_id, user, [*AT_DESK, Ticket.Status.PARKED])
    changes = {}
    fields = ["status", "desk", "target_desk", "transfers", "matter"]
    if matter_id is not None:
        matter = Matter.objects.filter(pk=matter_id, place=ticket.place_id).first()
        if matter is None:
            raise QueueError("wrong_place")
        changes["matter"] = (ticket.matter_id, matter.pk)
        ticket.matter = matter
    target = None
    if desk_id is not None:
        target = Desk.objects.filter(pk=desk_id, place=ticket.place_id).first()
        if target is None:
            raise QueueError("wrong_place")
        changes["target_desk"] = (None, target.number)
    if not changes:
        raise QueueError("wrong_status")
    old = ticket.status
    ticket.status = Ticket.Status.TRANSFERRED
    ticket.desk = None
    ticket.target_desk = target
    ticket.transfers += 1
    return _save(ticket, user, "ticket.transfer", old, fields, **changes)


@dataclass(frozen=True)
class Outcome:
    """What the statistics keep about a finished visit; nothing that identifies the visitor."""

    served: bool
    topic: str = ""
    language: str = ""
    resolved: bool | None = None


@transaction.atomic
def ticket_finish(*, ticket_id: int, user, outcome: Outcome) -> Ticket:
    """End the visit: served (with topic, language, resolved) or the visitor did not come to the desk."""
    ticket = _ticket_at_my_desk(ticket_id, user, AT_DESK)
    now = timezone.now()
    old = ticket.status
    ticket.status = Ticket.Status.SERVED if outcome.served else Ticket.Status.NO_SHOW
    ticket.finished_at = now
    if outcome.served:
        ticket.served_at = ticket.served_at or ticket.called_at
        ticket.topic = outcome.topic if outcome.topic in Ticket.Topic.values else ""
        ticket.language = outcome.language[:8]
        ticket.resolved = outcome.resolved
    return _save(ticket, user, "ticket.finish", old,
                 ["status", "finished_at", "served_at", "topic", "language", "resolved"],
                 topic=("", ticket.topic), resolved=(None, ticket.resolved))


@transaction.atomic
def ticket_set_priority(*, ticket_id: int, user, priority: str) -> Ticket:
    """Staff mark a waiting ticket as a priority (disability, pregnancy, a small child), or take the mark off."""
    if priority not in Ticket.Priority.values or priority == Ticket.Priority.APPOINTMENT:
        raise QueueError("wrong_status")
    ticket = _ticket_at(ticket_id, WAITING)
    if ticket.priority == Ticket.Priority.APPOINTMENT:
        raise QueueError("wrong_status")
    old_priority = ticket.priority
    ticket.priority = priority
    ticket.save(update_fields=["priority"])
    _audit(ticket, user, "ticket.priority", {"priority": (old_priority, priority)})
    queue_changed(ticket.place_id)
    return ticket


@transaction.atomic
def desk_open(*, desk_id: int, user, matter_ids: list[int]) -> Desk:
    """Sit at a desk and choose the matters it serves; a person holds one desk at a time."""
    desk = Desk.objects.select_for_update().filter(pk=desk_id).first()
    if desk is None:
        raise QueueError("wrong_place")
    if desk.staff_id not in (None, user.pk):
        raise QueueError("desk_taken")
    for other in Desk.objects.select_for_update().filter(staff=user).exclude(pk=desk.pk):
        other.staff = None
        other.opened_at = None
        other.save(update_fields=["staff", "opened_at"])
        audit_record(actor=user, action="desk.close", obj=other, place=other.place_id, label=str(other.number))
    matters = list(Matter.objects.filter(pk__in=matter_ids, place=desk.place_id).values_list("pk", flat=True))
    old_matters = sorted(desk.matters.values_list("pk", flat=True))
    was_open = desk.staff_id == user.pk
    desk.staff = user
    desk.opened_at = desk.opened_at if was_open else timezone.now()
    desk.save(update_fields=["staff", "opened_at"])
    desk.matters.set(matters)
    audit_record(actor=user, action="desk.open", obj=desk, place=desk.place_id, label=str(desk.number),
                 changes={"matters": (old_matters, sorted(matters))})
    queue_changed(desk.place_id)
    return desk


@transaction.atomic
def desk_close(*, desk_id: int, user) -> Desk:
    desk = _my_desk(desk_id, user)
    if Ticket.objects.filter(desk=desk, status__in=AT_DESK).exists():
        raise QueueError("desk_busy")
    desk.staff = None
    desk.opened_at = None
    desk.save(update_fields=["staff", "opened_at"])
    audit_record(actor=user, action="desk.close", obj=desk, place=desk.place_id, label=str(desk.number))
    queue_changed(desk.place_id)
    return desk


# --- Devices -----------------------------------------------------------------------------------------------


def device_enrolment_token(device: Device) -> str:
    """The secret of the one-time enrolment link (valid for a day, for this key version only)."""
    return signing.dumps({"d": device.pk, "v": device.secret_version}, salt=ENROL_SALT)


@transaction.atomic
def device_enrol(*, token: str, now: datetime | None = None) -> Device:
    """The browser opening the enrolment link becomes the device; the link stops working."""
    try:
        data = signing.loads(token, salt=ENROL_SALT, max_age=settings.QUEUE_ENROLMENT_LINK_HOURS * 3600)
    except signing.BadSignature as exc:
        raise QueueError("enrol_invalid") from exc
    device = Device.objects.select_for_update().filter(pk=data.get("d")).first()
    if (
        device is None
        or device.secret_version != data.get("v")
        or not device.enrolment_open
        or device.revoked_at is not None
    ):
        raise QueueError("enrol_invalid")
    device.enrolment_open = False
    device.enrolled_at = now or timezone.now()
    device.last_seen_at = device.enrolled_at
    device.save(update_fields=["enrolment_open", "enrolled_at", "last_seen_at"])
    audit_record(actor=None, action="device.enrol", obj=device, place=device.place_id, label=device.name)
    return device


@transaction.atomic
def device_revoke(*, device_id: int, user) -> Device:
    """The device stops working at once: its cookie names an old key version."""
    device = Device.objects.select_for_update().get(pk=device_id)
    device.revoked_at = timezone.now()
    device.secret_version += 1
    device.enrolment_open = False
    device.save(update_fields=["revoked_at", "secret_version", "enrolment_open"])
    audit_record(actor=user, action="device.revoke", obj=device, place=device.place_id, label=device.name)
    transaction.on_commit(lambda: forget_device(device.pk))
    return device


@transaction.atomic
def device_reopen_enrolment(*, device_id: int, user) -> Device:
    """A new enrolment link for the device (a replaced browser); the old cookie stops working."""
    device = Device.objects.select_for_update().get(pk=device_id)
    device.secret_version += 1
    device.enrolment_open = True
    device.revoked_at = None
    device.save(update_fields=["secret_version", "enrolment_open", "revoked_at"])
    audit_record(actor=user, action="device.new_link", obj=device, place=device.place_id, label=device.name)
    transaction.on_commit(lambda: forget_device(device.pk))
    return device


def device_touch(*, device_id: int, now: datetime | None = None) -> None:
    """Note that the device was seen; written at most once a minute, so polling displays cost no writes."""
    now = now or timezone.now()
    Device.objects.filter(pk=device_id).filter(
        Q(last_seen_at__isnull=True) | Q(last_seen_at__lt=now - timedelta(seconds=60))
    ).update(last_seen_at=now)


# --- The end of the day ------------------------------------------------------------------------------------


def queue_days_close(*, now: datetime | None = None) -> int:
    """After a day: tickets still open are closed, every phone link of past days stops working, desks are left.

    Nothing personal is kept in a ticket; the rows stay as the day's history for statistics. Each place is done
    in its own small transaction, so one failure never stops the others.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    closed = 0
    place_ids = set(Ticket.objects.filter(day__lt=today).exclude(token=None).values_list("place_id", flat=True))
    place_ids |= set(
        Ticket.objects.filter(day__lt=today, status__in=[*WAITING, *AT_DESK, Ticket.Status.PARKED]).values_list(
            "place_id", flat=True
        )
    )
    for place_id in sorted(place_ids):
        try:
            with transaction.atomic():
                past = Ticket.objects.filter(place_id=place_id, day__lt=today)
                closed += past.filter(status__in=[*WAITING, *AT_DESK, Ticket.Status.PARKED]).update(
                    status=Ticket.Status.CLOSED, finished_at=now
                )
                past.exclude(token=None).update(token=None)
        except Exception:
            logger.exception("Closing the queue days of place %s failed", place_id)
    midnight = timezone.make_aware(datetime.combine(today, time.min))
    Desk.objects.filter(staff__isnull=False, opened_at__lt=midnight).update(staff=None, opened_at=None)
    return closed

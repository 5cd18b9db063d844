"""The desk's actions on tickets (call next, recall, missed, start, park, transfer, finish, priority) and
opening and closing a desk; each is recorded in the audit trail inside its transaction."""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from infopoints.models import Desk, Matter, Ticket
from infopoints.queue_rules import AT_DESK, WAITING, call_rank
from infopoints.queue_state import queue_changed
from infopoints.services.enquiries import enquiry_record_in_person
from infopoints.services.enquiry_core import EnquiryError
from infopoints.services.queue.errors import QueueError
from portal.audit import audit_record

if TYPE_CHECKING:
    from portal.models import User

logger = logging.getLogger(__name__)

# --- The desk ----------------------------------------------------------------------------------------------


def _audit(ticket: Ticket, user: "User", action: str, changes: dict[str, Any]) -> None:
    audit_record(actor=user, action=action, obj=ticket, place=ticket.place_id, changes=changes, label=ticket.code)


def _my_desk(desk_id: int, user: "User") -> Desk:
    desk = Desk.objects.select_for_update().filter(pk=desk_id).first()
    if desk is None or desk.staff_id != user.pk:
        raise QueueError("not_your_desk")
    return desk


def ticket_call_next(*, desk_id: int, user: "User", now: datetime | None = None) -> Ticket | None:
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


def _ticket_at_my_desk(ticket_id: int, user: "User", statuses: list[str]) -> Ticket:
    ticket = _ticket_at(ticket_id, statuses)
    if ticket.desk_id is None or not Desk.objects.filter(pk=ticket.desk_id, staff=user).exists():
        raise QueueError("ticket_taken")
    return ticket


def _save(
    ticket: Ticket, user: "User", action: str, old_status: str, fields: list[str], **extra_changes: tuple[Any, Any]
) -> Ticket:
    ticket.save(update_fields=fields)
    _audit(ticket, user, action, {"status": (old_status, ticket.status), **extra_changes})
    queue_changed(ticket.place_id)
    return ticket


@transaction.atomic
def ticket_recall(*, ticket_id: int, user: "User") -> Ticket:
    """Call the same ticket again (the display and the phone show it as a new call)."""
    ticket = _ticket_at_my_desk(ticket_id, user, [Ticket.Status.CALLED])
    ticket.recalls += 1
    ticket.called_at = timezone.now()
    return _save(ticket, user, "ticket.recall", ticket.status, ["recalls", "called_at"],
                 recalls=(ticket.recalls - 1, ticket.recalls))


@transaction.atomic
def ticket_mark_missed(*, ticket_id: int, user: "User") -> Ticket:
    """The visitor did not come after the configured number of recalls."""
    ticket = _ticket_at_my_desk(ticket_id, user, [Ticket.Status.CALLED])
    if ticket.recalls < settings.QUEUE_RECALLS_BEFORE_MISSED:
        raise QueueError("recall_first")
    old = ticket.status
    ticket.status = Ticket.Status.NO_SHOW
    ticket.finished_at = timezone.now()
    return _save(ticket, user, "ticket.miss", old, ["status", "finished_at"])


@transaction.atomic
def ticket_start(*, ticket_id: int, user: "User") -> Ticket:
    """The visitor is at the desk: the service time starts."""
    ticket = _ticket_at_my_desk(ticket_id, user, [Ticket.Status.CALLED])
    old = ticket.status
    ticket.status = Ticket.Status.SERVING
    ticket.served_at = timezone.now()
    return _save(ticket, user, "ticket.start", old, ["status", "served_at"])


@transaction.atomic
def ticket_park(*, ticket_id: int, user: "User") -> Ticket:
    """The visitor steps aside (to fetch a document); the desk is free for the next one meanwhile."""
    ticket = _ticket_at_my_desk(ticket_id, user, AT_DESK)
    old = ticket.status
    ticket.status = Ticket.Status.PARKED
    return _save(ticket, user, "ticket.park", old, ["status"])


@transaction.atomic
def ticket_unpark(*, ticket_id: int, desk_id: int, user: "User") -> Ticket:
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
def ticket_transfer(
    *, ticket_id: int, user: "User", matter_id: int | None = None, desk_id: int | None = None
) -> Ticket:
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
        changes["target_desk"] = (None, target.number)  # type: ignore[assignment]  # no desk before
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
    # The question answered, in one line: when given, the answer is also recorded at the enquiry desk (channel
    # "in person"), so the desk's work is counted with the helpline's. It names no one.
    answered: str = ""


@transaction.atomic
def ticket_finish(*, ticket_id: int, user: "User", outcome: Outcome) -> Ticket:
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
    ticket = _save(ticket, user, "ticket.finish", old,
                   ["status", "finished_at", "served_at", "topic", "language", "resolved"],
                   topic=("", ticket.topic), resolved=(None, ticket.resolved))
    if outcome.served and outcome.answered.strip() and user.has_perm("infopoints.add_enquiry"):
        try:
            enquiry_record_in_person(user=user, place=ticket.place_id, topic=None,
                                     language=ticket.language or "pl", summary=outcome.answered)
        except EnquiryError:  # refused before writing anything (not this user's place): the visit still ends
            logger.warning("Ticket %s: the answer was not recorded at the enquiry desk", ticket.pk)
    return ticket


@transaction.atomic
def ticket_set_priority(*, ticket_id: int, user: "User", priority: str) -> Ticket:
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
def desk_open(*, desk_id: int, user: "User", matter_ids: list[int]) -> Desk:
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
def desk_close(*, desk_id: int, user: "User") -> Desk:
    desk = _my_desk(desk_id, user)
    if Ticket.objects.filter(desk=desk, status__in=AT_DESK).exists():
        raise QueueError("desk_busy")
    desk.staff = None
    desk.opened_at = None
    desk.save(update_fields=["staff", "opened_at"])
    audit_record(actor=user, action="desk.close", obj=desk, place=desk.place_id, label=str(desk.number))
    queue_changed(desk.place_id)
    return desk

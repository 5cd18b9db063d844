"""Reads of the walk-in queue: who may see which place, the kiosk's matters, a ticket's position and estimate,
the display's board, the desk console and a point's day. Each read has a fixed number of queries."""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from infopoints.models import Desk, Device, Matter, Ticket
from infopoints.queue_rules import AT_DESK, WAITING, call_rank, wait_minutes_about
from infopoints.queue_state import device_cache_key, forget_device, queue_version
from portal.models import Place, User
from portal.roles import ADMINISTRATOR, COORDINATOR

__all__ = [
    "places_with_kiosk",
    "DeviceInfo",
    "TicketPosition",
    "desk_for_staff",
    "desks_for_staff",
    "device_from_cookie",
    "display_board",
    "forget_device",
    "kiosk_matters",
    "point_day",
    "points_overview",
    "queue_place_for",
    "queue_places_for",
    "sees_every_place",
    "ticket_for_phone",
    "ticket_place_id",
    "NOT_WAITING",
    "PhoneTicket",
    "phone_ticket",
    "ticket_for_staff",
    "console",
]

DEVICE_CACHE_SECONDS = 30


# --- Who sees which place ----------------------------------------------------------------------------------


def sees_every_place(user: User) -> bool:
    """Coordinators and administrators work across the office; everybody else at their own places."""
    return user.is_superuser or user.groups.filter(name__in=[COORDINATOR, ADMINISTRATOR]).exists()


def queue_places_for(user: User) -> QuerySet[Place]:
    if sees_every_place(user):
        return Place.objects.all()
    return Place.objects.filter(pk__in=user.places.values("pk"))


def queue_place_for(*, user: User, slug: str) -> Place | None:
    return queue_places_for(user).filter(slug=slug).first()


def desks_for_staff(user: User) -> list[Desk]:
    """Desks at the user's places, with their matters and who sits at them (four queries)."""
    return list(
        Desk.objects.filter(place__in=queue_places_for(user).values("pk"))
        .select_related("place", "staff")
        .prefetch_related("matters", "place__queue_matters")
        .order_by("place__order", "place__slug", "number")
    )


def desk_for_staff(*, user: User, desk_id: int) -> Desk | None:
    return (
        Desk.objects.filter(pk=desk_id, place__in=queue_places_for(user).values("pk"))
        .select_related("place", "staff")
        .first()
    )


def ticket_for_staff(*, user: User, ticket_id: int) -> Ticket | None:
    return Ticket.objects.filter(pk=ticket_id, place__in=queue_places_for(user).values("pk")).first()


# --- Devices -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceInfo:
    """What a request from an enrolled browser needs to know, cached for half a minute (no query per poll)."""

    pk: int
    place_id: int
    place_slug: str
    kind: str
    secret_version: int
    revoked: bool


def device_from_cookie(value: str | None) -> DeviceInfo | None:
    """The device named by a (verified) cookie value "<id>:<version>", if it is still enrolled."""
    try:
        device_id, version = (int(part) for part in (value or "").split(":"))
    except ValueError:
        return None
    info: DeviceInfo | None = cache.get(device_cache_key(device_id))
    if info is None:
        device = Device.objects.select_related("place").filter(pk=device_id).first()
        if device is None:
            return None
        info = DeviceInfo(device.pk, device.place_id, device.place.slug, device.kind, device.secret_version,
                          device.revoked_at is not None or device.enrolled_at is None)
        cache.set(device_cache_key(device_id), info, DEVICE_CACHE_SECONDS)
    if info.revoked or info.secret_version != version:
        return None
    return info


# --- The kiosk ---------------------------------------------------------------------------------------------


def kiosk_matters(*, place_id: int) -> list[Matter]:
    """The matters of the place in order, with the place's opening hours for "opens next" (three queries)."""
    return list(
        Matter.objects.filter(place=place_id)
        .select_related("place")
        .prefetch_related("place__opening_hours")
        .order_by("order", "letter")
    )


# --- A ticket and its place in the queue -------------------------------------------------------------------


def ticket_for_phone(*, token: str, now: datetime | None = None) -> Ticket | None:
    """The ticket behind a phone link, only on its own day (the link stops working at the end of it)."""
    if not token or len(token) > 32:
        return None
    today = timezone.localdate(now or timezone.now())
    return Ticket.objects.select_related("place", "matter", "desk").filter(token=token, day=today).first()


def ticket_place_id(*, token: str, now: datetime | None = None) -> int | None:
    """The place of a valid phone link (for the poll's version check before the ticket is read)."""
    if not token or len(token) > 32:
        return None
    today = timezone.localdate(now or timezone.now())
    return Ticket.objects.filter(token=token, day=today).values_list("place_id", flat=True).first()


@dataclass(frozen=True)
class TicketPosition:
    ahead: int
    minutes: int
    is_next: bool


NOT_WAITING = TicketPosition(0, 0, False)


@dataclass(frozen=True)
class PhoneTicket:
    """A ticket as its phone page shows it: status, desk, recalls and its place in the queue."""

    token: str
    code: str
    status: str
    desk_number: int | None
    recalls: int
    position: TicketPosition

    @property
    def category(self) -> str:
        return Ticket.CATEGORY[self.status]


# token -> (code, status, desk number, recalls, people ahead, minutes): plain tuples, cheap to unpickle.
Snapshot = dict[str, tuple[str, str, int | None, int, int, int]]
SNAPSHOT_SECONDS = 60  # a snapshot serves while its version is current; phones poll every 5 s


def _minutes_per_visit(rows: list[tuple[datetime | None, datetime | None]]) -> float:
    """The average length of the day's last 30 finished visits (called, finished), or the default."""
    latest = sorted(rows, key=lambda row: (row[1] is None, row[1] or datetime.min.replace(tzinfo=UTC)),
                    reverse=True)[:30]
    durations = [(end - start).total_seconds() / 60 for start, end in latest if end and start and end > start]
    if not durations:
        return float(settings.QUEUE_DEFAULT_VISIT_MINUTES)
    return sum(durations) / len(durations)


def _queue_snapshot(*, place_id: int, day: date) -> Snapshot:
    """Every ticket of the place's day with its position and estimate, computed at once. Two queries.

    Ahead of a waiting ticket are the waiting tickets of its matter that will be called before it: every priority
    ticket (for a priority ticket: those that came before it), then those that came before it. The estimate shares
    the people ahead (and this one) among the open desks serving the matter, at the day's average visit."""
    rows = list(
        Ticket.objects.filter(place=place_id, day=day).values_list(
            "pk", "token", "letter", "number", "status", "matter_id", "priority", "queued_at", "recalls",
            "desk__number", "called_at", "finished_at",
        )
    )
    open_desks = Counter(
        Desk.objects.filter(place=place_id, staff__isnull=False).values_list("matters", flat=True)
    )
    per_visit = _minutes_per_visit(
        [(row[10], row[11]) for row in rows if row[4] == Ticket.Status.SERVED and row[10] is not None]
    )
    # In the order of the calls (`queue_rules.call_rank`): priority tickets first, each group by arrival.
    by_matter: dict[int, list[tuple[bool, datetime, int]]] = defaultdict(list)
    for pk, _token, _letter, _number, status, matter_id, priority, queued_at, *_rest in rows:
        if status in WAITING:
            by_matter[matter_id].append((not priority, queued_at, pk))
    ahead = {pk: index for waiting in by_matter.values() for index, (*_key, pk) in enumerate(sorted(waiting))}
    snapshot: Snapshot = {}
    for pk, token, letter, number, status, matter_id, _priority, _queued, recalls, desk, *_times in rows:
        if not token:
            continue
        people = ahead.get(pk, 0)
        minutes = (
            wait_minutes_about(ahead=people + 1, minutes_per_visit=per_visit, desks=open_desks[matter_id])
            if pk in ahead else 0
        )
        snapshot[token] = (f"{letter}{number:03d}", status, desk, recalls, people, minutes)
    return snapshot


def phone_ticket(
    *, token: str, place_id: int, version: str | None = None, now: datetime | None = None
) -> PhoneTicket | None:
    """Today's ticket behind a phone link, with its position, from the place's queue snapshot.

    The snapshot is computed once per queue version (`queue_state`) and shared by every phone and worker, so a
    poll costs no query once the first phone after a change has drawn it. Pass the version read before anything
    else (the poll's ETag): a change in between then costs one more full answer, never a stale one. A token
    missing from a cached snapshot can only be newer than it (the view found its place today), so the snapshot is
    drawn again."""
    today = timezone.localdate(now or timezone.now())
    version = version if version is not None else queue_version(place_id)
    key = f"queue:snapshot:{place_id}:{today.isoformat()}:{version}"
    snapshot: Snapshot | None = cache.get(key)
    if snapshot is None or token not in snapshot:
        snapshot = _queue_snapshot(place_id=place_id, day=today)
        cache.set(key, snapshot, SNAPSHOT_SECONDS)
    entry = snapshot.get(token)
    if entry is None:
        return None
    code, status, desk, recalls, ahead, minutes = entry
    position = TicketPosition(ahead, minutes, ahead == 0) if status in WAITING else NOT_WAITING
    return PhoneTicket(token, code, status, desk, recalls, position)


# --- The display -------------------------------------------------------------------------------------------


@dataclass
class Board:
    now_serving: list[Ticket]
    last_calls: list[Ticket]
    matters: Sequence[Matter]  # each annotated with `waiting`


def display_board(*, place_id: int, now: datetime | None = None, last: int = 6) -> Board:
    """Calls now (newest first), the calls before them, and how many wait per matter. Two queries."""
    today = timezone.localdate(now or timezone.now())
    called = list(
        Ticket.objects.filter(place=place_id, day=today, called_at__isnull=False)
        .select_related("desk")
        .order_by("-called_at")[:30]
    )
    now_serving = [t for t in called if t.status in AT_DESK]
    last_calls = [t for t in called if t.status not in AT_DESK][:last]
    matters = list(
        Matter.objects.filter(place=place_id)
        .annotate(waiting=Count("tickets", filter=Q(tickets__day=today, tickets__status__in=WAITING)))
        .order_by("order", "letter")
    )
    return Board(now_serving[:8], last_calls, matters)


# --- The desk console --------------------------------------------------------------------------------------


@dataclass
class Console:
    desk: Desk
    current: Ticket | None
    waiting: Sequence[Ticket]  # each annotated with `rank`
    parked: list[Ticket]
    matters: list[Matter]
    desks: list[Desk]
    served_today: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def console(*, desk: Desk, now: datetime | None = None) -> Console:
    """Everything the desk screen shows (seven queries whatever the length of the queue)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    tickets = Ticket.objects.filter(place=desk.place_id, day=today).select_related("matter", "desk")
    current = tickets.filter(desk=desk, status__in=AT_DESK).first()
    matter_ids = [m.pk for m in desk.matters.all()]
    waiting = list(
        tickets.filter(status__in=WAITING)
        .filter(Q(matter__in=matter_ids, target_desk__isnull=True) | Q(target_desk=desk))
        .annotate(rank=call_rank(now))
        .order_by("rank", "queued_at", "pk")[:50]
    )
    parked = list(tickets.filter(status=Ticket.Status.PARKED).order_by("queued_at"))
    matters = list(Matter.objects.filter(place=desk.place_id).order_by("order", "letter"))
    desks = list(Desk.objects.filter(place=desk.place_id).select_related("staff").order_by("number"))
    served = Ticket.objects.filter(desk=desk, day=today, status=Ticket.Status.SERVED).count()
    return Console(desk, current, waiting, parked, matters, desks, served)


# --- A point's day -----------------------------------------------------------------------------------------


@dataclass
class PointDay:
    place: Place
    matters: Sequence[Matter]  # each annotated with the day's counts
    waiting: int
    at_desk: int
    served: int
    no_show: int
    average_wait: int | None
    longest_wait: int | None
    desks: list[Desk]


def _waits(rows: list[tuple[datetime, datetime | None]], now: datetime) -> tuple[int | None, int | None]:
    waits = [((called or now) - issued).total_seconds() / 60 for issued, called in rows]
    if not waits:
        return None, None
    return round(sum(waits) / len(waits)), round(max(waits))


def point_day(*, place: Place, now: datetime | None = None) -> PointDay:
    """A place's day: waiting per matter, at desks, served, average and longest wait, desks. Four queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    matters = list(
        Matter.objects.filter(place=place.pk)
        .annotate(
            waiting=Count("tickets", filter=Q(tickets__day=today, tickets__status__in=WAITING)),
            at_desk=Count("tickets", filter=Q(tickets__day=today, tickets__status__in=AT_DESK)),
            served=Count("tickets", filter=Q(tickets__day=today, tickets__status=Ticket.Status.SERVED)),
            no_show=Count("tickets", filter=Q(tickets__day=today, tickets__status=Ticket.Status.NO_SHOW)),
        )
        .order_by("order", "letter")
    )
    rows = Ticket.objects.filter(place=place.pk, day=today).filter(
        Q(called_at__isnull=False) | Q(status__in=WAITING)
    ).values_list("issued_at", "called_at")
    average, longest = _waits(list(rows), now)
    desks = list(Desk.objects.filter(place=place.pk).select_related("staff").prefetch_related("matters"))
    return PointDay(
        place=place,
        matters=matters,
        waiting=sum(m.waiting for m in matters),
        at_desk=sum(m.at_desk for m in matters),
        served=sum(m.served for m in matters),
        no_show=sum(m.no_show for m in matters),
        average_wait=average,
        longest_wait=longest,
        desks=desks,
    )


@dataclass
class PointSummary:
    place: Place
    waiting: int = 0
    at_desk: int = 0
    served: int = 0
    desks_open: int = 0
    longest_waiting: int | None = None


def points_overview(*, places: Sequence[Place], now: datetime | None = None) -> list[PointSummary]:
    """Every place side by side for coordinators: counts per place in two queries for all places."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    by_place = {p.pk: PointSummary(p) for p in places}
    counts = (
        Ticket.objects.filter(place__in=list(by_place), day=today)
        .values("place")
        .annotate(
            waiting=Count("pk", filter=Q(status__in=WAITING)),
            at_desk=Count("pk", filter=Q(status__in=AT_DESK)),
            served=Count("pk", filter=Q(status=Ticket.Status.SERVED)),
        )
    )
    for row in counts:
        summary = by_place[row["place"]]
        summary.waiting, summary.at_desk, summary.served = row["waiting"], row["at_desk"], row["served"]
    desks = Desk.objects.filter(place__in=list(by_place), staff__isnull=False).values("place").annotate(n=Count("pk"))
    for desk_row in desks:
        by_place[desk_row["place"]].desks_open = desk_row["n"]
    oldest = (
        Ticket.objects.filter(place__in=list(by_place), day=today, status__in=WAITING)
        .values("place")
        .annotate(first=Min("queued_at"))
    )
    for oldest_row in oldest:
        first = oldest_row["first"]
        by_place[oldest_row["place"]].longest_waiting = max(0, round((now - first).total_seconds() / 60))
    return list(by_place.values())


def places_with_kiosk(place_ids: Iterable[int]) -> set[int]:
    """Which of `place_ids` have an enrolled, not revoked kiosk (registered with `portal.selectors` at start-up, so
    the booking pages say "type your code at the kiosk" only where one stands). One query."""
    return set(
        Device.objects.filter(
            place_id__in=list(place_ids), kind=Device.Kind.KIOSK, enrolled_at__isnull=False, revoked_at__isnull=True
        ).values_list("place_id", flat=True)
    )

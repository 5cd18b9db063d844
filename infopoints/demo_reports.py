"""Demo history for the indicator dashboard: four months of served tickets, enquiries, bookings, case-status
lookups, status notifications and page views across the places, so every chart has a shape after `./dev run`.

Everything is written with bulk_create (a few seconds); running it again adds nothing once the history exists.
The rows carry no personal data: tickets and lookups never do, and the enquiries and bookings are left without
names or addresses, as they are after their retention time.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from appointments.models import Booking, Schedule
from cases.models import LookupRecord
from infopoints import services
from infopoints.models import Enquiry, Matter, Ticket
from portal.models import Guide, OutboundEmail, PageViewDay

DAYS = 120
REFERENCE_FROM = 900_000  # demo enquiry numbers, far above the year's counter
LANGUAGES = ["pl", "uk", "uk", "uk", "ru", "ru", "en"]  # roughly who comes to the department


def load(stdout) -> None:
    today = timezone.localdate()
    if Ticket.objects.filter(day__lt=today - timedelta(days=7)).exists():
        stdout.write("Demo report history: already there.\n")
    else:
        counts = _history(today)
        stdout.write(
            "Demo report history ({} days) at /pl/staff/reports/: {} tickets, {} enquiries, {} bookings, {} lookups.\n"
            .format(DAYS, *counts)
        )
    # What the nightly task does in production: the dashboard then reads the closed days from their rollups.
    rolled = services.rollups_pending_compute()
    stdout.write(f"Demo report rollups: {len(rolled)} closed day(s) rolled up.\n")


def _working_days(today: date) -> list[date]:
    days = [today - timedelta(days=n) for n in range(DAYS, 0, -1)]
    return [day for day in days if day.weekday() < 5]


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(8), timezone.get_current_timezone()) + timedelta(minutes=rng.randint(0, 450))


@transaction.atomic
def _history(today: date) -> tuple[int, int, int, int]:
    rng = random.Random(16)  # noqa: S311 - demo data
    days = _working_days(today)
    return _tickets(days, rng), _enquiries(days, rng), _bookings(days, rng), _lookups_and_more(days, rng)


def _tickets(days: list[date], rng: random.Random) -> int:
    matters = list(Matter.objects.filter(is_checkin=False).select_related("place"))
    # A busier headquarters, quieter branch offices; a slow rise over the months.
    size = {matter.place_id: (9 if matter.place.slug.startswith("poznan-foreigners") else 3) for matter in matters}
    rows: list[Ticket] = []
    for n, day in enumerate(days):
        for matter in matters:
            for number in range(1, size[matter.place_id] + rng.randint(0, 4) + n // 20):
                issued = _moment(day, rng)
                wait = timedelta(minutes=min(180, rng.expovariate(1 / (25 if matter.letter == "B" else 12))))
                status = "no_show" if rng.random() < 0.06 else "served"
                rows.append(Ticket(
                    place_id=matter.place_id, matter=matter, day=day, letter=matter.letter, number=number,
                    status=status, issued_at=issued, queued_at=issued, called_at=issued + wait,
                    served_at=issued + wait if status == "served" else None,
                    finished_at=issued + wait + timedelta(minutes=rng.randint(3, 20)),
                    language=rng.choice(LANGUAGES) if status == "served" else "",
                    topic=rng.choice(["information", "application", "case_status", "card"]),
                ))
    Ticket.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _enquiries(days: list[date], rng: random.Random) -> int:
    places = list({matter.place_id for matter in Matter.objects.all()})
    year_numbers: dict[int, int] = {}
    rows, created = [], []
    for day in days:
        for _n in range(rng.randint(3, 9)):
            received = _moment(day, rng)
            year_numbers[day.year] = year_numbers.get(day.year, REFERENCE_FROM) + 1
            answered = received + timedelta(hours=rng.choice([1, 2, 4, 6, 20, 30]))
            rows.append(Enquiry(
                reference=f"ZG-{day.year}-{year_numbers[day.year]:06d}",
                channel=rng.choice(["phone", "phone", "email", "web", "web", "in_person", "letter"]),
                language=rng.choice(LANGUAGES), place_id=rng.choice([None, *places]), status="closed",
                closed_at=answered, first_responded_at=answered, resolved_at=answered,
                first_response_due=received + timedelta(hours=8), link_key="", erased_at=answered,
            ))
            created.append(received)
    Enquiry.objects.bulk_create(rows, batch_size=2000)
    _backdate(Enquiry, rows, created)
    return len(rows)


def _backdate(model, rows: list, moments: list[datetime]) -> None:
    """`created_at` is set on insert to now: move each day's rows to that day (one update per day)."""
    by_day: dict[datetime, list[int]] = {}
    for row, moment in zip(rows, moments, strict=True):
        by_day.setdefault(moment.replace(hour=9, minute=0), []).append(row.pk)
    for moment, ids in by_day.items():
        model.objects.filter(pk__in=ids).update(created_at=moment)


def _bookings(days: list[date], rng: random.Random) -> int:
    schedules = list(Schedule.objects.values_list("place_id", "service_id"))
    statuses = ["completed"] * 14 + ["checked_in"] * 2 + ["no_show"] * 2 + ["cancelled"] * 2 + ["cancelled_staff"]
    rows: list[Booking] = []
    for day in days:
        for place_id, service_id in schedules:
            for _n in range(rng.randint(1, 6)):
                rows.append(Booking(
                    reference=f"H{len(rows):08d}", place_id=place_id, service_id=service_id,
                    starts_at=_moment(day, rng), status=rng.choice(statuses), channel=rng.choice(["web", "staff"]),
                    language=rng.choice(LANGUAGES),
                ))
    Booking.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _lookups_and_more(days: list[date], rng: random.Random) -> int:
    lookups: list[LookupRecord] = []
    moments: list[datetime] = []
    emails: list[OutboundEmail] = []
    views: list[PageViewDay] = []
    slugs = list(Guide.objects.values_list("slug", flat=True)[:12])
    for day in days:
        for _n in range(rng.randint(10, 40)):
            lookups.append(LookupRecord(number_hash=f"{rng.getrandbits(128):032x}",
                                        outcome=rng.choice(["found"] * 8 + ["not-found", "limited"])))
            moments.append(_moment(day, rng))
        for n in range(rng.randint(2, 10)):
            emails.append(OutboundEmail(dedupe_key=f"case-event:demo-{day.isoformat()}-{n}", kind="case-event",
                                        subject="Zmiana statusu sprawy", status="sent", sent_at=_moment(day, rng)))
        for slug in slugs:
            for language in ("pl", "en", "uk", "ru"):
                views.append(PageViewDay(day=day, language=language, page="guide", item=slug,
                                         views=rng.randint(0, 30 if language in ("uk", "ru") else 12)))
        for page in ("notices", "places", "fees", "help", "finder"):
            views.extend(PageViewDay(day=day, language=language, page=page, views=rng.randint(0, 15))
                         for language in ("pl", "en", "uk", "ru"))
    LookupRecord.objects.bulk_create(lookups, batch_size=2000)
    _backdate(LookupRecord, lookups, moments)
    OutboundEmail.objects.bulk_create(emails, batch_size=2000, ignore_conflicts=True)
    PageViewDay.objects.bulk_create(views, batch_size=2000, ignore_conflicts=True)
    return len(lookups)

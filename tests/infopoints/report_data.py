"""A small hand-counted data set for the indicator tests: two places, one week in March 2026 and the week before.

What is in it, and what each indicator must count, is written next to each row.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from appointments.models import Booking, Draw, DrawRequest, WaitingListEntry
from cases.models import LookupRecord
from infopoints.models import Enquiry, Ticket
from portal.models import OutboundEmail, PageViewDay
from tests.appointments.conftest import make_schedule, make_service
from tests.factories import PlaceFactory
from tests.infopoints.conftest import make_matter

WARSAW = ZoneInfo("Europe/Warsaw")
WEEK_START = date(2026, 3, 9)  # Monday; the week runs to Sunday 15 March
BEFORE = WEEK_START - timedelta(days=7)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), WARSAW)


def _ticket(place, matter, day, number, status, *, wait_minutes=None, language=""):
    issued = at(day, 9)
    called = issued + timedelta(minutes=wait_minutes) if wait_minutes is not None else None
    done = status in ("served", "no_show")
    return Ticket(
        place=place, matter=matter, day=day, letter=matter.letter, number=number, status=status,
        issued_at=issued, queued_at=issued, called_at=called,
        finished_at=(called or issued) + timedelta(minutes=5) if done else None, language=language,
    )


def _enquiry(number, *, channel, language, created, place=None, responded=None, due=None, merged_into=None):
    enquiry = Enquiry.objects.create(
        reference=f"ZG-2026-{number:06d}", channel=channel, language=language, place=place,
        first_responded_at=responded, first_response_due=due,
        status="closed" if merged_into else "answered", closed_at=created if merged_into else None,
        merged_into=merged_into,
    )
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=created)
    return enquiry


def build():
    poznan = PlaceFactory(slug="poznan", name_pl="Poznań", name_en="Poznań")
    kalisz = PlaceFactory(slug="kalisz", name_pl="Kalisz", name_en="Kalisz")
    a = make_matter(poznan, "A")
    k = make_matter(kalisz, "K")
    day = WEEK_START + timedelta(days=1)
    Ticket.objects.bulk_create([
        # Poznań this week: 4 served (waits 10, 20, 30, 40 min → median 25, p90 37), 1 no-show (wait 50),
        # 1 closed unserved at the end of the day (never called). Issued: 6.
        _ticket(poznan, a, day, 1, "served", wait_minutes=10, language="uk"),
        _ticket(poznan, a, day, 2, "served", wait_minutes=20, language="uk"),
        _ticket(poznan, a, day, 3, "served", wait_minutes=30, language="ru"),
        _ticket(poznan, a, day, 4, "served", wait_minutes=40, language="pl"),
        _ticket(poznan, a, day, 5, "no_show", wait_minutes=50),
        _ticket(poznan, a, day, 6, "closed"),
        # Kalisz this week, on Sunday: 1 served (wait 5).
        _ticket(kalisz, k, WEEK_START + timedelta(days=6), 1, "served", wait_minutes=5, language="en"),
        # Kalisz the week before: 2 served. Not in this week's figures; the previous period's.
        _ticket(kalisz, k, BEFORE, 1, "served", wait_minutes=5),
        _ticket(kalisz, k, BEFORE, 2, "served", wait_minutes=5),
        # The Monday after the week: counted nowhere.
        _ticket(kalisz, k, WEEK_START + timedelta(days=7), 1, "served", wait_minutes=5),
    ])
    due = at(day, 17)
    # This week: web/uk received and answered in time; e-mail/en received, answered late; phone/pl received, not
    # answered; a duplicate merged into the first (not counted); one received the week before and answered this
    # week (answered counts, received does not).
    first = _enquiry(1, channel="web", language="uk", created=at(day, 9), responded=at(day, 10), due=due, place=poznan)
    _enquiry(2, channel="email", language="en", created=at(day, 9), responded=at(day, 18), due=due)
    _enquiry(3, channel="phone", language="pl", created=at(day, 11), place=kalisz)
    _enquiry(4, channel="web", language="uk", created=at(day, 9, 5), merged_into=first, place=poznan)
    _enquiry(5, channel="web", language="uk", created=at(BEFORE, 9), responded=at(day, 12), due=due, place=poznan)

    service = make_service("TRC")
    schedule = make_schedule(poznan, service)
    statuses = ["confirmed", "completed", "checked_in", "no_show", "cancelled", "cancelled_staff", "held", "expired"]
    Booking.objects.bulk_create(
        # This week at Poznań: booked 6 (held and expired are not bookings), kept 2, cancelled 2, no-show 1.
        [Booking(reference=f"R{n:05d}", service=service, place=poznan, starts_at=at(day, 10, n), status=status)
         for n, status in enumerate(statuses)]
        # The week before: one kept booking.
        + [Booking(reference="R90000", service=service, place=poznan, starts_at=at(BEFORE, 10), status="completed")]
    )
    entries = WaitingListEntry.objects.bulk_create([
        WaitingListEntry(service=service, place=poznan, name="A", email_key=f"a{n}@example.org", status=status,
                         confirmed_at=None if status == "unconfirmed" else at(day, 8))
        for n, status in enumerate(["unconfirmed", "waiting", "booked", "left"])
    ])
    WaitingListEntry.objects.filter(pk__in=[e.pk for e in entries]).update(created_at=at(day, 8))
    draw = Draw.objects.create(schedule=schedule, week_starts_on=WEEK_START + timedelta(days=14),
                               opens_at=at(WEEK_START, 8), closes_at=at(day, 8), drawn_at=at(day, 9))
    DrawRequest.objects.bulk_create([
        DrawRequest(draw=draw, name="B", email=f"b{n}@example.org", email_key=f"b{n}@example.org", status=status)
        for n, status in enumerate(["unconfirmed", "won", "won", "not_drawn", "entered"])
    ])
    lookups = LookupRecord.objects.bulk_create([
        LookupRecord(number_hash=f"{n}", outcome=outcome)
        for n, outcome in enumerate(["found", "found", "not-found", "limited", "found"])
    ])
    # The last lookup was the week before.
    LookupRecord.objects.filter(pk__in=[r.pk for r in lookups[:4]]).update(created_at=at(day, 12))
    LookupRecord.objects.filter(pk=lookups[4].pk).update(created_at=at(BEFORE, 12))
    OutboundEmail.objects.bulk_create([
        OutboundEmail(dedupe_key="case-event:1:subscription:1", kind="case-event", subject="s", status="sent",
                      sent_at=at(day, 13)),
        OutboundEmail(dedupe_key="case-event:2:subscription:1", kind="case-event", subject="s", status="failed"),
        OutboundEmail(dedupe_key="appointment-reminder:1:1", kind="appointment-reminder", subject="s",
                      status="sent", sent_at=at(day, 13)),
    ])
    PageViewDay.objects.bulk_create([
        PageViewDay(day=day, language="uk", page="guide", item="work", views=7),
        PageViewDay(day=day, language="pl", page="guide", item="work", views=3),
        PageViewDay(day=day, language="uk", page="guide", item="study", views=1),
        PageViewDay(day=day, language="en", page="fees", item="", views=2),
        PageViewDay(day=BEFORE, language="uk", page="guide", item="work", views=4),
        PageViewDay(day=day, language="ru", page="search-empty", item="karta polaka", views=2),
    ])
    return poznan, kalisz

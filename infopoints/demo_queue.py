"""Demo queue: matters and desks at the seven places, a kiosk and a display per place, and a morning of tickets
at the Poznań headquarters (served ones, some waiting, one at a desk, one parked), made fresh each day.

Running it again creates nothing twice. The enrolment links of the Poznań kiosk and display are printed while they
are not used; the admin shows every device's link (and makes a new one) under "Registered devices".
"""

import random
import secrets
from datetime import datetime, time, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from infopoints import services
from infopoints.models import DayCounter, Desk, Device, Matter, Ticket
from portal.models import Place, User

HEADQUARTERS = "poznan-foreigners-department"

MATTERS = {
    "A": ("Informacja", "Information", "Інформація", "Информация"),
    "B": ("Składanie dokumentów", "Submitting documents", "Подання документів", "Подача документов"),
    "C": ("Odbiór karty pobytu", "Collecting a residence card", "Отримання карти побиту", "Получение карты побыту"),
    "D": ("Odciski linii papilarnych", "Fingerprints", "Відбитки пальців", "Отпечатки пальцев"),
    "W": ("Wizyta – rejestracja przybycia", "Booked visit: check-in", "Реєстрація прибуття на візит",
          "Регистрация прибытия на визит"),
}
# (place slug, matter letters, desks)
PLACES = [
    (HEADQUARTERS, "ABCDW", 5),
    ("poznan-civic-affairs-department", "ABW", 3),
    ("kalisz-branch-office", "ABCW", 2),
    ("konin-branch-office", "ABCW", 2),
    ("leszno-branch-office", "ABCW", 2),
    ("pila-branch-office", "ABCW", 2),
    ("uam-welcome-center", "ABW", 2),
]
DESK_STAFF = "punkt@demo.kierunek.invalid"
DEVICES = [(Device.Kind.KIOSK, "Wejście / entrance"), (Device.Kind.DISPLAY, "Poczekalnia / waiting room")]


@transaction.atomic
def load(stdout) -> None:
    places = {place.slug: place for place in Place.objects.filter(slug__in=[slug for slug, *_ in PLACES])}
    for slug, letters, desks in PLACES:
        place = places.get(slug)
        if place is None:
            continue
        matters = [_matter(place, letter, order) for order, letter in enumerate(letters)]
        for number in range(1, desks + 1):
            desk, created = Desk.objects.get_or_create(place=place, number=number)
            if created:
                desk.matters.set([m for m in matters if not m.is_checkin or number == 1])
        for kind, name in DEVICES:
            Device.objects.get_or_create(place=place, name=name, defaults={"kind": kind})
    headquarters = places.get(HEADQUARTERS)
    made = _morning(headquarters) if headquarters else 0
    stdout.write(f"Demo queue: {made} tickets this morning at /display/{HEADQUARTERS}/ and /pl/staff/queue/.\n")
    for device in Device.objects.filter(place=headquarters, enrolment_open=True, revoked_at=None):
        link = reverse("queue_devices:enrol", args=[services.device_enrolment_token(device)])
        stdout.write(f"  enrol this browser as the Poznań {device.kind}: http://127.0.0.1:8000{link}\n")


def _matter(place, letter: str, order: int) -> Matter:
    names = dict(zip(("name_pl", "name_en", "name_uk", "name_ru"), MATTERS[letter], strict=True))
    matter, _ = Matter.objects.get_or_create(
        place=place,
        letter=letter,
        defaults={**names, "order": order, "is_checkin": letter == "W", "issue_from": time(8),
                  "issue_until": time(15, 30), "daily_limit": 60 if letter == "C" else None},
    )
    return matter


def _morning(place) -> int:
    """Today's tickets from 08:00 (or from three hours ago, outside office hours), made once per day."""
    now = timezone.now()
    today = timezone.localdate(now)
    if Ticket.objects.filter(place=place, day=today).exists():
        return 0
    rng = random.Random(today.toordinal())  # noqa: S311 (demo data)
    matters = {m.letter: m for m in Matter.objects.filter(place=place)}
    desks = list(Desk.objects.filter(place=place).order_by("number"))
    start = timezone.make_aware(datetime.combine(today, time(8)))
    if not (start < now < start + timedelta(hours=8)):
        start = now - timedelta(hours=3)
    span = (now - start).total_seconds()
    plan = ["served"] * 18 + ["no_show", "parked", "called"] + ["waiting"] * 6
    numbers: dict[str, int] = {}
    made = 0
    for index, state in enumerate(plan):
        letter = rng.choice("AAABBCD") if state != "waiting" or index % 3 else "B"
        issued = start + timedelta(seconds=span * index / len(plan))
        numbers[letter] = numbers.get(letter, 0) + 1
        ticket = Ticket(
            place=place, matter=matters[letter], day=today, letter=letter, number=numbers[letter],
            token=secrets.token_urlsafe(16), issued_at=issued, queued_at=issued, status=state,
        )
        if state in ("served", "no_show", "parked", "called"):
            desk = desks[1 + index % (len(desks) - 1)] if state != "called" else desks[0]
            ticket.desk = desk
            called_at = issued + timedelta(minutes=rng.randint(3, 20))
            ticket.called_at = called_at
            ticket.served_at = called_at + timedelta(minutes=1) if state != "no_show" else None
            if state in ("served", "no_show"):
                ticket.finished_at = (ticket.served_at or called_at) + timedelta(minutes=rng.randint(4, 12))
            if state == "called" and called_at > now:
                ticket.called_at = now
        if state == "served":
            ticket.topic = rng.choice(Ticket.Topic.values)
            ticket.language = rng.choice(["pl", "uk", "uk", "ru", "en"])
            ticket.resolved = rng.random() < 0.8
        ticket.save()
        made += 1
    for letter, last in numbers.items():
        DayCounter.objects.update_or_create(place=place, day=today, letter=letter, defaults={"last_number": last})
    staff = User.objects.filter(email=DESK_STAFF).first()
    if staff is not None and not Desk.objects.filter(staff=staff).exists():
        Desk.objects.filter(pk=desks[0].pk).update(staff=staff, opened_at=start)
        Ticket.objects.filter(place=place, day=today, status__in=["called", "served", "parked"], desk=desks[0]).update(
            served_by=staff
        )
    return made

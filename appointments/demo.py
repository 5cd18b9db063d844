"""Demo appointments: three services at the seven places, a month of slots, some of them booked.

Each release policy can be seen at once: most schedules are open, the inspection of case files in Poznań is
released 14 days ahead at 07:00, and consultations at the Poznań headquarters are allotted by a weekly draw.
Bookings are generated from a fixed seed; running it again creates nothing twice.
"""

import random
from datetime import time
from typing import Any

from django.db import transaction
from django.utils import timezone

from appointments import draws, services
from appointments.models import BookableService, Booking, BookingSeat, Schedule, ScheduleHours, Slot
from portal.models import Guide, Place

BRANCHES = ["kalisz-branch-office", "konin-branch-office", "leszno-branch-office", "pila-branch-office"]
HEADQUARTERS = "poznan-foreigners-department"

SERVICES: list[dict[str, Any]] = [
    {
        "code": "residence-card-collection",
        "order": 20,
        "case_visit": "card-collection",
        # The card is sent to the place handling the case and handed out only there.
        "case_place_rule": "case_place",
        "duration_minutes": 10,
        "max_people": 1,
        "guide": "residence-card-replacement",
        "name": {
            "pl": "Odbiór karty pobytu",
            "en": "Collecting the residence card",
            "uk": "Отримання карти побиту",
            "ru": "Получение карты побыту",
        },
        "description": {
            "pl": "Kartę pobytu odbierasz osobiście. Wizytę zarezerwujesz, gdy status sprawy mówi, że karta jest "
            "gotowa do odbioru.",
            "en": "You collect the residence card in person. You can book when your case status says the card is "
            "ready for collection.",
            "uk": "Карту побиту отримують особисто. Записатися можна, коли статус справи показує, що карта готова "
            "до отримання.",
            "ru": "Карту побыту получают лично. Записаться можно, когда статус дела показывает, что карта готова "
            "к получению.",
        },
        "what_to_bring": {
            "pl": "Ważny paszport (dokument podróży)\nDotychczasowa karta pobytu, jeśli ją masz (zwracasz ją)",
            "en": "Valid passport (travel document)\nYour previous residence card, if you have one (you return it)",
            "uk": "Дійсний паспорт (проїзний документ)\nПопередня карта побиту, якщо вона є (її потрібно повернути)",
            "ru": "Действительный паспорт (проездной документ)\nПрежняя карта побыту, если она есть (ее нужно вернуть)",
        },
    },
    {
        "code": "case-file-inspection",
        "order": 30,
        "case_visit": "",
        "duration_minutes": 30,
        "max_people": 2,
        "guide": None,
        "name": {
            "pl": "Wgląd w akta sprawy",
            "en": "Inspection of case files",
            "uk": "Ознайомлення з матеріалами справи",
            "ru": "Ознакомление с материалами дела",
        },
        "description": {
            "pl": "Strona postępowania może przeglądać akta swojej sprawy i robić z nich notatki i kopie "
            "(art. 73 Kodeksu postępowania administracyjnego).",
            "en": "A party to the proceedings may read the files of their case and take notes and copies "
            "(Article 73 of the Code of Administrative Procedure).",
            "uk": "Сторона провадження може ознайомлюватися з матеріалами своєї справи, робити нотатки й копії "
            "(ст. 73 Кодексу адміністративного провадження).",
            "ru": "Сторона производства может знакомиться с материалами своего дела, делать заметки и копии "
            "(ст. 73 Кодекса административного производства).",
        },
        "what_to_bring": {
            "pl": "Paszport lub karta pobytu\nNumer sprawy\nPełnomocnictwo z dowodem opłaty 17 zł, jeśli "
            "przychodzi pełnomocnik",
            "en": "Passport or residence card\nCase number\nPower of attorney with proof of the 17 zł stamp duty, "
            "if a representative comes",
            "uk": "Паспорт або карта побиту\nНомер справи\nДовіреність із підтвердженням сплати 17 злотих, якщо "
            "приходить представник",
            "ru": "Паспорт или карта побыту\nНомер дела\nДоверенность с подтверждением оплаты 17 злотых, если "
            "приходит представитель",
        },
    },
    {
        "code": "consultation",
        "order": 40,
        "case_visit": "",
        "duration_minutes": 20,
        "max_people": 4,
        "guide": None,
        "name": {
            "pl": "Konsultacja w punkcie informacyjnym",
            "en": "Consultation at an information point",
            "uk": "Консультація в інформаційному пункті",
            "ru": "Консультация в информационном пункте",
        },
        "description": {
            "pl": "Rozmowa o tym, który wniosek złożyć, jak wypełnić go w MOS i jakie dokumenty przygotować. "
            "Możesz przyjść z rodziną: każda osoba ma swój czas.",
            "en": "A talk about which application to file, how to fill it in in MOS and which documents to "
            "prepare. You can come with your family: each person has their own time.",
            "uk": "Розмова про те, яку заяву подати, як заповнити її в MOS і які документи підготувати. "
            "Можна прийти з родиною: кожна особа має свій час.",
            "ru": "Беседа о том, какое заявление подать, как заполнить его в MOS и какие документы подготовить. "
            "Можно прийти с семьей: у каждого свое время.",
        },
        "what_to_bring": {
            "pl": "Paszport lub karta pobytu\nDokumenty, o które chcesz zapytać",
            "en": "Passport or residence card\nThe documents you want to ask about",
            "uk": "Паспорт або карта побиту\nДокументи, щодо яких у вас є питання",
            "ru": "Паспорт или карта побыту\nДокументы, по которым у вас есть вопросы",
        },
    },
]

# (service, place, policy, weekdays, from, until, slot minutes, desks)
WEEKDAYS = range(5)
SCHEDULES = [
    ("residence-card-collection", HEADQUARTERS, "open", WEEKDAYS, time(9), time(15), 10, 2),
    *[("residence-card-collection", slug, "open", (1, 3), time(9), time(13), 10, 1) for slug in BRANCHES],
    ("case-file-inspection", HEADQUARTERS, "scheduled", (0, 2, 4), time(9), time(13), 30, 2),
    ("consultation", HEADQUARTERS, "draw", (1, 3), time(12), time(15), 20, 1),
    ("consultation", "poznan-civic-affairs-department", "open", WEEKDAYS, time(9), time(14), 20, 1),
    ("consultation", "uam-welcome-center", "open", (0, 1, 2, 3), time(10), time(15), 20, 2),
]
DEMO_NAMES = ["Olena K.", "Mykola S.", "Aliaksandr P.", "Priya R.", "Nguyen T.", "Aigerim B.", "Jorge M."]


@transaction.atomic
def load(stdout) -> None:
    # Fingerprints are taken on the day the office's letter (wezwanie) gives, not booked online: a database
    # loaded by an older demo keeps the service, but no longer bookable.
    BookableService.objects.filter(code="fingerprints").update(is_active=False)
    catalogue = _services()
    places = {place.slug: place for place in Place.objects.all()}
    for code, slug, policy, weekdays, starts, ends, minutes, desks in SCHEDULES:
        if slug not in places:
            continue
        schedule, created = Schedule.objects.get_or_create(
            place=places[slug], service=catalogue[code], defaults={"release_policy": policy}
        )
        if created:
            ScheduleHours.objects.bulk_create(
                ScheduleHours(schedule=schedule, weekday=d, starts=starts, ends=ends, slot_minutes=minutes, desks=desks)
                for d in weekdays
            )
    generated = services.slots_generate()
    booked = _demo_bookings()
    draws.draws_ensure()
    stdout.write(
        f"Demo appointments at /pl/appointments/: {generated.created} new times, {booked} demo bookings; "
        "book the residence card's collection from the first case printed above.\n"
    )


def _services() -> dict[str, BookableService]:
    catalogue = {}
    guides = {guide.slug: guide for guide in Guide.objects.all()}
    for entry in SERVICES:
        fields = {
            "order": entry["order"],
            "case_visit": entry["case_visit"],
            "case_place_rule": entry.get("case_place_rule", BookableService.CasePlaceRule.ANY_PLACE),
            "duration_minutes": entry["duration_minutes"],
            "max_people": entry["max_people"],
            "guide": guides.get(entry["guide"]) if entry["guide"] else None,
        }
        for field in ("name", "description", "what_to_bring"):
            for language, text in entry[field].items():
                fields[f"{field}_{language}"] = text
        catalogue[entry["code"]], _ = BookableService.objects.update_or_create(code=entry["code"], defaults=fields)
    return catalogue


def _demo_bookings() -> int:
    """About a third of the open seats of the coming weeks taken by confirmed demo bookings (once)."""
    if Booking.objects.filter(email__endswith="@demo.invalid").exists():
        return 0
    rng = random.Random(2026)
    needs_rng = random.Random(18)  # apart, so that the bookings themselves stay as they were
    now = timezone.now()
    bookings: list[Booking] = []
    seats: list[tuple[Slot, str]] = []
    slots_taken: list[Slot] = []
    slots = Slot.objects.filter(opens_at__lte=now, starts_at__gt=now).order_by("starts_at")
    for slot in slots:
        taken = sum(rng.random() < 0.35 for _ in range(slot.capacity - slot.booked))
        for _ in range(taken):
            number = len(bookings)
            name = rng.choice(DEMO_NAMES)
            language = rng.choice(["pl", "en", "uk", "ru"])
            bookings.append(
                Booking(
                    reference=services.new_reference(),
                    service_id=slot.service_id,
                    place_id=slot.place_id,
                    starts_at=slot.starts_at,
                    status=Booking.Status.CONFIRMED,
                    language=language,
                    name=name,
                    # What the desk's day list shows: some need their language, a few need help at the desk.
                    desk_language=language if language != "pl" and needs_rng.random() < 0.5 else "",
                    needs_step_free=needs_rng.random() < 0.06,
                    needs_induction_loop=needs_rng.random() < 0.03,
                    email=f"demo{number}@demo.invalid",
                    email_key=f"demo{number}@demo.invalid",
                    confirmed_at=now,
                    checkin_code=f"{900000 + number:06d}",
                )
            )
            seats.append((slot, name))
        if taken:
            slot.booked += taken
            slots_taken.append(slot)
    Booking.objects.bulk_create(bookings, batch_size=500)
    saved = dict(Booking.objects.filter(email__endswith="@demo.invalid").values_list("reference", "pk"))
    BookingSeat.objects.bulk_create(
        [
            BookingSeat(booking_id=saved[booking.reference], slot=slot, person_name=name)
            for booking, (slot, name) in zip(bookings, seats, strict=True)
        ],
        batch_size=500,
    )
    Slot.objects.bulk_update(slots_taken, ["booked"], batch_size=500)
    return len(bookings)

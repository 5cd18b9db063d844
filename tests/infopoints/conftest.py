"""Shared set-up for the queue tests: a place open every day, its matters and desks, a kiosk and a display."""

from datetime import time

import pytest

from infopoints import services
from infopoints.models import Desk, Device, Matter
from portal.models import OpeningHours
from portal.roles import COORDINATOR, INFO_POINT_STAFF
from tests.factories import PlaceFactory, UserFactory


@pytest.fixture(autouse=True)
def no_public_holidays(monkeypatch):
    """Tests run on any day; the queue's answer on a holiday is tested on its own."""
    monkeypatch.setattr("appointments.services.public_holidays", lambda year: set())


def open_every_day(place) -> None:
    OpeningHours.objects.filter(place=place).delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(place=place, weekday=day, opens=time(0), closes=time(23, 59)) for day in range(7)
    )


def make_matter(place, letter: str, *, order: int = 0, **fields) -> Matter:
    names = {"name_pl": f"Sprawa {letter}", "name_en": f"Matter {letter}", "name_uk": f"Справа {letter}",
             "name_ru": f"Дело {letter}"}
    fields = {"issue_from": time(0), "issue_until": time(23, 59), **fields}
    return Matter.objects.create(place=place, letter=letter, order=order, **names, **fields)


def make_device(place, kind=Device.Kind.KIOSK, name="entrance") -> Device:
    device = Device.objects.create(place=place, kind=kind, name=name)
    return services.device_enrol(token=services.device_enrolment_token(device))


@pytest.fixture
def queue_place(db):
    place = PlaceFactory(slug="poznan-foreigners-department", city="Poznań")
    open_every_day(place)
    return place


@pytest.fixture
def matters(queue_place):
    return {
        "A": make_matter(queue_place, "A", order=1),
        "B": make_matter(queue_place, "B", order=2),
        "W": make_matter(queue_place, "W", order=3, is_checkin=True),
    }


@pytest.fixture
def kiosk(queue_place):
    return make_device(queue_place)


@pytest.fixture
def display(queue_place):
    return make_device(queue_place, Device.Kind.DISPLAY, "waiting room")


@pytest.fixture
def clerk(queue_place):
    user = UserFactory(role=INFO_POINT_STAFF, with_totp=True)
    user.places.add(queue_place)
    return user


@pytest.fixture
def coordinator(db):
    return UserFactory(role=COORDINATOR, with_totp=True)


@pytest.fixture
def desks(queue_place, matters):
    made = []
    for number in (1, 2, 3):
        desk = Desk.objects.create(place=queue_place, number=number)
        desk.matters.set([matters["A"], matters["B"], matters["W"]])
        made.append(desk)
    return made


@pytest.fixture
def open_desk(desks, clerk, matters):
    return services.desk_open(desk_id=desks[0].pk, user=clerk, matter_ids=[m.pk for m in matters.values()])


def issue(kiosk, matter, key: str = "", **kwargs):
    import uuid

    return services.ticket_issue(device=kiosk, matter_id=matter.pk, press_key=key or uuid.uuid4().hex, **kwargs)

"""Desks pressing "call next" at the same moment never get the same ticket, and kiosks pressed at once never give
the same number: the database decides (SKIP LOCKED and a conditional update; a locked day counter)."""

import threading
import uuid
from collections import Counter

import pytest
from django.db import connection, connections

from infopoints import services
from infopoints.models import Desk, Ticket
from infopoints.services import Outcome
from portal.models import AuditEvent
from portal.roles import INFO_POINT_STAFF
from tests.factories import UserFactory
from tests.infopoints.conftest import issue

DESKS = 5
TICKETS = 200

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database with concurrent writers"),
]


def _run(workers):
    start = threading.Barrier(len(workers))
    errors = []

    def wrapped(work):
        try:
            start.wait()
            work()
        except Exception as exc:  # noqa: BLE001 (reported by the test)
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=wrapped, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


def test_five_desks_calling_in_parallel_call_every_ticket_exactly_once(queue_place, matters, kiosk):
    for _ in range(TICKETS):
        issue(kiosk, matters["A" if _ % 3 else "B"])
    desks = []
    for number in range(1, DESKS + 1):
        user = UserFactory(role=INFO_POINT_STAFF)
        user.places.add(queue_place)
        desk = Desk.objects.create(place=queue_place, number=number)
        desks.append(services.desk_open(desk_id=desk.pk, user=user, matter_ids=[matters["A"].pk, matters["B"].pk]))
    called: list[int] = []
    lock = threading.Lock()

    def desk_work(desk):
        def work():
            while True:
                ticket = services.ticket_call_next(desk_id=desk.pk, user=desk.staff)
                if ticket is None:
                    return
                with lock:
                    called.append(ticket.pk)
                services.ticket_finish(ticket_id=ticket.pk, user=desk.staff, outcome=Outcome(served=True))

        return work

    _run([desk_work(desk) for desk in desks])

    assert len(called) == TICKETS
    assert set(Counter(called).values()) == {1}
    assert Ticket.objects.filter(status=Ticket.Status.SERVED).count() == TICKETS
    calls = Counter(AuditEvent.objects.filter(action="ticket.call").values_list("object_id", flat=True))
    assert len(calls) == TICKETS and set(calls.values()) == {1}
    # Every desk took part: the work was shared, not serialized behind one lock.
    assert Ticket.objects.values("desk").distinct().count() == DESKS


def test_kiosks_pressed_at_once_never_give_the_same_number(queue_place, matters, kiosk):
    presses = 40
    issued: list[str] = []
    lock = threading.Lock()

    def press():
        ticket = services.ticket_issue(device=kiosk, matter_id=matters["A"].pk, press_key=uuid.uuid4().hex)
        with lock:
            issued.append(ticket.code)

    _run([press for _ in range(presses)])
    assert sorted(issued) == [f"A{n:03d}" for n in range(1, presses + 1)]


def test_one_press_sent_many_times_at_once_gives_one_ticket(queue_place, matters, kiosk):
    issued: list[int] = []
    lock = threading.Lock()

    def press():
        ticket = services.ticket_issue(device=kiosk, matter_id=matters["A"].pk, press_key="same-press")
        with lock:
            issued.append(ticket.pk)

    _run([press for _ in range(10)])
    assert len(set(issued)) == 1
    assert Ticket.objects.count() == 1

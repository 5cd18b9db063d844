"""No double booking under concurrency: the database, not Python, decides who gets the last seats."""

import threading

import pytest
from django.db import connection, connections
from django.utils import translation

from appointments import errors, services
from appointments.models import Booking, Slot
from tests.appointments.conftest import first_bookable_slot

ATTEMPTS = 24


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database with concurrent writers")
def test_many_concurrent_attempts_at_a_slot_of_capacity_two_give_exactly_two_holds(consultation):
    slot = first_bookable_slot(consultation)
    assert slot.capacity == 2
    start = threading.Barrier(ATTEMPTS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(number: int) -> None:
        try:
            start.wait()
            services.hold_create(
                service_id=consultation.service_id,
                place_id=consultation.place_id,
                slot_id=slot.pk,
                people=1,
                language="uk",
                client_key=f"198.51.100.{number}",
            )
            outcome = "held"
        except services.BookingError as error:
            outcome = error.code
        finally:
            connections.close_all()  # each thread had its own connection
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("held") == 2
    assert outcomes.count("taken") == ATTEMPTS - 2
    assert Slot.objects.get(pk=slot.pk).booked == 2
    assert Booking.objects.filter(seats__slot=slot).count() == 2
    with translation.override("en"):
        assert "pick another time" in str(errors.message_for("taken"))

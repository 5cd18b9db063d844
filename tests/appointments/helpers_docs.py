"""Helpers of the documents, e-mail and reminder tests: a booking taken through the real services to CONFIRMED."""

import pytest

from appointments import services
from tests.appointments.conftest import CLIENT, first_bookable_slot

FAMILY = ("Oksana Shevchenko", "Taras Shevchenko", "Marta Shevchenko")


def booking_confirmed_by_link(schedule, *, language="en", people=1, email="oksana@example.org", after_days=2):
    """Held, filled in, submitted and confirmed through the link of the confirmation e-mail, as a person does."""
    slot = first_bookable_slot(schedule, after_days=after_days)
    booking = services.hold_create(
        service_id=schedule.service_id,
        place_id=schedule.place_id,
        slot_id=slot.pk,
        people=people,
        language=language,
        client_key=CLIENT,
    )
    services.details_set(
        booking_id=booking.pk,
        details=services.Details(
            name="Oksana Shevchenko", email=email, phone="+48 600 100 200", family_names=FAMILY[1:people]
        ),
        client_key=CLIENT,
    )
    services.booking_submit(booking_id=booking.pk)
    booking.refresh_from_db()
    return services.booking_confirm(token=services.booking_token(booking, services.CONFIRM_SALT))


@pytest.fixture
def described_place(place):
    """The place with the words the PDF repeats: how to get there and accessibility, in two languages."""
    place.description_pl = "Wejście od ul. Kościuszki, tramwaje 5 i 13."
    place.description_en = "Entrance from Kościuszki Street, trams 5 and 13."
    place.accessibility_notes_en = "Lift to the first floor."
    place.phone = "+48 61 854 10 00"
    place.save()
    return place

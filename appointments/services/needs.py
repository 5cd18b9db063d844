"""What a person needs at the desk: the language they speak, and help getting to and using the desk.

Given when booking (online or by the desk for a caller), shown in the desk's day list and in the confirmation
e-mail. Personal data (a need for wheelchair access can reveal health): erased with the booking's other personal
data by `retention.bookings_retention_apply`.
"""

from dataclasses import dataclass
from typing import cast

from django.db.models import CharField

from appointments.models import Booking
from portal.text_validation import text_problem

NEEDS_FIELDS = ["desk_language", "desk_language_other", "needs_step_free", "needs_induction_loop", "access_note"]


def booking_text_limit(field: str) -> int:
    # Every text column of a booking has a length.
    return cast(int, cast("CharField[str, str]", Booking._meta.get_field(field)).max_length)


@dataclass(frozen=True)
class DeskNeeds:
    desk_language: str = ""
    desk_language_other: str = ""
    needs_step_free: bool = False
    needs_induction_loop: bool = False
    access_note: str = ""


def desk_needs_problem(needs: DeskNeeds) -> str | None:
    """Why the needs cannot be stored (a BookingError code), or None; the forms say the same field by field."""
    if needs.desk_language and needs.desk_language not in Booking.DeskLanguage.values:
        return "too_long"
    texts = {"desk_language_other": needs.desk_language_other, "access_note": needs.access_note}
    for field, value in texts.items():
        if len(value.strip()) > booking_text_limit(field):
            return "too_long"
        if text_problem(value):
            return "control_characters"
    return None


def desk_needs_fields(needs: DeskNeeds) -> dict[str, object]:
    """The booking's columns for `needs`; another language is named only when "another language" is chosen."""
    other = needs.desk_language == Booking.DeskLanguage.OTHER
    return {
        "desk_language": needs.desk_language,
        "desk_language_other": needs.desk_language_other.strip() if other else "",
        "needs_step_free": needs.needs_step_free,
        "needs_induction_loop": needs.needs_induction_loop,
        "access_note": needs.access_note.strip(),
    }

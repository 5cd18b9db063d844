"""Writes of the appointments app, one module per concern; the public names are re-exported here.

Callers keep one import (`from appointments import services`, `services.booking_confirm(...)`). Inside the package
the modules depend downwards only: `records` (seats taken, bookings made) ← `offers` (waiting-list offers) ←
`seats` (seats given up) ← `holds` ← `bookings` ← `desk`, with `slots` (times) and `transitions` (which step a
booking may take next, for the services and the pages alike) below them; `reminders` and `retention` stand apart.
Links and their salts are in `appointments.tokens`, local time in `appointments.dates`, refusals in
`appointments.errors`: below this package, so the e-mails, documents and waiting list never import it back.
Every rule that protects the scarce times is in this package, so the public pages, the staff pages, the admin and
the tasks cannot disagree.

"""

from appointments.dates import LOCAL_TIME, local_datetime, local_today, public_holidays
from appointments.errors import BookingError
from appointments.services.bookings import (
    Details,
    booking_cancel,
    booking_case_verify,
    booking_confirm,
    booking_move,
    booking_submit,
    details_set,
)
from appointments.services.confirmation import (
    RESENDS,
    booking_confirm_by_code,
    booking_confirmation_resend,
    manage_link_resend,
)
from appointments.services.desk import (
    StaffBookingRequest,
    booking_check_in,
    booking_check_in_by_code,
    booking_complete,
    booking_mark_no_show,
    slot_block,
    staff_booking_create,
)
from appointments.services.holds import case_place_problem, hold_active, hold_create, hold_release, holds_expire
from appointments.services.needs import DeskNeeds
from appointments.services.partner import partner_booking_confirm, partner_booking_get, partner_hold_create
from appointments.services.records import (
    booking_confirm_held,
    booking_create,
    new_reference,
    normalize_email,
    seats_take,
)
from appointments.services.reminders import reminders_send
from appointments.services.retention import bookings_retention_apply
from appointments.services.seats import seat_returns_apply, seats_give_up
from appointments.services.slots import (
    SlotsGenerated,
    consecutive_slots,
    release_moment,
    slot_bookable_problem,
    slots_generate,
    staff_slot_problem,
)
from appointments.services.transitions import (
    STAFF_ACTIONS,
    STAFF_TRANSITIONS,
    booking_can_change,
    booking_staff_actions,
    booking_staff_refusal,
)
from appointments.tokens import (
    CONFIRM_MAX_AGE,
    CONFIRM_SALT,
    MANAGE_SALT,
    booking_from_manage_token,
    booking_from_token,
    booking_token,
    manage_link_expires_at,
)

__all__ = [
    "RESENDS",
    "booking_confirm_by_code",
    "booking_confirmation_resend",
    "case_place_problem",
    "manage_link_resend",
    "CONFIRM_MAX_AGE",
    "booking_from_manage_token",
    "manage_link_expires_at",
    "CONFIRM_SALT",
    "LOCAL_TIME",
    "MANAGE_SALT",
    "STAFF_TRANSITIONS",
    "BookingError",
    "DeskNeeds",
    "Details",
    "SlotsGenerated",
    "StaffBookingRequest",
    "STAFF_ACTIONS",
    "booking_can_change",
    "booking_case_verify",
    "booking_staff_actions",
    "booking_staff_refusal",
    "booking_cancel",
    "booking_check_in",
    "booking_check_in_by_code",
    "booking_complete",
    "booking_confirm",
    "booking_confirm_held",
    "booking_create",
    "booking_from_token",
    "booking_mark_no_show",
    "booking_move",
    "booking_submit",
    "booking_token",
    "bookings_retention_apply",
    "consecutive_slots",
    "details_set",
    "hold_active",
    "hold_create",
    "hold_release",
    "holds_expire",
    "local_datetime",
    "local_today",
    "new_reference",
    "partner_booking_confirm",
    "partner_booking_get",
    "partner_hold_create",
    "normalize_email",
    "public_holidays",
    "release_moment",
    "reminders_send",
    "seat_returns_apply",
    "seats_give_up",
    "seats_take",
    "slot_bookable_problem",
    "slot_block",
    "slots_generate",
    "staff_booking_create",
    "staff_slot_problem",
]

"""The refusals of the booking steps: `BookingError`, and what each code tells the person, in their language."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class BookingError(Exception):
    """A booking step that cannot go on; `code` picks the message (see `MESSAGES`)."""

    def __init__(self, code: str, *, retry_after_seconds: int = 0):
        super().__init__(code)
        self.code = code
        self.retry_after_seconds = retry_after_seconds


MESSAGES = {
    "taken": _("Someone has just taken this time. Please pick another time."),
    "no_consecutive": _(
        "There are no longer enough free times one after another for everyone in this booking. "
        "Please pick another time or day."
    ),
    "too_many_people": _("This visit can be booked for at most the number of people shown."),
    "past": _("This time has already passed. Please pick a later time."),
    "too_soon": _("This time starts too soon to be booked online. Please pick a later time or call the office."),
    "closed": _("The office is closed at this time. Please pick another day."),
    "not_released": _("These times are not open for booking yet. The release calendar says when they will be."),
    "not_offered": _("This place does not offer this service. Please choose one of the places listed."),
    "limited": _("Too many attempts from this connection or e-mail address. Please try again in an hour."),
    "details_missing": _("Please fill in your details first."),
    "family_names": _("Please give the name of every person in the booking."),
    "duplicate": _(
        "This e-mail address already has an active booking for this service. Use the link in that booking's "
        "e-mail to move or cancel it."
    ),
    "duplicate_case": _(
        "This case already has an active booking for this visit. Use the link in that booking's e-mail to move "
        "or cancel it."
    ),
    "case_not_found": _("We could not find a case with this number and access code. Check both and try again."),
    "case_limited": _("Too many attempts for this case. Please try again later."),
    "case_not_due": _(
        "Your case does not call for this visit at the moment. The case-status page says what happens next."
    ),
    "case_not_bookable": _(
        "We could not find a case with this number that calls for this visit. Check the number, and the case's "
        "status: it says when a visit is needed."
    ),
    "wrong_place": _(
        "This visit can be booked only at the place that handles your case. Please choose that place: it is "
        "shown on your case page and listed first among the places."
    ),
    "code_wrong": _("This code is not the one in our e-mail. Check the six digits and try again."),
    "code_limited": _(
        "The code was typed wrongly too many times. Please click the link in the e-mail to confirm instead."
    ),
    "resend_limited": _(
        "We have already sent this e-mail several times. Please look in the spam folder, or check the address "
        "and book again once this hold has run out."
    ),
    "too_long": _("One of the details is longer than we can store. Please shorten it."),
    "control_characters": _(
        "One of the details contains invisible control characters (for example from copying and pasting). "
        "Please type it again."
    ),
    "bad_date": _("This date is not valid. Please pick a day from the calendar."),
    "no_free_times": _("There are no free times on this day. Please pick another day."),
    "case_required": _(
        "This visit is booked for a case: please give your case number and access code first, then choose a time."
    ),
    "invalid_link": _("This link is not valid any more. It may have been used already or replaced by a newer one."),
    "not_active": _("This booking is no longer active, so it cannot be changed."),
}


def _expired() -> str:
    minutes = settings.APPOINTMENT_HOLD_MINUTES
    return ngettext(
        "Your hold on this time has run out (times are held for %(minutes)d minute). Nothing was booked: "
        "please choose a time again.",
        "Your hold on this time has run out (times are held for %(minutes)d minutes). Nothing was booked: "
        "please choose a time again.",
        minutes,
    ) % {"minutes": minutes}


def message_for(code: str) -> str:
    """The message of `code` in the active language (the hold's length from APPOINTMENT_HOLD_MINUTES)."""
    if code == "expired":
        return _expired()
    return str(MESSAGES.get(code, MESSAGES["taken"]))

"""What each `BookingError` code tells the person, in their language, and what they can do next."""

from django.utils.translation import gettext_lazy as _

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
    "expired": _(
        "Your hold on this time has run out (times are held for 10 minutes). Nothing was booked: "
        "please choose a time again."
    ),
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
    "invalid_link": _("This link is not valid any more. It may have been used already or replaced by a newer one."),
    "not_active": _("This booking is no longer active, so it cannot be changed."),
}


def message_for(code: str) -> str:
    return str(MESSAGES.get(code, MESSAGES["taken"]))

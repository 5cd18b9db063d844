"""Choices of the booking's fields about the visit at the desk, kept apart so that `models` stays readable."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeskLanguage(models.TextChoices):
    """The language a person needs at the desk (the office arranges an interpreter or a colleague who speaks it)."""

    POLISH = "pl", _("Polish")
    ENGLISH = "en", _("English")
    UKRAINIAN = "uk", _("Ukrainian")
    RUSSIAN = "ru", _("Russian")
    OTHER = "other", _("another language")


class CancelReason(models.TextChoices):
    """Why the office cancelled a visit; the label is written to the person, in their language."""

    CLOSED = "closed", _("the place is closed on that day")
    NO_STAFF = "no_staff", _("nobody at the office can see you at that time")
    REQUESTED = "requested", _("you asked us to cancel it (by phone or at the desk)")
    DUPLICATE = "duplicate", _("it was a second booking for the same visit")
    NOT_NEEDED = "not_needed", _("your case does not need this visit any more")
    OTHER = "other", _("another reason, explained in the note")


def access_needs_labels(booking) -> list[str]:
    """The help a booking asked for at the desk, as staff and the e-mails show it (empty: none)."""
    needs = []
    if booking.needs_step_free:
        needs.append(str(_("wheelchair access")))
    if booking.needs_induction_loop:
        needs.append(str(_("induction loop")))
    if booking.access_note:
        needs.append(booking.access_note)
    return needs

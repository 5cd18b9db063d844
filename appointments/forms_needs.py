"""The questions about the visit at the desk, shared by the public booking form and the desk's booking form.

Both forms add these fields at their end (`desk_needs_fields`), check them together (`desk_needs_clean`) and hand
the answers to the services as one `DeskNeeds` (`desk_needs_of`).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from appointments.models import Booking
from appointments.services import DeskNeeds

STEP_FREE = "step_free"
INDUCTION_LOOP = "induction_loop"
ACCESS_CHOICES = [
    (STEP_FREE, _("Wheelchair access (a step-free way in and a lower desk)")),
    (INDUCTION_LOOP, _("An induction loop (for hearing aids)")),
]


def desk_needs_fields() -> dict[str, forms.Field]:
    """Fresh fields (a form owns its field instances): the language, the help, and "other" for each."""
    return {
        "desk_language": forms.ChoiceField(
            label=_("Language you need at the desk"),
            required=False,
            choices=[("", _("No preference")), *Booking.DeskLanguage.choices],
            help_text=_("So that the desk can prepare: a colleague who speaks it, or an interpreter."),
        ),
        "desk_language_other": forms.CharField(
            label=_("Which other language"),
            required=False,
            max_length=60,
            help_text=_("Only if you chose another language."),
            error_messages={"max_length": _("Name the language in at most 60 characters.")},
        ),
        "access_needs": forms.MultipleChoiceField(
            label=_("Help you need at the desk"),
            required=False,
            choices=ACCESS_CHOICES,
            widget=forms.CheckboxSelectMultiple,
        ),
        "access_note": forms.CharField(
            label=_("Other help you need"),
            required=False,
            max_length=200,
            help_text=_("For example a sign language interpreter, or a place to sit while you wait."),
            error_messages={"max_length": _("Please describe it in at most 200 characters.")},
        ),
    }


def desk_needs_clean(form: forms.Form) -> None:
    """Another language must be named; a name given with any other choice is dropped (the services do the same)."""
    data = form.cleaned_data
    if data.get("desk_language") == Booking.DeskLanguage.OTHER and not data.get("desk_language_other", "").strip():
        form.add_error("desk_language_other", _("Name the language you need."))


def desk_needs_of(data: dict) -> DeskNeeds:
    access = set(data.get("access_needs") or ())
    return DeskNeeds(
        desk_language=data.get("desk_language", ""),
        desk_language_other=data.get("desk_language_other", ""),
        needs_step_free=STEP_FREE in access,
        needs_induction_loop=INDUCTION_LOOP in access,
        access_note=data.get("access_note", ""),
    )


def desk_needs_initial(booking: Booking) -> dict:
    """The answers already given, for a person who comes back to the form."""
    access = [code for code, flag in [(STEP_FREE, booking.needs_step_free),
                                      (INDUCTION_LOOP, booking.needs_induction_loop)] if flag]
    return {
        "desk_language": booking.desk_language,
        "desk_language_other": booking.desk_language_other,
        "access_needs": access,
        "access_note": booking.access_note,
    }

"""Forms of the staff pages: the day to show, and a booking made for a phone caller or a walk-in."""

from typing import cast

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from appointments.dates import day_in_range
from appointments.forms_needs import desk_needs_clean, desk_needs_fields
from appointments.models import Booking, BookingSeat
from cases.selectors import CASE_NUMBER_MAX_LENGTH
from portal.text_validation import PlainTextFormMixin

DAY_OUT_OF_RANGE = _("Choose a day within two years of today.")


def _clean_day(day):
    if day is not None and not day_in_range(day):
        raise forms.ValidationError(DAY_OUT_OF_RANGE)
    return day


def _time_label(slot) -> str:
    start = f"{timezone.localtime(slot.starts_at):%H:%M}"
    return gettext("%(time)s (free: %(free)d)") % {"time": start, "free": slot.free}


def slot_choices(times) -> list[tuple[int, str]]:
    return [(slot.pk, _time_label(slot)) for slot in times]


class DayForm(forms.Form):
    """The day a staff page shows; a malformed day or one more than DAY_RANGE_DAYS away is an error (400)."""

    day = forms.DateField(
        label=_("Day"), required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )

    def clean_day(self):
        return _clean_day(self.cleaned_data.get("day"))




class StaffBookingForm(PlainTextFormMixin, forms.Form):
    """Step one (GET) picks the service and the day; step two (POST) adds the time and the person."""

    service = forms.TypedChoiceField(label=_("Service"), coerce=int, choices=())
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    slot = forms.TypedChoiceField(label=_("Time"), coerce=int, choices=(), widget=forms.RadioSelect)
    name = forms.CharField(
        label=_("Name of the person"),
        max_length=200,
        help_text=_("As in their passport: it is checked at the desk."),
        error_messages={"required": _("Enter the person's name.")},
    )
    family_names = forms.CharField(
        label=_("Other people in the booking"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One name per line; each person gets the following time."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        required=False,
        help_text=_("If given, the person gets the confirmation with the check-in code."),
        error_messages={"invalid": _("Enter a valid e-mail address.")},
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    case_number = forms.CharField(
        label=_("Case number"),
        max_length=CASE_NUMBER_MAX_LENGTH,
        required=False,
        help_text=_("Required for visits that a case calls for."),
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)

    def __init__(self, *args, services=(), times=(), step: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["service"]).choices = [(s.pk, s.name) for s in services]
        cast(forms.ChoiceField, self.fields["slot"]).choices = slot_choices(times)
        if step == 1:
            for name in ["slot", "name", "family_names", "email", "phone", "case_number", "language"]:
                del self.fields[name]
        else:
            self.fields.update(desk_needs_fields())

    def clean(self):
        if "desk_language" in self.fields:
            desk_needs_clean(self)
        return self.cleaned_data

    def clean_day(self):
        return _clean_day(self.cleaned_data.get("day"))

    def clean_family_names(self):
        value = self.cleaned_data.get("family_names", "")
        longest = cast(int, BookingSeat._meta.get_field("person_name").max_length)  # a CharField: it has one
        if any(len(line.strip()) > longest for line in value.splitlines()):
            raise forms.ValidationError(
                _("Each name can have at most %(limit)d characters.") % {"limit": longest}
            )
        return value

    def family(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.cleaned_data.get("family_names", "").splitlines() if line.strip())


class SearchForm(PlainTextFormMixin, forms.Form):
    """Find a booking at the desk; sent by POST, so a name never appears in an address or a server log."""

    q = forms.CharField(
        label=_("Check-in code, reference or name"),
        max_length=200,
        error_messages={"required": _("Type a check-in code, a reference or a name.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "type": "search"}),
    )


class CancelForm(PlainTextFormMixin, forms.Form):
    """The office cancels a visit: why (told to the person in their language) and, if needed, a note."""

    reason = forms.ChoiceField(
        label=_("Why the office cancels the visit"),
        choices=Booking.CancelReason.choices,
        widget=forms.RadioSelect,
        help_text=_("The person reads this reason in the e-mail, in their language."),
        error_messages={"required": _("Choose why the visit is cancelled.")},
    )
    note = forms.CharField(
        label=_("Note to the person"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent as you write it, untranslated. Required for another reason."),
        error_messages={"max_length": _("Keep the note to at most 300 characters.")},
    )

    def clean(self):
        if self.cleaned_data.get("reason") == Booking.CancelReason.OTHER and not self.cleaned_data.get("note"):
            self.add_error("note", _("Write the reason in the note: the person needs to know why."))
        return self.cleaned_data

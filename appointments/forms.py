"""Forms of the public booking flow. They only parse input; every rule about times and people is in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from appointments.forms_needs import desk_needs_clean, desk_needs_fields, desk_needs_of
from appointments.services import Details
from cases.selectors import CASE_NUMBER_MAX_LENGTH, access_code_clean
from portal.text_validation import PlainTextFormMixin

ACCESS_CODE_MESSAGE = _("The access code has ten letters and digits. Check it and try again.")


def case_number_field() -> forms.CharField:
    return forms.CharField(
        label=_("Case number"),
        max_length=CASE_NUMBER_MAX_LENGTH,
        help_text=_("As on your filing receipt or in a letter, e.g. WSC-II-S.6151.1234.2024."),
        error_messages={"required": _("Enter your case number."), "max_length": _("This case number is too long.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


def access_code_field() -> forms.CharField:
    return forms.CharField(
        label=_("Access code"),
        max_length=20,
        help_text=_("Ten letters and digits from your filing receipt or our e-mail, e.g. K7PX3-MQAB9."),
        error_messages={"required": _("Enter your access code.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


def clean_access_code(value: str) -> str:
    code = access_code_clean(value)
    if code is None:
        raise forms.ValidationError(ACCESS_CODE_MESSAGE)
    return code


class TimeForm(forms.Form):
    """The time chosen on the calendar page (the first person's; family members follow one after another)."""

    slot = forms.IntegerField(min_value=1, error_messages={"required": _("Choose a time.")})
    people = forms.IntegerField(min_value=1, max_value=50, required=False)


class CaseCheckForm(PlainTextFormMixin, forms.Form):
    """For a visit a case calls for: the case, checked before a time is held (nobody can hold one without it)."""

    case_number = case_number_field()
    access_code = access_code_field()

    def clean_access_code(self):
        return clean_access_code(self.cleaned_data["access_code"])


class DetailsForm(PlainTextFormMixin, forms.Form):
    """Who comes: the person booking, the other family members (one name each) and, if needed, the case."""

    name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        help_text=_("As in your passport: the desk checks it."),
        error_messages={"required": _("Enter your name."), "max_length": _("This name is too long.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        help_text=_("We send the link that confirms the booking here."),
        error_messages={"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Your phone"),
        max_length=40,
        required=False,
        help_text=_("Only if the office needs to reach you about this visit."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"), max_length=200)

    def __init__(self, *args, family_members: int = 0, requires_case: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.family_members = family_members
        self.requires_case = requires_case
        for number in range(1, family_members + 1):
            self.fields[f"family_{number}"] = forms.CharField(
                label=_("Full name of person %(number)d") % {"number": number + 1},
                max_length=200,
                error_messages={"required": _("Enter the name of every person in the booking.")},
            )
        if requires_case:
            self.fields["case_number"] = case_number_field()
            self.fields["access_code"] = access_code_field()
        self.fields.update(desk_needs_fields())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    def clean_access_code(self):
        return clean_access_code(self.cleaned_data["access_code"])

    def clean(self):
        desk_needs_clean(self)
        return self.cleaned_data

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def details(self) -> Details:
        data = self.cleaned_data
        return Details(
            name=data["name"],
            email=data["email"],
            phone=data.get("phone", ""),
            family_names=tuple(data[f"family_{n}"] for n in range(1, self.family_members + 1)),
            case_number=data.get("case_number", ""),
            access_code=data.get("access_code", ""),
            needs=desk_needs_of(data),
        )


class ConfirmCodeForm(forms.Form):
    """The six digits from the confirmation e-mail, typed on the page where "send" was pressed."""

    code = forms.CharField(
        label=_("Code from the e-mail"),
        max_length=12,
        help_text=_("Six digits, e.g. 123456."),
        error_messages={"required": _("Enter the code from the e-mail.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )


class LostLinkForm(PlainTextFormMixin, forms.Form):
    """"I lost my booking link": the address the booking was made with, and its reference if the person has it."""

    email = forms.EmailField(
        label=_("The e-mail address you booked with"),
        max_length=254,
        error_messages={"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    reference = forms.CharField(
        label=_("Reference code (if you have it)"),
        max_length=20,
        required=False,
        help_text=_("From the confirmation, e.g. K7PX3M. Without it we send the links of all your bookings."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

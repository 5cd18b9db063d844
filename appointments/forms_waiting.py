"""Forms of the waiting list and the draw requests (plain forms: every page works without JavaScript)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from appointments.forms import access_code_field, case_number_field, clean_access_code
from portal.text_validation import PlainTextFormMixin


class WaitingListForm(PlainTextFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        help_text=_("As in your passport: the name on a booking is checked at the desk."),
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        help_text=_("We send a link to confirm first. Nothing happens until you click it."),
        error_messages={"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # Left empty by people; bots fill every field. Hidden from view and from assistive technology.
    website = forms.CharField(required=False, label=_("Leave this field empty"), max_length=200)


class DrawRequestForm(WaitingListForm):
    """A request for a draw; visits tied to a case also ask for the case number and its access code."""

    case_number = case_number_field()
    access_code = access_code_field()

    field_order = ["name", "email", "case_number", "access_code", "website"]

    def __init__(self, *args, requires_case: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not requires_case:
            del self.fields["case_number"]
            del self.fields["access_code"]

    def clean_access_code(self):
        return clean_access_code(self.cleaned_data["access_code"])

from django import forms
from django.utils.translation import gettext_lazy as _

from cases import codes
from portal.text_validation import PlainTextFormMixin


class LookupForm(PlainTextFormMixin, forms.Form):
    number = forms.CharField(
        label=_("Case number"),
        max_length=60,
        help_text=_("As on your filing receipt or in a letter, e.g. WSC-II-S.6151.1234.2024."),
        error_messages={"required": _("Enter your case number."), "max_length": _("This case number is too long.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )
    access_code = forms.CharField(
        label=_("Access code"),
        max_length=20,
        help_text=_("Ten letters and digits from your filing receipt or our e-mail, e.g. K7PX3-MQAB9."),
        error_messages={"required": _("Enter your access code."), "max_length": _("This access code is too long.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )

    def clean_number(self):
        number = self.cleaned_data["number"]
        key = codes.number_key(number)
        if len(key) < 6 or not any(character.isdigit() for character in key):
            raise forms.ValidationError(_("This does not look like a case number. Check it on your filing receipt."))
        return number

    def clean_access_code(self):
        code = codes.access_code_normalize(self.cleaned_data["access_code"])
        if len(code) != codes.ACCESS_CODE_LENGTH:
            raise forms.ValidationError(_("The access code has ten letters and digits. Check it and try again."))
        return code


class SubscriptionForm(PlainTextFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        help_text=_("We send a link to confirm first. The messages contain no personal data."),
        error_messages={"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ComplaintForm(PlainTextFormMixin, forms.Form):
    """Who signs the ponaglenie. Nothing here is stored: it is printed into the PDF and forgotten."""

    full_name = forms.CharField(
        label=_("Your full name"),
        max_length=150,
        required=False,
        help_text=_("As in your passport. Leave empty to write it by hand."),
    )
    address = forms.CharField(
        label=_("Your address in Poland"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the answer by post. Leave empty to write it by hand."),
    )


class AppealForm(PlainTextFormMixin, forms.Form):
    """The dates of the refusal and, optionally, who signs the appeal. Nothing here is stored."""

    decision_date = forms.DateField(
        label=_("Date of the decision"),
        help_text=_("The date printed at the top of the decision (data decyzji)."),
        error_messages={
            "required": _("Enter the date of the decision, as printed at its top."),
            "invalid": _("Enter the date as day, month and year, e.g. 2026-11-20."),
        },
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    delivered_on = forms.DateField(
        label=_("Day you received the decision"),
        help_text=_("The 14 days are counted from this day: see the date on the delivery receipt or in ePUAP."),
        error_messages={
            "required": _("Enter the day you received the decision: the 14 days are counted from it."),
            "invalid": _("Enter the date as day, month and year, e.g. 2026-11-20."),
        },
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    full_name = forms.CharField(
        label=_("Your full name"),
        max_length=150,
        required=False,
        help_text=_("As in your passport. Leave empty to write it by hand."),
    )
    address = forms.CharField(
        label=_("Your address in Poland"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the answer by post. Leave empty to write it by hand."),
    )

    def __init__(self, *args, today=None, for_calendar: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if for_calendar:
            # The calendar needs only the day of delivery; the letter needs the decision's date as well.
            self.fields["decision_date"].required = False

    def clean(self):
        data = super().clean() or {}
        decided, delivered = data.get("decision_date"), data.get("delivered_on")
        if self.today:
            for name, value in (("decision_date", decided), ("delivered_on", delivered)):
                if value and value > self.today:
                    self.add_error(name, _("This date is in the future. Check it against the decision."))
        if decided and delivered and delivered < decided:
            self.add_error("delivered_on", _("The decision cannot have reached you before the date it was issued."))
        return data

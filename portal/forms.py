from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.text_validation import PlainTextFormMixin


class MistakeReportForm(PlainTextFormMixin, forms.Form):
    page = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)
    message = forms.CharField(
        label=_("What is wrong on this page?"),
        max_length=3000,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Please do not write personal data such as your case number here."),
    )
    email = forms.EmailField(
        label=_("Your e-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Only if you would like an answer. We delete it when the report is handled."),
    )
    # Left empty by people; bots fill every field. Hidden from view and from assistive technology.
    website = forms.CharField(required=False, label=_("Leave this field empty"), max_length=200)


class NoticeSubscriptionForm(PlainTextFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    places = forms.TypedMultipleChoiceField(
        label=_("Only notices about these places"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    guides = forms.TypedMultipleChoiceField(
        label=_("Only notices about these procedures"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, places=(), guides=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["places"]).choices = [(place.pk, place.name) for place in places]
        cast(forms.ChoiceField, self.fields["guides"]).choices = [(guide.pk, guide.title) for guide in guides]

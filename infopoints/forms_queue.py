"""Forms of the desk console: opening a desk, finishing a visit, transferring a ticket."""

from typing import cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from infopoints.models import Ticket
from infopoints.services import Outcome
from portal.text_validation import PlainTextFormMixin


class OpenDeskForm(forms.Form):
    matters = forms.TypedMultipleChoiceField(
        label=_("Matters this desk serves"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(m.pk, str(m)) for m in desk.place.queue_matters.all()]
        cast(forms.ChoiceField, self.fields["matters"]).choices = choices
        self.initial.setdefault("matters", [m.pk for m in desk.matters.all()] or [c[0] for c in choices])


LANGUAGE_CHOICES = [("", _("—")), *settings.LANGUAGES, ("other", _("another language"))]


class FinishForm(PlainTextFormMixin, forms.Form):
    served = forms.TypedChoiceField(
        label=_("Outcome"),
        choices=[("1", _("served")), ("0", _("did not come to the desk"))],
        coerce=lambda v: v == "1",
        initial="1",
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=[("", _("—")), *Ticket.Topic.choices], required=False)
    language = forms.ChoiceField(label=_("Language of the conversation"), choices=LANGUAGE_CHOICES, required=False)
    resolved = forms.TypedChoiceField(
        label=_("Resolved at the desk?"),
        choices=[("", _("—")), ("1", _("yes")), ("0", _("no"))],
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
    )

    answered = forms.CharField(
        label=_("Question answered, in one line (recorded at the enquiry desk; no names)"),
        required=False,
        max_length=200,
    )

    def outcome(self) -> Outcome:
        data = self.cleaned_data
        return Outcome(served=data["served"], topic=data["topic"], language=data["language"],
                       resolved=data["resolved"], answered=data["answered"])


class TransferForm(forms.Form):
    matter = forms.TypedChoiceField(label=_("To the matter"), coerce=int, empty_value=None, required=False)
    desk = forms.TypedChoiceField(label=_("To the desk"), coerce=int, empty_value=None, required=False)

    def __init__(self, *args, matters, desks, **kwargs):
        super().__init__(*args, **kwargs)
        if matters is None:  # reading a POST: the service checks that both belong to the ticket's place
            self.fields["matter"] = forms.IntegerField(required=False)
            self.fields["desk"] = forms.IntegerField(required=False)
            return
        matter_field = cast(forms.ChoiceField, self.fields["matter"])
        matter_field.choices = [("", _("— same matter —")), *[(m.pk, str(m)) for m in matters]]
        desk_field = cast(forms.ChoiceField, self.fields["desk"])
        desk_field.choices = [("", _("— any desk —")), *[(d.pk, str(d)) for d in desks]]

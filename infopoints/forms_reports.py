"""The period and place of the indicator dashboard (a GET form: the address of a report can be shared)."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infopoints.reports.periods import MAX_DAYS, Period, period_of
from portal.models import Place

EARLIEST_DAY = date(2020, 1, 1)  # the portal's data begins long after; earlier dates are typing mistakes


def _date_field(label, help_text=""):
    return forms.DateField(
        label=label, required=False, help_text=help_text,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


class PeriodForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Period"),
        choices=[("day", _("day")), ("week", _("week")), ("month", _("month")), ("quarter", _("quarter")),
                 ("custom", _("custom days"))],
        initial="month",
    )
    day = _date_field(_("A day in the period"), _("The day, week, month or quarter that contains this day."))
    first_day = _date_field(_("First day"), _("For custom days only."))
    last_day = _date_field(_("Last day"), _("For custom days only."))
    place: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Place"), queryset=Place.objects.none(), required=False, to_field_name="slug",
        empty_label=_("every place"),
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = places  # type: ignore[attr-defined]

    def _check_day(self, name: str) -> None:
        value = self.cleaned_data.get(name)
        if value is None:
            return
        if value < EARLIEST_DAY:
            self.add_error(name, _("Choose a day from %(day)s on.") % {"day": EARLIEST_DAY.isoformat()})
        elif value > timezone.localdate():
            self.add_error(name, _("This day is in the future: there are no figures for it yet."))

    def clean(self):
        cleaned = super().clean() or {}
        for name in ("day", "first_day", "last_day"):
            self._check_day(name)
        if self.errors:
            return cleaned
        kind = cleaned.get("kind")
        if kind == "custom":
            first, last = cleaned.get("first_day"), cleaned.get("last_day")
            if first is None or last is None:
                raise forms.ValidationError(_("For custom days, give both the first and the last day."))
            if first > last:
                raise forms.ValidationError(_("The first day is after the last day: swap them."))
            if (last - first).days + 1 > MAX_DAYS:
                raise forms.ValidationError(
                    _("A report covers at most %(days)s days: choose a shorter period.") % {"days": MAX_DAYS}
                )
            cleaned["period"] = Period(first, last)
        elif kind:
            cleaned["period"] = period_of(kind, cleaned.get("day") or timezone.localdate())
        return cleaned


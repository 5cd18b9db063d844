"""Which permit fits me? The questionnaire pages: three short steps, then the guides that fit.

Every step is a plain POST form, so the answers stay out of addresses and server logs, and each response
carries the earlier answers in hidden fields. Nothing is stored: the server re-validates every answer on every
request, so tampered or missing hidden values only send the person back to the step concerned, and a refresh
re-sends the same answers and shows the same page. With htmx (`request.htmx`) only the step fragment is
swapped. The rules themselves live in `portal.finder`.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.functional import Promise as StrPromise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from portal import selectors
from portal.finder import (
    MAX_YEARS_IN_POLAND,
    Answers,
    Citizenship,
    FamilyTie,
    Purpose,
    Recommendation,
    StayBasis,
    recommend,
)
from portal.models import Guide
from portal.page_views import Page, page_view_count

CHOOSE_ONE = _("Choose one of the answers.")
PROBLEM_STEP = _("We could not read your answers. Please start again from the first step.")
PROBLEM_EARLIER_ANSWER = _(
    "An answer you gave earlier was missing or could not be read. Please answer this step again."
)
CHOICE_ERRORS = {"required": CHOOSE_ONE, "invalid_choice": CHOOSE_ONE}  # never echo a tampered value back
MAX_CARRIED_LENGTH = 40
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]


class DatePickerInput(forms.DateInput):
    """A native date picker; it accepts only an ISO date as its value, so anything else is shown empty."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, str):
            for date_format in DATE_INPUT_FORMATS:
                try:
                    return datetime.strptime(value.strip(), date_format).date().isoformat()
                except ValueError:
                    continue
            return None
        return super().format_value(value)


class FinderStepForm(forms.Form):
    """One step of the questionnaire; `title` names it for the page title."""

    title: "str | StrPromise" = ""
    use_required_attribute = False  # the server's messages, in the reader's language, not the browser's
    field_group_class = fieldset_class = "finder-question"  # read by templates/forms/field.html


class AboutYouForm(FinderStepForm):
    title = _("About you")

    citizenship = forms.ChoiceField(
        label=_("What is your citizenship?"),
        help_text=_("If you have more than one, choose the one that gives you the most rights in Poland."),
        choices=Citizenship.choices,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERRORS,
    )
    purpose = forms.ChoiceField(
        label=_("Why do you want to stay in Poland?"),
        choices=Purpose.choices,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERRORS,
    )


class CurrentStayForm(FinderStepForm):
    title = _("Your stay now")

    current_basis = forms.ChoiceField(
        label=_("On what basis are you in Poland now?"),
        choices=StayBasis.choices,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERRORS,
    )
    stay_ends = forms.DateField(
        label=_("When does your current stay end? (optional)"),
        help_text=_(
            "The last day of your visa, visa-free stay, permit or protection. Leave it empty if you do not know. "
            "Write it as year-month-day, for example 2027-03-04."
        ),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=DatePickerInput(format="%Y-%m-%d"),
    )

    def clean_stay_ends(self) -> date | None:
        value = self.cleaned_data["stay_ends"]
        today = timezone.localdate()
        if value is not None and not (today.year - 50 <= value.year <= today.year + 30):
            raise forms.ValidationError(_("Check the year: this does not look like the end date of a stay."))
        return value


class HistoryForm(FinderStepForm):
    title = _("Your time in Poland and your family")

    years_in_poland = forms.IntegerField(
        label=_("For how many full years have you lived in Poland legally, without a long break?"),
        help_text=_(
            "Count visas, visa-free stays, permits and protection together. Write 0 if it is less than a year."
        ),
        min_value=0,
        max_value=MAX_YEARS_IN_POLAND,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    family_tie = forms.ChoiceField(
        label=_("Does one of these describe you?"),
        choices=FamilyTie.choices,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERRORS,
    )


STEP_FORMS: dict[int, type[FinderStepForm]] = {1: AboutYouForm, 2: CurrentStayForm, 3: HistoryForm}
TOTAL_STEPS = len(STEP_FORMS)
RESULT = TOTAL_STEPS + 1
ANSWER_FIELDS = [name for form_class in STEP_FORMS.values() for name in form_class.base_fields]


@dataclass
class _Page:
    step: int
    form: FinderStepForm | None = None
    problem: str | Promise = ""
    suggestions: list[tuple[Guide, Promise]] | None = None
    recommendation: Recommendation | None = None


@csrf_exempt  # changes nothing on the server: POST only keeps the answers out of URLs and logs
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "HEAD", "POST"])
def finder(request):
    page = _answer(request.POST) if request.method == "POST" else _Page(step=1, form=AboutYouForm())
    if page.step == RESULT:
        page_view_count(page=Page.FINDER)
    return _render(request, page)


def _answer(data) -> _Page:
    """The page that follows the posted step: the next step, the same step with errors, or the result."""
    step = _posted_step(data)
    if step is None:
        return _Page(step=1, form=AboutYouForm(initial=_raw_answers(data)), problem=PROBLEM_STEP)
    going_back = "back" in data
    valid: dict[int, FinderStepForm] = {}
    number = 1
    while number < step:  # answers carried from earlier steps are checked again: they come from the client
        form = STEP_FORMS[number](data)
        if not form.is_valid():
            return _Page(step=number, form=form, problem=PROBLEM_EARLIER_ANSWER)
        valid[number] = form
        number = _next_step(number, valid)
    if number > step:  # the earlier answers skip the posted step (an EU citizen needs no further questions)
        step, going_back = number, False

    if going_back:
        previous = _previous_step(step, valid)
        if previous in valid:
            return _Page(step=previous, form=valid[previous])
        return _Page(step=1, form=AboutYouForm(initial=_raw_answers(data)))
    if step == RESULT:
        return _result(valid)
    form = STEP_FORMS[step](data)
    if not form.is_valid():
        return _Page(step=step, form=form)
    valid[step] = form
    following = _next_step(step, valid)
    if following == RESULT:
        return _result(valid)
    return _Page(step=following, form=STEP_FORMS[following](initial=_raw_answers(data)))


def _posted_step(data) -> int | None:
    try:
        step = int(data.get("step", ""))
    except ValueError:
        return None
    return step if 1 <= step <= RESULT else None


def _next_step(number: int, valid: dict[int, FinderStepForm]) -> int:
    if number == 1 and valid[1].cleaned_data["citizenship"] == Citizenship.EU:
        return RESULT
    return number + 1


def _previous_step(number: int, valid: dict[int, FinderStepForm]) -> int:
    if number == RESULT and _next_step(1, valid) == RESULT:
        return 1
    return max(number - 1, 1)


def _raw_answers(data) -> dict[str, str]:
    """Posted answers as they came, to pre-fill a step or carry in hidden fields; checked again when used."""
    return {name: data[name][:MAX_CARRIED_LENGTH] for name in ANSWER_FIELDS if data.get(name)}


def _result(valid: dict[int, FinderStepForm]) -> _Page:
    answers_data = {}
    for form in valid.values():
        answers_data.update(form.cleaned_data)
    answers = Answers(
        citizenship=answers_data["citizenship"],
        purpose=answers_data["purpose"],
        current_basis=answers_data.get("current_basis") or StayBasis.NONE,
        stay_ends=answers_data.get("stay_ends"),
        years_in_poland=answers_data.get("years_in_poland") or 0,
        family_tie=answers_data.get("family_tie") or FamilyTie.NONE,
    )
    recommendation = recommend(answers, today=timezone.localdate())
    guides = {guide.slug: guide for guide in selectors.guides_published().filter(slug__in=recommendation.slugs)}
    suggestions = [(guides[item.slug], item.reason) for item in recommendation.items if item.slug in guides]
    return _Page(step=RESULT, suggestions=suggestions, recommendation=recommendation)


def _render(request, page: _Page):
    visible = set(page.form.fields) if page.form is not None else set()
    data = request.POST if request.method == "POST" else {}
    context = {
        "step": page.step,
        "total_steps": TOTAL_STEPS,
        "is_result": page.step == RESULT,
        "is_last_step": page.step == TOTAL_STEPS,
        "form": page.form,
        "problem": page.problem,
        "carried": [(name, value) for name, value in _raw_answers(data).items() if name not in visible],
        "suggestions": page.suggestions,
        "recommendation": page.recommendation,
    }
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    template = "portal/_finder_step.html" if fragment else "portal/finder.html"
    return render(request, template, context)

"""Every public and desk form that staff screens or documents show refuses control characters, escape sequences
and direction overrides (issue #14, defect 15), with the same translated message."""

import pytest

from cases.forms import ComplaintForm
from infopoints.forms_enquiries import AskForm, CallLogForm, NoteForm, PersonReplyForm, ReplyForm
from portal.forms import MistakeReportForm
from portal.text_validation import MESSAGE

HOSTILE = ["Anna\x1b[2J", "Kowalski\u202eSKCUS", "line\x00break"]

CASES = [
    (ComplaintForm, "full_name"),
    (ComplaintForm, "address"),
    (AskForm, "name"),
    (AskForm, "question"),
    (PersonReplyForm, "body"),
    (ReplyForm, "body"),
    (NoteForm, "body"),
    (CallLogForm, "summary"),
    (CallLogForm, "callback_phone"),
    (MistakeReportForm, "message"),
]


@pytest.mark.parametrize(("form_class", "field"), CASES)
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_characters_are_refused_with_a_message(form_class, field, value, db):
    form = form_class(data={field: value})
    form.is_valid()
    assert str(MESSAGE) in form.errors.get(field, [])


@pytest.mark.parametrize(("form_class", "field"), CASES)
def test_letters_of_every_script_are_kept(form_class, field, db):
    form = form_class(data={field: "Ołena Шевченко-Đặng"})
    form.is_valid()
    assert str(MESSAGE) not in form.errors.get(field, [])

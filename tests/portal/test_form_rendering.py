"""Every form field is drawn by one template (templates/forms/field.html) through the form renderer, which ties the
help text and the errors to the input for screen readers; the templates no longer draw fields by hand."""

import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import get_default_renderer
from django.utils import translation

from portal.form_rendering import FIELD_TEMPLATE, PortalFormRenderer
from portal.forms import MistakeReportForm, NoticeSubscriptionForm
from tests.factories import url_in

TEMPLATES = Path(settings.BASE_DIR) / "templates"


class ChoiceForm(forms.Form):
    colour = forms.ChoiceField(label="Colour", choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect,
                               help_text="Pick one.")
    agree = forms.BooleanField(label="I agree")


def describedby(html: str, element_id: str) -> list[str]:
    tag = re.search(rf'<[^>]*\bid="{element_id}"[^>]*>', html)
    assert tag, f"no element with id {element_id}"
    found = re.search(r'aria-describedby="([^"]*)"', tag.group(0))
    return found.group(1).split() if found else []


def test_the_site_renders_every_form_with_the_project_field_template():
    renderer = get_default_renderer()
    assert isinstance(renderer, PortalFormRenderer)
    assert renderer.field_template_name == FIELD_TEMPLATE
    assert MistakeReportForm()["message"].template_name == FIELD_TEMPLATE


def test_a_field_with_an_error_names_its_help_and_its_error_and_is_marked_invalid():
    form = MistakeReportForm(data={"message": "x", "email": "not an address"})
    assert not form.is_valid()
    with translation.override("en"):
        html = form["message"].as_field_group() + form["email"].as_field_group()

    assert describedby(html, "id_message") == ["id_message_helptext", "id_message_error"]
    assert describedby(html, "id_email") == ["id_email_helptext", "id_email_error"]
    assert re.search(r'<textarea[^>]*aria-invalid="true"[^>]*id="id_message"', html)
    assert re.search(r'<input type="email"[^>]*aria-invalid="true"[^>]*id="id_email"', html)
    assert '<span class="errorlist" id="id_message_error">' in html
    assert '<div class="help" id="id_message_helptext">' in html
    assert '<label for="id_email">Your e-mail <span class="optional">(optional)</span></label>' in html


def test_a_field_without_an_error_is_not_marked_invalid_and_names_only_its_help():
    form = MistakeReportForm(data={"message": "The fee is wrong.", "email": ""})
    assert form.is_valid()
    html = form["message"].as_field_group()
    assert describedby(html, "id_message") == ["id_message_helptext"]
    assert "aria-invalid" not in html and "errorlist" not in html


def test_a_group_of_choices_is_a_fieldset_described_by_its_help_and_error():
    form = ChoiceForm(data={})
    assert not form.is_valid()
    html = form["colour"].as_field_group()
    assert html.startswith('<fieldset class="choices" aria-describedby="id_colour_helptext id_colour_error">')
    assert "<legend>Colour</legend>" in html
    assert '<span class="errorlist" id="id_colour_error">' in html
    assert re.search(r'<input type="radio"[^>]*id="id_colour_0" required aria-invalid="true"', html)
    assert '<label for="id_colour_0">Red</label>' in html

    checkbox = form["agree"].as_field_group()
    assert describedby(checkbox, "id_agree") == ["id_agree_error"]
    assert checkbox.index('type="checkbox"') < checkbox.index('<label for="id_agree">')


def test_check_box_lists_keep_their_list_look():
    form = NoticeSubscriptionForm(places=[], guides=[])
    form.fields["places"].choices = [(1, "Poznań"), (2, "Kalisz")]
    html = form["places"].as_field_group()
    assert '<ul class="checkbox-list">' in html
    assert '<li><input type="checkbox" name="places" value="1"' in html


@pytest.mark.django_db
def test_the_mistake_report_page_ties_its_errors_to_the_fields(client):
    response = client.post(url_in("en", "report_mistake"), {"page": "/en/", "message": "", "email": "nope"})
    assert response.status_code == 400
    html = response.content.decode()
    assert describedby(html, "id_message") == ["id_message_helptext", "id_message_error"]
    assert describedby(html, "id_email") == ["id_email_helptext", "id_email_error"]
    assert html.count('aria-invalid="true"') == 2


@pytest.mark.django_db
def test_the_notice_form_page_ties_the_address_error_to_the_field(client):
    response = client.post(url_in("en", "notice_subscribe"), {"email": "nope"})
    html = response.content.decode()
    assert describedby(html, "id_email") == ["id_email_error"]
    assert 'id="id_email_error"' in html and 'aria-invalid="true"' in html


# Hand-written field markup that the field template replaced: a label, error or help wired to a bound field, an
# input drawn attribute by attribute, or a radio button drawn from its parts.
HAND_RENDERED = [
    re.compile(r"<label[^>]*for=\"\{\{ *[\w.]*(field|form\.\w+|_form\.\w+)\.id_for_label"),
    re.compile(r"<label[^>]*for=\"id_\w+\">\{\{ *[\w.]+\.label *\}\}"),
    re.compile(r"\{\{ *[\w.]*(field|form\.\w+)\.errors *(\|[^}]*)?\}\}"),
    re.compile(r"\{\{ *[\w.]*(field|form\.\w+)\.help_text"),
    re.compile(r"\{\{ *[\w.]*(field|form\.\w+)\.value"),
    re.compile(r"\.choice_label *\}\}|\{\{ *radio\.tag"),
    re.compile(r"aria-invalid"),
]
NOT_FIELDS = {
    "forms/field.html",  # the one field template
    "forms/honeypot.html",  # the bots' trap, drawn by hand on purpose (one copy, included by the forms)
}
ERROR_SUMMARY = 'href="#{{'  # a summary above a form links each error to its field; it draws no field


def template_files() -> list[Path]:
    return [
        path
        for path in sorted(TEMPLATES.rglob("*.html"))
        if path.relative_to(TEMPLATES).parts[0] != "admin" and str(path.relative_to(TEMPLATES)) not in NOT_FIELDS
    ]


def test_no_template_renders_a_form_field_by_hand():
    offenders = [
        f"{path.relative_to(TEMPLATES)}:{number}: {line.strip()[:80]}"
        for path in template_files()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ERROR_SUMMARY not in line and any(pattern.search(line) for pattern in HAND_RENDERED)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "line",
    [
        '<label for="{{ field.id_for_label }}">{{ field.label }}</label>',
        '{% if field.errors %}<span class="errorlist">{{ field.errors|join:" " }}</span>{% endif %}',
        '<span class="help" id="x">{{ field.help_text }}</span>',
        '<input type="email" name="email" value="{{ form.email.value|default_if_none:"" }}">',
        '<p><label for="id_summary">{{ form.summary.label }}</label>',
        '<div class="choice">{{ radio.tag }} <label>{{ radio.choice_label }}</label></div>',
        '<textarea name="body" aria-invalid="true"></textarea>',
    ],
)
def test_the_hand_rendering_check_catches_the_patterns_it_replaced(line):
    assert any(pattern.search(line) for pattern in HAND_RENDERED)


def test_the_hand_rendering_check_reads_the_staff_and_public_templates():
    names = {str(path.relative_to(TEMPLATES)) for path in template_files()}
    assert {"cases/lookup.html", "portal/report_mistake.html", "infopoints/enquiries/call.html"} <= names
    assert "forms/field.html" not in names and "forms/honeypot.html" not in names

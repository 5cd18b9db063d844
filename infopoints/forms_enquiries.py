"""Forms of the enquiry desk: the public question form, the person's reply, and the staff desk's forms."""

from typing import Any, cast

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from infopoints.attachments import AttachmentRefused, IncomingFile, check_files
from infopoints.models import Enquiry
from portal.text_validation import PlainTextFormMixin

QUESTION_MAX = 5000
# FILES_FIELD_NOTE: the forms with attachments have a field named `files`, as the page's <input> is. To the type
# checker that clashes with `BaseForm.files` (the uploaded files); at run time the form's metaclass moves declared
# fields into `base_fields`, so `form.files` stays the uploads and `form["files"]` is the field.


class TelInput(forms.TextInput):
    input_type = "tel"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Up to ENQUIRY_ATTACHMENTS_PER_MESSAGE files, each checked by content (PDF, JPEG, PNG) and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.help_text = files_help_text()

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        files = []
        for upload in uploads:
            # Read one byte past the limit at most: a bigger file is refused without loading it whole.
            from infopoints.attachments import max_bytes

            content = upload.read(max_bytes() + 1)
            files.append(IncomingFile(upload.name or "file", content, getattr(upload, "content_type", "")))
        try:
            check_files(files)
        except AttachmentRefused as refusal:
            raise forms.ValidationError(str(refusal.message)) from refusal
        return files


def files_help_text():
    from django.utils.functional import lazy

    from infopoints.attachments import max_bytes, max_count

    def text() -> str:
        return _("Up to %(count)d files, PDF, JPEG or PNG, at most %(size)d MB each.") % {
            "count": max_count(), "size": max_bytes() // (1024 * 1024)
        }

    return lazy(text, str)()


def topic_choices():
    from portal.models import Category

    return [("", _("Choose a topic")), *[(str(c.pk), c.name) for c in Category.objects.order_by("order", "slug")],
            ("other", _("Something else"))]


class QuestionForm(PlainTextFormMixin, forms.Form):
    """The first step: the question alone, so that guides and answers can be suggested before anything is sent."""

    question = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX,
        min_length=10,
        # While the person types, htmx asks for guides and answers that may already answer the question.
        widget=forms.Textarea(
            attrs={
                "rows": 6,
                "data-hx-get": reverse_lazy("ask_suggestions"),
                "data-hx-trigger": "input changed delay:600ms",
                "data-hx-target": "#ask-suggestions",
                "data-hx-include": "[name=draft]",
                "data-hx-sync": "this:replace",
            }
        ),
        help_text=_("Write in your language. Please do not write your case number or personal data here."),
    )
    draft = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)


class AskForm(QuestionForm):
    topic = forms.ChoiceField(label=_("Topic"), choices=())
    case_number = forms.CharField(
        label=_("Case number"),
        required=False,
        max_length=40,
        help_text=_("If your question is about an application you have already submitted."),
    )
    name = forms.CharField(
        label=_("Your name"), required=False, max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send the answer and a private link to this address. We delete it after the enquiry is closed."),
    )
    files = FilesField(label=_("Attachments"))  # type: ignore[assignment]  # see FILES_FIELD_NOTE
    suggestions_shown = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0, max_value=100)
    # Left empty by people; bots fill every field. Hidden from view and from assistive technology.
    website = forms.CharField(required=False, label=_("Leave this field empty"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["topic"]).choices = topic_choices()


class PersonReplyForm(PlainTextFormMixin, forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 6}))
    files = FilesField(label=_("Attachments"))  # type: ignore[assignment]  # see FILES_FIELD_NOTE


# --- Staff ---------------------------------------------------------------------------------------------------


class DeskFilterForm(forms.Form):
    view = forms.ChoiceField(required=False, choices=[])
    team = forms.CharField(required=False, max_length=20)
    language = forms.ChoiceField(required=False, choices=[("", "")] + list(Enquiry.Language.choices))
    status = forms.ChoiceField(required=False, choices=[("", "")] + list(Enquiry.Status.choices))
    channel = forms.ChoiceField(required=False, choices=[("", "")] + list(Enquiry.Channel.choices))
    topic = forms.CharField(required=False, max_length=10)
    q = forms.CharField(required=False, max_length=200)

    def __init__(self, *args, views=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["view"]).choices = [("", "")] + [(v, v) for v in views]


class ReplyForm(PlainTextFormMixin, forms.Form):
    body = forms.CharField(label=_("Answer to the person"), max_length=20000, widget=forms.Textarea(attrs={"rows": 10}))
    files = FilesField(label=_("Attachments"))  # type: ignore[assignment]  # see FILES_FIELD_NOTE
    wait_for_person = forms.BooleanField(label=_("We need something from the person: wait for their answer"),
                                         required=False, widget=forms.CheckboxInput(attrs={"id": "id_wait_for_person"}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_reply_%s")  # the canned-answer fragment replaces #id_reply_body
        super().__init__(*args, **kwargs)


class NoteForm(PlainTextFormMixin, forms.Form):
    body = forms.CharField(label=_("Internal note"), max_length=20000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_note_%s")  # distinct from the answer's fields on the same page
        super().__init__(*args, **kwargs)


class MergeForm(PlainTextFormMixin, forms.Form):
    into = forms.CharField(label=_("Reference of the enquiry to keep"), max_length=20)


class CallLogForm(PlainTextFormMixin, forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), choices=())
    language = forms.ChoiceField(label=_("Language"), choices=Enquiry.Language.choices)
    summary = forms.CharField(
        label=_("What was asked, in one line"), max_length=200, widget=forms.TextInput(attrs={"autofocus": True})
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("answered", _("Answered on the phone")), ("follow_up", _("Needs a call-back"))],
        widget=forms.RadioSelect,
        initial="answered",
    )
    callback_phone = forms.CharField(label=_("Call-back number"), required=False, max_length=40, widget=TelInput)
    case_number = forms.CharField(label=_("Case number"), required=False, max_length=40)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["topic"]).choices = topic_choices()

    def clean(self) -> dict[str, Any]:
        super().clean()  # a form's own clean answers its cleaned_data
        data = self.cleaned_data
        if data.get("outcome") == "follow_up" and not data.get("callback_phone", "").strip():
            self.add_error("callback_phone", _("A call-back needs the number to call."))
        return data

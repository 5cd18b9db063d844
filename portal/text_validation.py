"""Free text that staff screens and documents show: no control characters, escape sequences or direction overrides.

A name typed as "Anna\\x1b[2J" would clear a terminal that prints a log or an export; one with U+202E (right-to-left
override) shows "Kowalski" on a desk list while it holds something else, and breaks the PDF confirmation. Such
characters have no place in a name, a phone number or a short note, so they are refused with a message, never
silently stripped (the person should see what we keep). Letters of every script, combining marks and ordinary
spaces are fine; a multi-line field (a list of names) may also hold line breaks and tabs.

`text_problem` is the rule (for services), `validate_plain_text` / `validate_plain_lines` the Django validators
and `PlainTextFormMixin` applies them to every text field of a form.
"""

import unicodedata
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Explicit direction marks, embeddings, overrides and isolates (Unicode bidi controls), and the line/paragraph
# separators some systems treat as line breaks.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_SEPARATORS = frozenset("\u2028\u2029")
MULTILINE_ALLOWED = frozenset("\n\r\t")

MESSAGE = _(
    "This field contains invisible control characters (for example from copying and pasting). "
    "Please type the text again."
)


def text_problem(value: str, *, multiline: bool = False) -> bool:
    """Whether `value` holds a character a plain free-text field must not: controls, escapes, bidi overrides."""
    for char in value or "":
        if multiline and char in MULTILINE_ALLOWED:
            continue
        if char in BIDI_CONTROLS or char in LINE_SEPARATORS:
            return True
        if unicodedata.category(char) in ("Cc", "Cs", "Co"):  # controls (ESC, NUL, DEL…), surrogates, private use
            return True
    return False


def validate_plain_text(value: str) -> None:
    if text_problem(value):
        raise ValidationError(MESSAGE, code="control_characters")


def validate_plain_lines(value: str) -> None:
    if text_problem(value, multiline=True):
        raise ValidationError(MESSAGE, code="control_characters")


def _has_plain_text_check(field: forms.Field) -> bool:
    return validate_plain_text in field.validators or validate_plain_lines in field.validators


# The mixin goes before `forms.Form` in a form's bases; to the type checker it is a form (it uses `fields` and
# calls the form's `full_clean`), at run time a plain class, so the form's method order stays Django's.
if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class PlainTextFormMixin(_FormBase):
    """Adds the plain-text check to every `CharField` of the form (a textarea may keep its line breaks).

    Put it before `forms.Form` in the bases. Fields added in `__init__` after `super().__init__()` get the check
    too, because it is applied when the form is cleaned.
    """

    def full_clean(self) -> None:
        for field in self.fields.values():
            if not isinstance(field, forms.CharField) or _has_plain_text_check(field):
                continue
            multiline = isinstance(field.widget, forms.Textarea)
            field.validators.append(validate_plain_lines if multiline else validate_plain_text)
        super().full_clean()

"""Admin for translated content whose Polish text is the source: what changed, and which translations caught up.

Every save that changes the Polish text records a `ContentRevision` with the editor's view of how much it matters;
the editor also ticks the translations brought up to date in the same save. Guides, notices, FAQ entries and
partner institutions all use this, so the translation dashboard reads one kind of record for all of them.
"""

from django import forms
from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from portal.models import ContentRevision
from portal.translation_state import TRANSLATED_LANGUAGES, source_revision_record, translation_mark_current

TRANSLATION_FIELDS: list[str | list[str] | tuple[str, ...]] = ["significance", "change_note", "translations_updated"]


class TrackedTranslationForm(forms.ModelForm):
    significance = forms.TypedChoiceField(
        label=_("How much does this change to the Polish text matter for translations?"),
        choices=[("", _("the Polish text did not change"))] + list(ContentRevision.Significance.choices),
        coerce=int,
        empty_value=None,
        required=False,
    )
    change_note = forms.CharField(label=_("What changed (for translators)"), max_length=300, required=False)
    translations_updated = forms.MultipleChoiceField(
        label=_("Translations brought up to date in this save"),
        choices=[(code, code.upper()) for code in TRANSLATED_LANGUAGES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class TrackedTranslationAdmin(TabbedTranslationAdmin):
    """Records a source revision when the Polish text changes, and which translations were brought up to date."""

    form = TrackedTranslationForm

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        item = form.instance
        significance = form.cleaned_data.get("significance")
        # An explicit choice counts even when no Polish text field changed (e.g. only the legal basis did).
        if not change or _polish_changed(form, formsets) or significance is not None:
            if significance is None:
                significance = ContentRevision.Significance.CONTENT
                if change:
                    self.message_user(
                        request,
                        _("You did not say how much the Polish change matters; it was recorded as a content change."),
                        messages.WARNING,
                    )
            source_revision_record(
                item=item, significance=significance, note=form.cleaned_data.get("change_note", ""), author=request.user
            )
        if form.cleaned_data.get("translations_updated"):
            translation_mark_current(item=item, languages=form.cleaned_data["translations_updated"])


def _polish_changed(form, formsets) -> bool:
    if any(name.endswith("_pl") for name in form.changed_data):
        return True
    for formset in formsets:
        for inline_form in formset.forms:
            if inline_form in formset.deleted_forms:
                return True
            if inline_form.has_changed() and any(name.endswith("_pl") for name in inline_form.changed_data):
                return True
    return False

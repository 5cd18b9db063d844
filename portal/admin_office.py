"""Admin for the office's pages: coordinators choose the project page's live figures; editors manage forms."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from portal import project_figures
from portal.application_forms import MAX_BYTES, pdf_check, too_large
from portal.audit import audit_record
from portal.models import ApplicationForm, ApplicationFormFile, ProjectFigure


class ProjectFigureForm(forms.ModelForm):
    key = forms.ChoiceField(label=_("figure"), choices=())

    class Meta:
        model = ProjectFigure
        fields = ["key", "is_published", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only figures some app computes can be chosen: a figure without a data source cannot be published.
        key_field = self.fields["key"]
        assert isinstance(key_field, forms.ChoiceField)
        key_field.choices = [(figure.key, figure.label) for figure in project_figures.registered()]
        if self.instance.pk:
            self.fields["key"].disabled = True


@admin.register(ProjectFigure)
class ProjectFigureAdmin(admin.ModelAdmin):
    form = ProjectFigureForm
    list_display = ["label", "is_published", "order", "updated_at"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published"]

    @admin.display(description=_("figure"))
    def label(self, figure: ProjectFigure) -> str:
        return project_figures.figure_label(figure.key)

    def save_model(self, request, obj, form, change):
        before = {name: form.initial.get(name) for name in ("is_published", "order")} if change else None
        project_figures.project_figure_save(actor=request.user, figure=obj, before=before)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # unpublishing keeps the decision in the audit trail


class ApplicationFormFileForm(forms.ModelForm):
    class Meta:
        model = ApplicationFormFile
        fields = ["language", "version_date", "file"]
        help_texts = {
            "file": _("A PDF of at most %(size)d MB; the file is checked by its content.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and hasattr(upload, "read"):
            if upload.size is not None and upload.size > MAX_BYTES:
                raise too_large()  # before reading a huge upload into memory
            upload.seek(0)
            data = upload.read()
            pdf_check(data)
            upload.seek(0)
            self.instance.size = len(data)
        return upload


class ApplicationFormFileInline(admin.TabularInline):
    """New versions are added; stored versions are never changed or deleted, so old links' history stays."""

    model = ApplicationFormFile
    form = ApplicationFormFileForm
    extra = 1
    can_delete = False
    readonly_fields = ["size", "uploaded_at"]
    fields = ["language", "version_date", "file", "size", "uploaded_at"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ApplicationForm)
class ApplicationFormAdmin(TabbedTranslationAdmin):
    list_display = ["title", "guide", "is_published", "is_demo", "order", "updated_at"]
    list_filter = ["is_published", "is_demo", "guide"]
    search_fields = ["title_pl", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_pl"]}
    inlines = [ApplicationFormFileInline]
    fields = ["title", "slug", "guide", "description", "is_published", "is_demo", "order"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="application_form.change" if change else "application_form.create",
            obj=obj,
            changes={name: (form.initial.get(name), form.cleaned_data.get(name)) for name in form.changed_data},
            label=obj.slug,
        )

    def save_formset(self, request, form, formset, change):
        new_files = [inline.instance for inline in formset.forms if inline.has_changed() and not inline.instance.pk]
        super().save_formset(request, form, formset, change)
        for file in new_files:
            if file.pk:
                audit_record(
                    actor=request.user,
                    action="application_form.file_upload",
                    obj=file,
                    changes={"version_date": (None, file.version_date), "language": (None, file.language)},
                    label=form.instance.slug,
                )

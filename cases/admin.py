"""The case officers' side: cases of their places, status changes one by one or in bulk, imports and tokens.

Every change of status goes through `services.case_status_set`, so the admin records the same history and
sends the same notifications as the imports and the API.
"""

from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from cases import admin_api as admin_api  # noqa: F401  (registers the API call records' admin)
from cases import codes, importing, selectors, services
from cases.models import (
    Case,
    CaseStatus,
    IntegrationToken,
    LookupRecord,
    Procedure,
    ProcessingTime,
    StatusEvent,
    Subscription,
)
from portal.admin_audit import AuditTrailAdminMixin


@admin.register(CaseStatus)
class CaseStatusAdmin(TabbedTranslationAdmin):
    list_display = ["name", "code", "stage", "visit", "outcome", "is_final"]
    list_filter = ["stage", "is_final"]
    search_fields = ["code", "name"]


@admin.register(Procedure)
class ProcedureAdmin(TabbedTranslationAdmin):
    list_display = ["name", "code", "time_limit_days", "time_limit_months", "guide"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["guide"]


class StatusEventInline(admin.TabularInline):
    model = StatusEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "occurred_at", "status", "note_to_applicant", "internal_note", "channel", "changed_by", "integration"
    )
    ordering = ["-occurred_at", "-pk"]

    def get_queryset(self, request):
        # Every row shows its status, officer and integration: fetched with the events, not one query per row.
        return super().get_queryset(request).select_related("status", "changed_by", "integration")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class SubscriptionInline(admin.TabularInline):
    """Who asked for e-mails about the case. Officers may only remove an address (e.g. at the applicant's
    request); removal goes through `services.subscription_remove` and is recorded in the audit trail."""

    model = Subscription
    extra = 0
    readonly_fields = ("email", "language", "created_at", "confirmed_at")
    fields = readonly_fields
    verbose_name_plural = gettext_lazy("e-mail updates")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class CaseForm(forms.ModelForm):
    """Creating a case needs its first status; the contact e-mail needs the applicant's consent."""

    first_status: "forms.ModelChoiceField[CaseStatus]" = forms.ModelChoiceField(
        queryset=CaseStatus.objects.all(), required=False, label=gettext_lazy("first status")
    )
    contact_consent = forms.BooleanField(
        required=False,
        label=gettext_lazy("The applicant agreed in writing to be contacted by e-mail"),
    )

    class Meta:
        model = Case
        fields = ["number", "procedure", "place", "filed_on", "contact_email", "contact_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["number"].disabled = True
            del self.fields["first_status"]
            self.fields["contact_consent"].initial = bool(self.instance.contact_consent_at)

    def clean_number(self):
        number = self.cleaned_data["number"]
        key = codes.number_key(number)
        if not key:
            raise forms.ValidationError(_("Enter the case number."))
        if not self.instance.pk and Case.objects.filter(number_key=key).exists():
            raise forms.ValidationError(_("A case with this number exists already."))
        return number

    def clean(self):
        cleaned = super().clean() or {}
        if not self.instance.pk and not cleaned.get("first_status"):
            self.add_error("first_status", _("Choose the status the case starts with."))
        if cleaned.get("contact_email") and not cleaned.get("contact_consent"):
            self.add_error("contact_consent", _("Keep an e-mail address only with the applicant's consent."))
        return cleaned


class SetStatusForm(forms.Form):
    status: "forms.ModelChoiceField[CaseStatus]" = forms.ModelChoiceField(
        queryset=CaseStatus.objects.all(), label=gettext_lazy("new status")
    )
    occurred_at = forms.DateTimeField(label=gettext_lazy("date of the status"), initial=timezone.now)
    note_to_applicant = forms.CharField(
        label=gettext_lazy("note to the applicant (Polish)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    note_to_applicant_en = forms.CharField(
        label=gettext_lazy("the same note in English"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note_to_applicant_uk = forms.CharField(
        label=gettext_lazy("the same note in Ukrainian"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note_to_applicant_ru = forms.CharField(
        label=gettext_lazy("the same note in Russian"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    internal_note = forms.CharField(
        label=gettext_lazy("internal note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_occurred_at(self):
        occurred_at = self.cleaned_data["occurred_at"]
        if not importing.EARLIEST_DATE <= occurred_at.date() <= timezone.localdate() + timedelta(days=1):
            raise forms.ValidationError(
                _("Give a date between %(earliest)s and today.") % {"earliest": importing.EARLIEST_DATE.isoformat()}
            )
        return occurred_at

    def note_translations(self) -> dict[str, str]:
        return {language: self.cleaned_data[f"note_to_applicant_{language}"] for language in ("en", "uk", "ru")}


IMPORT_SESSION_KEY = "case_import_preview"


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))
    create_missing = forms.BooleanField(label=gettext_lazy("Create cases the portal does not know yet"), required=False)


@admin.register(Case)
class CaseAdmin(AuditTrailAdminMixin, admin.ModelAdmin):
    form = CaseForm
    list_display = ["number", "procedure", "place", "status", "status_changed_at", "filed_on"]
    list_filter = ["status", "procedure", "place", ("filed_on", admin.DateFieldListFilter), "status_changed_at"]
    list_select_related = ["procedure", "place", "status"]
    search_fields = ["number_key"]
    search_help_text = gettext_lazy("Case number, typed any way (spaces, dots and dashes do not matter).")
    date_hierarchy = "status_changed_at"
    readonly_fields = ["status", "status_changed_at", "final_at", "contact_erased_at", "anonymized_at", "audit_trail"]
    inlines = [StatusEventInline, SubscriptionInline]
    actions = ["set_status", "issue_access_codes", "send_access_codes"]

    def get_queryset(self, request):
        return selectors.cases_visible_to(request.user).select_related("procedure", "place", "status")

    def get_search_results(self, request, queryset, search_term):
        # People paste numbers in every form; the index holds the letters and digits only.
        return super().get_search_results(request, queryset, codes.number_key(search_term))

    def get_fields(self, request, obj=None):
        fields = ["number", "procedure", "place", "filed_on", "contact_email", "contact_language", "contact_consent"]
        if obj is None:
            return [*fields[:4], "first_status", *fields[4:]]
        return fields + self.readonly_fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "place" and not selectors.works_office_wide(request.user):
            kwargs["queryset"] = request.user.places.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_formset(self, request, form, formset, change):
        if formset.model is Subscription:
            formset.save(commit=False)  # fills deleted_objects; nothing else in this inline can change
            for subscription in formset.deleted_objects:
                services.subscription_remove(subscription=subscription, removed_by=request.user)
            return
        super().save_formset(request, form, formset, change)

    def save_model(self, request, obj, form, change):
        # The consent rule and the write live in the services; the admin passes what the officer entered.
        details = {
            "procedure": form.cleaned_data["procedure"],
            "place": form.cleaned_data["place"],
            "filed_on": form.cleaned_data["filed_on"],
            "contact_email": form.cleaned_data.get("contact_email", ""),
            "contact_language": form.cleaned_data["contact_language"],
            "contact_consent": bool(form.cleaned_data.get("contact_consent")),
        }
        if change:
            services.case_details_update(case=obj, changed_by=request.user, **details)
        else:
            created = services.case_create(
                number=form.cleaned_data["number"],
                status=form.cleaned_data["first_status"],
                occurred_at=timezone.now(),
                channel=StatusEvent.Channel.ADMIN,
                changed_by=request.user,
                **details,
            )
            obj.pk = created.pk
        obj.refresh_from_db()

    @admin.action(description=gettext_lazy("Set status…"), permissions=["change"])
    def set_status(self, request, queryset):
        form = SetStatusForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            recorded = 0
            for case in queryset:
                _event, created = services.case_status_set(
                    case=case,
                    status=form.cleaned_data["status"],
                    occurred_at=form.cleaned_data["occurred_at"],
                    note_to_applicant=form.cleaned_data["note_to_applicant"],
                    note_translations=form.note_translations(),
                    internal_note=form.cleaned_data["internal_note"],
                    channel=StatusEvent.Channel.ADMIN,
                    changed_by=request.user,
                )
                recorded += created
            self.message_user(
                request, _("Status recorded for %(count)d cases.") % {"count": recorded}, messages.SUCCESS
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Set status"),
            "form": form,
            "cases": queryset,
            "action": "set_status",
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/cases/case/set_status.html", context)

    @admin.action(description=gettext_lazy("Issue new access codes (to print on a receipt)"), permissions=["change"])
    def issue_access_codes(self, request, queryset):
        issued = [(case, services.access_code_issue(case=case, issued_by=request.user)) for case in queryset[:50]]
        context = {
            **self.admin_site.each_context(request),
            "title": _("New access codes"),
            "issued": issued,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/cases/case/access_codes.html", context)

    @admin.action(description=gettext_lazy("E-mail new access codes to the contact address"), permissions=["change"])
    def send_access_codes(self, request, queryset):
        sent = sum(services.access_code_send(case=case, issued_by=request.user) for case in queryset)
        self.message_user(
            request,
            _("Access codes e-mailed for %(sent)d of %(total)d cases (the others have no contact address).")
            % {"sent": sent, "total": queryset.count()},
            messages.SUCCESS,
        )


@admin.register(StatusEvent)
class StatusEventAdmin(admin.ModelAdmin):
    """The audit trail of every status change; entries are never edited. Imports start here."""

    list_display = ["case", "status", "occurred_at", "channel", "changed_by", "integration", "recorded_at"]
    list_filter = ["channel", "status", "recorded_at"]
    list_select_related = ["case", "status", "changed_by", "integration"]
    search_fields = ["case__number_key"]
    change_list_template = "admin/cases/statusevent/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(case__in=selectors.cases_visible_to(request.user))

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, codes.number_key(search_term))

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="cases_statusevent_import")
        ] + super().get_urls()

    def import_view(self, request):
        """Upload and preview (a dry run that shows every row's outcome), then apply the previewed rows.

        The previewed rows wait in the officer's session, so "Apply" applies exactly what was shown.
        """
        if not request.user.has_perm("cases.add_statusevent"):
            raise PermissionDenied
        applying = request.method == "POST" and "apply" in request.POST
        form = ImportForm(None if applying else (request.POST or None), None if applying else (request.FILES or None))
        results = None
        file_error = ""
        if applying:
            pending = request.session.pop(IMPORT_SESSION_KEY, None)
            if pending is None:
                file_error = _("The preview has expired. Choose the file again.")
            else:
                results = importing.rows_apply(
                    pending["rows"],
                    channel=StatusEvent.Channel.IMPORT,
                    scope=selectors.place_scope_of_user(request.user),
                    changed_by=request.user,
                    create_missing=pending["create_missing"],
                )
                self.message_user(
                    request,
                    _("Import applied: %(ok)d rows accepted, %(errors)d rows with errors left out.")
                    % {"ok": sum(r.ok for r in results), "errors": sum(not r.ok for r in results)},
                    messages.SUCCESS,
                )
        elif request.method == "POST" and form.is_valid():
            try:
                rows = importing.rows_from_file(form.cleaned_data["file"])
            except importing.ImportFileError as exc:
                file_error = str(exc)
            else:
                create_missing = form.cleaned_data["create_missing"]
                results = importing.rows_apply(
                    rows,
                    channel=StatusEvent.Channel.IMPORT,
                    scope=selectors.place_scope_of_user(request.user),
                    changed_by=request.user,
                    create_missing=create_missing,
                    dry_run=True,
                )
                request.session[IMPORT_SESSION_KEY] = {"rows": rows, "create_missing": create_missing}
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import status changes"),
            "form": form,
            "results": results,
            "file_error": file_error,
            "applied": applying and results is not None,
            "columns": importing.REQUIRED_COLUMNS + importing.OPTIONAL_COLUMNS,
            "error_count": sum(not r.ok for r in results) if results else 0,
            "opts": self.model._meta,
        }
        return TemplateResponse(
            request, "admin/cases/statusevent/import.html", context, status=400 if file_error else 200
        )


class IntegrationTokenForm(forms.ModelForm):
    class Meta:
        model = IntegrationToken
        fields = ["name", *IntegrationToken.SCOPES.values(), "requests_per_minute", "office_wide", "places"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "requests_per_minute" in self.fields:  # left empty: the model's default
            self.fields["requests_per_minute"].required = False

    def clean(self) -> dict[str, Any]:
        super().clean()  # a ModelForm's clean answers its cleaned_data, and marks it for the uniqueness checks
        cleaned = self.cleaned_data
        if cleaned.get("office_wide") and cleaned.get("places"):
            self.add_error("places", _("An office-wide token needs no places: choose places or office-wide."))
        elif not cleaned.get("office_wide") and not cleaned.get("places"):
            self.add_error("places", _("Choose the places whose cases the system may change, or office-wide."))
        return cleaned


class IntegrationTokenScopeForm(IntegrationTokenForm):
    class Meta(IntegrationTokenForm.Meta):
        fields = ["office_wide", "places"]


@admin.register(IntegrationToken)
class IntegrationTokenAdmin(AuditTrailAdminMixin, admin.ModelAdmin):
    """Tokens of the systems that send status changes; only their places (or office-wide) can be changed."""

    form = IntegrationTokenForm
    list_display = ["name", "prefix", "office_wide", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["office_wide", *IntegrationToken.SCOPES.values()]
    # Scopes and the rate limit are chosen when a token is made; to change them, make a new token and revoke this one.
    readonly_fields = [
        "name", "prefix", *IntegrationToken.SCOPES.values(), "requests_per_minute",
        "created_at", "created_by", "last_used_at", "revoked_at", "audit_trail",
    ]
    filter_horizontal = ["places"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ["prefix", "created_at", "created_by", "last_used_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            kwargs["form"] = IntegrationTokenScopeForm
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change):
        services.integration_token_scope_set(
            token=obj,
            places=list(form.cleaned_data["places"]),
            office_wide=form.cleaned_data["office_wide"],
            changed_by=request.user,
        )

    def save_related(self, request, form, formsets, change):
        pass  # the places were set by the service, with the audit record

    def add_view(self, request, form_url="", extra_context=None):
        form = IntegrationTokenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                token, plaintext = services.integration_token_create(
                    name=form.cleaned_data["name"],
                    created_by=request.user,
                    places=list(form.cleaned_data["places"]),
                    office_wide=form.cleaned_data["office_wide"],
                    scopes=[name for name, field in IntegrationToken.SCOPES.items() if form.cleaned_data[field]],
                    requests_per_minute=form.cleaned_data["requests_per_minute"] or 120,
                )
            except IntegrityError:
                form.add_error("name", _("A token for this system exists already."))
            else:
                context = {
                    **self.admin_site.each_context(request),
                    "title": _("Token created"),
                    "token": token,
                    "plaintext": plaintext,
                    "api_path": reverse("api_docs"),
                    "opts": self.model._meta,
                }
                return TemplateResponse(request, "admin/cases/integrationtoken/created.html", context)
        return super().add_view(request, form_url, extra_context)

    @admin.action(description=gettext_lazy("Revoke the selected tokens"), permissions=["delete"])
    def revoke(self, request, queryset):
        for token in queryset:
            services.integration_token_revoke(token=token, revoked_by=request.user)
        self.message_user(request, _("Tokens revoked."), messages.SUCCESS)


@admin.register(LookupRecord)
class LookupRecordAdmin(admin.ModelAdmin):
    """For spotting guessing: many failures on one hashed number, or bursts of refusals."""

    list_display = ["created_at", "outcome", "number_hash"]
    list_filter = ["outcome", "created_at"]
    search_fields = ["number_hash"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ProcessingTime)
class ProcessingTimeAdmin(admin.ModelAdmin):
    list_display = ["procedure", "place", "stage", "median_days", "p80_days", "sample_size", "computed_at"]
    list_filter = ["procedure", "place", "stage"]
    list_select_related = ["procedure", "place"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

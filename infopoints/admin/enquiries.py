"""Admin of the enquiry desk: canned answers in four languages for coordinators and editors; enquiries read-only
(staff work on them at the desk, whose services keep the audit trail), each with its audit trail."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from infopoints.models import CannedAnswer, Enquiry
from portal.admin_audit import AuditTrailAdminMixin


@admin.register(CannedAnswer)
class CannedAnswerAdmin(TabbedTranslationAdmin):
    list_display = ["title", "topic", "is_active", "order"]
    list_filter = ["is_active", "topic"]
    search_fields = ["title", "body"]
    filter_horizontal = ["guides"]


@admin.register(Enquiry)
class EnquiryAdmin(AuditTrailAdminMixin, admin.ModelAdmin):
    list_display = ["reference", "channel", "language", "topic", "place", "status", "priority", "due_at"]
    list_filter = ["status", "channel", "language", "priority", "place"]
    search_fields = ["reference"]
    list_select_related = ["topic", "place"]
    fieldsets = [
        (None, {"fields": ["reference", "channel", "language", "topic", "place", "status", "priority", "assignee"]}),
        (_("Service level"), {"fields": ["first_response_due", "resolution_due", "first_responded_at",
                                         "resolved_at", "closed_at", "erased_at"]}),
        (_("Audit trail"), {"fields": ["audit_trail"]}),
    ]
    readonly_fields = [
        "reference", "channel", "language", "topic", "place", "status", "priority", "assignee",
        "first_response_due", "resolution_due", "first_responded_at", "resolved_at", "closed_at", "erased_at",
        "audit_trail",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # retention erases; people do not

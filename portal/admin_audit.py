"""The audit trail in the admin: a read-only list for coordinators and administrators, and a mixin that shows an
object's own events on its change page."""

from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from portal.audit import audit_events_for
from portal.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "actor_label", "role", "place", "action", "object_type", "object_label"]
    list_filter = ["action", "object_type", "place", "role", ("occurred_at", admin.DateFieldListFilter)]
    search_fields = ["actor_label", "object_label", "object_id", "action"]
    date_hierarchy = "occurred_at"
    list_select_related = ["place"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # retention deletes; people do not


class AuditTrailAdminMixin:
    """Adds a read-only "Audit trail" field listing the object's events; put "audit_trail" in `readonly_fields`
    and in a fieldset."""

    @admin.display(description=_("Audit trail"))
    def audit_trail(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "-"
        return render_to_string("admin/portal/_audit_trail.html", {"events": audit_events_for(obj)})

"""Admin of the queue: matters and desks per place, registered kiosks and displays (enrol, see, revoke), and the
tickets as read-only history with their audit trail. Rows are scoped to the user's places like the rest."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from infopoints import selectors, services
from infopoints.models import Desk, Device, Matter, Ticket
from infopoints.queue_state import queue_changed
from portal.admin_audit import AuditTrailAdminMixin


class QueuePlaceScopedAdmin(admin.ModelAdmin):
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if selectors.sees_every_place(request.user):
            return queryset
        return queryset.filter(place__in=request.user.places.all())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "place":
            kwargs["queryset"] = selectors.queue_places_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class QueueShapeAdmin(QueuePlaceScopedAdmin):
    """Matters and desks shape what the display and the phones show (the matters' names, the open desks serving
    each): an edit here changes the place's queue version as a desk's action does, so that no screen keeps
    answering 304 with the old board and no phone reads an old snapshot."""

    def save_model(self, request, obj, form, change):
        before = type(obj).objects.filter(pk=obj.pk).values_list("place_id", flat=True).first() if change else None
        super().save_model(request, obj, form, change)
        for place_id in {obj.place_id, before} - {None}:
            queue_changed(place_id)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        queue_changed(obj.place_id)

    def delete_queryset(self, request, queryset):
        place_ids = set(queryset.values_list("place_id", flat=True))
        super().delete_queryset(request, queryset)
        for place_id in place_ids:
            queue_changed(place_id)


@admin.register(Matter)
class MatterAdmin(QueueShapeAdmin, TabbedTranslationAdmin):
    list_display = ["letter", "name", "place", "is_open", "is_checkin", "issue_from", "issue_until", "daily_limit"]
    list_filter = ["place", "is_open"]
    list_editable = ["is_open"]
    list_select_related = ["place"]


@admin.register(Desk)
class DeskAdmin(AuditTrailAdminMixin, QueueShapeAdmin):
    list_display = ["number", "place", "staff", "opened_at"]
    list_filter = ["place"]
    list_select_related = ["place", "staff"]
    filter_horizontal = ["matters"]
    readonly_fields = ["staff", "opened_at", "audit_trail"]


@admin.register(Device)
class DeviceAdmin(AuditTrailAdminMixin, QueuePlaceScopedAdmin):
    list_display = ["name", "kind", "place", "enrolled_at", "last_seen_at", "revoked_at"]
    list_filter = ["place", "kind"]
    list_select_related = ["place"]
    readonly_fields = ["enrolment_link", "secret_version", "enrolment_open", "enrolled_at", "last_seen_at",
                       "revoked_at", "audit_trail"]
    actions = ["revoke", "new_enrolment_link"]

    @admin.display(description=_("enrolment link (open it once in the device's browser)"))
    def enrolment_link(self, obj) -> str:
        if obj is None or obj.pk is None or not obj.enrolment_open or obj.revoked_at:
            return "-"
        url = reverse("queue_devices:enrol", args=[services.device_enrolment_token(obj)])
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.action(description=_("Revoke: the device stops working at once"), permissions=["change"])
    def revoke(self, request, queryset):
        for device in queryset:
            services.device_revoke(device_id=device.pk, user=request.user)
        messages.success(request, _("Revoked."))

    @admin.action(description=_("New enrolment link (the old browser stops working)"), permissions=["change"])
    def new_enrolment_link(self, request, queryset):
        for device in queryset:
            services.device_reopen_enrolment(device_id=device.pk, user=request.user)
        messages.success(request, _("Open the device's page here to copy its new enrolment link."))


@admin.register(Ticket)
class TicketAdmin(AuditTrailAdminMixin, QueuePlaceScopedAdmin):
    """History for statistics; tickets change only through the desk console (and its audit trail)."""

    list_display = ["day", "letter", "number", "place", "matter", "status", "desk", "issued_at", "called_at",
                    "finished_at", "topic", "language", "resolved"]
    list_filter = ["place", "status", "day", "topic", "resolved"]
    list_select_related = ["place", "matter", "desk"]
    date_hierarchy = "issued_at"
    exclude = ["token", "press_key"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Ticket._meta.fields if f.name not in ("token", "press_key")] + ["audit_trail"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

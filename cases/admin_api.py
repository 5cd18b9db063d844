"""The record of the integration API's calls in the admin: read-only, for finding a misbehaving integration."""

from django.contrib import admin

from cases.models import ApiCall


@admin.register(ApiCall)
class ApiCallAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "token", "method", "endpoint", "status_code", "outcome"]
    list_filter = ["outcome", "token", "method"]
    list_select_related = ["token"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from portal import admin_audit, admin_guides, admin_info, admin_office  # noqa: F401 (register the audit, guide, notice, FAQ, partner, figure and form admin)
from portal.audit import audit_record
from portal.models import OpeningHours, OutboundEmail, Place, Service, SpokenLanguage, User
from portal.models.core import PLACE_CONFIRMATION_FIELDS


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_active", "groups", "places"]
    search_fields = ["email", "name"]
    filter_horizontal = ["groups", "places", "user_permissions"]
    fieldsets = [
        (None, {"fields": ["email", "name", "password"]}),
        (_("Work"), {"fields": ["is_active", "is_staff", "groups", "places"]}),
        (_("Exceptions"), {"classes": ["collapse"], "fields": ["is_superuser", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})]
    readonly_fields = ["last_login", "date_joined"]

    def get_readonly_fields(self, request, obj=None):
        # Least privilege: only a superuser may make superusers or grant permissions outside the roles.
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if request.user.is_superuser else [*readonly, "is_superuser", "user_permissions"]

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Place)
class PlaceAdmin(TabbedTranslationAdmin):
    list_display = ["name", "kind", "city", "is_published", "order", "all_details_confirmed"]
    list_filter = ["kind", "is_published", "city", "address_confirmed", "hours_confirmed"]
    search_fields = ["name", "city", "street"]
    prepopulated_fields = {"slug": ["name_pl"]}
    filter_horizontal = ["staff_languages", "services"]
    inlines = [OpeningHoursInline]

    @admin.display(boolean=True, description=_("all details confirmed"))
    def all_details_confirmed(self, obj: Place) -> bool:
        return obj.all_details_confirmed

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changes = {
            name: (form.initial.get(name), form.cleaned_data[name])
            for name in PLACE_CONFIRMATION_FIELDS
            if name in form.changed_data
        }
        if changes:
            audit_record(actor=request.user, action="place.details_confirmation", obj=obj, place=obj, changes=changes)


@admin.register(Service)
class ServiceAdmin(TabbedTranslationAdmin):
    list_display = ["name", "code", "order"]
    search_fields = ["name", "code"]


@admin.register(SpokenLanguage)
class SpokenLanguageAdmin(TabbedTranslationAdmin):
    list_display = ["name", "code", "order"]


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """Read-only view of the outbox, so that a stuck, undelivered or suppressed message is visible to coordinators.

    Metadata only: the recipient's domain, never the address, and no text. The text of a message still waiting
    (the only one that has any) is shown to whoever holds `view_outboundemail_body`, which no role is given.
    """

    list_display = ["created_at", "kind", "subject", "recipient_domain", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind", "language", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["kind", "subject", "recipient_domain"]
    date_hierarchy = "created_at"
    METADATA = [
        "created_at",
        "kind",
        "dedupe_key",
        "subject",
        "language",
        "recipient_domain",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "attachments_key",
    ]
    PERSONAL = ["to_address", "body_text", "body_html", "headers"]

    def get_fields(self, request, obj=None):
        if request.user.has_perm("portal.view_outboundemail_body"):
            return [*self.METADATA, *self.PERSONAL]
        return self.METADATA

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

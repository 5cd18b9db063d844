"""The office's side of the appointments: services, schedules and closures, times, bookings, waiting lists, draws.

Staff see the places they work at only (`user.places`; superusers see all). Saving a schedule or a closure
regenerates its times at once through `services.slots_generate`, which never deletes a booked time: the times
that left the schedule keep their bookings and are listed for staff to rearrange. Names and contact details of
bookings are shown only with the `view_booking_personal_data` permission; bookings change only through the
services (the staff day page, or the admin's "cancel" action), never by editing fields.
"""

from collections.abc import Iterable

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from appointments import selectors, services
from appointments.forms_staff import CancelForm
from appointments.models import (
    BookableService,
    Booking,
    BookingSeat,
    Draw,
    DrawRequest,
    Schedule,
    ScheduleException,
    ScheduleHours,
    Slot,
    WaitingListEntry,
)
from appointments.services import BookingError
from portal.admin_audit import AuditTrailAdminMixin

PERSONAL_DATA_PERMISSION = "appointments.view_booking_personal_data"
BOOKING_PERSONAL_FIELDS = [
    "name", "email", "phone", "case", "case_number", "desk_language", "desk_language_other", "needs_step_free",
    "needs_induction_loop", "access_note", "cancel_note",
]


def shows_personal_data(request) -> bool:
    return request.user.has_perm(PERSONAL_DATA_PERMISSION)


class PlaceScopedAdmin(admin.ModelAdmin):
    """Rows of the places the officer works at; `place_field` is the lookup from the row to its place."""

    place_field = "place"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.place_field}__in": selectors.places_for_staff(request.user)})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "place" and not request.user.is_superuser:
            kwargs["queryset"] = selectors.places_for_staff(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(BookableService)
class BookableServiceAdmin(TabbedTranslationAdmin):
    list_display = [
        "name", "code", "duration_minutes", "case_visit", "case_place_rule", "max_people", "is_active", "order"
    ]
    list_filter = ["is_active", "case_visit", "case_place_rule"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["guide"]


class ScheduleHoursInline(admin.TabularInline):
    model = ScheduleHours
    extra = 1


def _regenerated_message(request, schedules: list[Schedule]) -> None:
    """Regenerate the times of `schedules` and tell the officer what changed and whom to contact."""
    if not schedules:
        return
    result = services.slots_generate(schedule_ids=[schedule.pk for schedule in schedules])
    messages.info(
        request,
        _(
            "Times regenerated: %(created)d created, %(removed)d removed; %(left)d booked times left the schedule "
            "(their bookings are kept)."
        )
        % {"created": result.created, "removed": result.removed, "left": result.left_with_bookings},
    )
    for place in {schedule.place for schedule in schedules}:
        service_ids = {schedule.service_id for schedule in schedules if schedule.place_id == place.pk}
        affected = [b for b in selectors.bookings_to_rearrange(place=place) if b.service_id in service_ids]
        if affected:
            messages.warning(
                request,
                format_html(
                    '{} <a href="{}">{}</a>: {}',
                    _("Bookings at %(place)s to rearrange with the people (contact them):") % {"place": place},
                    reverse("appointments_staff:day", args=[place.slug]),
                    _("the place's day page lists them"),
                    format_html_join(
                        ", ",
                        "{} ({})",
                        ((b.reference, f"{timezone.localtime(b.starts_at):%Y-%m-%d %H:%M}") for b in affected),
                    ),
                ),
            )


@admin.register(Schedule)
class ScheduleAdmin(PlaceScopedAdmin):
    list_display = ["place", "service", "release_policy", "horizon_days", "release_days_ahead", "is_active"]
    list_filter = ["release_policy", "is_active", "place", "service"]
    list_select_related = ["place", "service"]
    inlines = [ScheduleHoursInline]
    fieldsets = [
        (None, {"fields": ["place", "service", "is_active"]}),
        (
            gettext_lazy("Release policy"),
            {
                "fields": [
                    "release_policy",
                    "horizon_days",
                    "release_days_ahead",
                    "release_time",
                    "draw_window_days",
                ]
            },
        ),
        (
            gettext_lazy("Freed times"),
            {"fields": ["return_delay_min_minutes", "return_delay_max_minutes"]},
        ),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the weekly hours are saved: the times follow the schedule at once; booked times are kept.
        schedule = Schedule.objects.select_related("place").get(pk=form.instance.pk)
        _regenerated_message(request, [schedule])


@admin.register(ScheduleException)
class ScheduleExceptionAdmin(PlaceScopedAdmin, TabbedTranslationAdmin):
    list_display = ["date", "place", "service", "is_closed", "starts", "ends", "reason"]
    list_filter = ["is_closed", "place", "service", ("date", admin.DateFieldListFilter)]
    list_select_related = ["place", "service"]
    date_hierarchy = "date"

    @staticmethod
    def _schedules_for(exceptions: Iterable[ScheduleException]) -> list[Schedule]:
        schedules: list[Schedule] = []
        for exception in exceptions:
            queryset = Schedule.objects.filter(place=exception.place_id).select_related("place")
            if exception.service_id:
                queryset = queryset.filter(service=exception.service_id)
            schedules.extend(queryset)
        return list({schedule.pk: schedule for schedule in schedules}.values())

    def save_model(self, request, obj, form, change):
        before = []
        if change:
            before = self._schedules_for([ScheduleException.objects.get(pk=obj.pk)])  # the place or service may move
        super().save_model(request, obj, form, change)
        _regenerated_message(request, list({s.pk: s for s in before + self._schedules_for([obj])}.values()))

    def delete_model(self, request, obj):
        schedules = self._schedules_for([obj])
        super().delete_model(request, obj)
        _regenerated_message(request, schedules)

    def delete_queryset(self, request, queryset):
        schedules = self._schedules_for(list(queryset))
        super().delete_queryset(request, queryset)
        _regenerated_message(request, schedules)


@admin.register(Slot)
class SlotAdmin(AuditTrailAdminMixin, PlaceScopedAdmin):
    """Times are derived from the schedules: here staff only look, and block or unblock."""

    list_display = ["starts_at", "ends_at", "place", "service", "capacity", "booked", "is_blocked", "in_schedule",
                    "opens_at"]
    list_filter = ["is_blocked", "in_schedule", "place", "service", ("starts_at", admin.DateFieldListFilter)]
    list_select_related = ["place", "service"]
    date_hierarchy = "starts_at"
    actions = ["block", "unblock"]
    readonly_fields = ["place", "service", "starts_at", "ends_at", "capacity", "booked", "opens_at", "is_blocked",
                       "in_schedule", "audit_trail"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def _set_blocked(self, request, queryset, blocked: bool) -> None:
        done = refused = 0
        for slot in queryset:
            try:
                services.slot_block(slot_id=slot.pk, user=request.user, blocked=blocked)
                done += 1
            except BookingError:
                refused += 1
        self.message_user(
            request,
            (_("%(count)d times blocked; people already booked keep their visit.") if blocked
             else _("%(count)d times open for booking again.")) % {"count": done},
            messages.SUCCESS,
        )
        if refused:
            self.message_user(
                request,
                _("%(count)d times left the schedule and stay blocked.") % {"count": refused},
                messages.WARNING,
            )

    @admin.action(description=gettext_lazy("Block the selected times"), permissions=["change"])
    def block(self, request, queryset):
        self._set_blocked(request, queryset, True)

    @admin.action(description=gettext_lazy("Unblock the selected times"), permissions=["change"])
    def unblock(self, request, queryset):
        self._set_blocked(request, queryset, False)


class BookingSeatInline(ReadOnlyMixin, admin.TabularInline):
    model = BookingSeat
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("slot", "slot__place", "slot__service")

    def get_fields(self, request, obj=None):
        fields = ["position", "slot", "released"]
        return fields + ["person_name"] if shows_personal_data(request) else fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)


@admin.register(Booking)
class BookingAdmin(AuditTrailAdminMixin, PlaceScopedAdmin):
    """Bookings are read here; the desk changes them on the staff day page, the admin only cancels."""

    list_display = ["reference", "starts_at", "place", "service", "status", "channel", "created_at"]
    list_filter = ["status", "place", "service", "channel", ("starts_at", admin.DateFieldListFilter)]
    list_select_related = ["place", "service"]
    search_fields = ["=reference"]
    search_help_text = gettext_lazy("The reference code, e.g. K7PX3MQA.")
    date_hierarchy = "starts_at"
    inlines = [BookingSeatInline]
    actions = ["cancel_by_office"]

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, search_term.strip().upper().replace("-", ""))

    def get_fields(self, request, obj=None):
        fields = ["reference", "service", "place", "starts_at", "status", "cancel_reason", "channel", "language"]
        if shows_personal_data(request):
            fields += BOOKING_PERSONAL_FIELDS
        return fields + [
            "checkin_code",
            "created_at",
            "confirmed_at",
            "cancelled_at",
            "checked_in_at",
            "reminder_sent_at",
            "booked_by",
            "personal_data_erased_at",
            "audit_trail",
        ]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request) -> bool:
        return False  # booking for a caller: the staff day page (same rules as online)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_cancel_permission(self, request) -> bool:
        return request.user.has_perm("appointments.change_booking")

    @admin.action(description=gettext_lazy("Cancel the selected bookings (by the office)…"), permissions=["cancel"])
    def cancel_by_office(self, request, queryset):
        """A confirmation page asks why first (as on the desk's day page); the reason goes to each person's e-mail."""
        form = CancelForm(request.POST if "apply" in request.POST else None)
        if not (form.is_bound and form.is_valid()):
            context = {
                **self.admin_site.each_context(request),
                "title": _("Cancel the selected bookings"),
                "bookings": list(queryset.select_related("service", "place")),
                "form": form,
                "action": "cancel_by_office",
                "opts": self.model._meta,
            }
            return TemplateResponse(request, "admin/appointments/booking/cancel.html", context)
        done = refused = 0
        for booking in queryset:
            try:
                services.booking_cancel(
                    booking_id=booking.pk,
                    by_staff=request.user,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
                done += 1
            except BookingError:
                refused += 1
        self.message_user(request, _("%(count)d bookings cancelled.") % {"count": done}, messages.SUCCESS)
        if refused:
            self.message_user(
                request,
                _("%(count)d bookings were not active or already past, and were left as they were.")
                % {"count": refused},
                messages.WARNING,
            )
        return None


@admin.register(WaitingListEntry)
class WaitingListEntryAdmin(PlaceScopedAdmin):
    list_display = ["service", "place", "status", "created_at", "confirmed_at"]
    list_filter = ["status", "place", "service"]
    list_select_related = ["place", "service"]

    def get_fields(self, request, obj=None):
        fields = ["service", "place", "status", "language", "offer", "created_at", "confirmed_at"]
        return fields + ["name", "email"] if shows_personal_data(request) else fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class DrawRequestInline(ReadOnlyMixin, admin.TabularInline):
    model = DrawRequest
    extra = 0

    def get_fields(self, request, obj=None):
        fields = ["status", "booking", "created_at", "confirmed_at"]
        return ["name", *fields] if shows_personal_data(request) else fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)


@admin.register(Draw)
class DrawAdmin(ReadOnlyMixin, PlaceScopedAdmin):
    """The audit of each draw: window, seed and the allotment, enough to repeat it. Never edited."""

    place_field = "schedule__place"
    list_display = ["schedule", "week_starts_on", "opens_at", "closes_at", "drawn_at", "seed"]
    list_filter = ["schedule__place", "schedule__service", "drawn_at"]
    list_select_related = ["schedule__place", "schedule__service"]
    fields = readonly_fields = ("schedule", "week_starts_on", "opens_at", "closes_at", "drawn_at", "seed", "audit")
    inlines = [DrawRequestInline]


@admin.register(DrawRequest)
class DrawRequestAdmin(ReadOnlyMixin, PlaceScopedAdmin):
    place_field = "draw__schedule__place"
    list_display = ["draw", "status", "created_at", "confirmed_at"]
    list_filter = ["status", "draw__schedule__place", "draw__schedule__service"]
    list_select_related = ["draw__schedule__place", "draw__schedule__service"]

    def get_fields(self, request, obj=None):
        fields = ["draw", "status", "language", "booking", "created_at", "confirmed_at"]
        return fields + ["name", "email", "case"] if shows_personal_data(request) else fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

"""Staff pages under /<lang>/staff/appointments/: a place's day, check-in, no-shows, booking for callers."""

from django.urls import path

from appointments import views_staff, views_staff_day

app_name = "appointments_staff"

urlpatterns = [
    path("", views_staff.staff_places, name="places"),
    path("<slug:place_slug>/", views_staff_day.day_view, name="day"),
    path("<slug:place_slug>/print/", views_staff_day.day_print, name="day_print"),
    path("<slug:place_slug>/book/", views_staff.book, name="book"),
    # Before the one-click actions: "cancel" asks for a confirmation and a reason.
    path(
        "<slug:place_slug>/bookings/<int:booking_id>/cancel/", views_staff_day.booking_cancel, name="booking_cancel"
    ),
    path(
        "<slug:place_slug>/bookings/<int:booking_id>/<str:action>/",
        views_staff.booking_action,
        name="booking_action",
    ),
    path("<slug:place_slug>/times/<int:slot_id>/block/", views_staff.slot_block, name="slot_block"),
]

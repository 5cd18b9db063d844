"""Public booking pages under /<lang>/appointments/ (the staff pages are in `urls_staff`)."""

from django.urls import path

from appointments import views, views_confirm, views_documents, views_manage, views_waiting

app_name = "appointments"

urlpatterns = [
    # --- booking flow (views.py) and managing a booking (views_manage.py) ---
    path("", views.start, name="start"),
    path("details/", views.details, name="details"),
    path("check/", views.check, name="check"),
    path("done/", views_confirm.done, name="done"),
    path("lost-link/", views_confirm.lost_link, name="lost_link"),
    path("from-case/", views.from_case, name="from_case"),
    path("confirm/<str:token>/", views_manage.confirm, name="confirm"),
    path("booking/<str:token>/", views_manage.booking, name="booking"),
    path("booking/<str:token>/cancel/", views_manage.booking_cancel, name="booking_cancel"),
    path("booking/<str:token>/move/", views_manage.booking_move, name="booking_move"),
    # --- confirmation documents: PDF, calendar file, QR code (views_documents.py) ---
    path("booking/<str:token>/confirmation.pdf", views_documents.booking_pdf, name="booking_pdf"),
    path("booking/<str:token>/visit.ics", views_documents.booking_ics, name="booking_ics"),
    path("booking/<str:token>/qr.svg", views_documents.booking_qr, name="booking_qr"),
    # --- waiting list, draws and the release calendar (views_waiting.py) ---
    path("waiting/", views_waiting.waiting_join, name="waiting_join"),
    path("waiting/sent/", views_waiting.waiting_sent, name="waiting_sent"),
    path("waiting/confirm/<str:token>/", views_waiting.waiting_confirm, name="waiting_confirm"),
    path("waiting/leave/<str:token>/", views_waiting.waiting_leave, name="waiting_leave"),
    path("waiting/claim/<str:token>/", views_waiting.waiting_claim, name="waiting_claim"),
    path("draw/", views_waiting.draw_request, name="draw_request"),
    path("draw/sent/", views_waiting.draw_sent, name="draw_sent"),
    path("draw/confirm/<str:token>/", views_waiting.draw_confirm, name="draw_confirm"),
    path("releases/", views_waiting.release_calendar, name="releases"),
]

# Booking flow (views.py): the service and place pages match any word, so they come after every fixed address.
urlpatterns += [
    path("<slug:service_code>/", views.places, name="places"),
    path("<slug:service_code>/<slug:place_slug>/", views.day_and_time, name="day_and_time"),
    path("<slug:service_code>/<slug:place_slug>/case/", views.case_check, name="case_check"),
]

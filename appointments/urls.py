"""Public booking pages under /<lang>/appointments/ (the staff pages are in `urls_staff`)."""

from django.urls import path

from appointments import views_waiting

app_name = "appointments"

urlpatterns = [
    # --- booking flow and managing a booking (views.py) ---
    # --- confirmation documents: PDF, calendar file, QR code (views_documents.py) ---
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

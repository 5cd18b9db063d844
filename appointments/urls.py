"""Public booking pages under /<lang>/appointments/ (the staff pages are in `urls_staff`)."""

from django.urls import path

from appointments import views_documents

app_name = "appointments"

urlpatterns = [
    # --- booking flow and managing a booking (views.py) ---
    # --- confirmation documents: PDF, calendar file, QR code (views_documents.py) ---
    path("booking/<str:token>/confirmation.pdf", views_documents.booking_pdf, name="booking_pdf"),
    path("booking/<str:token>/visit.ics", views_documents.booking_ics, name="booking_ics"),
    path("booking/<str:token>/qr.svg", views_documents.booking_qr, name="booking_qr"),
    # --- waiting list, draws and the release calendar (views_waiting.py) ---
]

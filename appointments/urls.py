"""Public booking pages under /<lang>/appointments/ (the staff pages are in `urls_staff`)."""



app_name = "appointments"

urlpatterns = [
    # --- booking flow and managing a booking (views.py) ---
    # --- confirmation documents: PDF, calendar file, QR code (views_documents.py) ---
    # --- waiting list, draws and the release calendar (views_waiting.py) ---
]

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    """Visits at the places: schedules, slots, bookings (built on `portal` and `cases`)."""

    name = "appointments"
    verbose_name = _("Appointments")

    def ready(self) -> None:
        from appointments import documents, project_figures
        from portal.services import register_attachment_builder

        # The confirmation e-mail's PDF and calendar file are built by the outbox when it sends (see emails.py).
        register_attachment_builder("booking", documents.booking_attachments)
        project_figures.register_figures()

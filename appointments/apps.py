from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    """Visits at the places: schedules, slots, bookings (built on `portal` and `cases`)."""

    name = "appointments"
    verbose_name = _("Appointments")

    def ready(self) -> None:
        from appointments import case_page, documents, project_figures
        from cases.selectors import case_page_provider_register
        from portal.services import register_attachment_builder

        # The case page (in `cases`, which cannot import this app) shows the visit booked for the case.
        case_page_provider_register(case_page.case_visit_block)

        # The confirmation e-mail's PDF and calendar file are built by the outbox when it sends (see emails.py).
        register_attachment_builder("booking", documents.booking_attachments)
        project_figures.register_figures()

        # The cached day pages carry the content version (`appointments.picker`): a service or schedule edited in
        # the admin (its name, its number of people, its horizon, switched off) must show at once, as a place does.
        from django.db.models.signals import post_delete, post_save

        from appointments.models import BookableService, Schedule

        for model in (BookableService, Schedule):
            post_save.connect(_content_changed, sender=model, dispatch_uid=f"content-version-save-{model.__name__}")
            post_delete.connect(_content_changed, sender=model, dispatch_uid=f"content-version-delete-{model.__name__}")


def _content_changed(sender, **kwargs) -> None:
    from django.db import transaction

    from portal.text import content_version_bump

    transaction.on_commit(content_version_bump)

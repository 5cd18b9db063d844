from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    """Visits at the places: schedules, slots, bookings (built on `portal` and `cases`)."""

    name = "appointments"
    verbose_name = _("Appointments")

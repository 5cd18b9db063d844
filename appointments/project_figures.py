"""The project page's figures owned by booking (registered from AppointmentsConfig.ready)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from appointments import selectors
from portal.project_figures import FigureValue, register


def _made(today: date) -> FigureValue:
    return FigureValue(total=selectors.bookings_made_in_year(year=today.year))


def _kept(today: date) -> FigureValue:
    return FigureValue(total=selectors.bookings_kept_in_year(year=today.year))


def register_figures() -> None:
    register("bookings-made", _("Visits booked online or by staff this year"), _made)
    register("bookings-kept", _("Booked visits people came to this year"), _kept)

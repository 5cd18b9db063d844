"""The project page's figures owned by the information points (registered from InfopointsConfig.ready)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from infopoints.selectors import figures
from portal.project_figures import FigureValue, register


def _open_today(today: date) -> FigureValue:
    return FigureValue(total=figures.points_open_on(today))


def _answered(today: date) -> FigureValue:
    return FigureValue(total=figures.enquiries_answered_in_year(year=today.year))


def register_figures() -> None:
    register("info-points-open-today", _("Information points open today"), _open_today)
    register("enquiries-answered", _("Questions answered this year (helpline, e-mail, web form, in person)"), _answered)

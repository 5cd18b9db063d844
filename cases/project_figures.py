"""The project page's figure owned by the case-status lookup (registered from CasesConfig.ready)."""

from datetime import date, timedelta

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from cases import selectors
from portal.project_figures import FigureValue, register


def _lookups(today: date) -> FigureValue:
    # Lookup records are erased after CASE_LOOKUP_RECORD_RETENTION_DAYS, so that is as far back as a count goes.
    since = today - timedelta(days=settings.CASE_LOOKUP_RECORD_RETENTION_DAYS - 1)
    return FigureValue(total=selectors.lookups_answered_since(since=since))


def _label() -> str:
    return _("Case-status checks answered online in the last %(days)d days") % {
        "days": settings.CASE_LOOKUP_RECORD_RETENTION_DAYS
    }


def register_figures() -> None:
    # Lazy: the label is read in the language of each request, not the one active when the app starts.
    register("case-status-lookups", lazy(_label, str)(), _lookups)

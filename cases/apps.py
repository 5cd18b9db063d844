from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """Case-status lookup, status events and notifications about them (built on `portal`)."""

    name = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from cases import project_figures, signals

        project_figures.register_figures()
        signals.connect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Site core shared by every feature: places, staff accounts and roles, e-mail outbox, pages."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from django.conf import settings

        from portal import error_reporting, permissions_cache, project_figures, signals

        signals.connect()
        permissions_cache.connect()
        error_reporting.log_channels(settings)
        project_figures.register_portal_figures()

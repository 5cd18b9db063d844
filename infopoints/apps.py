from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfopointsConfig(AppConfig):
    """Walk-in queue, enquiry desk and the day at an information point (built on the apps to its left)."""

    name = "infopoints"
    verbose_name = _("Information points")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfopointsConfig(AppConfig):
    """Walk-in queue, enquiry desk and the day at an information point (built on the apps to its left)."""

    name = "infopoints"
    verbose_name = _("Information points")

    def ready(self):
        from infopoints import project_figures
        from infopoints.attachments import message_attachments
        from portal.services import register_attachment_builder

        # A staff reply's e-mail carries the files attached to it (built when it is sent).
        register_attachment_builder("enquiry-message", message_attachments)
        project_figures.register_figures()

        from infopoints.views_devices import device_client_name
        from portal.ratelimit import register_device_check

        # Kiosks and displays share the office's public address with strangers: the per-address limits skip them.
        register_device_check(device_client_name)

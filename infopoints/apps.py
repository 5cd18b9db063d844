from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfopointsConfig(AppConfig):
    """Walk-in queue, enquiry desk and the day at an information point (built on the apps to its left)."""

    name = "infopoints"
    verbose_name = _("Information points")

    def ready(self):
        from infopoints import desk_cache, project_figures
        from infopoints.attachments import message_attachments
        from infopoints.selectors.queue import places_with_kiosk
        from portal.selectors import kiosk_places_provider_register
        from portal.services import register_attachment_builder

        # The booking pages (an app to the left) tell people to use the kiosk only at places that have one.
        kiosk_places_provider_register(places_with_kiosk)

        # A staff reply's e-mail carries the files attached to it (built when it is sent).
        register_attachment_builder("enquiry-message", message_attachments)
        project_figures.register_figures()
        # Cached desk lists are drawn again after a change of an enquiry, a team or a name they show.
        desk_cache.connect()

        from infopoints.views_devices import device_client_name
        from portal.ratelimit import register_device_check

        # Kiosks and displays share the office's public address with strangers: the per-address limits skip them.
        register_device_check(device_client_name)

        from django.db.backends.signals import connection_created

        from infopoints.reports.percentile import register_sqlite_percentile

        # The indicator reports ask the database for percentiles; SQLite gets the function on each connection.
        connection_created.connect(register_sqlite_percentile, dispatch_uid="infopoints-sqlite-percentile")

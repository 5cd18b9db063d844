from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfopointsConfig(AppConfig):
    """Walk-in queue, enquiry desk and the day at an information point (built on the apps to its left)."""

    name = "infopoints"
    verbose_name = _("Information points")

    def ready(self):
        from infopoints.attachments import message_attachments
        from portal.services import register_attachment_builder

        # A staff reply's e-mail carries the files attached to it (built when it is sent).
        register_attachment_builder("enquiry-message", message_attachments)

        from django.db.backends.signals import connection_created

        from infopoints.reports.percentile import register_sqlite_percentile

        # The indicator reports ask the database for percentiles; SQLite gets the function on each connection.
        connection_created.connect(register_sqlite_percentile, dispatch_uid="infopoints-sqlite-percentile")

"""portal.wsgi with the bench settings: `gunicorn bench.wsgi_bench:application` serves pages and baseline."""

import os

from django.core.wsgi import get_wsgi_application

from portal.configuration import SettingsError, exit_on_settings_error

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"

try:
    application = get_wsgi_application()
except SettingsError as exc:
    exit_on_settings_error(exc)

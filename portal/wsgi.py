import os

from django.core.wsgi import get_wsgi_application

from portal.configuration import SettingsError, exit_on_settings_error

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

try:
    application = get_wsgi_application()
except SettingsError as exc:
    exit_on_settings_error(exc)

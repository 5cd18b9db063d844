"""The one error raised for a missing or malformed setting, and how entry points report it."""

import sys

from django.core.exceptions import ImproperlyConfigured


class SettingsError(ImproperlyConfigured):
    """A setting read from the environment is missing or malformed; the message names it."""


def exit_on_settings_error(exc: SettingsError) -> None:
    # One line naming the setting is more useful to an operator than a traceback through Django's start-up.
    sys.stderr.write(f"Configuration error: {exc}\n")
    sys.exit(2)

#!/usr/bin/env python
"""Django's command-line utility for Kierunek Wielkopolska."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    from django.core.management import execute_from_command_line

    from portal.configuration import SettingsError, exit_on_settings_error

    try:
        execute_from_command_line(sys.argv)
    except SettingsError as exc:
        exit_on_settings_error(exc)


if __name__ == "__main__":
    main()

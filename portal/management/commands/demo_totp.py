import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo staff accounts (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts exist only in development (DEBUG=1).")
        counter = int(time.time()) // 30
        self.stdout.write(format_hotp_value(hotp_value(settings.DEMO_TOTP_SECRET, counter)))

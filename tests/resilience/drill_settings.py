"""Settings of the processes a fault drill starts (Celery worker, gunicorn): the site's own, with e-mail delivered
to files the drill counts. DRILL_MAIL_DIR: where; DRILL_SEND_DELAY: seconds each send takes before the server says
250 (so the drill can kill a worker mid-send)."""

from portal.settings import *  # noqa: F403

EMAIL_BACKEND = "tests.resilience.drill_mail.EmailBackend"
EMAIL_RESEND_AFTER_SECONDS = 1
APPOINTMENT_HOLDS_PER_HOUR = 100_000
APPOINTMENT_EMAILS_PER_HOUR = 100_000
APPOINTMENT_SEATS_HELD_PER_HOUR = 100_000
# Production's error pages (views.server_error), not Django's debug page; files served without the manifest.
DEBUG = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405

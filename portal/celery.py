"""The Celery application: notifications, PDFs, reminders and scheduled clean-up.

With REDIS_URL set, tasks go to Redis and run in `celery -A portal worker` (and `celery -A portal beat`
for the schedule in settings.CELERY_BEAT_SCHEDULE). Without it, settings make every task run eagerly in the caller.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

"""The nightly daily rollups of the indicator figures (Celery beat, see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from infopoints import services


@shared_task(name="infopoints.tasks.roll_up_closed_days", autoretry_for=(Exception,), retry_backoff=True,
             max_retries=3)
def roll_up_closed_days() -> int:
    """Roll up the closed days not rolled up yet and recompute the last few; returns how many days were written."""
    return len(services.rollups_pending_compute())

"""Periodic work of the queue (Celery beat, see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from infopoints import services


@shared_task(name="infopoints.tasks.close_queue_days", autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def close_queue_days() -> int:
    """End yesterday's open tickets and phone links; safe to run any number of times (hourly)."""
    return services.queue_days_close()

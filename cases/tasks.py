"""Celery tasks of the cases app: notifications after a status change, and the nightly upkeep."""

from celery import shared_task

from cases import services


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=30, retry_backoff_max=60 * 30, max_retries=6)
def notify_subscribers(self, event_id: int) -> int:
    """Queue the e-mails about one status change; a retry after a failure halfway skips those already queued."""
    return services.subscribers_notify(event_id=event_id)


@shared_task
def apply_case_retention() -> tuple[int, int]:
    return services.cases_retention_apply()


@shared_task
def purge_lookup_records() -> int:
    return services.lookup_records_purge()


@shared_task
def flush_lookup_records() -> int:
    """Successful lookups wait in Redis; this writes them to the table every minute."""
    return services.lookup_records_flush()


@shared_task
def refresh_processing_times() -> int:
    return services.processing_times_refresh()


@shared_task
def purge_unconfirmed_subscriptions() -> int:
    """Requests to hear of a case that nobody confirmed within a week are erased."""
    return services.subscriptions_purge_unconfirmed()


@shared_task
def purge_api_calls() -> int:
    """The integration API's call records are kept API_CALL_RETENTION_DAYS."""
    return services.api_calls_purge()

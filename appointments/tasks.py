"""Celery tasks of the appointments app (scheduled in CELERY_BEAT_SCHEDULE); each calls one service, safe twice."""

from celery import shared_task

from appointments import services


@shared_task
def generate_slots() -> int:
    """Keep the rolling horizon of slots in line with the schedules; returns how many slots were created."""
    return services.slots_generate().created


@shared_task
def expire_holds_and_return_seats() -> tuple[int, int]:
    """End holds whose time ran out, then put back the given-up seats whose random delay has passed."""
    return services.holds_expire(), services.seat_returns_apply()


@shared_task
def run_due_draws() -> int:
    from appointments import draws

    return draws.draws_run_due()


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=60 * 30, max_retries=3)
def send_reminders(self) -> int:
    return services.reminders_send()


@shared_task
def apply_booking_retention() -> int:
    """Erase the personal data of past bookings, finished waiting-list entries and old draw requests."""
    from appointments import draws, waiting_list

    waiting_list.waiting_list_purge()
    draws.draw_requests_purge()
    return services.bookings_retention_apply()

"""Celery tasks of the appointments app (scheduled in CELERY_BEAT_SCHEDULE); each calls one service, safe twice."""

import logging

from celery import shared_task

from appointments import draws, services, waiting_list

logger = logging.getLogger(__name__)


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
    return draws.draws_run_due()


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=60 * 30, max_retries=3)
def send_reminders(self) -> int:
    return services.reminders_send()


@shared_task
def apply_booking_retention() -> int:
    """Erase the personal data of past bookings, finished waiting-list entries and old draw requests.

    The three purges are independent: one that fails as a whole is logged and the others still run (each also
    skips its own failing records, see `services.retention.each_in_own_transaction`).
    """
    erased = 0
    for name, purge in (
        ("waiting list", waiting_list.waiting_list_purge),
        ("draw requests", draws.draw_requests_purge),
        ("bookings", services.bookings_retention_apply),
    ):
        try:
            count = purge()
        except Exception as exc:  # one purge must never stop the others
            logger.error("Retention of %s failed (%s)", name, type(exc).__name__)
            continue
        if name == "bookings":
            erased = count
    return erased

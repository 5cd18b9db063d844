"""Celery tasks of the enquiry desk: retention (auto-close, erasure) and the daily digest. Safe to run twice."""

from celery import shared_task

from infopoints.services import enquiry_retention as services


@shared_task
def apply_enquiry_retention() -> dict:
    closed = services.enquiries_auto_close()
    erased = services.enquiries_erase_closed()
    return {"closed": closed, "erased": erased}


@shared_task
def send_overdue_digests() -> int:
    return services.enquiry_digests_send()

"""Celery tasks of the enquiry desk's mail and JIRA Service Management links. Each takes ids, loads fresh data,
is safe to run twice and calls services; registered under short names (`infopoints.tasks.<name>`) because beat
and `portal.queue.task_enqueue` name them so."""

import imaplib
import logging

from celery import shared_task
from django.core.cache import cache

from infopoints import imap_poll, jsm
from infopoints.selectors import enquiry_jsm as selectors
from infopoints.services import enquiry_jsm as services

logger = logging.getLogger(__name__)

JSM_LOCK_SECONDS = 10 * 60  # longer than one sync can take with the connector's own retries


def _backoff(retries: int) -> int:
    return min(60 * 2**retries, 30 * 60)


@shared_task(bind=True, name="infopoints.tasks.poll_enquiry_mailbox", max_retries=5)
def poll_enquiry_mailbox(self) -> dict:
    """Take in the enquiry mailbox's unseen mail (off unless ENQUIRY_IMAP_HOST is set). The IMAP server being
    away or refusing us is retried with growing back-off; a message that could not be stored stays unseen for the
    next poll (see `infopoints.imap_poll`)."""
    try:
        result = imap_poll.poll_mailbox()
    except (imaplib.IMAP4.error, OSError) as exc:
        logger.warning("enquiry IMAP poll failed (%s); retrying", type(exc).__name__)
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    return {"accepted": result.accepted, "rejected": result.rejected, "failed": result.failed,
            "skipped": result.skipped}


@shared_task(bind=True, name="infopoints.tasks.jsm_sync_enquiry", max_retries=10)
def jsm_sync_enquiry(self, enquiry_id: int) -> dict:
    """Bring one enquiry level with its JSM request: create the request once, mirror the thread both ways.

    One sync per enquiry at a time (a lock in the cache, shared by every worker); a second one retries shortly,
    so what it was enqueued for is not lost. Each callback commits on its own, so a crash half-way leaves
    everything done so far recorded, and the next run carries on from there."""
    if not jsm.is_configured():
        return {"skipped": "not configured"}
    lock = f"jsm-sync:{enquiry_id}"
    if not cache.add(lock, 1, JSM_LOCK_SECONDS):
        raise self.retry(countdown=30)
    try:
        snapshot = selectors.enquiry_for_jsm(enquiry_id)
        if snapshot is None:
            return {"skipped": "no enquiry"}
        try:
            result = jsm.sync_enquiry(
                snapshot,
                on_issue_created=lambda key: services.enquiry_jsm_key_set(enquiry_id=enquiry_id, issue_key=key),
                on_comment_sent=lambda local_id, comment_id: services.enquiry_message_jsm_mirrored(
                    message_id=int(local_id), jsm_comment_id=comment_id
                ),
                on_comment_received=lambda comment: services.enquiry_jsm_comment_receive(
                    enquiry_id=enquiry_id, comment=comment
                ),
            )
        except jsm.JsmUnavailable as exc:
            logger.info("JSM unavailable for enquiry %s; retrying", enquiry_id)
            raise self.retry(exc=exc, countdown=exc.retry_after or 60) from exc
        except jsm.JsmError as exc:
            # Refused (a 4xx, a missing request type): retrying the same thing will not help; a person must look.
            logger.error("JSM refused the sync of enquiry %s: %s", enquiry_id, exc)
            return {"error": str(exc.status or "config")}
    finally:
        cache.delete(lock)
    return {"issue_key": result.issue_key, "created": result.created, "sent": result.sent,
            "received": result.received}


@shared_task(name="infopoints.tasks.jsm_sync_open_enquiries")
def jsm_sync_open_enquiries() -> int:
    """Every 10 minutes: one sync task per open enquiry with a JSM request (comments written in JSM come back by
    polling). Enqueued in batches, so a large desk does not hold one long query or one huge message."""
    if not jsm.is_configured():
        return 0
    count = 0
    for batch in selectors.enquiry_ids_to_sync_with_jsm():
        for enquiry_id in batch:
            jsm_sync_enquiry.delay(enquiry_id)
        count += len(batch)
    return count

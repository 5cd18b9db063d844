"""Celery tasks of the site core. Each takes ids, loads fresh rows and is safe to run twice."""

from celery import shared_task

from portal import audit, page_views, queue, services
from portal.models import OutboundEmail


@shared_task
def send_email(email_id: int) -> str:
    """Send one outbox row. No Celery retries: a failure is recorded on the row with its next attempt (back-off),
    and `resend_pending_emails` hands it to a worker again when that time comes."""
    try:
        return services.email_send(email_id=email_id).status
    except OutboundEmail.DoesNotExist:
        return "gone"  # purged or deleted before the worker got to it: nothing to send
    except Exception:
        return "retry later"  # recorded on the row and logged (by id) in email_send


@shared_task
def resend_pending_emails() -> int:
    """Every minute: hand to a worker each waiting e-mail whose time has come: one the broker never delivered
    (Redis down at commit, a worker killed), or one whose last attempt failed and whose back-off is over."""
    ids = services.emails_due()
    for email_id in ids:
        send_email.delay(email_id)
    return len(ids)


@shared_task
def send_pending_tasks() -> int:
    """Every minute: hand to the broker the tasks kept while it was down (a notice, a status e-mail)."""
    return queue.tasks_send_pending()


@shared_task
def purge_old_emails() -> int:
    return services.emails_purge_old()


@shared_task
def flush_guide_views() -> int:
    return services.guide_views_flush()


@shared_task
def render_guide_checklist(guide_id: int, language: str) -> str:
    """Put the PDF checklist of a guide in one language into the cache; does nothing if it is there already.

    No retries: a failure is logged and remembered in the cache, and the reader is asked to try again later.
    """
    from portal import pdf  # imported here so that importing the tasks does not load WeasyPrint

    return pdf.checklist_prepare(guide_id=guide_id, language=language)


@shared_task
def purge_mistake_reports() -> int:
    return services.mistake_reports_purge()


@shared_task
def announce_due_notices() -> int:
    """Every minute: notices whose time has come reach their subscribers, and cached pages show them (or stop
    showing expired ones)."""
    services.notices_visibility_refresh()
    return len(services.notices_announce_due())


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=30, retry_backoff_max=60 * 30, max_retries=4)
def deliver_notice(self, notice_id: int) -> int:
    return services.notice_deliver(notice_id=notice_id)


@shared_task
def purge_unconfirmed_subscriptions() -> int:
    return services.notice_subscriptions_purge_unconfirmed()


@shared_task
def flush_faq_views() -> int:
    return services.faq_views_flush()


@shared_task
def clear_expired_sessions() -> None:
    """Expired sessions go from the database: a case lookup leaves which case was opened in one."""
    from django.core.management import call_command

    call_command("clearsessions")


@shared_task
def purge_audit_events() -> int:
    return audit.audit_purge_old()


@shared_task
def flush_page_views() -> int:
    """Every ten minutes: page views per page, language and day from the cache to the database."""
    return page_views.page_views_flush()

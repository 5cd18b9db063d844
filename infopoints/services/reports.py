"""Writes of the indicator reports: asking for a PDF report, and building it in a worker with its progress."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from infopoints.models import ReportJob
from infopoints.reports.periods import Period
from portal.audit import audit_record
from portal.models import Place, User
from portal.queue import task_enqueue

logger = logging.getLogger(__name__)


@transaction.atomic
def report_job_request(*, user: User, period: Period, place: Place | None, language: str) -> ReportJob:
    job = ReportJob.objects.create(
        requested_by=user, period_start=period.first_day, period_end=period.last_day, place=place, language=language
    )
    audit_record(actor=user, action="indicator_report.request", obj=job, place=place, label=str(job))
    task_enqueue("infopoints.tasks.build_indicator_report", job.pk)
    return job


def _progress(job_id: int, progress: int, status: str = ReportJob.Status.RUNNING) -> None:
    ReportJob.objects.filter(pk=job_id).update(status=status, progress=progress)


def report_job_build(*, job_id: int) -> str:
    """Compute the figures, draw the charts and render the PDF, saying how far it got on the row as it goes."""
    from infopoints.reports import pdf  # WeasyPrint is loaded only by the process that renders

    job = ReportJob.objects.select_related("place").defer("pdf").filter(pk=job_id).first()
    if job is None:
        return "gone"
    if job.status == ReportJob.Status.READY:
        return "ready"
    _progress(job.pk, 10)
    try:
        content = pdf.indicator_report_pdf(
            Period(job.period_start, job.period_end), place=job.place, language=job.language,
            on_progress=lambda percent: _progress(job.pk, percent),
        )
    except Exception:
        logger.exception("Indicator report %s could not be rendered", job.pk)
        ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.FAILED, finished_at=timezone.now())
        return "failed"
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJob.Status.READY, progress=100, pdf=content, finished_at=timezone.now()
    )
    return "ready"


def report_jobs_purge(*, now: datetime | None = None) -> int:
    """Delete the report rows (and their PDFs) asked for more than REPORT_JOB_RETENTION_DAYS ago. The figures are
    computed afresh from the data whenever asked, so nothing is lost but a file the coordinator can make again."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.REPORT_JOB_RETENTION_DAYS)
    deleted, _per_model = ReportJob.objects.filter(created_at__lt=cutoff).delete()
    return deleted

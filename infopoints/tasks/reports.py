"""Building the PDF indicator report in a worker (asked for on the dashboard), and deleting old ones."""

from celery import shared_task

from infopoints import services


@shared_task(name="infopoints.tasks.build_indicator_report")
def build_indicator_report(job_id: int) -> str:
    """No retries: a failure is recorded on the row, and the coordinator asks again."""
    return services.report_job_build(job_id=job_id)


@shared_task(name="infopoints.tasks.purge_old_report_jobs")
def purge_old_report_jobs() -> int:
    return services.report_jobs_purge()

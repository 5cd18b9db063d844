"""Celery tasks of the information points, one module per domain (imported here so the worker finds them)."""

from infopoints.tasks import enquiries, mail, queue, reports, rollups  # noqa: F401
from infopoints.tasks.queue import close_queue_days

__all__ = ["close_queue_days"]

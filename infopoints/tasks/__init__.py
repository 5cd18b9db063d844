"""Celery tasks of the information points, one module per domain."""

from infopoints.tasks.queue import close_queue_days

__all__ = ["close_queue_days"]

"""Celery tasks of the information points, one module per domain (imported here so the worker finds them)."""

from infopoints.tasks import enquiries, mail  # noqa: F401

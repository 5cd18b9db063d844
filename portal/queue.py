"""Handing work to Celery after commit, by task name, so that services never import the tasks that call them.

A task module imports its app's services (a task is a thin wrapper around one); if the services imported the
task module back to enqueue it, the two would form an import circle. Services name the task instead:

    from portal.queue import task_enqueue

    task_enqueue("cases.tasks.notify_subscribers", event.pk)   # runs after the transaction commits

In a worker or with eager tasks (tests, development without Redis) the task is looked up among the registered
ones, so `CELERY_TASK_ALWAYS_EAGER` is honoured; a process that has not imported its task modules yet has them
discovered once (the same autodiscovery a worker does at start).

With the broker down the saved change must not turn into an error page: the request is kept as a `PendingTask`
row and `send_pending_tasks` (every minute) hands it over once the broker is back.
"""

import logging

from django.db import transaction

from portal.celery import app
from portal.models import PendingTask

logger = logging.getLogger(__name__)


def task_enqueue(name: str, *args) -> None:
    """Send the task `name` with `args` once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: task_send(name, *args))


def task_named(name: str):
    """The registered task `name` (discovering the apps' task modules once if this process has not yet)."""
    task = app.tasks.get(name)
    if task is None:
        app.loader.import_default_modules()  # autodiscovery of every app's tasks module
        task = app.tasks.get(name)
    if task is None:
        raise LookupError(f"No Celery task named {name!r}")
    return task


def task_publish(task, args: tuple) -> bool:
    """Hand `task` to the broker with one quick try (kombu's default is three, seconds apart: a person is waiting
    for this page); False when the broker cannot be reached. Eager mode runs it here."""
    if task.app.conf.task_always_eager:
        task.apply_async(args)
        return True
    try:
        with task.app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=1)
            task.apply_async(args, connection=conn, retry=False)
    except Exception as exc:  # kombu and redis raise several kinds for "broker unreachable"
        logger.warning("Task %s not queued: broker unavailable (%s)", task.name, type(exc).__name__)
        return False
    return True


def task_send(name: str, *args) -> None:
    """Send now; if the broker is down, keep the request for `tasks_send_pending`."""
    if not task_publish(task_named(name), args):
        PendingTask.objects.create(name=name, args=list(args))


def tasks_send_pending(*, batch: int = 500) -> int:
    """Hand the kept requests to the broker, oldest first; stops at the first failure (the broker is still down)
    and leaves the rest for the next run. Returns how many were sent."""
    sent = 0
    for pending in PendingTask.objects.order_by("pk")[:batch]:
        # Deleted first, in its own transaction with the send: two beat runs at once cannot both send it.
        with transaction.atomic():
            if not PendingTask.objects.filter(pk=pending.pk).delete()[0]:
                continue
            if not task_publish(task_named(pending.name), tuple(pending.args)):
                transaction.set_rollback(True)
                break
        sent += 1
    return sent

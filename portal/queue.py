"""Handing work to Celery after commit, by task name, so that services never import the tasks that call them.

A task module imports its app's services (a task is a thin wrapper around one); if the services imported the
task module back to enqueue it, the two would form an import circle. Services name the task instead:

    from portal.queue import task_enqueue

    task_enqueue("cases.tasks.notify_subscribers", event.pk)   # runs after the transaction commits

In a worker or with eager tasks (tests, development without Redis) the task is looked up among the registered
ones, so `CELERY_TASK_ALWAYS_EAGER` is honoured; a process that has not imported its task modules yet has them
discovered once (the same autodiscovery a worker does at start).
"""

from django.db import transaction

from portal.celery import app


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


def task_send(name: str, *args):
    return task_named(name).delay(*args)

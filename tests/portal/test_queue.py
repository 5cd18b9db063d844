"""Tasks asked for at commit while the broker is down are kept and sent later, never turned into an error page."""

from unittest import mock

import pytest
from kombu.exceptions import OperationalError

from portal import queue
from portal.celery import app as celery_app
from portal.models import PendingTask

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_mode():
    """Tasks go through the broker path (not eager) for the test's duration."""
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


def test_a_task_asked_for_while_the_broker_is_down_is_kept_and_the_caller_is_unharmed(
    broker_mode, django_capture_on_commit_callbacks
):
    task = queue.task_named("portal.tasks.deliver_notice")
    with (
        mock.patch.object(task, "apply_async", side_effect=OperationalError("Connection refused")),
        mock.patch.object(queue.logger, "warning") as warning,
        django_capture_on_commit_callbacks(execute=True),  # last: runs the callbacks while the patches hold
    ):
        queue.task_enqueue("portal.tasks.deliver_notice", 41)
    assert list(PendingTask.objects.values_list("name", "args")) == [("portal.tasks.deliver_notice", [41])]
    message, *values = warning.call_args.args
    assert message % tuple(values) == (
        "Task portal.tasks.deliver_notice not queued: broker unavailable (OperationalError)"
    )


def test_kept_tasks_are_sent_oldest_first_once_the_broker_is_back(broker_mode):
    PendingTask.objects.create(name="portal.tasks.deliver_notice", args=[1])
    PendingTask.objects.create(name="cases.tasks.notify_subscribers", args=[2])
    deliver = queue.task_named("portal.tasks.deliver_notice")
    notify = queue.task_named("cases.tasks.notify_subscribers")
    calls = []
    with (
        mock.patch.object(deliver, "apply_async", side_effect=lambda args, **kw: calls.append(("deliver", args))),
        mock.patch.object(notify, "apply_async", side_effect=lambda args, **kw: calls.append(("notify", args))),
    ):
        assert queue.tasks_send_pending() == 2
    assert calls == [("deliver", (1,)), ("notify", (2,))]
    assert not PendingTask.objects.exists()


def test_a_broker_still_down_keeps_every_waiting_task(broker_mode):
    PendingTask.objects.create(name="portal.tasks.deliver_notice", args=[1])
    PendingTask.objects.create(name="portal.tasks.deliver_notice", args=[2])
    deliver = queue.task_named("portal.tasks.deliver_notice")
    with mock.patch.object(deliver, "apply_async", side_effect=OperationalError("Connection refused")) as sent:
        assert queue.tasks_send_pending() == 0
    assert sent.call_count == 1  # stops at the first failure instead of trying every row
    assert PendingTask.objects.count() == 2


def test_the_periodic_task_is_scheduled_every_minute(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["send-pending-tasks"]
    assert schedule == {"task": "portal.tasks.send_pending_tasks", "schedule": 60}

"""A real Celery worker process, against the real Redis and database, sends an e-mail from the outbox.

Runs only where REDIS_URL is set and the database is PostgreSQL (the second pass of .ci/run): a worker in
another process cannot see SQLite's in-memory test database.
"""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from portal import services
from portal.celery import app as celery_app
from portal.models import OutboundEmail

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.skipif(
        not settings.REDIS_URL or connection.vendor != "postgresql",
        reason="needs REDIS_URL and PostgreSQL (run by the second pass of .ci/run)",
    ),
]


@pytest.fixture
def worker(transactional_db, tmp_path):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "DEBUG": "1",
        "EMAIL_HOST": "",
        # Delivered e-mails become files in tmp_path/mail (the outbox keeps no text once sent).
        "DJANGO_SETTINGS_MODULE": "tests.resilience.drill_settings",
        "DRILL_MAIL_DIR": str(tmp_path / "mail"),
    }
    (tmp_path / "mail").mkdir()
    log = open(tmp_path / "worker.log", "w+")  # noqa: SIM115 (the worker writes to it until the fixture ends)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    celery_app.conf.task_always_eager = False
    try:
        yield process, log
    finally:
        celery_app.conf.task_always_eager = True
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_a_real_worker_sends_an_email_queued_after_commit(worker):
    process, log = worker
    email = services.email_enqueue(
        to_address="person@example.org",
        subject="Worker test",
        body_text="Sent by a real worker.",
        dedupe_key="worker-test",
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        email.refresh_from_db()
        if email.status == OutboundEmail.Status.SENT:
            break
        time.sleep(0.5)
    log.seek(0)
    assert email.status == OutboundEmail.Status.SENT, f"worker output:\n{log.read()}"
    assert email.attempts == 1

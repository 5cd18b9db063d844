"""Fault drill: the mail server refuses or never answers. The outbox retries with growing delays, and after the
last try the e-mail is "undelivered" for coordinators in the admin; when the server comes back it is sent once.

A small SMTP server in a thread plays the mail server: "refuse" answers 554 at once, "silent" accepts the
connection and says nothing (a timeout), "accept" takes the message.
"""

import socketserver
import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from portal import services
from portal.models import OutboundEmail
from portal.roles import COORDINATOR
from portal.tasks import resend_pending_emails
from tests.factories import UserFactory

pytestmark = [pytest.mark.fault_drill, pytest.mark.django_db]


class FakeSMTP(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SMTPHandler)
        self.mode = "refuse"
        self.received: list[bytes] = []

    @property
    def port(self) -> int:
        return self.server_address[1]


class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        mode = self.server.mode
        if mode == "refuse":
            self.reply("554 drill: no service")
            return
        if mode == "silent":
            time.sleep(3)
            return
        self.reply("220 drill ESMTP")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                self.reply("250 drill")
            elif command.startswith((b"MAIL", b"RCPT", b"RSET", b"NOOP")):
                self.reply("250 OK")
            elif command == b"DATA":
                self.reply("354 go on")
                body = b""
                while (chunk := self.rfile.readline()) and chunk != b".\r\n":
                    body += chunk
                self.server.received.append(body)
                self.reply("250 queued")
            elif command == b"QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not here")


@pytest.fixture
def smtp(settings):
    server = FakeSMTP()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 1
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield server
    server.shutdown()
    server.server_close()


def run_beat_until_finished(email: OutboundEmail, *, limit: int = 10) -> list[timedelta]:
    """Play Celery beat: each round jumps to the row's next attempt and runs the periodic task."""
    delays = []
    email.refresh_from_db()
    attempted_at = email.created_at  # the first attempt: right after commit
    for _round in range(limit):
        email.refresh_from_db()
        if email.status != OutboundEmail.Status.PENDING:
            break
        delays.append(email.next_attempt_at - attempted_at)
        attempted_at = email.next_attempt_at
        with mock.patch("portal.outbox.timezone.now", return_value=email.next_attempt_at):
            resend_pending_emails.delay()
    email.refresh_from_db()
    return delays


@pytest.mark.parametrize("failure", ["refuse", "silent"])
def test_a_mail_server_that_refuses_or_times_out_is_retried_with_back_off_then_shown_undelivered(
    smtp, failure, client, django_capture_on_commit_callbacks
):
    smtp.mode = failure
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        email = services.email_enqueue(
            to_address="person@example.org", subject="Drill", body_text="Code 1234", dedupe_key=f"drill:{failure}"
        )
    delays = run_beat_until_finished(email)
    assert email.status == OutboundEmail.Status.FAILED
    assert email.attempts == services.MAX_EMAIL_ATTEMPTS
    assert delays[1:] == sorted(delays[1:]) and delays[-1] > delays[1]  # each wait longer than the one before
    assert (email.body_text, email.to_address) == ("", "")
    assert smtp.received == []

    client.force_login(UserFactory(role=COORDINATOR, with_totp=True))
    page = client.get("/admin/portal/outboundemail/?status__exact=failed").content.decode()
    assert "Drill" in page and ("undelivered" in page.lower() or "niedoręczony" in page)
    print(f"\nDRILL smtp-{failure}: {email.attempts} attempts, waits "
          f"{', '.join(str(int(delay.total_seconds())) + 's' for delay in delays)}, then undelivered "
          f"({time.monotonic() - started:.1f}s of drill time); last error: {email.last_error[:60]}")


def test_a_mail_server_that_comes_back_gets_the_message_once(smtp, django_capture_on_commit_callbacks):
    smtp.mode = "refuse"
    with django_capture_on_commit_callbacks(execute=True):
        email = services.email_enqueue(
            to_address="person@example.org", subject="Drill", body_text="Code 1234", dedupe_key="drill:back"
        )
    email.refresh_from_db()
    assert email.attempts == 1 and email.status == OutboundEmail.Status.PENDING
    smtp.mode = "accept"
    run_beat_until_finished(email)
    with mock.patch("portal.outbox.timezone.now", return_value=timezone.now() + timedelta(hours=1)):
        resend_pending_emails.delay()  # a later round finds nothing to do
    assert email.status == OutboundEmail.Status.SENT and email.attempts == 2
    assert len(smtp.received) == 1 and b"Code 1234" in smtp.received[0]
    assert b"Auto-Submitted: auto-generated" in smtp.received[0]

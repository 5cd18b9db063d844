"""`manage.py receive_email < message.eml`: one message from the mail server into the enquiry desk.

For a mail server that delivers by piping into a command (Postfix `pipe`, Exim `pipe` transport, procmail,
fetchmail's `--mda`). The exit status is what the mail server acts on:

- 0: the message was taken in, or deliberately refused (an auto-reply, a bounce, a MIME bomb…). A refused
  message must not come back, and no bounce must go to a robot, so refusing is a success for the mail server.
- 75 (EX_TEMPFAIL, sysexits.h): something on our side failed for now (the database is down); the mail server
  keeps the message and tries again later. Nothing accepted is ever lost.

The log line says what happened with a short reason code and a hash of the message, never an address or subject.
"""

import logging
import sys

from django.core.management.base import BaseCommand, CommandError

from infopoints import mail_intake

logger = logging.getLogger("infopoints.mail_intake")

EX_TEMPFAIL = 75
CHUNK = 1024 * 1024


class Command(BaseCommand):
    help = "Read one e-mail (RFC 5322) from standard input and hand it to the enquiry desk."
    stealth_options = ("stdin",)

    def handle(self, *args, **options):
        stream = options.get("stdin") or sys.stdin.buffer
        raw = _read_capped(stream, mail_intake.max_message_bytes())
        try:
            result = mail_intake.receive(raw)
        except Exception as exc:
            # Whatever failed (database, disk, a bug), the mail server keeps the message and retries.
            logger.exception("enquiry mail not stored, the mail server will retry (%s)", type(exc).__name__)
            raise CommandError(f"temporary failure ({type(exc).__name__})", returncode=EX_TEMPFAIL) from exc
        if isinstance(result, mail_intake.Rejected):
            self.stdout.write(f"rejected: {result.reason}")
        else:
            self.stdout.write(f"accepted: {mail_intake.log_id(result)}")


def _read_capped(stream, limit: int) -> bytes:
    """Read at most limit + 1 bytes (enough to know it is too big) and drain the rest unread.

    Draining matters: a command that exits before the mail server has written the whole message makes the
    server's write fail, and it would then retry the oversized message for days.
    """
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        while stream.read(CHUNK):
            pass
    return raw

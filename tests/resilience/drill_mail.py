"""An e-mail backend for the fault drills: each delivered message becomes one file, so "sent exactly once" can be
counted from outside the process that sent it. Before delivering it writes a "sending" marker and waits
DRILL_SEND_DELAY seconds: a worker killed then has not delivered anything."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        directory = Path(os.environ["DRILL_MAIL_DIR"])
        delay = float(os.environ.get("DRILL_SEND_DELAY", "0"))
        for message in email_messages:
            name = uuid.uuid4().hex
            (directory / f"{name}.sending").write_text(message.subject)
            time.sleep(delay)
            (directory / f"{name}.eml").write_bytes(message.message().as_bytes())
        return len(email_messages)


def delivered(directory: Path) -> list[str]:
    """The recipients of every delivered message, one entry per message."""
    import email

    return sorted(email.message_from_bytes(path.read_bytes())["To"] for path in directory.glob("*.eml"))

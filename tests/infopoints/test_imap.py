"""Polling an IMAP mailbox, against a real Dovecot started by the test (Debian's dovecot-imapd).

Each test gets a throw-away Dovecot: its own configuration, a passwd-file user and a maildir in a temporary
directory, listening on a free port of 127.0.0.1. Messages are put in with IMAP APPEND, as a mail server's
delivery would leave them. The enquiry desk's service is a stand-in module (it is built on another branch).
"""

import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache

from infopoints import imap_poll
from infopoints.mail_intake import ParsedEmail

EML = Path(__file__).parent / "eml"
USER, PASSWORD = "desk", "desk-password"

DOVECOT_CONF = """\
first_valid_uid = 1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal_user}
default_login_user = {login_user}
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def dovecot():
    binary = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
    if binary is None:
        pytest.skip("Dovecot is not installed (apt-get install dovecot-imapd)")
    if os.geteuid() == 0:
        try:
            mail_user = pwd.getpwnam("dovecot")
            login_user = "dovenull"
            pwd.getpwnam(login_user)
        except KeyError:
            pytest.skip("Dovecot's system users (dovecot, dovenull) are missing")
        internal_user = "dovecot"
    else:
        mail_user = pwd.getpwuid(os.getuid())
        internal_user = login_user = mail_user.pw_name
    root = Path(tempfile.mkdtemp(prefix="kw-dovecot-"))
    root.chmod(0o755)  # the mail user must reach the maildir inside
    (root / "mail").mkdir()
    os.chown(root / "mail", mail_user.pw_uid, mail_user.pw_gid)
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    port = free_port()
    conf = root / "dovecot.conf"
    conf.write_text(
        DOVECOT_CONF.format(
            root=root,
            port=port,
            internal_user=internal_user,
            login_user=login_user,
            mail_uid=mail_user.pw_uid,
            mail_gid=mail_user.pw_gid,
        )
    )
    process = subprocess.Popen([binary, "-F", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    else:
        process.poll()
    if process.poll() is not None:
        log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"Dovecot did not start: {(process.stderr.read().decode() + log).strip()[-300:]}")
    yield port
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def mailbox(dovecot, settings):
    settings.ENQUIRY_IMAP_HOST = "127.0.0.1"
    settings.ENQUIRY_IMAP_PORT = dovecot
    settings.ENQUIRY_IMAP_USER = USER
    settings.ENQUIRY_IMAP_PASSWORD = PASSWORD
    settings.ENQUIRY_IMAP_FOLDER = "INBOX"
    settings.ENQUIRY_IMAP_TLS = "none"  # loopback only; production uses "tls"
    settings.ENQUIRY_IMAP_DONE_FOLDER = ""
    client = imaplib.IMAP4("127.0.0.1", dovecot)
    client.login(USER, PASSWORD)
    client.select("INBOX")
    yield client
    client.logout()


def deliver(client: imaplib.IMAP4, *names: str, folder: str = "INBOX") -> None:
    for name in names:
        status, _ = client.append(folder, None, None, (EML / name).read_bytes())
        assert status == "OK"


def uids(client: imaplib.IMAP4, criterion: str, folder: str = "INBOX") -> list[bytes]:
    client.select(folder)
    status, data = client.uid("SEARCH", criterion)
    assert status == "OK"
    return data[0].split()


@pytest.fixture
def enquiry_service():
    service = types.ModuleType("infopoints.services.enquiries")
    service.enquiry_receive_email = mock.Mock()
    package = types.ModuleType("infopoints.services")
    package.enquiries = service
    with mock.patch.dict(sys.modules, {"infopoints.services": package, "infopoints.services.enquiries": service}):
        yield service.enquiry_receive_email


def received_subjects(service: mock.Mock) -> list[str]:
    return [call.kwargs["message"].subject for call in service.call_args_list]


def test_without_a_host_the_poll_does_nothing(settings):
    settings.ENQUIRY_IMAP_HOST = ""
    assert imap_poll.poll_mailbox() == imap_poll.PollResult(skipped=True)


def test_unseen_mail_is_taken_in_and_marked_seen_and_a_second_poll_takes_nothing(mailbox, enquiry_service):
    deliver(mailbox, "utf8_polish_quoted_printable.eml", "auto_submitted_auto_replied.eml")
    deliver(mailbox, "koi8r_russian_base64_reply.eml")
    result = imap_poll.poll_mailbox()
    assert (result.accepted, result.rejected, result.failed) == (2, 1, 0)
    assert received_subjects(enquiry_service) == [
        "Pytanie o kartę pobytu – jak długo?",
        "Re: Вопрос об отпечатках пальцев",
    ]
    assert all(isinstance(call.kwargs["message"], ParsedEmail) for call in enquiry_service.call_args_list)
    assert uids(mailbox, "UNSEEN") == [] and len(uids(mailbox, "SEEN")) == 3  # the auto-reply too: handled

    again = imap_poll.poll_mailbox()
    assert (again.accepted, again.rejected) == (0, 0)
    assert enquiry_service.call_count == 2


def test_a_message_that_could_not_be_stored_stays_unseen_until_a_later_poll_stores_it(mailbox, enquiry_service):
    deliver(mailbox, "iso8859_2_polish_8bit.eml", "windows1251_ukrainian_reply.eml", "thunderbird_polish_reply.eml")
    enquiry_service.side_effect = [None, OSError("database away")]
    result = imap_poll.poll_mailbox()
    assert (result.accepted, result.failed) == (1, 1)
    assert len(uids(mailbox, "UNSEEN")) == 2

    enquiry_service.side_effect = None
    later = imap_poll.poll_mailbox()
    assert (later.accepted, later.failed) == (2, 0)
    assert uids(mailbox, "UNSEEN") == []
    assert received_subjects(enquiry_service) == [
        "Praca w czasie oczekiwania na decyzję",
        "Re: Питання щодо паспорта",  # the failed attempt
        "Re: Питання щодо паспорта",
        "Re: [zg-2026-000314] Skan paszportu",
    ]


def test_handled_mail_is_moved_to_the_done_folder_when_one_is_set(mailbox, enquiry_service, settings):
    assert mailbox.create("Handled")[0] == "OK"
    settings.ENQUIRY_IMAP_DONE_FOLDER = "Handled"
    deliver(mailbox, "html_only_with_script_and_tracking.eml", "delivery_status_notification.eml")
    result = imap_poll.poll_mailbox()
    assert (result.accepted, result.rejected) == (1, 1)
    assert uids(mailbox, "ALL") == []
    assert len(uids(mailbox, "SEEN", folder="Handled")) == 2


def test_an_oversized_message_is_refused_without_being_downloaded(mailbox, enquiry_service, settings):
    settings.ENQUIRY_MAIL_MAX_BYTES = 1000
    deliver(mailbox, "attachments_checked_by_content.eml")  # about 2 kB
    with mock.patch.object(imap_poll.mail_intake, "receive", side_effect=AssertionError("downloaded")):
        result = imap_poll.poll_mailbox()
    assert (result.accepted, result.rejected) == (0, 1)
    assert uids(mailbox, "UNSEEN") == []


def test_a_poll_already_running_keeps_a_second_one_out(mailbox, enquiry_service):
    deliver(mailbox, "utf8_polish_quoted_printable.eml")
    cache.add(imap_poll.LOCK_KEY, 1, 60)
    assert imap_poll.poll_mailbox() == imap_poll.PollResult(skipped=True)
    assert len(uids(mailbox, "UNSEEN")) == 1
    cache.delete(imap_poll.LOCK_KEY)
    assert imap_poll.poll_mailbox().accepted == 1


def test_a_wrong_password_is_an_error_and_releases_the_lock(mailbox, settings):
    settings.ENQUIRY_IMAP_PASSWORD = "wrong"
    with pytest.raises(imaplib.IMAP4.error):
        imap_poll.poll_mailbox()
    assert cache.get(imap_poll.LOCK_KEY) is None

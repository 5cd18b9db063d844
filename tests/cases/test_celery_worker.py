"""A status change reaches a confirmed subscriber through a real Celery worker (PostgreSQL + Redis pass only)."""

import email
import time

from django.utils import timezone

from cases import services
from cases.models import StatusEvent, Subscription
from portal.models import OutboundEmail
from tests.portal.test_celery_worker import pytestmark as worker_marks
from tests.portal.test_celery_worker import worker  # noqa: F401 (the fixture)

pytestmark = worker_marks


def test_a_status_change_is_e_mailed_by_a_real_worker_after_commit(worker, make_case, statuses, tmp_path):  # noqa: F811
    process, log = worker
    case = make_case("filed")
    Subscription.objects.create(case=case, email="anna@example.org", language="uk", confirmed_at=timezone.now())
    event, _created = services.case_status_set(
        case=case, status=statuses["personal-appearance"], occurred_at=timezone.now(), channel=StatusEvent.Channel.API
    )
    deadline = time.monotonic() + 60
    sent = None
    while time.monotonic() < deadline and process.poll() is None:
        sent = OutboundEmail.objects.filter(dedupe_key__startswith=f"case-event:{event.pk}:").first()
        if sent and sent.status == OutboundEmail.Status.SENT:
            break
        time.sleep(0.5)
    log.seek(0)
    assert sent is not None and sent.status == OutboundEmail.Status.SENT, f"worker output:\n{log.read()}"
    assert sent.body_text == ""  # the outbox keeps metadata only once the e-mail is sent
    (delivered,) = (email.message_from_bytes(path.read_bytes()) for path in (tmp_path / "mail").glob("*.eml"))
    assert delivered["To"] == "anna@example.org"
    assert statuses["personal-appearance"].name_uk in delivered.get_payload(decode=True).decode()

"""The JSM connector wired into the enquiry desk: the Celery tasks with the real models against the fake Service
Management server of test_jsm (which checks the documented request shapes)."""

from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.cache import cache

from infopoints import jsm, selectors, services
from infopoints.models import Enquiry, EnquiryMessage
from infopoints.tasks.mail import jsm_sync_enquiry, jsm_sync_open_enquiries
from portal.models import AuditEvent, OutboundEmail
from tests.infopoints.enquiry_helpers import consultant, media_in_tmp, web_enquiry  # noqa: F401 (autouse fixture)
from tests.infopoints.test_jsm import fake_jsm  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def posts(fake, suffix: str = "") -> list:
    return [call for call in fake.calls if call[0] == "POST" and call[1].endswith(suffix)]


@pytest.fixture
def enquiry(fake_jsm, django_capture_on_commit_callbacks):  # noqa: F811
    """A web-form enquiry; opening it enqueues the sync after commit, which creates its JSM request."""
    with django_capture_on_commit_callbacks(execute=True):
        opened = web_enquiry(question="Czy mogę pracować w czasie oczekiwania na decyzję?")
    opened.refresh_from_db()
    return opened


def test_a_new_enquiry_becomes_one_jsm_request_even_when_the_task_runs_again(enquiry, fake_jsm):  # noqa: F811
    assert enquiry.jsm_issue_key in fake_jsm.requests
    created = fake_jsm.requests[enquiry.jsm_issue_key]["body"]
    assert created["requestFieldValues"]["summary"].startswith(f"[{enquiry.reference}] ")
    assert created["requestFieldValues"]["description"] == "Czy mogę pracować w czasie oczekiwania na decyzję?"
    assert created["requestTypeId"] == "29"  # no topic: the "other" request type
    jsm_sync_enquiry.apply(args=[enquiry.pk]).get()
    jsm_sync_enquiry.apply(args=[enquiry.pk]).get()
    assert len(fake_jsm.requests) == 1 and len(posts(fake_jsm, "/request")) == 1
    event = AuditEvent.objects.get(action="enquiry.jsm_created")
    assert event.actor is None and event.note == "JSM" and event.object_label == enquiry.reference


def test_a_key_lost_before_it_was_stored_is_found_again_instead_of_creating_a_second_request(
    enquiry, fake_jsm  # noqa: F811
):
    Enquiry.objects.filter(pk=enquiry.pk).update(jsm_issue_key="")
    jsm_sync_enquiry.apply(args=[enquiry.pk]).get()
    assert len(fake_jsm.requests) == 1 and len(posts(fake_jsm, "/request")) == 1
    enquiry.refresh_from_db()
    assert enquiry.jsm_issue_key in fake_jsm.requests


def test_a_staff_reply_is_mirrored_once_as_a_public_comment(
    enquiry, fake_jsm, django_capture_on_commit_callbacks  # noqa: F811
):
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.enquiry_reply(user=consultant(), enquiry_id=enquiry.pk, body="Tak, może Pani pracować.")
    comments = fake_jsm.comments[enquiry.jsm_issue_key]
    assert len(comments) == 1 and comments[0]["public"] is True
    assert comments[0]["body"].endswith("\n\nTak, może Pani pracować.")
    reply.refresh_from_db()
    assert reply.jsm_comment_id == comments[0]["id"]
    jsm_sync_enquiry.apply(args=[enquiry.pk]).get()
    assert len(fake_jsm.comments[enquiry.jsm_issue_key]) == 1 and len(posts(fake_jsm, "/comment")) == 1
    assert AuditEvent.objects.filter(action="enquiry.jsm_comment_sent", note="JSM", actor=None).count() == 1


def test_an_internal_note_is_mirrored_as_an_internal_comment(enquiry, fake_jsm):  # noqa: F811
    services.enquiry_note_add(user=consultant(), enquiry_id=enquiry.pk, body="Sprawdzić w systemie.")
    jsm_sync_enquiry.apply(args=[enquiry.pk]).get()
    (comment,) = fake_jsm.comments[enquiry.jsm_issue_key]
    assert comment["public"] is False and comment["body"].endswith("Sprawdzić w systemie.")


def test_a_public_jsm_comment_is_sent_to_the_person_as_the_desks_reply_once(
    enquiry, fake_jsm, django_capture_on_commit_callbacks  # noqa: F811
):
    comment_id = fake_jsm.agent_comment(enquiry.jsm_issue_key, "Proszę dosłać kopię paszportu.")
    with django_capture_on_commit_callbacks(execute=True):
        jsm_sync_enquiry.apply(args=[enquiry.pk]).get()
    with django_capture_on_commit_callbacks(execute=True):
        jsm_sync_enquiry.apply(args=[enquiry.pk]).get()
    reply = EnquiryMessage.objects.get(jsm_comment_id=comment_id)
    assert reply.kind == EnquiryMessage.Kind.OUTGOING and reply.author is None
    assert reply.body == "Proszę dosłać kopię paszportu."
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.ANSWERED and enquiry.first_responded_at is not None
    assert enquiry.reference in OutboundEmail.objects.get(dedupe_key=f"enquiry-reply:{reply.pk}").subject
    (delivered,) = [m for m in mail.outbox if "Proszę dosłać kopię paszportu." in m.body]
    assert delivered.to == ["olena@example.org"] and "Auto-Submitted" not in delivered.extra_headers
    # It came from JSM: it is not posted back there.
    assert len(fake_jsm.comments[enquiry.jsm_issue_key]) == 1 and posts(fake_jsm, "/comment") == []
    event = AuditEvent.objects.get(action="enquiry.reply")
    assert event.actor is None and event.note == "JSM"


def test_an_internal_jsm_comment_becomes_an_internal_note_and_nothing_is_sent(
    enquiry, fake_jsm, django_capture_on_commit_callbacks  # noqa: F811
):
    comment_id = fake_jsm.agent_comment(enquiry.jsm_issue_key, "Klient dzwonił wczoraj.", public=False)
    mails_before = OutboundEmail.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        jsm_sync_enquiry.apply(args=[enquiry.pk]).get()
        jsm_sync_enquiry.apply(args=[enquiry.pk]).get()
    note = EnquiryMessage.objects.get(jsm_comment_id=comment_id)
    assert note.kind == EnquiryMessage.Kind.NOTE and note.body == "Klient dzwonił wczoraj."
    assert OutboundEmail.objects.count() == mails_before
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert AuditEvent.objects.filter(action="enquiry.note", note="JSM").count() == 1


def test_a_jsm_comment_on_an_erased_enquiry_is_neither_stored_nor_sent(enquiry, fake_jsm):  # noqa: F811
    Enquiry.objects.filter(pk=enquiry.pk).update(
        status=Enquiry.Status.CLOSED, closed_at=enquiry.created_at, requester_email="", requester_name="",
        subject="", erased_at=enquiry.created_at,
    )  # fmt: skip
    comment = jsm.JsmComment(id="5001", body="Odpowiedź.", public=True, author_name="Agent", created=None)
    assert services.enquiry_jsm_comment_receive(enquiry_id=enquiry.pk, comment=comment) is None
    assert not EnquiryMessage.objects.filter(jsm_comment_id="5001").exists()


def test_a_person_writing_again_is_mirrored_to_jsm(enquiry, fake_jsm, django_capture_on_commit_callbacks):  # noqa: F811
    from tests.infopoints.enquiry_helpers import Mail

    with django_capture_on_commit_callbacks(execute=True):
        services.enquiry_receive_email(
            message=Mail(subject=f"Re: [{enquiry.reference}]", text="Jeszcze jedno pytanie.", message_id="<p2@x>")
        )
    (comment,) = fake_jsm.comments[enquiry.jsm_issue_key]
    assert comment["public"] is True and comment["body"].endswith("Jeszcze jedno pytanie.")



def test_unavailable_jsm_retries_with_the_countdown_it_gives(fake_jsm):  # noqa: F811
    opened = web_enquiry()  # not synced: the on-commit callback never runs in this test
    fake_jsm.fail_next("GET", 503, {"Retry-After": "300"})
    with mock.patch.object(jsm_sync_enquiry, "retry", side_effect=Retry()) as retry, pytest.raises(Retry):
        jsm_sync_enquiry(opened.pk)
    assert retry.call_args.kwargs["countdown"] == 300.0
    assert isinstance(retry.call_args.kwargs["exc"], jsm.JsmUnavailable)
    assert fake_jsm.requests == {} and not cache.get(f"jsm-sync:{opened.pk}")  # the lock is released


def test_a_sync_already_running_for_the_enquiry_keeps_a_second_one_out(fake_jsm):  # noqa: F811
    opened = web_enquiry()
    cache.add(f"jsm-sync:{opened.pk}", 1, 60)
    try:
        with mock.patch.object(jsm_sync_enquiry, "retry", side_effect=Retry()) as retry, pytest.raises(Retry):
            jsm_sync_enquiry(opened.pk)
    finally:
        cache.delete(f"jsm-sync:{opened.pk}")
    assert retry.call_args.kwargs["countdown"] == 30 and fake_jsm.calls == []


def test_nothing_is_enqueued_for_jsm_when_it_is_not_configured(settings, django_capture_on_commit_callbacks):
    settings.JSM_BASE_URL = ""
    with mock.patch("portal.queue.task_send") as send, django_capture_on_commit_callbacks(execute=True):
        web_enquiry()
    assert "infopoints.tasks.jsm_sync_enquiry" not in [call.args[0] for call in send.call_args_list]


def test_the_periodic_sync_enqueues_open_enquiries_with_a_key_in_batches(fake_jsm):  # noqa: F811
    keyed = [web_enquiry(client_key=f"10.0.0.{n}") for n in range(3)]
    Enquiry.objects.filter(pk__in=[e.pk for e in keyed]).update(jsm_issue_key="HD-1")
    closed = keyed[2]
    Enquiry.objects.filter(pk=closed.pk).update(status=Enquiry.Status.CLOSED, closed_at=closed.created_at)
    web_enquiry(client_key="10.0.0.9")  # no key: created by the sync that follows its opening, not by this one
    assert list(selectors.enquiry_ids_to_sync_with_jsm(batch_size=1)) == [[keyed[0].pk], [keyed[1].pk]]
    with mock.patch.object(jsm_sync_enquiry, "delay") as delay:
        assert jsm_sync_open_enquiries() == 2
    assert sorted(call.args[0] for call in delay.call_args_list) == [keyed[0].pk, keyed[1].pk]


def test_the_jsm_snapshot_of_an_enquiry_takes_two_queries_whatever_its_thread(
    fake_jsm, django_assert_num_queries  # noqa: F811
):
    opened = web_enquiry()
    user = consultant()
    for n in range(5):
        services.enquiry_note_add(user=user, enquiry_id=opened.pk, body=f"Notatka {n}")
    with django_assert_num_queries(2):
        snapshot = selectors.enquiry_for_jsm(opened.pk)
    assert len(snapshot.outgoing) == 5 and not any(c.public for c in snapshot.outgoing)
    assert snapshot.description == "Коли я отримаю карту побиту?"


def test_the_open_enquiries_are_synced_by_beat_every_ten_minutes(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["enquiry-jsm-sync"]
    assert entry == {"task": "infopoints.tasks.jsm_sync_open_enquiries", "schedule": 600}

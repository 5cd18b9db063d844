"""The enquiry desk's services: references, channels, threading, staff work, service levels and retention."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from infopoints import services, sla
from infopoints.attachments import AttachmentRefused, IncomingFile
from infopoints.models import Enquiry, EnquiryAttachment, EnquiryMessage
from infopoints.selectors import enquiries_visible_to
from portal.models import AuditEvent, Category, OutboundEmail
from tests.factories import PlaceFactory
from tests.infopoints.enquiry_helpers import (  # noqa: F401 (media_in_tmp: autouse fixture)
    PDF,
    PNG,
    Attachment,
    Mail,
    consultant,
    coordinator,
    media_in_tmp,
    place_staff,
    web_enquiry,
)

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")


# --- References -------------------------------------------------------------------------------------------------


def test_references_count_up_per_year_with_six_digits():
    assert services.enquiries.reference_next(year=2026) == "ZG-2026-000001"
    assert services.enquiries.reference_next(year=2026) == "ZG-2026-000002"
    assert services.enquiries.reference_next(year=2027) == "ZG-2027-000001"


def test_database_refuses_a_reference_in_another_format():
    with pytest.raises(IntegrityError), transaction.atomic():
        Enquiry.objects.create(reference="ZG-26-1", channel="web")


def test_database_refuses_a_closed_enquiry_without_closing_time():
    enquiry = web_enquiry()
    with pytest.raises(IntegrityError), transaction.atomic():
        Enquiry.objects.filter(pk=enquiry.pk).update(status="closed")


# --- Web form ----------------------------------------------------------------------------------------------------


def test_web_question_opens_an_enquiry_and_sends_a_confirmation_with_a_private_link(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        enquiry = web_enquiry(files=[IncomingFile("scan.pdf", PDF)])
    assert enquiry.channel == "web" and enquiry.language == "uk" and enquiry.place is None
    assert enquiry.status == "new" and enquiry.due_at == enquiry.first_response_due
    assert enquiry.messages.get().attachments.get().content_type == "application/pdf"
    # Sent messages are read from the mail backend: once sent, the outbox row keeps metadata only.
    (confirmation,) = mail.outbox
    assert confirmation.to == ["olena@example.org"] and enquiry.reference in confirmation.subject
    assert "/uk/ask/" in confirmation.body
    assert confirmation.extra_headers.get("Auto-Submitted") == "auto-generated"
    assert OutboundEmail.objects.get().body_text == ""
    assert AuditEvent.objects.filter(action="enquiry.open", object_label=enquiry.reference).exists()


def test_web_question_with_a_disguised_file_is_refused_and_nothing_is_stored():
    with pytest.raises(AttachmentRefused):
        web_enquiry(files=[IncomingFile("photo.jpg", b"MZ\x90\x00 not an image", "image/jpeg")])
    assert not Enquiry.objects.exists()


def test_web_questions_over_the_hourly_limit_are_refused(settings):
    settings.ENQUIRY_WEB_PER_HOUR = 2
    results = [services.enquiry_submit_web(language="pl", question="Pytanie?", email="a@example.org",
                                           client_key="10.0.0.1") for _ in range(3)]
    assert [r.outcome for r in results][-1] == services.AskOutcome.RATE_LIMITED
    assert Enquiry.objects.count() == 2


def test_filled_honeypot_is_ignored():
    result = services.enquiry_submit_web(language="pl", question="Buy now", email="bot@example.org",
                                         client_key="1", honeypot="http://spam")
    assert result.outcome == services.AskOutcome.IGNORED and not Enquiry.objects.exists()


# --- E-mail ------------------------------------------------------------------------------------------------------


def test_new_email_opens_an_enquiry_of_the_helpline_with_its_attachments():
    enquiry = services.enquiry_receive_email(message=Mail(attachments=[Attachment("a.png", "image/png", PNG)]))
    assert enquiry.channel == "email" and enquiry.requester_email == "olena@example.org"
    assert enquiry.subject == "Pytanie o kartę pobytu"
    message = enquiry.messages.get()
    assert message.email_message_id == "<m1@example.org>" and message.attachment_count == 1


def test_email_with_the_reference_in_the_subject_joins_and_reopens_its_enquiry():
    enquiry = web_enquiry()
    user = coordinator()
    services.enquiry_reply(user=user, enquiry_id=enquiry.pk, body="Odpowiedź", wait_for_person=True)
    joined = services.enquiry_receive_email(
        message=Mail(message_id="<m2@example.org>", subject=f"Re: [{enquiry.reference}] Answer")
    )
    assert joined.pk == enquiry.pk
    joined.refresh_from_db()
    assert joined.status == "in_progress" and joined.paused_at is None
    assert joined.messages.filter(kind="incoming").count() == 2


def test_email_answering_our_message_id_joins_the_enquiry_without_a_reference():
    enquiry = web_enquiry()
    reply = services.enquiry_reply(user=coordinator(), enquiry_id=enquiry.pk, body="Odpowiedź")
    assert reply.email_message_id.startswith("<")
    joined = services.enquiry_receive_email(
        message=Mail(message_id="<m3@example.org>", subject="Re: answer", in_reply_to=reply.email_message_id)
    )
    assert joined.pk == enquiry.pk


def test_the_same_email_delivered_twice_is_stored_once():
    first = services.enquiry_receive_email(message=Mail())
    second = services.enquiry_receive_email(message=Mail())
    assert first.pk == second.pk and EnquiryMessage.objects.count() == 1


def test_email_with_a_bad_attachment_keeps_the_text_and_notes_the_refused_file():
    enquiry = services.enquiry_receive_email(
        message=Mail(attachments=[Attachment("x.pdf", "application/pdf", b"not a pdf"), Attachment("a.png", "", PNG)])
    )
    assert enquiry.messages.get(kind="incoming").attachment_count == 1
    assert "x.pdf" in enquiry.messages.get(kind="note").body


def test_mail_to_a_merged_enquiry_lands_in_the_kept_one():
    user = coordinator()
    kept, duplicate = web_enquiry(), web_enquiry(client_key="other")
    services.enquiry_merge(user=user, duplicate_id=duplicate.pk, into_reference=kept.reference)
    joined = services.enquiry_receive_email(message=Mail(subject=f"Re: {duplicate.reference}"))
    assert joined.pk == kept.pk


# --- Staff work --------------------------------------------------------------------------------------------------


def test_staff_reply_is_threaded_sent_once_and_answers_the_enquiry(django_capture_on_commit_callbacks):
    enquiry = services.enquiry_receive_email(message=Mail())
    user = consultant()
    with django_capture_on_commit_callbacks(execute=True):
        message = services.enquiry_reply(user=user, enquiry_id=enquiry.pk, body="Karta jest gotowa.")
    enquiry.refresh_from_db()
    assert enquiry.status == "answered" and enquiry.first_responded_at and enquiry.resolved_at
    assert enquiry.due_at == enquiry.resolution_due
    assert OutboundEmail.objects.filter(dedupe_key=f"enquiry-reply:{message.pk}").count() == 1
    (email,) = [sent for sent in mail.outbox if "Karta jest gotowa." in sent.body]
    assert enquiry.reference in email.subject
    # A staff member's reply is a personal message (no Auto-Submitted), threaded on the person's e-mail.
    assert "Auto-Submitted" not in email.extra_headers
    assert email.extra_headers["Message-ID"] == message.email_message_id
    assert email.extra_headers["In-Reply-To"] == "<m1@example.org>"
    headers = services.enquiries.thread_headers(
        message_id=message.email_message_id, in_reply_to="<m1@example.org>", references=["<m1@example.org>"]
    )
    assert headers == {"Message-ID": message.email_message_id, "In-Reply-To": "<m1@example.org>",
                       "References": "<m1@example.org>"}
    assert AuditEvent.objects.filter(action="enquiry.reply", actor=user).exists()


def test_empty_reply_is_refused():
    enquiry = web_enquiry()
    with pytest.raises(services.EnquiryError) as error:
        services.enquiry_reply(user=coordinator(), enquiry_id=enquiry.pk, body="   ")
    assert error.value.code == "empty"


def test_staff_of_one_place_cannot_work_on_the_helplines_enquiry():
    enquiry = web_enquiry()
    with pytest.raises(services.EnquiryError):
        services.enquiry_note_add(user=place_staff(), enquiry_id=enquiry.pk, body="note")
    assert enquiry.pk in set(enquiries_visible_to(consultant()).values_list("pk", flat=True))
    assert not enquiries_visible_to(place_staff()).exists()


def test_assigning_a_new_enquiry_puts_it_in_progress_and_is_audited():
    enquiry = web_enquiry()
    user, colleague = coordinator(), consultant()
    services.enquiry_assign(user=user, enquiry_id=enquiry.pk, assignee_id=colleague.pk)
    enquiry.refresh_from_db()
    assert enquiry.assignee == colleague and enquiry.status == "in_progress"
    event = AuditEvent.objects.get(action="enquiry.assign")
    assert event.changes["status"] == ["new", "in_progress"]


def test_assigning_to_someone_outside_the_team_is_refused():
    enquiry = web_enquiry()
    with pytest.raises(services.EnquiryError) as error:
        services.enquiry_assign(user=coordinator(), enquiry_id=enquiry.pk, assignee_id=place_staff().pk)
    assert error.value.code == "not_in_team"


def test_merge_moves_messages_and_closes_the_duplicate():
    user = coordinator()
    kept, duplicate = web_enquiry(), web_enquiry(question="Drugi raz to samo", client_key="x")
    services.enquiry_merge(user=user, duplicate_id=duplicate.pk, into_reference=kept.reference.lower())
    duplicate.refresh_from_db()
    assert duplicate.status == "closed" and duplicate.merged_into == kept
    assert kept.messages.count() == 2


def test_quick_log_of_an_answered_call_is_done_at_once():
    user = consultant()
    topic = Category.objects.create(slug="work", name="Praca")
    enquiry = services.enquiry_call_log(user=user, topic=topic.pk, language="ru", summary="Pyta o opłatę",
                                        answered=True)
    assert enquiry.channel == "phone" and enquiry.status == "answered" and enquiry.assignee == user
    assert enquiry.topic == topic and enquiry.requester_phone == ""


def test_quick_log_needing_a_call_back_requires_the_number():
    with pytest.raises(services.EnquiryError) as error:
        services.enquiry_call_log(user=consultant(), topic=None, language="pl", summary="x", answered=False)
    assert error.value.code == "no_callback_number"
    enquiry = services.enquiry_call_log(user=consultant(), topic=None, language="pl", summary="x", answered=False,
                                        callback_phone="+48 600 000 000")
    assert enquiry.status == "in_progress" and enquiry.requester_phone == "+48 600 000 000"


def test_desk_staff_cannot_record_for_a_place_they_do_not_work_at():
    with pytest.raises(services.EnquiryError):
        services.enquiry_record_in_person(user=place_staff(), place=PlaceFactory(), topic=None, language="pl",
                                          summary="x")
    assert not Enquiry.objects.exists()


def test_record_in_person_belongs_to_the_place_and_is_answered():
    place = PlaceFactory()
    user = place_staff(place)
    enquiry = services.enquiry_record_in_person(user=user, place=place, topic=None, language="uk", summary="Gdzie?")
    assert enquiry.place == place and enquiry.channel == "in_person" and enquiry.status == "answered"
    assert AuditEvent.objects.filter(action="enquiry.in_person", place=place).exists()


# --- Service levels ------------------------------------------------------------------------------------------------


def test_working_time_skips_nights_weekends_and_polish_holidays():
    friday = datetime(2026, 4, 30, 15, 0, tzinfo=WARSAW)  # Thursday 30 April; 1 May and 3 May are holidays
    assert sla.add_working_time(friday, timedelta(hours=2)) == datetime(2026, 5, 4, 9, 0, tzinfo=WARSAW)
    assert sla.working_time_between(friday, datetime(2026, 5, 4, 9, 0, tzinfo=WARSAW)) == timedelta(hours=2)


@pytest.mark.parametrize(("category", "due_in", "state"), [
    ("open", timedelta(minutes=-1), sla.DueState.OVERDUE),
    ("open", timedelta(hours=3, minutes=59), sla.DueState.SOON),
    ("open", timedelta(hours=4), sla.DueState.ON_TIME),
    ("open", None, sla.DueState.NONE),
    ("paused", timedelta(minutes=-1), sla.DueState.PAUSED),  # its clocks stopped: never overdue while waiting
    ("done", timedelta(minutes=-1), sla.DueState.NONE),
])
def test_how_a_deadline_stands(category, due_in, state):
    now = timezone.now()
    assert sla.due_state(category=category, due_at=None if due_in is None else now + due_in, now=now) == state


def test_waiting_for_the_person_moves_the_deadlines_by_the_working_time_waited():
    enquiry = web_enquiry()
    user = coordinator()
    services.enquiry_status_set(user=user, enquiry_id=enquiry.pk, status="waiting")
    Enquiry.objects.filter(pk=enquiry.pk).update(paused_at=F_minus_hours(enquiry, 48))
    due_before = Enquiry.objects.get(pk=enquiry.pk).first_response_due
    services.enquiry_status_set(user=user, enquiry_id=enquiry.pk, status="in_progress")
    enquiry.refresh_from_db()
    assert enquiry.paused_seconds > 0
    assert enquiry.first_response_due - due_before >= timedelta(hours=8)


def F_minus_hours(enquiry, hours):  # noqa: N802
    return timezone.now() - timedelta(hours=hours)


# --- Retention ----------------------------------------------------------------------------------------------------


def test_silent_waiting_enquiries_close_and_closed_ones_are_erased_later(settings):
    enquiry = web_enquiry(files=[IncomingFile("a.pdf", PDF)])
    services.enquiry_reply(user=coordinator(), enquiry_id=enquiry.pk, body="Prosimy o skan", wait_for_person=True)
    later = timezone.now() + timedelta(days=settings.ENQUIRY_AUTO_CLOSE_DAYS + 1)
    assert services.enquiries_auto_close(now=later) == 1
    enquiry.refresh_from_db()
    assert enquiry.status == "closed"
    assert services.enquiries_erase_closed(now=later) == 0
    much_later = later + timedelta(days=settings.ENQUIRY_RETENTION_DAYS + 1)
    assert services.enquiries_erase_closed(now=much_later) == 1
    enquiry.refresh_from_db()
    assert enquiry.erased_at and enquiry.requester_email == "" and enquiry.subject == "" and enquiry.link_key == ""
    assert set(enquiry.messages.values_list("body", flat=True)) == {""}
    assert enquiry.messages.count() == 2 and not EnquiryAttachment.objects.exists()
    assert services.enquiries_erase_closed(now=much_later) == 0


def test_daily_digest_tells_the_helpline_what_is_overdue():
    enquiry = web_enquiry()
    member = consultant()
    Enquiry.objects.filter(pk=enquiry.pk).update(due_at=timezone.now() - timedelta(hours=1))
    assert services.enquiry_digests_send() == 1
    digest = OutboundEmail.objects.get(to_address=member.email)
    assert enquiry.reference in digest.body_text and "olena" not in digest.body_text
    assert services.enquiry_digests_send() == 1
    assert OutboundEmail.objects.filter(to_address=member.email).count() == 1


def test_beat_runs_the_retention_and_digest_tasks(settings):
    from infopoints.tasks import enquiries as tasks

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"infopoints.tasks.enquiries.apply_enquiry_retention",
            "infopoints.tasks.enquiries.send_overdue_digests"} <= scheduled
    assert tasks.apply_enquiry_retention.name == "infopoints.tasks.enquiries.apply_enquiry_retention"
    enquiry = web_enquiry()
    services.enquiry_reply(user=coordinator(), enquiry_id=enquiry.pk, body="x", wait_for_person=True)
    Enquiry.objects.filter(pk=enquiry.pk).update(
        last_activity_at=timezone.now() - timedelta(days=settings.ENQUIRY_AUTO_CLOSE_DAYS + 1)
    )
    assert tasks.apply_enquiry_retention.delay().get() == {"closed": 1, "erased": 0}


def test_files_attached_to_a_staff_reply_travel_with_its_email(django_capture_on_commit_callbacks):
    enquiry = web_enquiry()
    with django_capture_on_commit_callbacks(execute=True):
        services.enquiry_reply(user=coordinator(), enquiry_id=enquiry.pk, body="W załączniku wzór.",
                               files=[IncomingFile("wzor.pdf", PDF)])
    sent = [message for message in mail.outbox if "W załączniku wzór." in message.body]
    assert [(name, content) for name, content, _type in sent[0].attachments] == [("wzor.pdf", PDF)]

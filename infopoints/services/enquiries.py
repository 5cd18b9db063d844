"""Writes of the enquiry desk: opening enquiries from every channel (web form, e-mail, the helpline's quick log,
the desk's one-step record), the person's replies, and staff work (assign, status, priority, team, reply, note,
merge).

Every function owns its transaction; every change made by staff (and by the system, with no actor) is written to
the audit trail inside it, with references and statuses only. E-mails go through the portal's outbox after commit
and are de-duplicated by key, so a retried task or a double click never sends twice.
"""

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from infopoints.attachments import IncomingFile, check_files
from infopoints.models import Enquiry, EnquiryMessage, SuggestionOpen
from infopoints.selectors import enquiries as enquiry_selectors
from infopoints.services.enquiry_core import (  # noqa: F401 (re-exported)
    SEARCH_TEXT_LIMIT,
    EnquiryError,
    Topic,
    _confirmation_send,
    _deadlines_set,
    _email,
    _enquiry_create,
    _first_line,
    _locked,
    _message_add,
    _person_link,
    _person_writes,
    _save,
    _status_move,
    _thread_of,
    jsm_sync_later,
    language_of,
    new_message_id,
    reference_in,
    reference_next,
    search_text_append,
    thread_headers,
)
from infopoints.services.enquiry_mail import EmailAttachmentLike as EmailAttachmentLike
from infopoints.services.enquiry_mail import EmailLike as EmailLike
from infopoints.services.enquiry_mail import enquiry_receive_email as enquiry_receive_email
from infopoints.services.enquiry_mail import stable_message_id as stable_message_id
from portal.audit import audit_record
from portal.models import Place, User
from portal.services import over_hourly_limit

# --- Channels: web form, e-mail, the person's replies ----------------------------------------------------------


class AskOutcome(enum.Enum):
    SENT = "sent"
    IGNORED = "ignored"  # the honeypot was filled: a bot; it is told nothing
    RATE_LIMITED = "rate_limited"


@dataclass(frozen=True)
class AskResult:
    outcome: AskOutcome
    enquiry: Enquiry | None = None


@transaction.atomic
def enquiry_submit_web(
    *,
    language: str,
    question: str,
    email: str,
    topic: Topic = None,
    case_number: str = "",
    name: str = "",
    files: Sequence[IncomingFile] = (),
    draft_key: str = "",
    suggestions_shown: int | None = None,
    client_key: str,
    honeypot: str = "",
) -> AskResult:
    """A question sent through the web form: a new enquiry of the helpline, a confirmation e-mail with the
    reference and the private link. Raises AttachmentRefused for files that are not allowed."""
    if honeypot:
        return AskResult(AskOutcome.IGNORED)
    if over_hourly_limit(prefix="enquiry-web", client_key=client_key, per_hour=settings.ENQUIRY_WEB_PER_HOUR):
        return AskResult(AskOutcome.RATE_LIMITED)
    checked = check_files(list(files))
    enquiry = _enquiry_create(
        channel=Enquiry.Channel.WEB,
        language=language,
        body=question.strip(),
        topic=topic,
        case_number=case_number,
        name=name,
        email=email,
        checked=checked,
        suggestions_shown=suggestions_shown,
    )
    if draft_key:
        SuggestionOpen.objects.filter(draft_key=draft_key[:32]).update(question_sent=True)
    _confirmation_send(enquiry)
    return AskResult(AskOutcome.SENT, enquiry)


@transaction.atomic
def enquiry_submit_partner(
    *, partner_id: int, language: str, question: str, email: str, case_number: str = "", name: str = ""
) -> AskResult:
    """A question a partner institution sends for a person (integration API): the web form's path and limits,
    counted per partner, with the partner recorded on the enquiry. The person gets the confirmation e-mail."""
    result = enquiry_submit_web(
        language=language,
        question=question,
        email=email,
        case_number=case_number,
        name=name,
        client_key=f"partner:{partner_id}",
    )
    if result.enquiry is not None:
        Enquiry.objects.filter(pk=result.enquiry.pk).update(partner_id=partner_id)
    return result


@transaction.atomic
def enquiry_reply_from_person(*, token: str, body: str, files: Sequence[IncomingFile] = ()) -> Enquiry | None:
    """The person answered on the page of their private link; None when the link does not open an enquiry.
    Raises AttachmentRefused for files that are not allowed."""
    state, enquiry = enquiry_selectors.enquiry_for_link(token=token)
    if enquiry is None:
        return None
    checked = check_files(list(files))
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    while enquiry.merged_into_id:
        enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.merged_into_id)
    return _person_writes(enquiry, body=body.strip(), checked=checked)


def suggestion_open_record(
    *, draft_key: str, language: str, guide_id: int | None = None, faq_id: int | None = None
) -> SuggestionOpen | None:
    """A suggestion of the web form was opened (for "learning from questions"); nothing personal is kept."""
    if not draft_key or (guide_id is None) == (faq_id is None):
        return None
    return SuggestionOpen.objects.create(
        draft_key=draft_key[:32], language=language_of(language), guide_id=guide_id, faq_id=faq_id
    )


# --- Staff work --------------------------------------------------------------------------------------------------


@transaction.atomic
def enquiry_assign(*, user: User, enquiry_id: int, assignee_id: int | None) -> Enquiry:
    enquiry = _locked(user=user, enquiry_id=enquiry_id)
    assignee = None
    if assignee_id is not None:
        assignee = enquiry_selectors.team_members(enquiry).filter(pk=assignee_id).first()
        if assignee is None:
            raise EnquiryError("not_in_team")
    old_assignee, old_status = enquiry.assignee_id, enquiry.status
    enquiry.assignee = assignee
    if assignee is not None and enquiry.status == Enquiry.Status.NEW:
        _status_move(enquiry, Enquiry.Status.IN_PROGRESS, now=timezone.now())
    _save(enquiry)
    changes: dict[str, tuple[object, object]] = {"assignee": (old_assignee, enquiry.assignee_id)}
    if old_status != enquiry.status:
        changes["status"] = (old_status, enquiry.status)
    audit_record(actor=user, action="enquiry.assign", obj=enquiry, place=enquiry.place_id, changes=changes,
                 label=enquiry.reference)
    return enquiry


@transaction.atomic
def enquiry_status_set(*, user: User, enquiry_id: int, status: str) -> Enquiry:
    if status not in Enquiry.Status.values:
        raise EnquiryError("bad_status")
    enquiry = _locked(user=user, enquiry_id=enquiry_id)
    if enquiry.merged_into_id:
        raise EnquiryError("merged")
    if enquiry.erased_at:
        raise EnquiryError("erased")
    old = _status_move(enquiry, status, now=timezone.now())
    _save(enquiry)
    audit_record(actor=user, action="enquiry.status", obj=enquiry, place=enquiry.place_id,
                 changes={"status": (old, status)}, label=enquiry.reference)
    return enquiry


@transaction.atomic
def enquiry_priority_set(*, user: User, enquiry_id: int, priority: str) -> Enquiry:
    if priority not in Enquiry.Priority.values:
        raise EnquiryError("bad_priority")
    enquiry = _locked(user=user, enquiry_id=enquiry_id)
    old = enquiry.priority
    enquiry.priority = priority
    _deadlines_set(enquiry)
    _save(enquiry)
    audit_record(actor=user, action="enquiry.priority", obj=enquiry, place=enquiry.place_id,
                 changes={"priority": (old, priority), "due_at": (None, enquiry.due_at)}, label=enquiry.reference)
    return enquiry


@transaction.atomic
def enquiry_team_set(*, user: User, enquiry_id: int, place_id: int | None) -> Enquiry:
    """Hand the enquiry to another team (the helpline or a place); the assignee is cleared."""
    enquiry = _locked(user=user, enquiry_id=enquiry_id)
    place = None
    if place_id is not None:
        place = Place.objects.filter(pk=place_id).first()
        if place is None:
            raise EnquiryError("not_found")
    old = enquiry.place_id
    enquiry.place, enquiry.assignee = place, None
    _save(enquiry)
    audit_record(actor=user, action="enquiry.team", obj=enquiry, place=place,
                 changes={"place": (old, enquiry.place_id)}, label=enquiry.reference)
    return enquiry


@transaction.atomic
def enquiry_reply(
    *, user: User, enquiry_id: int, body: str, files: Sequence[IncomingFile] = (), wait_for_person: bool = False
) -> EnquiryMessage:
    """A staff answer to the person: stored in the thread and, when the person gave an e-mail address, sent after
    commit, threaded under their messages. The enquiry becomes answered, or waiting for the person."""
    body = (body or "").strip()
    if not body:
        raise EnquiryError("empty")
    enquiry = _locked(user=user, enquiry_id=enquiry_id)
    checked = check_files(list(files))
    message, old = reply_send(enquiry, body=body, author=user, checked=checked, wait_for_person=wait_for_person)
    audit_record(actor=user, action="enquiry.reply", obj=enquiry, place=enquiry.place_id,
                 changes={"status": (old, enquiry.status)}, label=enquiry.reference)
    jsm_sync_later(enquiry)
    return message


def reply_send(
    enquiry: Enquiry,
    *,
    body: str,
    author: User | None,
    checked: Sequence[tuple[IncomingFile, str]] = (),
    wait_for_person: bool = False,
    jsm_comment_id: str = "",
) -> tuple[EnquiryMessage, str]:
    """The body of every answer to the person (from the desk, or from JSM): store it, move the status, and e-mail it
    after commit when the person gave an address. `enquiry` is row-locked by the caller; returns the message and
    the old status. Raises EnquiryError for merged or erased enquiries."""
    if enquiry.merged_into_id:
        raise EnquiryError("merged")
    if enquiry.erased_at:
        raise EnquiryError("erased")
    now = timezone.now()
    in_reply_to, references = _thread_of(enquiry)
    message_id = new_message_id() if enquiry.requester_email else ""
    message = _message_add(enquiry, kind=EnquiryMessage.Kind.OUTGOING, body=body, author=author, checked=checked,
                           email_message_id=message_id)
    if jsm_comment_id:
        message.jsm_comment_id = jsm_comment_id
        message.save(update_fields=["jsm_comment_id"])
    if enquiry.first_responded_at is None:
        enquiry.first_responded_at = now
    old = _status_move(enquiry, Enquiry.Status.WAITING if wait_for_person else Enquiry.Status.ANSWERED, now=now)
    _deadlines_set(enquiry)
    _save(enquiry)
    if enquiry.requester_email:
        with translation.override(enquiry.language):
            context = {"enquiry": enquiry, "body": body, "link": _person_link(enquiry)}
            _email(
                to=enquiry.requester_email,
                language=enquiry.language,
                subject=gettext("[%(reference)s] Answer to your enquiry") % {"reference": enquiry.reference},
                body=render_to_string("infopoints/enquiries/email/reply.txt", context),
                dedupe_key=f"enquiry-reply:{message.pk}",
                attachments_key=f"enquiry-message:{message.pk}" if checked else "",
                headers=thread_headers(message_id=message_id, in_reply_to=in_reply_to, references=references),
                automatic=False,  # a person's answer: no Auto-Submitted, so auto-replies may answer it
            )
    return message, old


@transaction.atomic
def enquiry_note_add(*, user: User, enquiry_id: int, body: str) -> EnquiryMessage:
    body = (body or "").strip()
    if not body:
        raise EnquiryError("empty")
    enquiry = _locked(user=user, enquiry_id=enquiry_id)
    if enquiry.erased_at:
        raise EnquiryError("erased")
    message = _message_add(enquiry, kind=EnquiryMessage.Kind.NOTE, body=body, author=user)
    _save(enquiry)
    audit_record(actor=user, action="enquiry.note", obj=enquiry, place=enquiry.place_id, label=enquiry.reference)
    return message


@transaction.atomic
def enquiry_merge(*, user: User, duplicate_id: int, into_reference: str) -> Enquiry:
    """The same question asked twice: the duplicate's messages move to the other enquiry, the duplicate is closed
    and points to it (later mail to either reference lands in the kept one)."""
    duplicate = _locked(user=user, enquiry_id=duplicate_id)
    reference = reference_in(into_reference)
    target_pk = enquiry_selectors.enquiries_visible_to(user).filter(reference=reference).values_list(
        "pk", flat=True
    ).first()
    if target_pk is None:
        raise EnquiryError("not_found")
    if target_pk == duplicate.pk:
        raise EnquiryError("same")
    target = _locked(user=user, enquiry_id=target_pk)
    if target.merged_into_id or duplicate.merged_into_id:
        raise EnquiryError("merged")
    if target.erased_at or duplicate.erased_at:
        raise EnquiryError("erased")
    duplicate.messages.update(enquiry=target)
    target.search_text = search_text_append(target.search_text, duplicate.search_text)
    for field in ("requester_email", "requester_name", "requester_phone", "case_number"):
        if not getattr(target, field) and getattr(duplicate, field):
            setattr(target, field, getattr(duplicate, field))
    target.last_activity_at = timezone.now()
    _save(target)
    old = _status_move(duplicate, Enquiry.Status.CLOSED, now=timezone.now())
    duplicate.merged_into = target
    duplicate.search_text = ""
    _save(duplicate)
    audit_record(actor=user, action="enquiry.merge", obj=duplicate, place=duplicate.place_id,
                 changes={"status": (old, duplicate.status), "merged_into": (None, target.reference)},
                 label=duplicate.reference)
    audit_record(actor=user, action="enquiry.merge_kept", obj=target, place=target.place_id,
                 changes={"merged_from": (None, duplicate.reference)}, label=target.reference)
    return target


@transaction.atomic
def enquiry_call_log(
    *,
    user: User,
    topic: Topic,
    language: str,
    summary: str,
    answered: bool,
    callback_phone: str = "",
    case_number: str = "",
) -> Enquiry:
    """The helpline's quick log of one call: answered on the phone (done), or needing a call-back (in progress,
    assigned to the consultant, with the number to call)."""
    summary = (summary or "").strip()
    if not summary:
        raise EnquiryError("empty")
    if not answered and not (callback_phone or "").strip():
        raise EnquiryError("no_callback_number")
    if not user.has_perm("infopoints.add_enquiry"):
        raise EnquiryError("not_found")
    enquiry = _enquiry_create(
        channel=Enquiry.Channel.PHONE,
        language=language,
        body=summary,
        subject=summary,
        topic=topic,
        phone="" if answered else callback_phone,
        case_number=case_number,
        actor=user,
        assignee=user,
        action="enquiry.call_log",
    )
    now = timezone.now()
    old = enquiry.status
    enquiry.first_responded_at = now
    _status_move(enquiry, Enquiry.Status.ANSWERED if answered else Enquiry.Status.IN_PROGRESS, now=now)
    _save(enquiry)
    audit_record(actor=user, action="enquiry.status", obj=enquiry, changes={"status": (old, enquiry.status)},
                 label=enquiry.reference)
    return enquiry


@transaction.atomic
def enquiry_record_in_person(
    *, user: User, place: Place | int, topic: Topic, language: str, summary: str
) -> Enquiry:
    """One step for info-point staff (e.g. from the queue console): a question answered at the desk of `place`."""
    place_obj = place if isinstance(place, Place) else Place.objects.get(pk=place)
    summary = (summary or "").strip()
    if not summary:
        raise EnquiryError("empty")
    works_there = enquiry_selectors.sees_every_team(user) or user.places.filter(pk=place_obj.pk).exists()
    if not user.has_perm("infopoints.add_enquiry") or not works_there:
        raise EnquiryError("not_found")
    enquiry = _enquiry_create(
        channel=Enquiry.Channel.IN_PERSON,
        language=language,
        body=summary,
        subject=summary,
        topic=topic,
        place=place_obj,
        actor=user,
        assignee=user,
        action="enquiry.in_person",
    )
    now = timezone.now()
    enquiry.first_responded_at = now
    _status_move(enquiry, Enquiry.Status.ANSWERED, now=now)
    _save(enquiry)
    audit_record(actor=user, action="enquiry.status", obj=enquiry, place=place_obj,
                 changes={"status": (Enquiry.Status.NEW, enquiry.status)}, label=enquiry.reference)
    return enquiry

"""The shared core of the enquiry services: references, deadlines and status moves, messages and files, the
row lock that applies the visibility rule to every staff action, and outgoing e-mail with its threading headers.

The public services are in `enquiries` (channels and staff work) and `enquiry_retention`; they build on these
helpers, which are not meant for callers outside `infopoints.services`.
"""

import logging
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from infopoints import jsm, sla
from infopoints.attachments import IncomingFile
from infopoints.models import Enquiry, EnquiryAttachment, EnquiryMessage, EnquiryYearCounter
from infopoints.models.enquiries import STATUS_CATEGORY, StatusCategory
from infopoints.selectors import enquiries as enquiry_selectors
from portal.audit import audit_record
from portal.models import Category, OutboundEmail, Place, User
from portal.queue import task_enqueue
from portal.services import email_enqueue

logger = logging.getLogger(__name__)

REFERENCE = re.compile(r"\bZG-(\d{4})-(\d{6})\b", re.IGNORECASE)
SEARCH_TEXT_LIMIT = 20000
SUBJECT_LENGTH = 120
LANGUAGES = {code for code, _name in Enquiry.Language.choices}


class EnquiryError(Exception):
    """A staff action that cannot be done; `code` picks the message the page shows."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


# --- Shared pieces ---------------------------------------------------------------------------------------------


def reference_next(*, year: int) -> str:
    """The next public reference of `year`. The counter row is updated in place (an UPDATE holds its row lock until
    the caller's transaction ends), so concurrent enquiries get consecutive, distinct numbers."""
    EnquiryYearCounter.objects.get_or_create(year=year)
    EnquiryYearCounter.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = EnquiryYearCounter.objects.filter(year=year).values_list("last_number", flat=True).get()
    return f"ZG-{year}-{number:06d}"


def reference_in(text: str) -> str:
    match = REFERENCE.search(text or "")
    return f"ZG-{match.group(1)}-{match.group(2)}" if match else ""


def language_of(code: str) -> str:
    code = (code or "").lower()[:2]
    return code if code in LANGUAGES else "pl"


# A topic as the forms and callers give it: a category, its id (also as text), or nothing.
Topic = Category | int | str | None


def _topic_id(topic: Topic) -> int | None:
    if topic is None or topic == "":
        return None
    if isinstance(topic, Category):
        return topic.pk
    return int(topic) if Category.objects.filter(pk=int(topic)).exists() else None


def _first_line(text: str, limit: int = SUBJECT_LENGTH) -> str:
    line = next((part.strip() for part in (text or "").splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _deadlines_set(enquiry: Enquiry) -> None:
    """Deadlines from the clock start plus the working time spent waiting, by the channel's and priority's targets."""
    start = enquiry.clock_started_at or enquiry.created_at or timezone.now()
    first, resolution = sla.targets(enquiry.channel, enquiry.priority)
    paused = timedelta(seconds=enquiry.paused_seconds)
    enquiry.first_response_due = sla.add_working_time(start, first + paused)
    enquiry.resolution_due = sla.add_working_time(start, resolution + paused)
    enquiry.due_at = enquiry.resolution_due if enquiry.first_responded_at else enquiry.first_response_due


def _status_move(enquiry: Enquiry, new: str, *, now: datetime) -> str:
    """Change the status with what it implies for the clocks; returns the old status."""
    old = enquiry.status
    if old == new:
        return old
    if old == Enquiry.Status.WAITING and enquiry.paused_at:
        waited = sla.working_time_between(enquiry.paused_at, now)
        enquiry.paused_seconds += int(waited.total_seconds())
        enquiry.paused_at = None
    if new == Enquiry.Status.WAITING:
        enquiry.paused_at = now
    if new == Enquiry.Status.CLOSED:
        enquiry.closed_at = now
    elif old == Enquiry.Status.CLOSED:
        enquiry.closed_at = None
    if STATUS_CATEGORY[new] == StatusCategory.DONE and enquiry.resolved_at is None:
        enquiry.resolved_at = now
    if STATUS_CATEGORY[old] == StatusCategory.DONE and STATUS_CATEGORY[new] != StatusCategory.DONE:
        # Reopened: the resolution clock starts again now.
        enquiry.resolved_at = None
        enquiry.clock_started_at = now
        enquiry.paused_seconds = 0
    enquiry.status = new
    _deadlines_set(enquiry)
    return old


def _files_store(message: EnquiryMessage, checked: Sequence[tuple[IncomingFile, str]]) -> None:
    for incoming, content_type in checked:
        attachment = EnquiryAttachment(
            message=message,
            filename=(incoming.filename or "file")[-150:],
            content_type=content_type,
            size=len(incoming.data),
        )
        attachment.file.save("upload", ContentFile(incoming.data), save=False)
        attachment.save()
    if checked:
        message.attachment_count = len(checked)
        message.save(update_fields=["attachment_count"])


def _message_add(
    enquiry: Enquiry,
    *,
    kind: str,
    body: str,
    author: User | None = None,
    checked: Sequence[tuple[IncomingFile, str]] = (),
    email_message_id: str = "",
) -> EnquiryMessage:
    message = EnquiryMessage.objects.create(
        enquiry=enquiry, kind=kind, body=body, author=author, email_message_id=email_message_id[:250]
    )
    _files_store(message, checked)
    enquiry.search_text = search_text_append(enquiry.search_text, body)
    enquiry.last_activity_at = timezone.now()
    return message


def search_text_append(current: str, *parts: str) -> str:
    """The enquiry's searchable text with `parts` added: its reference and contact first, then the messages; when
    long, the beginning (reference, contact, the question) and the latest messages are kept."""
    text = "\n".join(part for part in (current, *parts) if part)
    if len(text) <= SEARCH_TEXT_LIMIT:
        return text
    head = SEARCH_TEXT_LIMIT // 10
    return text[:head] + "\n" + text[-(SEARCH_TEXT_LIMIT - head - 1):]


def _save(enquiry: Enquiry) -> None:
    enquiry.save()


def jsm_sync_later(enquiry: Enquiry) -> None:
    """After commit, mirror the enquiry to JIRA Service Management (only when the connector is configured).

    By task name: services never import task modules (the tasks import the services)."""
    if jsm.is_configured():
        task_enqueue("infopoints.tasks.jsm_sync_enquiry", enquiry.pk)


def _locked(*, user: User, enquiry_id: int) -> Enquiry:
    """The enquiry, row-locked, if `user` may work on it; else EnquiryError("not_found")."""
    if not user.has_perm("infopoints.change_enquiry"):
        raise EnquiryError("not_found")
    visible = enquiry_selectors.enquiries_visible_to(user).values("pk")
    enquiry = Enquiry.objects.select_for_update().filter(pk=enquiry_id, pk__in=visible).first()
    if enquiry is None:
        raise EnquiryError("not_found")
    return enquiry


def _enquiry_create(
    *,
    channel: str,
    language: str,
    body: str,
    subject: str = "",
    topic: Topic = None,
    case_number: str = "",
    name: str = "",
    email: str = "",
    phone: str = "",
    place: Place | None = None,
    priority: str = Enquiry.Priority.NORMAL,
    actor: User | None = None,
    assignee: User | None = None,
    checked: Sequence[tuple[IncomingFile, str]] = (),
    email_message_id: str = "",
    suggestions_shown: int | None = None,
    action: str = "enquiry.open",
) -> Enquiry:
    now = timezone.now()
    enquiry = Enquiry(
        reference=reference_next(year=timezone.localdate(now).year),
        channel=channel,
        language=language_of(language),
        topic_id=_topic_id(topic),
        subject=(subject or _first_line(body))[:200],
        case_number=(case_number or "").strip()[:40],
        requester_name=(name or "").strip()[:200],
        requester_email=(email or "").strip().lower()[:254],
        requester_phone=(phone or "").strip()[:40],
        place=place,
        priority=priority,
        assignee=assignee,
        clock_started_at=now,
        suggestions_shown=suggestions_shown,
    )
    enquiry.created_at = now
    # Searchable in one column (one GIN index on PostgreSQL): reference, subject and contact, then the messages.
    enquiry.search_text = " ".join(
        value for value in (enquiry.reference, enquiry.subject, enquiry.requester_name, enquiry.requester_email,
                            enquiry.requester_phone, enquiry.case_number) if value
    )
    _deadlines_set(enquiry)
    enquiry.save()
    _message_add(
        enquiry, kind=EnquiryMessage.Kind.INCOMING, body=body, checked=checked, email_message_id=email_message_id
    )
    enquiry.save(update_fields=["search_text", "last_activity_at"])
    audit_record(
        actor=actor,
        action=action,
        obj=enquiry,
        place=place,
        changes={"status": (None, enquiry.status), "channel": (None, channel)},
        label=enquiry.reference,
    )
    jsm_sync_later(enquiry)
    return enquiry


# --- Outgoing e-mail ---------------------------------------------------------------------------------------------


def _mail_domain() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"


def new_message_id() -> str:
    return make_msgid(idstring="enquiry", domain=_mail_domain())


def thread_headers(*, message_id: str, in_reply_to: str = "", references: Iterable[str] = ()) -> dict[str, str]:
    """The RFC 5322 threading headers of one outgoing message (the only place that builds them)."""
    headers = {"Message-ID": message_id}
    if in_reply_to:
        headers["In-Reply-To"] = in_reply_to
    chain = [ref for ref in dict.fromkeys(references) if ref]
    if chain:
        headers["References"] = " ".join(chain[-20:])
    return headers


def _thread_of(enquiry: Enquiry) -> tuple[str, list[str]]:
    """(In-Reply-To, References) for the next message to the person: the ids of the thread so far, the person's
    last e-mail answered."""
    rows = list(enquiry.messages.exclude(email_message_id="").order_by("created_at", "pk").values_list(
        "kind", "email_message_id"
    ))
    incoming = [message_id for kind, message_id in rows if kind == EnquiryMessage.Kind.INCOMING]
    references = [message_id for _kind, message_id in rows]
    return (incoming[-1] if incoming else (references[-1] if references else "")), references


def _email(
    *, to: str, language: str, subject: str, body: str, dedupe_key: str, headers: dict[str, str], automatic: bool,
    attachments_key: str = "",
) -> OutboundEmail:
    """Queue one e-mail in the outbox with its threading headers; automatic ones carry Auto-Submitted (RFC 3834),
    a staff member's reply does not."""
    return email_enqueue(
        to_address=to, subject=subject, body_text=body, language=language, dedupe_key=dedupe_key,
        attachments_key=attachments_key, headers=headers, auto_submitted=automatic,
    )


def _absolute(language: str, name: str, **kwargs: str | int) -> str:
    site_url: str = settings.SITE_URL
    with translation.override(language):
        return site_url + reverse(name, kwargs=kwargs or None)


def _person_link(enquiry: Enquiry) -> str:
    return _absolute(enquiry.language, "ask_thread", token=enquiry_selectors.enquiry_link_token(enquiry))


def _confirmation_send(enquiry: Enquiry) -> None:
    if not enquiry.requester_email:
        return
    in_reply_to, references = _thread_of(enquiry)
    with translation.override(enquiry.language):
        context = {"enquiry": enquiry, "link": _person_link(enquiry)}
        _email(
            to=enquiry.requester_email,
            language=enquiry.language,
            subject=gettext("[%(reference)s] We have received your enquiry") % {"reference": enquiry.reference},
            body=render_to_string("infopoints/enquiries/email/confirmation.txt", context),
            dedupe_key=f"enquiry-confirmation:{enquiry.pk}",
            headers=thread_headers(message_id=new_message_id(), in_reply_to=in_reply_to, references=references),
            automatic=True,
        )


def _person_writes(
    enquiry: Enquiry,
    *,
    body: str,
    checked: Sequence[tuple[IncomingFile, str]],
    email_message_id: str = "",
    refused: Sequence[str] = (),
) -> Enquiry:
    """The person wrote again: the message joins the thread; a waiting, answered or closed enquiry is reopened."""
    now = timezone.now()
    _message_add(enquiry, kind=EnquiryMessage.Kind.INCOMING, body=body, checked=checked,
                 email_message_id=email_message_id)
    if refused:
        _message_add(enquiry, kind=EnquiryMessage.Kind.NOTE, body="\n".join(refused))
    old = _status_move(enquiry, Enquiry.Status.IN_PROGRESS, now=now) if enquiry.status != Enquiry.Status.NEW else None
    _save(enquiry)
    audit_record(
        actor=None,
        action="enquiry.person_wrote",
        obj=enquiry,
        place=enquiry.place_id,
        changes={"status": (old, enquiry.status)} if old and old != enquiry.status else None,
        label=enquiry.reference,
    )
    jsm_sync_later(enquiry)
    return enquiry

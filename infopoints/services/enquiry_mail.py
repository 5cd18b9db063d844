"""Writes of the enquiry desk for e-mail: a message from a person (handed over by `infopoints.mail_intake`) joins
its enquiry or opens a new one, exactly once per Message-ID. `infopoints.services.enquiries` re-exports the names."""

import hashlib
from collections.abc import Sequence
from typing import Protocol

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from infopoints.attachments import AttachmentRefused, IncomingFile, check_files
from infopoints.models import Enquiry, EnquiryMessage
from infopoints.services.enquiry_core import (
    _confirmation_send,
    _enquiry_create,
    _first_line,
    _message_add,
    _person_writes,
    reference_in,
    search_text_append,
)


class EmailAttachmentLike(Protocol):
    # Read-only, so that frozen dataclasses (`infopoints.mail_intake.ParsedAttachment`) qualify.
    @property
    def filename(self) -> str: ...
    @property
    def content_type(self) -> str: ...
    @property
    def data(self) -> bytes: ...


class EmailLike(Protocol):
    """What e-mail intake hands over (`infopoints.mail_intake.ParsedEmail`)."""

    message_id: str
    in_reply_to: str
    references: list[str]
    from_address: str
    from_name: str
    subject: str
    text: str
    language_hint: str

    @property
    def attachments(self) -> Sequence[EmailAttachmentLike]: ...


def _enquiry_for_email(message: EmailLike) -> Enquiry | None:
    reference = reference_in(message.subject)
    candidates = Enquiry.objects.select_for_update()
    if reference:
        enquiry = candidates.filter(reference=reference).first()
        if enquiry is not None:
            return enquiry
    ids = [value for value in [message.in_reply_to, *message.references] if value]
    if ids:
        found = (
            EnquiryMessage.objects.filter(email_message_id__in=ids[-50:]).order_by("-created_at").values_list(
                "enquiry_id", flat=True
            ).first()
        )
        if found:
            return candidates.filter(pk=found).first()
    return None


def _usable_files(files: list[IncomingFile]) -> tuple[list[tuple[IncomingFile, str]], list[str]]:
    """For e-mail: keep each allowed file, note the refused ones (the text is never lost for a bad file)."""
    accepted, refused = [], []
    for incoming in files:
        try:
            accepted += check_files([incoming])
        except AttachmentRefused as refusal:
            refused.append(str(refusal.message))
    limit = settings.ENQUIRY_ATTACHMENTS_PER_MESSAGE
    for incoming, _type in accepted[limit:]:
        refused.append(gettext("The file %(name)s was over the limit of files.") % {"name": incoming.filename[:80]})
    return accepted[:limit], refused


def stable_message_id(message: EmailLike) -> str:
    """The message's Message-ID, or one derived from what it says when it has none (mail intake derives one from
    the raw bytes already; this is the desk's own guard), so that a second delivery is still recognised."""
    if message.message_id:
        return message.message_id.strip()[:250]
    source = "\n".join([message.from_address or "", message.subject or "", message.text or ""])
    source += "".join(f"\n{a.filename}:{hashlib.sha256(a.data).hexdigest()}" for a in message.attachments or [])
    return f"<{hashlib.sha256(source.encode()).hexdigest()[:32]}@no-message-id.invalid>"


def _received_already(message_id: str) -> Enquiry | None:
    known = (
        EnquiryMessage.objects.filter(email_message_id=message_id, kind=EnquiryMessage.Kind.INCOMING)
        .select_related("enquiry")
        .first()
    )
    return known.enquiry if known is not None else None


def enquiry_receive_email(*, message: EmailLike) -> Enquiry:
    """An e-mail from a person: it joins its enquiry (the reference in the subject, or In-Reply-To/References
    matching a message we stored), else it opens a new enquiry of the helpline.

    Mail is delivered at least once, so a second delivery of the same Message-ID is "already received": the
    enquiry holding it is returned and nothing is stored or sent again (two deliveries racing each other are
    settled by the database's unique constraint on incoming Message-IDs). Mail without a Message-ID gets a stable
    one. It raises only when storing failed for now (the database), so the mail server or the IMAP poll retries;
    bad files are left out with a note, never a reason to refuse the text."""
    message_id = stable_message_id(message)
    known = _received_already(message_id)
    if known is not None:
        return known
    try:
        return _email_store(message=message, message_id=message_id)
    except IntegrityError:
        known = _received_already(message_id)
        if known is None:
            raise
        return known


@transaction.atomic
def _email_store(*, message: EmailLike, message_id: str) -> Enquiry:
    files = [IncomingFile(a.filename, a.data, a.content_type) for a in (message.attachments or [])]
    checked, refused = _usable_files(files)
    body = (message.text or "").strip()
    enquiry = _enquiry_for_email(message)
    while enquiry is not None and enquiry.merged_into_id:
        enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.merged_into_id)
    if enquiry is not None and enquiry.erased_at is None:
        if not enquiry.requester_email and message.from_address:
            enquiry.requester_email = message.from_address.strip().lower()[:254]
            enquiry.search_text = search_text_append(enquiry.search_text, enquiry.requester_email)
        return _person_writes(enquiry, body=body, checked=checked, email_message_id=message_id, refused=refused)
    enquiry = _enquiry_create(
        channel=Enquiry.Channel.EMAIL,
        language=message.language_hint,
        body=body,
        subject=(message.subject or "").strip()[:200] or _first_line(body),
        name=message.from_name or "",
        email=message.from_address or "",
        checked=checked,
        email_message_id=message_id,
    )
    if refused:
        _message_add(enquiry, kind=EnquiryMessage.Kind.NOTE, body="\n".join(refused))
        enquiry.save(update_fields=["search_text", "last_activity_at"])
    _confirmation_send(enquiry)
    return enquiry

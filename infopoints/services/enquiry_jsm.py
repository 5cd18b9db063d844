"""The enquiry desk's side of the JIRA Service Management connector (`infopoints.jsm`): the writes its three
callbacks make, each in its own transaction and recorded in the audit trail with no actor and the note "JSM".

Which way a message goes (see docs/enquiries.md, "JIRA Service Management"):
- the enquiry's first message is the JSM request's description; every later message of the desk's thread is
  mirrored once as a comment: the person's messages and the desk's replies as public comments, internal notes as
  internal comments;
- a comment written in JSM comes back once: an internal one becomes an internal note; a public one is an answer
  the office wrote for the person, so it goes through the desk's reply service (stored as a reply, the enquiry
  answered, and e-mailed to the person when they gave an address), exactly as if it had been written in the desk.
"""

import logging

from django.db import IntegrityError, transaction

from infopoints import jsm
from infopoints.models import Enquiry, EnquiryMessage
from infopoints.services.enquiries import reply_send
from infopoints.services.enquiry_core import _message_add, _save
from portal.audit import audit_record

logger = logging.getLogger(__name__)

NOTE = "JSM"


@transaction.atomic
def enquiry_jsm_key_set(*, enquiry_id: int, issue_key: str) -> Enquiry:
    """Store the key of the JSM request created for the enquiry. Called the moment JSM answered, in a transaction
    of its own, because the stored key is what prevents a second creation."""
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry_id)
    if enquiry.jsm_issue_key == issue_key:
        return enquiry
    old = enquiry.jsm_issue_key
    enquiry.jsm_issue_key = issue_key[:40]
    enquiry.save(update_fields=["jsm_issue_key"])
    audit_record(actor=None, action="enquiry.jsm_created", obj=enquiry, place=enquiry.place_id,
                 changes={"jsm_issue_key": (old, enquiry.jsm_issue_key)}, label=enquiry.reference, note=NOTE)
    return enquiry


@transaction.atomic
def enquiry_message_jsm_mirrored(*, message_id: int, jsm_comment_id: str) -> EnquiryMessage | None:
    """A desk message now exists in JSM as the comment `jsm_comment_id`; it is never posted again."""
    message = EnquiryMessage.objects.select_for_update().select_related("enquiry").filter(pk=message_id).first()
    if message is None or message.jsm_comment_id:
        return message
    message.jsm_comment_id = jsm_comment_id[:40]
    message.save(update_fields=["jsm_comment_id"])
    audit_record(actor=None, action="enquiry.jsm_comment_sent", obj=message.enquiry, place=message.enquiry.place_id,
                 changes={"jsm_comment": (None, message.jsm_comment_id)}, label=message.enquiry.reference, note=NOTE)
    return message


def enquiry_jsm_comment_receive(*, enquiry_id: int, comment: jsm.JsmComment) -> EnquiryMessage | None:
    """A comment written in JSM joins the enquiry's thread, once (see the module docstring for which way).

    None when it was already there, or when the enquiry's personal data was erased (nothing is sent or stored
    for an erased enquiry)."""
    try:
        return _comment_store(enquiry_id=enquiry_id, comment=comment)
    except IntegrityError:
        # Two syncs raced; the unique constraint on jsm_comment_id let one of them store it.
        if EnquiryMessage.objects.filter(jsm_comment_id=comment.id[:40]).exists():
            return None
        raise


@transaction.atomic
def _comment_store(*, enquiry_id: int, comment: jsm.JsmComment) -> EnquiryMessage | None:
    if EnquiryMessage.objects.filter(jsm_comment_id=comment.id[:40]).exists():
        return None
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry_id)
    while enquiry.merged_into_id:
        enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.merged_into_id)
    body = (comment.body or "").strip()
    if enquiry.erased_at or not body:
        logger.info("JSM comment %s not added to enquiry %s (erased or empty)", comment.id, enquiry.pk)
        return None
    if comment.public:
        message, old = reply_send(enquiry, body=body, author=None, jsm_comment_id=comment.id[:40])
        audit_record(actor=None, action="enquiry.reply", obj=enquiry, place=enquiry.place_id,
                     changes={"status": (old, enquiry.status)}, label=enquiry.reference, note=NOTE)
        return message
    message = _message_add(enquiry, kind=EnquiryMessage.Kind.NOTE, body=body)
    message.jsm_comment_id = comment.id[:40]
    message.save(update_fields=["jsm_comment_id"])
    _save(enquiry)
    audit_record(actor=None, action="enquiry.note", obj=enquiry, place=enquiry.place_id, label=enquiry.reference,
                 note=NOTE)
    return message

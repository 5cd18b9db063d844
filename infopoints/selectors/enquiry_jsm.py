"""Reads for the JIRA Service Management connector: one enquiry as `infopoints.jsm.EnquiryForJsm`, and which
enquiries the periodic sync looks at. The system reads them (a Celery task), so there is no user to scope by."""

from collections.abc import Iterator

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from infopoints import jsm
from infopoints.models import Enquiry, EnquiryMessage


def jsm_comment_body(message: EnquiryMessage) -> str:
    """The text of a desk message as a JSM comment: every comment is posted by the portal's one JSM account, so a
    short line in the office's language says who wrote it. Always the same for the same message (the connector
    recognises a comment posted before a crash by its text)."""
    with translation.override(settings.LANGUAGE_CODE):
        if message.kind == EnquiryMessage.Kind.INCOMING:
            origin = gettext("The person wrote (enquiry desk):")
        elif message.kind == EnquiryMessage.Kind.OUTGOING:
            origin = gettext("Answer sent to the person (enquiry desk):")
        else:
            origin = gettext("Internal note (enquiry desk):")
    return f"{origin}\n\n{message.body}"


def enquiry_for_jsm(enquiry_id: int) -> jsm.EnquiryForJsm | None:
    """The snapshot `jsm.sync_enquiry` works from, or None when
    the enquiry is gone, erased or merged into another (its thread lives on in the kept enquiry).

    The first message is the request's description; the later ones not yet in JSM are the outgoing comments
    (internal notes as internal comments). Two queries whatever the thread's length."""
    enquiry = Enquiry.objects.select_related("topic").filter(pk=enquiry_id).first()
    if enquiry is None or enquiry.erased_at or enquiry.merged_into_id:
        return None
    messages = list(EnquiryMessage.objects.filter(enquiry=enquiry).order_by("created_at", "pk"))
    first = messages[0] if messages else None
    pending = [m for m in messages[1:] if not m.jsm_comment_id and m.body.strip()]
    return jsm.EnquiryForJsm(
        reference=enquiry.reference,
        topic=enquiry.topic.slug if enquiry.topic is not None else "other",
        summary=enquiry.subject or enquiry.reference,
        description=(first.body if first else "") or enquiry.subject,
        issue_key=enquiry.jsm_issue_key,
        known_comment_ids={m.jsm_comment_id for m in messages if m.jsm_comment_id},
        outgoing=[
            jsm.OutgoingComment(
                local_id=m.pk, body=jsm_comment_body(m), public=m.kind != EnquiryMessage.Kind.NOTE
            )
            for m in pending
        ],
    )


def enquiry_ids_to_sync_with_jsm(*, batch_size: int = 500) -> Iterator[list[int]]:
    """Ids of the enquiries the periodic sync brings level with JSM, in batches: those with a JSM request that are
    not closed (comments written in JSM on a closed enquiry wait until the person writes again)."""
    last = 0
    while True:
        batch = list(
            Enquiry.objects.filter(pk__gt=last, erased_at__isnull=True, merged_into__isnull=True)
            .exclude(jsm_issue_key="")
            .exclude(status=Enquiry.Status.CLOSED)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not batch:
            return
        yield batch
        last = batch[-1]

"""Retention of enquiries (auto-close after silence, erasure of personal data after closing) and each team's
daily digest of overdue enquiries. Run by Celery beat (`infopoints.tasks.enquiries`); safe to run twice."""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from infopoints.desk_cache import desk_changed
from infopoints.models import Enquiry, EnquiryAttachment, EnquiryMessage
from infopoints.selectors import enquiries as enquiry_selectors
from infopoints.services.enquiry_core import (
    _absolute,
    _email,
    _save,
    _status_move,
    new_message_id,
    thread_headers,
)
from portal.audit import audit_record
from portal.models import User

logger = logging.getLogger(__name__)

# --- Retention and the digest -----------------------------------------------------------------------------------


def enquiries_auto_close(*, now: datetime | None = None) -> int:
    """Close enquiries waiting for the person, or answered, with no news for ENQUIRY_AUTO_CLOSE_DAYS."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ENQUIRY_AUTO_CLOSE_DAYS)
    ids = list(
        Enquiry.objects.filter(
            status__in=[Enquiry.Status.WAITING, Enquiry.Status.ANSWERED], last_activity_at__lt=cutoff
        ).values_list("pk", flat=True)[:1000]
    )
    closed = 0
    for enquiry_id in ids:
        with transaction.atomic():
            enquiry = Enquiry.objects.select_for_update().filter(
                pk=enquiry_id, status__in=[Enquiry.Status.WAITING, Enquiry.Status.ANSWERED], last_activity_at__lt=cutoff
            ).first()
            if enquiry is None:
                continue
            old = _status_move(enquiry, Enquiry.Status.CLOSED, now=now)
            _save(enquiry)
            audit_record(actor=None, action="enquiry.auto_close", obj=enquiry, place=enquiry.place_id,
                         changes={"status": (old, enquiry.status)}, label=enquiry.reference)
            closed += 1
    return closed


def _files_delete(files: Iterable[FieldFile]) -> None:
    for file in files:
        file.delete(save=False)


def enquiries_erase_closed(*, now: datetime | None = None) -> int:
    """Erase the personal data of enquiries closed more than ENQUIRY_RETENTION_DAYS ago: contact, case number,
    subject, message texts and files. Channel, language, topic, team, times and message counts stay."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
    ids = list(
        Enquiry.objects.filter(status=Enquiry.Status.CLOSED, closed_at__lt=cutoff, erased_at__isnull=True)
        .values_list("pk", flat=True)[:1000]
    )
    for enquiry_id in ids:
        with transaction.atomic():
            attachments = list(EnquiryAttachment.objects.filter(message__enquiry_id=enquiry_id))
            files = [attachment.file for attachment in attachments]
            EnquiryAttachment.objects.filter(pk__in=[a.pk for a in attachments]).delete()
            EnquiryMessage.objects.filter(enquiry_id=enquiry_id).update(body="")
            Enquiry.objects.filter(pk=enquiry_id).update(
                requester_name="", requester_email="", requester_phone="", case_number="", subject="",
                search_text="", link_key="", erased_at=now,
            )
            transaction.on_commit(partial(_files_delete, files))
    if ids:
        desk_changed()  # update() sends no signal: the cached lists must not show the erased subjects
        logger.info("Erased the personal data of %d closed enquiries.", len(ids))
    return len(ids)


def enquiry_digests_send(*, now: datetime | None = None) -> int:
    """Each team's staff get one e-mail a day listing their overdue enquiries (references and deadlines only)."""
    from portal import roles

    now = now or timezone.now()
    day = timezone.localdate(now).isoformat()
    sent = 0
    for place_id, enquiries in enquiry_selectors.overdue_by_team(now=now).items():
        staff = User.objects.filter(is_active=True)
        if place_id is None:
            staff = staff.filter(groups__name=roles.HOTLINE_CONSULTANT)
        else:
            staff = staff.filter(places=place_id, groups__name__in=[roles.INFO_POINT_STAFF, roles.COORDINATOR])
        for member in staff.distinct():
            language = "pl"
            with transaction.atomic(), translation.override(language):
                _email(
                    to=member.email,
                    language=language,
                    subject=gettext("Overdue enquiries: %(count)d") % {"count": len(enquiries)},
                    body=render_to_string(
                        "infopoints/enquiries/email/digest.txt",
                        {"enquiries": enquiries, "desk": _absolute(language, "enquiries:list")},
                    ),
                    dedupe_key=f"enquiry-digest:{place_id or 'helpline'}:{day}:{member.pk}",
                    headers=thread_headers(message_id=new_message_id()),
                    automatic=True,
                )
            sent += 1
    return sent

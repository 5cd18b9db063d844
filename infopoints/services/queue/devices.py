"""Kiosks and displays: enrolment by a signed link, revocation, re-enrolment and the last-seen mark."""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from infopoints.models import Device
from infopoints.queue_state import forget_device
from infopoints.services.queue.errors import QueueError
from portal.audit import audit_record

if TYPE_CHECKING:
    from portal.models import User

ENROL_SALT = "infopoints.device-enrol"


# --- Devices -----------------------------------------------------------------------------------------------


def device_enrolment_token(device: Device) -> str:
    """The secret of the one-time enrolment link (valid for a day, for this key version only)."""
    return signing.dumps({"d": device.pk, "v": device.secret_version}, salt=ENROL_SALT)


@transaction.atomic
def device_enrol(*, token: str, now: datetime | None = None) -> Device:
    """The browser opening the enrolment link becomes the device; the link stops working."""
    try:
        data = signing.loads(token, salt=ENROL_SALT, max_age=settings.QUEUE_ENROLMENT_LINK_HOURS * 3600)
    except signing.BadSignature as exc:
        raise QueueError("enrol_invalid") from exc
    device = Device.objects.select_for_update().filter(pk=data.get("d")).first()
    if (
        device is None
        or device.secret_version != data.get("v")
        or not device.enrolment_open
        or device.revoked_at is not None
    ):
        raise QueueError("enrol_invalid")
    device.enrolment_open = False
    device.enrolled_at = now or timezone.now()
    device.last_seen_at = device.enrolled_at
    device.save(update_fields=["enrolment_open", "enrolled_at", "last_seen_at"])
    audit_record(actor=None, action="device.enrol", obj=device, place=device.place_id, label=device.name)
    return device


@transaction.atomic
def device_revoke(*, device_id: int, user: "User") -> Device:
    """The device stops working at once: its cookie names an old key version."""
    device = Device.objects.select_for_update().get(pk=device_id)
    device.revoked_at = timezone.now()
    device.secret_version += 1
    device.enrolment_open = False
    device.save(update_fields=["revoked_at", "secret_version", "enrolment_open"])
    audit_record(actor=user, action="device.revoke", obj=device, place=device.place_id, label=device.name)
    transaction.on_commit(lambda: forget_device(device.pk))
    return device


@transaction.atomic
def device_reopen_enrolment(*, device_id: int, user: "User") -> Device:
    """A new enrolment link for the device (a replaced browser); the old cookie stops working."""
    device = Device.objects.select_for_update().get(pk=device_id)
    device.secret_version += 1
    device.enrolment_open = True
    device.revoked_at = None
    device.save(update_fields=["secret_version", "enrolment_open", "revoked_at"])
    audit_record(actor=user, action="device.new_link", obj=device, place=device.place_id, label=device.name)
    transaction.on_commit(lambda: forget_device(device.pk))
    return device


def device_touch(*, device_id: int, now: datetime | None = None) -> None:
    """Note that the device was seen; written at most once a minute, so polling displays cost no writes."""
    now = now or timezone.now()
    Device.objects.filter(pk=device_id).filter(
        Q(last_seen_at__isnull=True) | Q(last_seen_at__lt=now - timedelta(seconds=60))
    ).update(last_seen_at=now)

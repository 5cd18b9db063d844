"""Recording and reading the audit trail of staff actions (see `portal.models.audit.AuditEvent`).

Every service that changes something on behalf of a staff member calls `audit_record` inside its own
transaction, so the event exists exactly when the change does. Apps to the right of `portal` use these functions;
this module imports none of them.
"""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from portal.models import AuditEvent, Place, User
from portal.retention import process_in_batches


def object_type_of(obj: models.Model) -> str:
    return obj._meta.label_lower


def _role_of(actor: User | None) -> str:
    if actor is None:
        return ""
    if actor.is_superuser:
        return "superuser"
    # Group names are the stable role identifiers (see portal.roles); sorted so the same roles read the same.
    return ", ".join(sorted(group.name for group in actor.groups.all()))


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    place: Place | int | None = None,
    changes: Mapping[str, tuple[Any, Any] | list[Any]] | None = None,
    label: str = "",
    note: str = "",
) -> AuditEvent:
    """Record that `actor` (None for the system) did `action` (e.g. "booking.check_in") to `obj`.

    `changes` maps a field name to its (before, after) values; pass statuses, times and references only, never a
    name or contact data the object itself would not keep. `label` is how people find the object again (a
    booking reference, a ticket number, a case number), never a person's name.
    """
    place_id = place.pk if isinstance(place, Place) else place
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_label=(actor.email if actor is not None and actor.pk else "")[:254],
        role=_role_of(actor)[:200],
        place_id=place_id,
        action=action[:80],
        object_type=object_type_of(obj),
        object_id=str(obj.pk),
        object_label=(label or str(obj.pk))[:200],
        changes={field: [_plain(before), _plain(after)] for field, (before, after) in (changes or {}).items()},
        note=note[:500],
    )


def _plain(value: Any) -> Any:
    """JSON-friendly form of a field value (dates and times as ISO text, model instances as their id)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def audit_events_for(obj: models.Model, *, limit: int = 200) -> QuerySet[AuditEvent]:
    """The newest events about one object, for its admin page (one query)."""
    return AuditEvent.objects.filter(object_type=object_type_of(obj), object_id=str(obj.pk)).select_related(
        "place"
    )[:limit]


def audit_purge_old(*, now=None) -> int:
    """Delete events older than AUDIT_RETENTION_DAYS, in independent batches (one bad row never stops the rest)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.AUDIT_RETENTION_DAYS)
    return process_in_batches(
        AuditEvent.objects.filter(occurred_at__lt=cutoff),
        lambda ids: AuditEvent.objects.filter(pk__in=ids).delete(),
        job="portal.audit",
        batch_size=1000,
    ).done

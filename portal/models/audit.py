"""The audit trail: one append-only row per staff action (who, in which role and place, did what to which object,
and what changed).

Written by hand rather than with django-auditlog or django-simple-history: those record model saves through
signals, and the writes that matter most here are conditional `UPDATE … WHERE` statements (taking the last seat,
calling the next ticket) that signals never see; django-pghistory's triggers need PostgreSQL, and the embedded
default is SQLite. The services know the action's name, its actor and its place, so they record it in the same
transaction as the change itself.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """A staff action. Never changed after it is written; deleted only by retention.

    `changes` holds field names with their before and after values, never more personal data than the object
    itself shows (services pass statuses, times and references, not names or contact data).
    """

    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
        help_text=_("Empty for actions of the system itself (scheduled tasks, imports through the API)."),
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    place = models.ForeignKey(
        "portal.Place", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("place")
    )
    action = models.CharField(_("action"), max_length=80, db_index=True)
    object_type = models.CharField(_("kind of object"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_label = models.CharField(
        _("object"), max_length=200, blank=True, help_text=_("A reference or number, never a person's name.")
    )
    changes = models.JSONField(_("before → after"), default=dict, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        indexes = [models.Index(fields=["object_type", "object_id", "-occurred_at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label or '-'} {self.action} {self.object_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

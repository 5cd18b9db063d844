"""Daily rollups of the indicator figures: one row per closed day and dimension, written by
`infopoints.services.rollups` (Celery beat each night, `manage.py roll_up_reports` for back-fill).

The dashboard reads these for the closed days that have a `RollupDay` and the raw rows for every other day, so a
quarter costs a few hundred summed rows instead of a million tickets. Rows hold counts only, nothing personal.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

# Waits are kept per whole minute; the last bucket holds every wait of this many minutes or more.
WAIT_BUCKETS = 180


class RollupDay(models.Model):
    """A day whose rollups are complete (written in the same transaction as its rows)."""

    day = models.DateField(_("day"), unique=True)
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("rolled-up day")
        verbose_name_plural = _("rolled-up days")

    def __str__(self) -> str:
        return str(self.day)


class QueueDay(models.Model):
    """Queue tickets of one place and day, per language of the service."""

    day = models.DateField(_("day"))
    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="+", verbose_name=_("place"))
    language = models.CharField(_("language"), max_length=2, blank=True)
    issued = models.PositiveIntegerField(_("tickets issued"))
    served = models.PositiveIntegerField(_("people served"))
    no_show = models.PositiveIntegerField(_("did not come when called"))

    class Meta:
        verbose_name = _("queue day")
        verbose_name_plural = _("queue days")
        constraints = [
            models.UniqueConstraint(fields=["day", "place", "language"], name="queue_day_unique"),
            models.CheckConstraint(condition=Q(served__lte=F("issued")) & Q(no_show__lte=F("issued")),
                                   name="queue_day_counts_within_issued"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.place_id} {self.language}"


class QueueWaitDay(models.Model):
    """How many tickets of one place and day were called after `minute` whole minutes of waiting."""

    day = models.DateField(_("day"))
    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="+", verbose_name=_("place"))
    minute = models.PositiveSmallIntegerField(_("minutes waited"))
    tickets = models.PositiveIntegerField(_("tickets"))

    class Meta:
        verbose_name = _("queue waits of a day")
        verbose_name_plural = _("queue waits of a day")
        constraints = [
            models.UniqueConstraint(fields=["day", "place", "minute"], name="queue_wait_day_unique"),
            models.CheckConstraint(condition=Q(minute__lte=WAIT_BUCKETS), name="queue_wait_day_minute_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.place_id} {self.minute}"


class EnquiryDay(models.Model):
    """Enquiries of one team (place, or none: the helpline) and day, per channel and language: received that day,
    first answered that day, of those with a service level, and of those answered within it."""

    day = models.DateField(_("day"))
    place = models.ForeignKey(
        "portal.Place", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("place")
    )
    channel = models.CharField(_("channel"), max_length=20)
    language = models.CharField(_("language"), max_length=2)
    received = models.PositiveIntegerField(_("received"))
    answered = models.PositiveIntegerField(_("answered"))
    with_level = models.PositiveIntegerField(_("answered with a service level"))
    in_time = models.PositiveIntegerField(_("answered within the service level"))

    class Meta:
        verbose_name = _("enquiry day")
        verbose_name_plural = _("enquiry days")
        # Two partial constraints: a plain unique constraint would let the helpline (no place) repeat.
        constraints = [
            models.UniqueConstraint(fields=["day", "place", "channel", "language"], condition=Q(place__isnull=False),
                                    name="enquiry_day_unique_per_place"),
            models.UniqueConstraint(fields=["day", "channel", "language"], condition=Q(place__isnull=True),
                                    name="enquiry_day_unique_helpline"),
            models.CheckConstraint(condition=Q(in_time__lte=F("with_level")) & Q(with_level__lte=F("answered")),
                                   name="enquiry_day_levels_within_answered"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.place_id} {self.channel} {self.language}"


class BookingDay(models.Model):
    """Bookings whose time falls on one day, per place, service and status."""

    day = models.DateField(_("day"))
    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="+", verbose_name=_("place"))
    service = models.ForeignKey(
        "appointments.BookableService", on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )
    status = models.CharField(_("status"), max_length=20)
    bookings = models.PositiveIntegerField(_("bookings"))

    class Meta:
        verbose_name = _("booking day")
        verbose_name_plural = _("booking days")
        constraints = [
            models.UniqueConstraint(fields=["day", "place", "service", "status"], name="booking_day_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.place_id} {self.service_id} {self.status}"

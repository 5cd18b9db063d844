"""The waiting list for freed times and the weekly draws of a service's times (models of `appointments`)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class WaitingListEntry(models.Model):
    """A person waiting for a freed time of a service at a place; offered one by e-mail, first come first served."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("e-mail not confirmed")
        WAITING = "waiting", _("waiting")
        OFFERED = "offered", _("time offered")
        BOOKED = "booked", _("booked")
        LEFT = "left", _("left the list")

    service = models.ForeignKey(
        "appointments.BookableService", on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )
    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="+", verbose_name=_("place"))
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    email_key = models.CharField(_("e-mail (normalized)"), max_length=254, editable=False)
    language = models.CharField(_("language"), max_length=8, default="pl")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED)
    offer = models.ForeignKey(
        "appointments.Booking",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("offered booking"),
    )
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["confirmed_at", "pk"]
        verbose_name = _("waiting list entry")
        verbose_name_plural = _("waiting list")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "place", "email_key"],
                condition=Q(status__in=["unconfirmed", "waiting", "offered"]),
                name="waiting_list_once_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} · {self.place} · {self.get_status_display()}"


class Draw(models.Model):
    """The allotment of one week's times of a service at a place among the requests; reproducible from `seed`."""

    schedule = models.ForeignKey(
        "appointments.Schedule", on_delete=models.CASCADE, related_name="draws", verbose_name=_("schedule")
    )
    week_starts_on = models.DateField(_("week starting (Monday)"))
    opens_at = models.DateTimeField(_("requests from"))
    closes_at = models.DateTimeField(_("requests until"))
    seed = models.BigIntegerField(_("random seed"), null=True, blank=True, editable=False)
    drawn_at = models.DateTimeField(_("drawn at"), null=True, blank=True, editable=False)
    audit = models.JSONField(
        _("audit record"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("The request ids in drawing order and the times given, enough to repeat the draw."),
    )

    class Meta:
        ordering = ["week_starts_on"]
        verbose_name = _("draw")
        verbose_name_plural = _("draws")
        constraints = [
            models.UniqueConstraint(fields=["schedule", "week_starts_on"], name="draw_one_per_week"),
            models.CheckConstraint(condition=Q(opens_at__lt=F("closes_at")), name="draw_window_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.schedule} · {self.week_starts_on}"


class DrawRequest(models.Model):
    """One person's chance in a draw (one per e-mail address and draw)."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("e-mail not confirmed")
        ENTERED = "entered", _("entered")
        WON = "won", _("time allotted")
        NOT_DRAWN = "not_drawn", _("not drawn")

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="requests", verbose_name=_("draw"))
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    email_key = models.CharField(_("e-mail (normalized)"), max_length=254, editable=False)
    language = models.CharField(_("language"), max_length=8, default="pl")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("case")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED)
    booking = models.OneToOneField(
        "appointments.Booking",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booking"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("draw request")
        verbose_name_plural = _("draw requests")
        constraints = [
            models.UniqueConstraint(fields=["draw", "email_key"], name="draw_request_one_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.draw} · {self.get_status_display()}"

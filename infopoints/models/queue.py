"""The walk-in queue of an information point: matters, desks, tickets and the registered kiosks and displays.

A ticket tells a whole visit in one row (issued, called, service started, finished; desk, matter, outcome, the
staff member), so the statistics of a day are sums over rows. Nothing in a ticket identifies the visitor: the
number (`B017`) and an unguessable token that stops working at the end of its day.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Matter(models.Model):
    """What a visitor comes for at one place (information, submitting documents, …), with its ticket letter."""

    place = models.ForeignKey(
        "portal.Place", on_delete=models.CASCADE, related_name="queue_matters", verbose_name=_("place")
    )
    letter = models.CharField(
        _("letter"), max_length=1, help_text=_("Tickets of this matter are numbered with this letter, e.g. B017.")
    )
    name = models.CharField(pgettext_lazy("queue matter", "name"), max_length=120)
    is_open = models.BooleanField(
        _("open for tickets"), default=True, help_text=_("Closed matters are shown at the kiosk as closed.")
    )
    is_checkin = models.BooleanField(
        _("for appointment check-in"),
        default=False,
        help_text=_("Tickets of people who checked in with a booking's code go to this matter."),
    )
    issue_from = models.TimeField(_("tickets from"), default="08:00")
    issue_until = models.TimeField(
        _("tickets until"),
        default="15:30",
        help_text=_("The kiosk issues tickets on opening days between these times."),
    )
    daily_limit = models.PositiveSmallIntegerField(
        _("tickets per day"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["place", "order", "letter"]
        verbose_name = _("queue matter")
        verbose_name_plural = _("queue matters")
        constraints = [
            models.UniqueConstraint(fields=["place", "letter"], name="queue_matter_letter_unique_per_place"),
            models.CheckConstraint(condition=Q(letter__regex=r"^[A-Z]$"), name="queue_matter_letter_a_to_z"),
            models.CheckConstraint(
                condition=Q(issue_from__lt=models.F("issue_until")), name="queue_matter_hours_in_order"
            ),
            models.UniqueConstraint(
                fields=["place"], condition=Q(is_checkin=True), name="queue_matter_one_checkin_per_place"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.letter} · {self.name}"


class Desk(models.Model):
    """A desk (window) of a place; `staff` is who sits at it now and `matters` what it serves today."""

    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="desks", verbose_name=_("place"))
    number = models.PositiveSmallIntegerField(_("number"))
    matters = models.ManyToManyField(Matter, blank=True, related_name="desks", verbose_name=_("matters served"))
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="queue_desks",
        verbose_name=_("staff member at the desk"),
    )
    opened_at = models.DateTimeField(_("open since"), null=True, blank=True)

    class Meta:
        ordering = ["place", "number"]
        verbose_name = _("desk")
        verbose_name_plural = _("desks")
        constraints = [
            models.UniqueConstraint(fields=["place", "number"], name="queue_desk_number_unique_per_place"),
            models.CheckConstraint(condition=Q(number__gte=1), name="queue_desk_number_positive"),
            models.UniqueConstraint(
                fields=["staff"], condition=Q(staff__isnull=False), name="queue_desk_one_per_staff_member"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Desk %(number)s") % {"number": self.number})


class DayCounter(models.Model):
    """The last ticket number given for one letter at one place on one day; locked while a number is drawn."""

    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="+", verbose_name=_("place"))
    day = models.DateField(_("day"))
    letter = models.CharField(_("letter"), max_length=1)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("ticket counter")
        verbose_name_plural = _("ticket counters")
        constraints = [
            models.UniqueConstraint(fields=["place", "day", "letter"], name="queue_counter_unique_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.letter}: {self.last_number}"


class Device(models.Model):
    """A kiosk or waiting-room display enrolled for one place by an administrator.

    The browser is enrolled by opening a one-time link; it then carries a long-lived signed cookie naming the
    device and its `secret_version`. Revoking (or enrolling again) changes the version, so old cookies stop working.
    """

    class Kind(models.TextChoices):
        KIOSK = "kiosk", _("kiosk")
        DISPLAY = "display", _("waiting-room display")

    place = models.ForeignKey(
        "portal.Place", on_delete=models.CASCADE, related_name="queue_devices", verbose_name=_("place")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(
        pgettext_lazy("device", "name"), max_length=80, help_text=_("Where it stands, e.g. 'entrance, left'.")
    )
    secret_version = models.PositiveIntegerField(_("key version"), default=1)
    enrolment_open = models.BooleanField(
        _("enrolment link valid"), default=True, help_text=_("The enrolment link works once, then this is cleared.")
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["place", "kind", "name"]
        verbose_name = _("registered device")
        verbose_name_plural = _("registered devices")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["kiosk", "display"]), name="queue_device_kind_valid"),
            models.UniqueConstraint(fields=["place", "name"], name="queue_device_name_unique_per_place"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"


TICKET_STATUSES = ["waiting", "transferred", "called", "serving", "parked", "served", "no_show", "closed"]


class Ticket(models.Model):
    """One walk-in visit, from the kiosk to the end of its service."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        TRANSFERRED = "transferred", _("transferred, waiting again")
        CALLED = "called", _("called to a desk")
        SERVING = "serving", _("being served")
        PARKED = "parked", _("parked (fetching a document)")
        SERVED = "served", _("served")
        NO_SHOW = "no_show", _("did not come when called")
        CLOSED = "closed", _("not served by the end of the day")

    class Category(models.TextChoices):
        WAITING = "waiting", _("waiting")
        AT_DESK = "at_desk", _("at a desk")
        PARKED = "parked", _("parked")
        DONE = "done", _("done")

    # Every rule that asks "is it waiting, at a desk, done?" reads this mapping, never a list of statuses.
    CATEGORY: dict[str, str] = {
        Status.WAITING: Category.WAITING,
        Status.TRANSFERRED: Category.WAITING,
        Status.CALLED: Category.AT_DESK,
        Status.SERVING: Category.AT_DESK,
        Status.PARKED: Category.PARKED,
        Status.SERVED: Category.DONE,
        Status.NO_SHOW: Category.DONE,
        Status.CLOSED: Category.DONE,
    }

    class Priority(models.TextChoices):
        NONE = "", _("none")
        APPOINTMENT = "appointment", _("appointment")
        DISABILITY = "disability", _("disability")
        PREGNANCY = "pregnancy", _("pregnancy")
        SMALL_CHILD = "small_child", _("with a small child")

    class Topic(models.TextChoices):
        INFORMATION = "information", _("general information")
        APPLICATION = "application", _("filing or completing an application")
        CASE_STATUS = "case_status", _("status of a case")
        CARD = "card", _("residence card collection")
        FINGERPRINTS = "fingerprints", _("fingerprints")
        APPOINTMENT = "appointment", _("booked visit")
        OTHER = "other", _("other")

    place = models.ForeignKey("portal.Place", on_delete=models.PROTECT, related_name="+", verbose_name=_("place"))
    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="tickets", verbose_name=_("matter"))
    day = models.DateField(_("day"))
    letter = models.CharField(_("letter"), max_length=1)
    number = models.PositiveIntegerField(_("number"))
    token = models.CharField(
        _("phone link key"), max_length=32, null=True, blank=True, unique=True,
        help_text=_("The unguessable part of the ticket's phone address; cleared at the end of the day."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.WAITING)
    priority = models.CharField(_("priority"), max_length=12, choices=Priority.choices, default="", blank=True)
    booking = models.OneToOneField(
        "appointments.Booking",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="queue_ticket",
        verbose_name=_("booking"),
    )
    appointment_at = models.DateTimeField(_("appointment time"), null=True, blank=True)
    device = models.ForeignKey(
        Device, on_delete=models.SET_NULL, null=True, blank=True, related_name="tickets", verbose_name=_("kiosk")
    )
    press_key = models.CharField(
        _("kiosk press key"), max_length=40, blank=True,
        help_text=_("Sent with each press at the kiosk, so that a repeated press never issues a second ticket."),
    )
    issued_at = models.DateTimeField(_("issued at"))
    queued_at = models.DateTimeField(
        _("in the queue since"), help_text=_("The order among equals; kept when a ticket is parked or transferred.")
    )
    called_at = models.DateTimeField(_("called at"), null=True, blank=True)
    served_at = models.DateTimeField(_("service started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    desk = models.ForeignKey(
        Desk, on_delete=models.SET_NULL, null=True, blank=True, related_name="tickets", verbose_name=_("desk")
    )
    target_desk = models.ForeignKey(
        Desk, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("transferred to desk"),
    )
    served_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("served by"),
    )
    recalls = models.PositiveSmallIntegerField(_("recalls"), default=0)
    transfers = models.PositiveSmallIntegerField(_("transfers"), default=0)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, blank=True)
    language = models.CharField(_("language of the service"), max_length=8, blank=True)
    resolved = models.BooleanField(_("resolved at the desk"), null=True, blank=True)

    class Meta:
        ordering = ["day", "queued_at"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        constraints = [
            models.UniqueConstraint(fields=["place", "day", "letter", "number"], name="queue_ticket_number_unique"),
            models.UniqueConstraint(
                fields=["device", "press_key"], condition=~Q(press_key=""), name="queue_ticket_one_per_press"
            ),
            # A desk has at most one visitor at a time: the database refuses a second call to the same desk.
            models.UniqueConstraint(
                fields=["desk"], condition=Q(status__in=["called", "serving"]), name="queue_ticket_one_per_desk"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="queue_ticket_number_positive"),
            models.CheckConstraint(
                condition=Q(status__in=TICKET_STATUSES), name="queue_ticket_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["called", "serving"]) | Q(desk__isnull=False, called_at__isnull=False),
                name="queue_ticket_at_desk_has_desk",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["served", "no_show"]) | Q(finished_at__isnull=False),
                name="queue_ticket_done_has_end",
            ),
        ]
        indexes = [models.Index(fields=["place", "day", "status"], name="queue_ticket_place_day_status")]

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        return f"{self.letter}{self.number:03d}"

    @property
    def category(self) -> str:
        return self.CATEGORY[self.status]

    @classmethod
    def statuses_in(cls, category: str) -> list[str]:
        return [status for status, cat in cls.CATEGORY.items() if cat == category]

"""Visits at the places: what can be booked where and when, the slots derived from that, and the bookings.

Capacity lives in the database. A slot counts its occupied seats in `Slot.booked`; a check constraint keeps it
between 0 and `capacity`, and a seat is taken only by a conditional UPDATE (`booked < capacity`), so two people
can never get the last seat, whatever the number of web processes (see `services.seats_take`).

A booking covers one person or a family; each person has a seat (`BookingSeat`) in a slot of their own, the
slots consecutive. A seat given up by a cancelled or expired booking is not returned at once: it goes to the
waiting list or back to the pool at a random moment (`SeatReturn.returns_at`), so that a reseller cannot hand
a visit over by cancelling at an agreed minute.
"""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from appointments.model_choices import CancelReason, DeskLanguage, access_needs_labels
from cases.models import Visit
from portal.models import OpeningHours


class BookableService(models.Model):
    """What a visit is for: filing with fingerprints, collecting a card, inspection of files, a consultation."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("bookable"), default=True)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("what happens at the visit"), blank=True)
    what_to_bring = models.TextField(_("what to bring"), blank=True, help_text=_("One item per line."))
    guide = models.ForeignKey(
        "portal.Guide",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("guide with the checklist"),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration of one person's visit (minutes)"), default=15)
    case_visit = models.CharField(
        _("visit required by a case status"),
        max_length=30,
        choices=Visit.choices,
        blank=True,
        default="",
        help_text=_(
            "If set, only a person whose case (number and access code) currently calls for this visit can book it."
        ),
    )
    class CasePlaceRule(models.TextChoices):
        CASE_PLACE = "case_place", _("the place handling the case only")
        ANY_PLACE = "any_place", _("any place offering it")

    case_place_rule = models.CharField(
        _("where a case's visit can be booked"),
        max_length=12,
        choices=CasePlaceRule.choices,
        default=CasePlaceRule.ANY_PLACE,
        help_text=_("For a visit required by a case status: only at the place that handles the case, or anywhere."),
    )
    max_people = models.PositiveSmallIntegerField(
        _("most people in one booking"),
        default=4,
        help_text=_("Family members booked together, each with their own time at the desk."),
    )

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("bookable service")
        verbose_name_plural = _("bookable services")
        constraints = [
            models.CheckConstraint(condition=Q(duration_minutes__gte=5), name="service_duration_at_least_5"),
            models.CheckConstraint(condition=Q(max_people__gte=1), name="service_max_people_positive"),
            models.CheckConstraint(
                condition=Q(case_place_rule__in=["case_place", "any_place"]), name="service_case_place_rule_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def requires_case(self) -> bool:
        return bool(self.case_visit)

    def place_allowed_for_case(self, *, place_id: int, case_place_id: int | None) -> bool:
        """Whether a case handled at `case_place_id` may book this service at `place_id` (`case_place_rule`)."""
        if not self.requires_case or self.case_place_rule == self.CasePlaceRule.ANY_PLACE:
            return True
        return case_place_id is not None and place_id == case_place_id

    def what_to_bring_items(self) -> list[str]:
        return [line.strip() for line in self.what_to_bring.splitlines() if line.strip()]


class Schedule(models.Model):
    """A service offered at a place: its release policy; the weekly hours are `ScheduleHours` rows."""

    class ReleasePolicy(models.TextChoices):
        OPEN = "open", _("open: any free time in the horizon can be booked")
        SCHEDULED = "scheduled", _("scheduled release: a day's times become bookable at a fixed moment")
        DRAW = "draw", _("draw: requests for a week are collected, then times are allotted at random")

    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="+", verbose_name=_("place"))
    service = models.ForeignKey(
        BookableService, on_delete=models.CASCADE, related_name="schedules", verbose_name=_("service")
    )
    is_active = models.BooleanField(_("bookable"), default=True)
    release_policy = models.CharField(
        _("release policy"), max_length=10, choices=ReleasePolicy.choices, default=ReleasePolicy.OPEN
    )
    horizon_days = models.PositiveSmallIntegerField(_("days ahead shown"), default=30)
    release_days_ahead = models.PositiveSmallIntegerField(
        _("days ahead released"),
        default=14,
        help_text=_("Scheduled release: a day's times open this many days before it. Draw: requests for a week "
                    "close this many days before its Monday."),
    )
    release_time = models.TimeField(_("release time (Polish time)"), default="07:00")
    draw_window_days = models.PositiveSmallIntegerField(
        _("days the draw accepts requests"), default=7, help_text=_("Draw only: the request window before it closes.")
    )
    return_delay_min_minutes = models.PositiveSmallIntegerField(
        _("freed time returns after at least (minutes)"), default=5
    )
    return_delay_max_minutes = models.PositiveSmallIntegerField(
        _("freed time returns after at most (minutes)"), default=120
    )

    class Meta:
        ordering = ["place__order", "service__order"]
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        constraints = [
            models.UniqueConstraint(fields=["place", "service"], name="schedule_one_per_place_and_service"),
            models.CheckConstraint(
                condition=Q(return_delay_min_minutes__lte=F("return_delay_max_minutes")),
                name="schedule_return_delay_window_ordered",
            ),
            models.CheckConstraint(condition=Q(horizon_days__gte=1), name="schedule_horizon_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.place} · {self.service}"


class ScheduleHours(models.Model):
    """On one weekday, times from `starts` to `ends`, every `slot_minutes`, with `desks` people served at once."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="hours", verbose_name=_("schedule"))
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=OpeningHours.Weekday.choices)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per time"), default=15)
    desks = models.PositiveSmallIntegerField(_("desks (people per time)"), default=1)

    class Meta:
        ordering = ["weekday", "starts"]
        verbose_name = _("weekly hours")
        verbose_name_plural = _("weekly hours")
        constraints = [
            models.CheckConstraint(condition=Q(starts__lt=F("ends")), name="schedule_hours_start_before_end"),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="schedule_hours_weekday_range"),
            models.CheckConstraint(condition=Q(slot_minutes__gte=5), name="schedule_hours_slot_at_least_5"),
            models.CheckConstraint(condition=Q(desks__gte=1), name="schedule_hours_desks_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"


class ScheduleException(models.Model):
    """A closure or extra hours on one date, for one service at a place or (service empty) for the whole place."""

    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="+", verbose_name=_("place"))
    service = models.ForeignKey(
        BookableService,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
        help_text=_("Empty: every service at the place."),
    )
    date = models.DateField(_("date"))
    is_closed = models.BooleanField(_("closed all day"), default=True)
    starts = models.TimeField(_("extra hours from"), null=True, blank=True)
    ends = models.TimeField(_("extra hours until"), null=True, blank=True)
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per time"), default=15)
    desks = models.PositiveSmallIntegerField(_("desks (people per time)"), default=1)
    reason = models.CharField(_("reason (shown to the public)"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("closure or extra hours")
        verbose_name_plural = _("closures and extra hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(is_closed=True) | Q(starts__isnull=False, ends__isnull=False, starts__lt=F("ends")),
                name="schedule_exception_extra_hours_complete",
            ),
            models.CheckConstraint(condition=Q(desks__gte=1), name="schedule_exception_desks_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.place}"


class Slot(models.Model):
    """One bookable time at a place for a service, with `capacity` desks; derived from the schedule."""

    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="+", verbose_name=_("place"))
    service = models.ForeignKey(BookableService, on_delete=models.CASCADE, related_name="+", verbose_name=_("service"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveSmallIntegerField(_("capacity"))
    booked = models.PositiveSmallIntegerField(_("seats taken"), default=0)
    opens_at = models.DateTimeField(
        _("bookable from"), null=True, blank=True, help_text=_("Empty: never by the public (draw or blocked).")
    )
    is_blocked = models.BooleanField(_("blocked by staff"), default=False)
    in_schedule = models.BooleanField(
        _("still in the schedule"),
        default=True,
        help_text=_("False when the schedule changed after people had booked this time: staff must contact them."),
    )

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        constraints = [
            models.UniqueConstraint(fields=["place", "service", "starts_at"], name="slot_unique_time"),
            models.CheckConstraint(condition=Q(booked__lte=F("capacity")), name="slot_not_overbooked"),
            models.CheckConstraint(condition=Q(starts_at__lt=F("ends_at")), name="slot_starts_before_end"),
        ]
        indexes = [models.Index(fields=["service", "place", "starts_at"], name="slot_availability_idx")]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} {self.place} · {self.service}"

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)


class Booking(models.Model):
    """A visit booked by a person, for themselves and possibly family members (one seat each)."""

    class Status(models.TextChoices):
        HELD = "held", _("time held, details not confirmed")
        AWAITING_CONFIRMATION = "awaiting", _("awaiting e-mail confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        CHECKED_IN = "checked_in", _("checked in")
        COMPLETED = "completed", _("completed")
        NO_SHOW = "no_show", _("did not come")
        CANCELLED_BY_PERSON = "cancelled", _("cancelled by the person")
        CANCELLED_BY_STAFF = "cancelled_staff", _("cancelled by the office")
        EXPIRED = "expired", _("hold expired")

    class Channel(models.TextChoices):
        WEB = "web", _("website")
        STAFF = "staff", _("booked by staff (phone or walk-in)")
        WAITING_LIST = "waiting_list", _("waiting list")
        DRAW = "draw", _("draw")
        PARTNER = "partner", _("partner institution (integration API)")

    DeskLanguage = DeskLanguage
    CancelReason = CancelReason

    # Statuses in which a booking still takes its seats and counts against "one active booking per person".
    ACTIVE = (Status.HELD, Status.AWAITING_CONFIRMATION, Status.CONFIRMED)
    UPCOMING = (Status.CONFIRMED, Status.CHECKED_IN)

    reference = models.CharField(_("reference code"), max_length=12, unique=True)
    service = models.ForeignKey(BookableService, on_delete=models.PROTECT, related_name="+", verbose_name=_("service"))
    place = models.ForeignKey("portal.Place", on_delete=models.PROTECT, related_name="+", verbose_name=_("place"))
    starts_at = models.DateTimeField(_("first person's time"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.HELD)
    channel = models.CharField(_("booked through"), max_length=16, choices=Channel.choices, default=Channel.WEB)
    language = models.CharField(_("language"), max_length=8, default="pl")
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    email_key = models.CharField(_("e-mail (normalized)"), max_length=254, blank=True, editable=False)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("case")
    )
    case_number = models.CharField(_("case number"), max_length=40, blank=True)
    # What the desk must prepare for; personal data (accessibility needs may reveal health), erased with the rest.
    desk_language = models.CharField(
        _("language needed at the desk"), max_length=8, choices=DeskLanguage.choices, blank=True, default=""
    )
    desk_language_other = models.CharField(_("other language needed"), max_length=60, blank=True, default="")
    needs_step_free = models.BooleanField(_("needs wheelchair access"), default=False)
    needs_induction_loop = models.BooleanField(_("needs an induction loop"), default=False)
    access_note = models.CharField(_("other help needed at the desk"), max_length=200, blank=True, default="")
    cancel_reason = models.CharField(
        _("why the office cancelled"), max_length=12, choices=CancelReason.choices, blank=True, default=""
    )
    cancel_note = models.CharField(_("office's note on the cancellation"), max_length=300, blank=True, default="")
    checkin_code = models.CharField(_("check-in code"), max_length=6, blank=True)
    hold_expires_at = models.DateTimeField(_("hold expires at"), null=True, blank=True)
    confirmation_emails = models.PositiveSmallIntegerField(
        _("confirmation e-mails sent"), default=0, help_text=_("The first one and every \"send it again\".")
    )
    hold_extended = models.BooleanField(
        _("hold extended"), default=False, help_text=_("The time to confirm was extended once while waiting.")
    )
    code_attempts = models.PositiveSmallIntegerField(_("wrong confirmation codes typed"), default=0)
    token_version = models.PositiveSmallIntegerField(
        _("link version"), default=0, help_text=_("Raised when a link is used up, so an old link stops working.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booked by (staff)"),
    )
    personal_data_erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    # The partner institution that booked for the person through the integration API (its token).
    partner = models.ForeignKey(
        "cases.IntegrationToken",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booked by (partner)"),
    )

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            # One active booking per person and service: a second hold is refused by the database.
            models.UniqueConstraint(
                fields=["service", "email_key"],
                condition=Q(status__in=["held", "awaiting", "confirmed"]) & ~Q(email_key=""),
                name="booking_one_active_per_email_and_service",
            ),
            models.UniqueConstraint(
                fields=["service", "case"],
                condition=Q(status__in=["held", "awaiting", "confirmed"]) & Q(case__isnull=False),
                name="booking_one_active_per_case_and_service",
            ),
            models.UniqueConstraint(
                fields=["checkin_code"],
                condition=Q(status__in=["confirmed", "checked_in"]) & ~Q(checkin_code=""),
                name="booking_checkin_code_unique_while_upcoming",
            ),
            models.CheckConstraint(
                condition=Q(desk_language="other") | Q(desk_language_other=""),
                name="booking_other_desk_language_named_only_for_other",
            ),
            models.CheckConstraint(
                condition=Q(status="cancelled_staff") | (Q(cancel_reason="") & Q(cancel_note="")),
                name="booking_cancel_reason_only_when_cancelled_by_office",
            ),
        ]
        indexes = [
            models.Index(fields=["place", "starts_at"], name="booking_place_day_idx"),
            models.Index(fields=["status", "hold_expires_at"], name="booking_hold_expiry_idx"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def desk_language_label(self) -> str:
        if self.desk_language == DeskLanguage.OTHER:
            return self.desk_language_other or str(DeskLanguage.OTHER.label)
        return str(self.get_desk_language_display()) if self.desk_language else ""

    @property
    def access_needs(self) -> list[str]:
        return access_needs_labels(self)

    def hold_over(self, now: datetime) -> bool:
        """Whether the time to confirm (or to claim an offer) has run out at `now`; a booking made without a
        hold (at the desk, in a draw) has no such time, and counts as over."""
        return self.hold_expires_at is None or self.hold_expires_at <= now


class BookingSeat(models.Model):
    """One person's time at the desk: a seat in a slot. `released` once the seat went back to the slot."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="seats", verbose_name=_("booking"))
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="seats", verbose_name=_("time slot"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    person_name = models.CharField(_("name"), max_length=200, blank=True)
    released = models.BooleanField(
        _("seat given up"), default=False, help_text=_("The booking no longer takes this seat (see seat returns).")
    )

    class Meta:
        ordering = ["booking", "position"]
        verbose_name = _("person's time")
        verbose_name_plural = _("people's times")
        constraints = [
            models.UniqueConstraint(fields=["booking", "position"], name="seat_unique_position"),
        ]

    def __str__(self) -> str:
        return self.person_name or str(self.position + 1)


class SeatReturn(models.Model):
    """A seat given up in a slot, held back until `returns_at` (random) before it can be booked again."""

    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="+", verbose_name=_("time slot"))
    returns_at = models.DateTimeField(_("returns at"), db_index=True)
    created_at = models.DateTimeField(_("given up at"), auto_now_add=True)

    class Meta:
        ordering = ["returns_at"]
        verbose_name = _("seat held back")
        verbose_name_plural = _("seats held back")

    def __str__(self) -> str:
        return f"{self.slot_id} @ {self.returns_at:%Y-%m-%d %H:%M}"


# The waiting list and the draws live in their own module (string references, so no import circle).
from appointments.models_waiting import Draw, DrawRequest, WaitingListEntry  # noqa: E402

__all__ = [
    "BookableService",
    "Booking",
    "BookingSeat",
    "Draw",
    "DrawRequest",
    "Schedule",
    "ScheduleException",
    "ScheduleHours",
    "SeatReturn",
    "Slot",
    "WaitingListEntry",
]

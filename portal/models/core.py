"""Shared models: staff accounts, the places that serve foreigners, and the e-mail outbox."""

import uuid
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        if not email:
            raise ValueError("Staff accounts need an e-mail address.")
        user: User = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A staff member. Migrants never need an account: they use case numbers and signed links.

    One `name` field, because names of people from everywhere do not split into first and last.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200, blank=True)
    is_staff = models.BooleanField(
        _("may use the admin"), default=False, help_text=_("Case officers and editors work in the admin.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    places = models.ManyToManyField(
        "portal.Place",
        blank=True,
        related_name="staff",
        verbose_name=_("places"),
        help_text=_("The places this person works at; staff pages show only their data."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_case_insensitive")]

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name


class SpokenLanguage(models.Model):
    """A language in which staff at a place can serve people."""

    code = models.CharField(_("code"), max_length=8, unique=True, help_text=_("ISO 639-1 code, e.g. uk."))
    name = models.CharField(_("name"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    """A kind of help a place offers (e.g. fingerprints, residence card collection, consultation)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.name


class Place(models.Model):
    """One of the places where the office serves foreigners in person."""

    class Kind(models.TextChoices):
        HEADQUARTERS = "headquarters", _("headquarters")
        DEPARTMENT = "department", _("department")
        BRANCH_OFFICE = "branch_office", _("branch office")
        WELCOME_CENTRE = "welcome_centre", _("welcome centre")

    slug = models.SlugField(_("address in the site"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_published = models.BooleanField(_("shown on the site"), default=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), help_text=_("What a foreigner can do here, in plain words."))
    accessibility_notes = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Entrance, lift, toilet, induction loop, parking for disabled people, sign-language interpreter."),
    )
    step_free_entrance = models.BooleanField(_("step-free entrance"), default=False)
    street = models.CharField(_("street and number"), max_length=150)
    postal_code = models.CharField(_("postal code"), max_length=6)
    city = models.CharField(_("town"), max_length=80)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    staff_languages = models.ManyToManyField(
        SpokenLanguage, blank=True, related_name="places", verbose_name=_("languages spoken by staff")
    )
    services = models.ManyToManyField(Service, blank=True, related_name="places", verbose_name=_("services"))
    # A detail copied from an old or secondary page is shown with "to be confirmed, call before you come" until an
    # editor has checked it at the source and ticks the box, so nobody travels to a wrong door on our word.
    address_confirmed = models.BooleanField(
        _("address confirmed"), default=False, help_text=_("Tick after checking the address at an official source.")
    )
    hours_confirmed = models.BooleanField(
        _("opening hours confirmed"),
        default=False,
        help_text=_("Tick after checking the opening hours at an official source."),
    )
    phone_confirmed = models.BooleanField(
        _("phone and its hours confirmed"),
        default=False,
        help_text=_("Tick after checking the phone number and when it answers at an official source."),
    )
    accessibility_confirmed = models.BooleanField(
        _("accessibility confirmed"),
        default=False,
        help_text=_("Tick after someone has checked the accessibility notes on site."),
    )

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(postal_code__regex=r"^[0-9]{2}-[0-9]{3}$"), name="place_postal_code_format"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("place_detail", kwargs={"slug": self.slug})

    @property
    def all_details_confirmed(self) -> bool:
        return all(getattr(self, name) for name in PLACE_CONFIRMATION_FIELDS)


PLACE_CONFIRMATION_FIELDS = ("address_confirmed", "hours_confirmed", "phone_confirmed", "accessibility_confirmed")


class OpeningHours(models.Model):
    """One opening period of a place on one weekday; a day may have several (e.g. a lunch break)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("place"))
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")), name="opening_hours_opens_before_closes"
            ),
            models.CheckConstraint(condition=models.Q(weekday__lte=6), name="opening_hours_weekday_range"),
            models.UniqueConstraint(fields=["place", "weekday", "opens"], name="opening_hours_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OutboundEmail(models.Model):
    """An e-mail the portal has decided to send.

    Every message goes through this row first, so a crash between "decided to send" and "sent" is visible and
    recoverable, and a retried task never sends the same message twice (the row is locked and its status checked).
    The text and the address are kept only while the message waits: once it is sent, given up or suppressed the
    row keeps metadata only (the recipient's domain and keyed hash, subject, kind, status, times, attempts), so the
    outbox never holds a working access code or booking link, and a database constraint says so.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("undelivered (gave up)")
        SUPPRESSED = "suppressed", _("not sent: too many e-mails to this address")

    FINISHED = (Status.SENT, Status.FAILED, Status.SUPPRESSED)

    dedupe_key = models.CharField(
        _("de-duplication key"),
        max_length=200,
        unique=True,
        default=uuid.uuid4,
        help_text=_("The same key is never sent twice, e.g. one per status event and subscriber."),
    )
    kind = models.CharField(
        _("kind"), max_length=60, blank=True, help_text=_("What the e-mail is about, e.g. appointment-confirmed.")
    )
    to_address = models.EmailField(
        _("recipient"), blank=True, help_text=_("Kept only until the e-mail is sent or given up.")
    )
    recipient_domain = models.CharField(_("recipient's domain"), max_length=255, blank=True)
    recipient_hash = models.CharField(
        _("recipient's keyed hash"),
        max_length=64,
        blank=True,
        help_text=_("Counts e-mails per address (limits against e-mail bombing) without keeping the address."),
    )
    language = models.CharField(_("language"), max_length=8, default="pl")
    subject = models.CharField(_("subject"), max_length=250)
    body_text = models.TextField(_("text"), blank=True)
    body_html = models.TextField(_("HTML version"), blank=True)
    headers = models.JSONField(
        _("headers"),
        default=dict,
        blank=True,
        help_text=_("Extra e-mail headers, e.g. Message-ID, In-Reply-To, References, Auto-Submitted."),
    )
    attachments_key = models.CharField(
        _("attachments"),
        max_length=100,
        blank=True,
        help_text=_(
            "Files built when the e-mail is sent, as kind:argument (e.g. booking:42); the kind's builder is "
            "registered by the app that owns it. Empty: no attachments."
        ),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        null=True,
        blank=True,
        help_text=_("When the periodic task may try a waiting e-mail again (back-off after each failure)."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        permissions = [("view_outboundemail_body", _("Can read the text of outgoing e-mails still waiting"))]
        indexes = [
            models.Index(fields=["status", "created_at"], name="outbound_email_status_created"),
            models.Index(fields=["status", "next_attempt_at"], name="outbound_email_status_next"),
            models.Index(fields=["recipient_hash", "created_at"], name="outbound_email_recipient"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="sent", sent_at__isnull=False) | ~models.Q(status="sent"),
                name="outbound_email_sent_has_time",
            ),
            # Nothing readable is left once the message is finished: no text, no address.
            models.CheckConstraint(
                condition=models.Q(status="pending") | models.Q(body_text="", body_html="", to_address=""),
                name="outbound_email_finished_is_redacted",
            ),
        ]

    def __str__(self) -> str:
        return self.subject


class PendingTask(models.Model):
    """A Celery task that could not be handed to the broker when its transaction committed (Redis down).

    The change that asked for it is already saved; this row keeps the request until the periodic
    `send_pending_tasks` can hand it over, so a notice or a status e-mail is late rather than lost.
    Only task names and ids are stored (never personal data)."""

    name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("task waiting for the queue")
        verbose_name_plural = _("tasks waiting for the queue")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name}{tuple(self.args)}"

"""The rest of the information site: notices (with e-mail subscriptions), FAQ, and partner institutions.

Texts are translated pl/en/uk/ru like the guides (portal/translation.py) and tracked with the same translation
state (ContentRevision / TranslationStatus). Fees have no model of their own: the fees page is generated from
GuideFee, so an amount is never typed twice.
"""

from datetime import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    """A dated announcement of the office (a change of law, closed offices, a new procedure).

    A notice is public once it is published and its publication time has come; it is "in force" until `valid_until`.
    An urgent notice in force is shown as a banner on every public page.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    class Importance(models.TextChoices):
        NORMAL = "normal", _("normal")
        URGENT = "urgent", _("urgent: banner on every page")

    slug = models.SlugField(_("address in the site"), max_length=100, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    importance = models.CharField(_("importance"), max_length=10, choices=Importance.choices, default=Importance.NORMAL)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences; shown in lists, banners and e-mails."))
    body = models.TextField(_("text"), blank=True)
    published_at = models.DateTimeField(
        _("publication time"),
        default=timezone.now,
        help_text=_("A future time schedules the notice: it appears and is e-mailed to subscribers then."),
    )
    valid_until = models.DateTimeField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: the notice does not expire.")
    )
    places = models.ManyToManyField(
        "portal.Place", blank=True, related_name="notices", verbose_name=_("places it concerns")
    )
    guides = models.ManyToManyField(
        "portal.Guide", blank=True, related_name="notices", verbose_name=_("procedures it concerns")
    )
    announced_at = models.DateTimeField(
        _("subscribers notified"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the e-mails to subscribers were queued; set once."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [models.Index(fields=["status", "published_at"], name="notice_status_published")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True) | models.Q(valid_until__gt=models.F("published_at")),
                name="notice_valid_after_publication",
                violation_error_message=_("A notice must expire after its publication time."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("notice_detail", kwargs={"slug": self.slug})

    @property
    def is_urgent(self) -> bool:
        return self.importance == self.Importance.URGENT

    def is_expired(self, now: datetime | None = None) -> bool:
        return self.valid_until is not None and self.valid_until <= (now or timezone.now())


class NoticeSubscription(models.Model):
    """Someone who asked for notices by e-mail in one language, optionally only for some places or procedures.

    Double opt-in: nothing is sent before `confirmed_at` is set from the signed link in the confirmation e-mail.
    Unconfirmed requests are erased after a few days; unsubscribing deletes the row.
    """

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8)
    places = models.ManyToManyField(
        "portal.Place", blank=True, related_name="+", verbose_name=_("only notices about these places")
    )
    guides = models.ManyToManyField(
        "portal.Guide", blank=True, related_name="+", verbose_name=_("only notices about these procedures")
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notice subscription")
        verbose_name_plural = _("notice subscriptions")
        constraints = [
            # The service stores addresses lower-cased, so one address and language is one row.
            models.UniqueConstraint(fields=["email", "language"], name="notice_subscription_unique_email_language"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.language})"


class NoticeDelivery(models.Model):
    """One notice e-mailed to one subscriber: the unique pair is what makes "never twice" a database rule."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("notice"))
    subscription = models.ForeignKey(
        NoticeSubscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("subscription")
    )
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        verbose_name = _("notice e-mail")
        verbose_name_plural = _("notice e-mails")
        constraints = [
            models.UniqueConstraint(fields=["notice", "subscription"], name="notice_delivery_once_per_subscriber"),
        ]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.subscription_id}"


class FaqEntry(models.Model):
    """A frequently asked question with its answer, in one of the guide categories.

    Readers say whether an answer helped: the two counters are all that is stored (no cookie, no identifier).
    `views` counts openings of the entry's own page, added from the cache by a beat task like guide views.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    slug = models.SlugField(
        _("address in the site"), max_length=100, unique=True, help_text=_("Also the anchor on the FAQ page.")
    )
    category = models.ForeignKey(
        "portal.Category", on_delete=models.PROTECT, related_name="faq_entries", verbose_name=_("category")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"))
    answer_pl: str  # added by django-modeltranslation (translation.py); named for the type checker
    helpful_yes = models.PositiveIntegerField(_("helpful: yes"), default=0, editable=False)
    helpful_no = models.PositiveIntegerField(_("helpful: no"), default=0, editable=False)
    views = models.PositiveIntegerField(_("page views"), default=0, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["category__order", "order", "slug"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("faq_detail", kwargs={"slug": self.slug})

    @property
    def anchor_url(self) -> str:
        return f"{reverse('faq_list')}#{self.slug}"


class PartnerTopic(models.Model):
    """What a partner institution helps with (free legal advice, language courses, ...)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("help topic")
        verbose_name_plural = _("help topics")

    def __str__(self) -> str:
        return self.name


class Partner(models.Model):
    """An institution outside the office that helps foreigners in Wielkopolska."""

    slug = models.SlugField(_("address in the site"), max_length=100, unique=True)
    is_published = models.BooleanField(_("shown on the site"), default=False)
    is_illustrative = models.BooleanField(
        _("illustrative demo entry"),
        default=False,
        help_text=_("An example made up for the demo, not a real institution; the site says so next to it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("description"), help_text=_("What kind of help, for whom, and whether it is free.")
    )
    opening_hours = models.TextField(_("opening hours"), blank=True)
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    city = models.CharField(_("town"), max_length=80)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    languages = models.ManyToManyField(
        "portal.SpokenLanguage", blank=True, related_name="partners", verbose_name=_("languages they serve in")
    )
    topics = models.ManyToManyField(PartnerTopic, related_name="partners", verbose_name=_("topics they help with"))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("partner institution")
        verbose_name_plural = _("partner institutions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(postal_code="") | models.Q(postal_code__regex=r"^[0-9]{2}-[0-9]{3}$"),
                name="partner_postal_code_format",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('partner_list')}#{self.slug}"

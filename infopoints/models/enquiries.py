"""The enquiry desk: every question that reaches the office by phone, e-mail, the web form, a letter or in person
at an information point, with its thread of messages, its owning team and its service-level times.

An enquiry belongs to one team: the helpline (no place) or one place. Staff see the enquiries of their team only
(`infopoints.selectors.enquiries_visible_to`). Statuses map to categories in `STATUS_CATEGORY`, the one place that
says which statuses count as open, paused (waiting for the person: service-level clocks stop) or done.
Personal data (name, contact, case number, texts and files) is erased a configurable time after closing
(`services.enquiries_erase_closed`); the row stays, so counts per channel, language and topic remain.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def new_link_key() -> str:
    return secrets.token_urlsafe(12)


class EnquiryYearCounter(models.Model):
    """The last reference number given in a year; incremented under a row lock, so two enquiries never share one."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("enquiry reference counter")
        verbose_name_plural = _("enquiry reference counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Enquiry(models.Model):
    class Channel(models.TextChoices):
        PHONE = "phone", _("phone")
        EMAIL = "email", _("e-mail")
        WEB = "web", _("web form")
        IN_PERSON = "in_person", _("in person at a place")
        LETTER = "letter", _("letter")

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("enquiry status", "new")
        IN_PROGRESS = "in_progress", _("in progress")
        WAITING = "waiting", _("waiting for the person")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", pgettext_lazy("enquiry status", "closed")

    class Priority(models.TextChoices):
        NORMAL = "normal", pgettext_lazy("priority", "normal")
        HIGH = "high", pgettext_lazy("priority", "high")
        URGENT = "urgent", pgettext_lazy("priority", "urgent")

    class Language(models.TextChoices):
        PL = "pl", "Polski"
        EN = "en", "English"
        UK = "uk", "Українська"
        RU = "ru", "Русский"

    reference = models.CharField(
        _("reference"), max_length=14, unique=True, help_text=_("ZG-year-number, e.g. ZG-2026-004211; given once.")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.PL)
    topic = models.ForeignKey(
        "portal.Category",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
        help_text=_("A guide category; empty: other."),
    )
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    case_number = models.CharField(_("case number"), max_length=40, blank=True)
    requester_name = models.CharField(_("name of the person"), max_length=200, blank=True)
    requester_email = models.EmailField(_("e-mail of the person"), blank=True)
    requester_phone = models.CharField(_("phone of the person"), max_length=40, blank=True)
    place = models.ForeignKey(
        "portal.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enquiries",
        verbose_name=_("team"),
        help_text=_("The place whose team answers; empty: the helpline."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(_("priority"), max_length=8, choices=Priority.choices, default=Priority.NORMAL)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_enquiries",
        verbose_name=_("assigned to"),
    )
    first_response_due = models.DateTimeField(_("first response due"), null=True, blank=True)
    resolution_due = models.DateTimeField(_("resolution due"), null=True, blank=True)
    due_at = models.DateTimeField(
        _("next deadline"),
        null=True,
        blank=True,
        help_text=_("The first-response deadline until staff answered, then the resolution deadline."),
    )
    first_responded_at = models.DateTimeField(_("first response"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("answered"), null=True, blank=True)
    clock_started_at = models.DateTimeField(
        _("service-level clock started"), null=True, blank=True, help_text=_("Received, or reopened.")
    )
    paused_seconds = models.PositiveIntegerField(
        _("working seconds spent waiting"), default=0, help_text=_("Deadlines move by this much.")
    )
    paused_at = models.DateTimeField(
        _("waiting since"),
        null=True,
        blank=True,
        help_text=_("Service-level clocks stop while waiting for the person."),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True)
    # The partner institution that sent the question for the person through the integration API (its token).
    partner = models.ForeignKey(
        "cases.IntegrationToken",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by (partner)"),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("merged into"),
    )
    suggestions_shown = models.PositiveSmallIntegerField(
        _("suggestions shown"),
        null=True,
        blank=True,
        help_text=_("How many guides and FAQ entries the web form suggested; 0: the question matched nothing."),
    )
    link_key = models.CharField(
        _("private link key"),
        max_length=20,
        default=new_link_key,
        blank=True,
        help_text=_("Part of the signed private link; emptied when the enquiry is erased, so old links stop working."),
    )
    search_text = models.TextField(_("searchable text"), blank=True, editable=False)
    jsm_issue_key = models.CharField(_("JIRA Service Management key"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        permissions = [("view_enquiry_report", _("Can see what people ask (learning from questions)"))]
        indexes = [
            models.Index(fields=["status", "due_at"], name="enquiry_status_due"),
            models.Index(fields=["place", "status"], name="enquiry_team_status"),
            models.Index(fields=["assignee", "status"], name="enquiry_assignee_status"),
            models.Index(fields=["language", "created_at"], name="enquiry_language_created"),
            # The desk's default list (open and paused: selectors.enquiries.LISTED_STATUSES), nearest deadline
            # first: its first page is read in index order, without sorting every open enquiry (PostgreSQL puts
            # nulls last in an ascending index, as the list does).
            models.Index(
                fields=["due_at", "created_at", "id"],
                name="enquiry_desk_listed_due",
                condition=models.Q(status__in=["new", "in_progress", "waiting"]),
            ),
            # The desk's counts per view, none of which counts closed enquiries (most of the table); every column
            # they read is in it (place: the team a non-coordinator sees), so they never read the rows.
            models.Index(
                fields=["status", "due_at", "assignee", "place"],
                name="enquiry_desk_counts",
                condition=~models.Q(status="closed"),
            ),
            # The "answered and closed" view and the learning report: newest first, by date.
            models.Index(fields=["-created_at", "id"], name="enquiry_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reference__regex=r"^ZG-[0-9]{4}-[0-9]{6}$"), name="enquiry_reference_format"
            ),
            models.CheckConstraint(
                condition=models.Q(status="closed", closed_at__isnull=False) | ~models.Q(status="closed"),
                name="enquiry_closed_has_time",
            ),
            models.CheckConstraint(
                condition=models.Q(status="waiting", paused_at__isnull=False)
                | (~models.Q(status="waiting") & models.Q(paused_at__isnull=True)),
                name="enquiry_paused_only_while_waiting",
            ),
            models.CheckConstraint(
                condition=models.Q(merged_into__isnull=True) | models.Q(status="closed"),
                name="enquiry_merged_is_closed",
            ),
            models.CheckConstraint(
                condition=models.Q(erased_at__isnull=True)
                | models.Q(requester_name="", requester_email="", requester_phone="", case_number="", subject=""),
                name="enquiry_erased_has_no_contact",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def category(self) -> str:
        return STATUS_CATEGORY[self.status]


class StatusCategory:
    OPEN = "open"  # someone at the office has to act; service-level clocks run
    PAUSED = "paused"  # waiting for the person; clocks stopped
    DONE = "done"  # answered or closed


STATUS_CATEGORY: dict[str, str] = {
    Enquiry.Status.NEW: StatusCategory.OPEN,
    Enquiry.Status.IN_PROGRESS: StatusCategory.OPEN,
    Enquiry.Status.WAITING: StatusCategory.PAUSED,
    Enquiry.Status.ANSWERED: StatusCategory.DONE,
    Enquiry.Status.CLOSED: StatusCategory.DONE,
}


def statuses_in(category: str) -> list[str]:
    return [status for status, cat in STATUS_CATEGORY.items() if cat == category]


class EnquiryMessage(models.Model):
    """One message of an enquiry's thread: from the person, to the person, or a note staff keep among themselves."""

    class Kind(models.TextChoices):
        INCOMING = "incoming", _("from the person")
        OUTGOING = "outgoing", _("to the person")
        NOTE = "note", _("internal note")

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="messages", verbose_name=_("enquiry"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    body = models.TextField(_("text"), blank=True)
    email_message_id = models.CharField(
        _("e-mail Message-ID"),
        max_length=250,
        blank=True,
        db_index=True,
        help_text=_("For threading replies: the Message-ID of the e-mail this message came in or went out as."),
    )
    jsm_comment_id = models.CharField(
        _("JIRA Service Management comment"),
        max_length=40,
        blank=True,
        help_text=_("The JSM comment this message was mirrored to, or came from; empty: not mirrored yet."),
    )
    attachment_count = models.PositiveSmallIntegerField(_("attachments"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("enquiry message")
        verbose_name_plural = _("enquiry messages")
        constraints = [
            # Mail is delivered at least once (the mail server retries, an IMAP poll may die before marking a
            # message seen): the same e-mail from the person is stored once, whatever races.
            models.UniqueConstraint(
                fields=["email_message_id"],
                condition=models.Q(kind="incoming") & ~models.Q(email_message_id=""),
                name="enquiry_message_incoming_email_once",
            ),
            # A JSM comment is mirrored to one message, once (both ways).
            models.UniqueConstraint(
                fields=["jsm_comment_id"], condition=~models.Q(jsm_comment_id=""), name="enquiry_message_jsm_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enquiry_id}:{self.kind}"


def attachment_path(instance: "EnquiryAttachment", filename: str) -> str:
    # A random name: the person's file name is kept in a field, never in the storage path.
    return f"enquiries/{secrets.token_hex(16)}"


class EnquiryAttachment(models.Model):
    """A PDF, JPEG or PNG file sent with a message (its type checked by content, see `infopoints.attachments`)."""

    class ContentType(models.TextChoices):
        PDF = "application/pdf", "PDF"
        JPEG = "image/jpeg", "JPEG"
        PNG = "image/png", "PNG"

    message = models.ForeignKey(
        EnquiryMessage, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("message")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    filename = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(_("type"), max_length=20, choices=ContentType.choices)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(condition=models.Q(size__gt=0), name="enquiry_attachment_not_empty"),
            models.CheckConstraint(
                condition=models.Q(content_type__in=["application/pdf", "image/jpeg", "image/png"]),
                name="enquiry_attachment_allowed_type",
            ),
        ]

    def __str__(self) -> str:
        return self.filename


class CannedAnswer(models.Model):
    """A prepared answer in four languages; staff insert it in the enquiry's language and edit it before sending."""

    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"))
    # One column per language, added by django-modeltranslation (translation.py); named for the type checker.
    body_pl: str
    topic = models.ForeignKey(
        "portal.Category",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    guides = models.ManyToManyField(
        "portal.Guide",
        blank=True,
        related_name="+",
        verbose_name=_("guides linked"),
        help_text=_("Their addresses are added under the text, in the enquiry's language."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("canned answer")
        verbose_name_plural = _("canned answers")

    def __str__(self) -> str:
        return self.title


class SuggestionOpen(models.Model):
    """A guide or FAQ entry that the web form suggested and the person opened (no personal data: a random draft
    key ties the opens of one question together, and whether the question was then sent)."""

    draft_key = models.CharField(_("draft key"), max_length=32, db_index=True)
    language = models.CharField(_("language"), max_length=2)
    guide = models.ForeignKey(
        "portal.Guide", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("guide")
    )
    faq = models.ForeignKey(
        "portal.FaqEntry",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("question and answer"),
    )
    question_sent = models.BooleanField(_("question sent afterwards"), default=False)
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("suggestion opened")
        verbose_name_plural = _("suggestions opened")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(guide__isnull=False) & models.Q(faq__isnull=True))
                | (models.Q(guide__isnull=True) & models.Q(faq__isnull=False)),
                name="suggestion_open_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.draft_key}:{self.guide_id or self.faq_id}"

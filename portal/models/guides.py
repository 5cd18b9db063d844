"""Guides: one page per legalization procedure, translated pl/en/uk/ru, with the state of each translation.

Polish is the source text. Every save of the Polish text that matters for translators records a
`ContentRevision` with its significance; each translation records which revision it was made from
(`TranslationStatus`). "Outdated" and "urgent" are therefore queries, not guesses.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    """A life situation that groups guides (work, study, family, ...)."""

    slug = models.SlugField(_("address in the site"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class Guide(models.Model):
    """One procedure explained for migrants: who it is for, steps, documents, fees, where to apply."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    slug = models.SlugField(_("address in the site"), max_length=80, unique=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="guides", verbose_name=_("category"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("Two or three plain sentences: what this permit is."))
    who_for = models.TextField(_("who it is for"), blank=True)
    not_for = models.TextField(_("who it is not for"), blank=True)
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=1000,
        help_text=_("The article in Polish, e.g. art. 114 ust. 1 ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach."),
    )
    legal_basis_explained = models.TextField(_("legal basis explained"), blank=True)
    processing_time = models.TextField(_("processing time"), blank=True)
    processing_time_days = models.PositiveSmallIntegerField(_("statutory time limit (days)"), null=True, blank=True)
    how_to_apply = models.TextField(_("where and how to apply"), blank=True)
    apply_online_mos = models.BooleanField(_("filed online in MOS"), default=False)
    apply_in_person = models.BooleanField(_("filed in person"), default=False)
    apply_by_post = models.BooleanField(_("filed by post"), default=False)
    apply_epuap = models.BooleanField(_("filed through ePUAP"), default=False)
    places = models.ManyToManyField("portal.Place", blank=True, related_name="guides", verbose_name=_("places"))
    related = models.ManyToManyField("self", blank=True, symmetrical=False, verbose_name=_("related guides"))

    last_reviewed = models.DateField(_("last reviewed"))
    next_review = models.DateField(_("next review"))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    views = models.PositiveIntegerField(_("page views"), default=0, editable=False)

    class Meta:
        ordering = ["category__order", "order", "slug"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(next_review__gte=models.F("last_reviewed")), name="guide_review_dates_in_order"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guide_detail", kwargs={"slug": self.slug})


class GuidePart(models.Model):
    """An ordered item of a guide (a step, a document, a fee, ...)."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class GuideStep(GuidePart):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="steps", verbose_name=_("guide"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("what to do"), blank=True)

    class Meta(GuidePart.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.title


class GuideDocument(GuidePart):
    class Form(models.TextChoices):
        ORIGINAL = "original", _("original")
        COPY = "copy", _("copy")
        SCAN = "scan", _("scan attached in MOS")
        ORIGINAL_AND_COPY = "original_and_copy", _("original and copy")

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="documents", verbose_name=_("guide"))
    name = models.CharField(_("document"), max_length=250)
    notes = models.TextField(_("notes"), blank=True)
    form = models.CharField(_("form"), max_length=20, choices=Form.choices, default=Form.ORIGINAL)
    translation_needed = models.BooleanField(_("sworn translation into Polish needed"), default=False)
    issued_by = models.CharField(_("issued by"), max_length=250, blank=True)

    class Meta(GuidePart.Meta):
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self) -> str:
        return self.name


class GuideFee(GuidePart):
    """A fee as data, so the fees page and the PDF checklist are generated from it and never typed twice."""

    class Kind(models.TextChoices):
        STAMP_DUTY = "stamp_duty", _("stamp duty")
        CARD_FEE = "card_fee", _("residence card fee")
        POWER_OF_ATTORNEY = "power_of_attorney", _("power of attorney")
        OTHER = "other", _("other")

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="fees", verbose_name=_("guide"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    amount_pln = models.DecimalField(_("amount (PLN)"), max_digits=8, decimal_places=2)
    reduced_amount_pln = models.DecimalField(
        _("reduced amount (PLN)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    label = models.CharField(_("what it is for"), max_length=250)
    reduction_rule = models.TextField(_("who pays the reduced amount"), blank=True)
    account = models.CharField(_("bank account"), max_length=40, blank=True)
    account_holder = models.CharField(_("account holder"), max_length=200, blank=True)
    payment_title = models.CharField(_("transfer title"), max_length=250, blank=True)

    class Meta(GuidePart.Meta):
        verbose_name = _("fee")
        verbose_name_plural = _("fees")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_pln__gte=0), name="guide_fee_amount_not_negative"),
            models.CheckConstraint(
                condition=models.Q(reduced_amount_pln__isnull=True)
                | models.Q(reduced_amount_pln__gte=0, reduced_amount_pln__lt=models.F("amount_pln")),
                name="guide_fee_reduced_below_amount",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.amount_pln} PLN"


class GuideMistake(GuidePart):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="mistakes", verbose_name=_("guide"))
    text = models.TextField(_("frequent mistake"))

    class Meta(GuidePart.Meta):
        verbose_name = _("frequent mistake")
        verbose_name_plural = _("frequent mistakes")

    def __str__(self) -> str:
        return self.text[:80]


class GuideFaq(GuidePart):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="faqs", verbose_name=_("guide"))
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"))

    class Meta(GuidePart.Meta):
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self) -> str:
        return self.question


class GuideSource(GuidePart):
    """An official source the guide's facts rest on, cited on the page."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="sources", verbose_name=_("guide"))
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500)
    published = models.DateField(_("date of the source"), null=True, blank=True)

    class Meta(GuidePart.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


class GuideChange(models.Model):
    """The public change log of a guide: what changed and when, for a reader who comes back."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="changes", verbose_name=_("guide"))
    changed_on = models.DateField(_("date"))
    summary = models.CharField(_("what changed"), max_length=300)

    class Meta:
        ordering = ["-changed_on", "-pk"]
        verbose_name = _("change log entry")
        verbose_name_plural = _("change log")

    def __str__(self) -> str:
        return f"{self.changed_on}: {self.summary}"


class GlossaryTerm(models.Model):
    """A Polish term from official letters, with its agreed translation and a plain explanation."""

    slug = models.SlugField(_("address in the site"), max_length=80, unique=True)
    term = models.CharField(_("term"), max_length=150, help_text=_("The Polish field holds the Polish word."))
    explanation = models.TextField(_("short explanation"), blank=True)
    avoid = models.TextField(
        _("variants to avoid"),
        blank=True,
        help_text=_(
            "Words that must not be used for this concept in this language, one per line; a line ending in * "
            "also matches longer word forms. A test fails if any of them appears in the site's texts."
        ),
    )
    # One column per language, added by django-modeltranslation (translation.py); named for the type checker.
    term_pl: str
    explanation_pl: str

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self) -> str:
        return self.term


class ContentRevision(models.Model):
    """A saved change to the Polish source text of a translated item, and how much it matters to translators."""

    class Significance(models.IntegerChoices):
        TYPO = 1, _("typo or wording: translations stay valid")
        CONTENT = 2, _("content change: translations need an update")
        URGENT = 3, _("urgent change, e.g. a new law: translations must be updated now")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    number = models.PositiveIntegerField(_("revision"))
    significance = models.PositiveSmallIntegerField(_("significance"), choices=Significance.choices)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("author")
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        ordering = ["content_type", "object_id", "number"]
        verbose_name = _("source text revision")
        verbose_name_plural = _("source text revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "number"], name="content_revision_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} r{self.number}"


class TranslationStatus(models.Model):
    """Which Polish revision the translation of one item into one language was made from."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=8)
    based_on_revision = models.PositiveIntegerField(_("translated from revision"))
    updated_at = models.DateTimeField(_("translated"), auto_now=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "language"], name="translation_status_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} {self.language} ← r{self.based_on_revision}"


class MistakeReport(models.Model):
    """A reader's report that something on a page is wrong; editors work through them in the admin."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        DONE = "done", _("handled")
        REJECTED = "rejected", _("not a mistake")

    page_path = models.CharField(_("page"), max_length=300)
    language = models.CharField(_("language"), max_length=8)
    message = models.TextField(_("what is wrong"), max_length=3000)
    email = models.EmailField(_("e-mail for a reply"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reported mistake")
        verbose_name_plural = _("reported mistakes")

    def __str__(self) -> str:
        return f"{self.page_path} ({self.created_at:%Y-%m-%d})"

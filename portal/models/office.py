"""The office's own pages: the EU project's published live figures and the application forms editors upload.

A project figure is computed from the database by the app that owns the data (see `portal.project_figures`);
this row only says that a coordinator chose to publish it. An application form has a stable address and a
history of files: a new version is a new row, so a link to the form always serves the current file while the
old files stay stored.
"""

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ProjectFigure(models.Model):
    """A coordinator's decision to show one live figure on the project page (opt-in, one row per figure)."""

    key = models.SlugField(
        _("figure"), max_length=60, unique=True, help_text=_("Which figure; the list comes from the apps.")
    )
    is_published = models.BooleanField(_("shown on the project page"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("project figure")
        verbose_name_plural = _("project figures")

    def __str__(self) -> str:
        return self.key


class ApplicationForm(models.Model):
    """A paper form or a prescribed template a procedure needs; its file is the newest `ApplicationFormFile`."""

    slug = models.SlugField(_("address in the site"), max_length=80, unique=True)
    guide = models.ForeignKey(
        "portal.Guide",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application_forms",
        verbose_name=_("procedure"),
        help_text=_("The guide this form belongs to; empty for forms used in many procedures."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it is for"), blank=True)
    is_published = models.BooleanField(_("shown on the site"), default=True)
    is_demo = models.BooleanField(
        _("demo file"),
        default=False,
        help_text=_("A made-up file for the demonstration, not the official form; the page says so."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("application form")
        verbose_name_plural = _("application forms")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("application_form_download", kwargs={"slug": self.slug})


def form_file_path(instance: "ApplicationFormFile", filename: str) -> str:
    # A random name: the uploaded file's name says nothing reliable and must not decide the storage path.
    return f"forms/{uuid.uuid4().hex}.pdf"


class ApplicationFormFile(models.Model):
    """One version of a form's PDF: the official Polish form, or an unofficial translation into one language."""

    class Language(models.TextChoices):
        OFFICIAL = "pl", _("Polish (the official form)")
        EN = "en", _("English (unofficial translation)")
        UK = "uk", _("Ukrainian (unofficial translation)")
        RU = "ru", _("Russian (unofficial translation)")

    form = models.ForeignKey(ApplicationForm, on_delete=models.CASCADE, related_name="files", verbose_name=_("form"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.OFFICIAL)
    version_date = models.DateField(_("version date"), help_text=_("The date printed on the form or its template."))
    file = models.FileField(_("PDF file"), upload_to=form_file_path, max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["form", "language", "-version_date", "-uploaded_at"]
        verbose_name = _("form file")
        verbose_name_plural = _("form files")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(language__in=["pl", "en", "uk", "ru"]), name="form_file_language_known"
            ),
            models.UniqueConstraint(fields=["form", "language", "version_date"], name="form_file_one_version_per_date"),
        ]

    def __str__(self) -> str:
        return f"{self.form.slug} {self.language} {self.version_date:%Y-%m-%d}"

    @property
    def is_unofficial(self) -> bool:
        return self.language != self.Language.OFFICIAL

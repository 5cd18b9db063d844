"""Indicator reports for the coordinators: one row per requested PDF, built by a Celery task.

The figures themselves are never stored: the dashboard and the PDF compute them from the rows of the queue, the
enquiry desk, the bookings and the case-status lookups with aggregate queries. This row only follows a PDF from
"requested" to "ready" (with its progress for the waiting page) and keeps the finished file for downloading.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

REPORT_JOB_STATUSES = ["queued", "running", "ready", "failed"]


class ReportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("requested by"),
    )
    period_start = models.DateField(_("first day"))
    period_end = models.DateField(_("last day"))
    place = models.ForeignKey(
        "portal.Place", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("place"), help_text=_("Empty: every place."),
    )
    language = models.CharField(_("language"), max_length=2, default="pl")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (percent)"), default=0)
    pdf = models.BinaryField(_("PDF file"), blank=True, default=b"", editable=False)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("indicator report")
        verbose_name_plural = _("indicator reports")
        permissions = [("view_indicators", _("Can see the indicators and their reports"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__lte=models.F("period_end")), name="report_job_period_in_order"
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_job_progress_percent"),
            models.CheckConstraint(condition=Q(status__in=REPORT_JOB_STATUSES), name="report_job_status_valid"),
            models.CheckConstraint(condition=Q(language__in=["pl", "en"]), name="report_job_language_pl_or_en"),
        ]

    def __str__(self) -> str:
        return f"{self.period_start} – {self.period_end}"

"""Application forms: reading them for the public pages, checking an uploaded PDF, and serving the current file.

A form's address never changes; behind it, the newest file (by version date, then upload time) of the requested
language is served, so an outdated form is replaced by uploading a new version while old links keep working and
old files stay stored for the record.
"""

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from portal.models import ApplicationForm, ApplicationFormFile, Guide

# Real forms are one to a few pages; 10 MB leaves room for scanned templates and keeps the server safe.
MAX_BYTES = 10 * 1024 * 1024
PDF_SIGNATURE = b"%PDF-"


def too_large() -> ValidationError:
    return ValidationError(
        _("The file is larger than %(size)d MB.") % {"size": MAX_BYTES // (1024 * 1024)}, code="too_large"
    )


def pdf_check(data: bytes) -> None:
    """Raise ValidationError (translated) unless `data` is a readable PDF of at most MAX_BYTES."""
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(data) > MAX_BYTES:
        raise too_large()
    if not data.startswith(PDF_SIGNATURE):
        raise ValidationError(_("This file is not a PDF. Upload the form as a PDF file."), code="not_pdf")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is password-protected; people could not open it. Upload it without a password."),
                code="encrypted",
            )
        pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ValidationError(
            _("This PDF is damaged and cannot be read. Save it again and upload it."), code="damaged"
        ) from exc
    if pages == 0:
        raise ValidationError(_("This PDF has no pages."), code="no_pages")


@dataclass(frozen=True)
class FormRow:
    form: ApplicationForm
    official: ApplicationFormFile | None
    translations: list[ApplicationFormFile]


def _current_files(files: list[ApplicationFormFile]) -> dict[str, ApplicationFormFile]:
    """The newest file per language, from files already ordered newest first within each language."""
    current: dict[str, ApplicationFormFile] = {}
    for item in files:
        current.setdefault(item.language, item)
    return current


def _row(form: ApplicationForm) -> FormRow:
    current = _current_files(list(form.files.all()))
    translations = [current[code] for code in ("en", "uk", "ru") if code in current]
    return FormRow(form=form, official=current.get("pl"), translations=translations)


def _published() -> QuerySet[ApplicationForm]:
    return (
        ApplicationForm.objects.filter(is_published=True)
        .filter(files__language=ApplicationFormFile.Language.OFFICIAL)
        .distinct()
        .prefetch_related(
            Prefetch(
                "files", queryset=ApplicationFormFile.objects.order_by("language", "-version_date", "-uploaded_at")
            )
        )
    )


def forms_by_procedure() -> list[tuple[Guide | None, list[FormRow]]]:
    """Published forms with a current official file, grouped by their guide (forms for any procedure last)."""
    forms = _published().select_related("guide").order_by("guide__order", "guide__slug", "order", "slug")
    groups: dict[int | None, tuple[Guide | None, list[FormRow]]] = {}
    for form in forms:
        guide = form.guide if form.guide and form.guide.status == Guide.Status.PUBLISHED else None
        groups.setdefault(guide.pk if guide else None, (guide, []))[1].append(_row(form))
    general = groups.pop(None, None)
    return [*groups.values(), *([general] if general else [])]


def forms_for_guide(guide: Guide) -> list[FormRow]:
    """The published forms of one guide, for its page: two queries whatever their number."""
    return [_row(form) for form in _published().filter(guide=guide).order_by("order", "slug")]


def form_file_current(*, slug: str, language: str = "pl") -> ApplicationFormFile | None:
    """The file a form's stable address serves now: the newest version in `language` of a published form."""
    return (
        ApplicationFormFile.objects.filter(form__slug=slug, form__is_published=True, language=language)
        .select_related("form")
        .order_by("-version_date", "-uploaded_at")
        .first()
    )

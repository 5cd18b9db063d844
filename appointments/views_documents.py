"""The confirmation documents behind the booking's manage link: PDF, calendar file and QR code.

The token is the one of the manage link (MANAGE_SALT), so a moved or cancelled booking's old link stops giving
them. Only a confirmed or checked-in visit has documents. File names carry the reference code, never a name.
"""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from appointments import documents, services


def _booking(token: str):
    found = services.booking_from_manage_token(token)
    booking = documents.booking_for_documents(booking_id=found.pk) if found is not None else None
    if booking is None:
        raise Http404
    return booking


def _file(content: bytes, content_type: str, filename: str, *, inline: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def booking_pdf(request, token: str) -> HttpResponse:
    booking = _booking(token)
    return _file(
        documents.booking_pdf(booking),
        "application/pdf",
        documents.PDF_FILENAME.format(reference=booking.reference),
        inline=True,
    )


@require_GET
def booking_ics(request, token: str) -> HttpResponse:
    booking = _booking(token)
    return _file(
        documents.booking_ics(booking),
        "text/calendar; charset=utf-8",
        documents.ICS_FILENAME.format(reference=booking.reference),
        inline=False,
    )


@require_GET
def booking_qr(request, token: str) -> HttpResponse:
    booking = _booking(token)
    return _file(
        documents.booking_qr_svg(booking),
        "image/svg+xml",
        f"appointment-{booking.reference}-qr.svg",
        inline=True,
    )

"""What a person takes to the visit: the QR code of the reference, the calendar file and the PDF confirmation.

All three are built from the booking when asked for (by the documents views or when the confirmation e-mail is
sent), never stored: a moved booking gets new ones, and nothing with a name in it lies around after retention.
The QR code carries the reference code only, which is useless without the name checked at the desk.

The PDF is in the person's language, with a box "Dla pracownika / For the desk" repeating the key facts in Polish,
so the desk can read the confirmation whatever language it was printed in.
"""

import base64
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from appointments.dates import LOCAL_TIME
from appointments.models import Booking, BookingSeat
from appointments.tokens import MANAGE_SALT, booking_token
from portal.pdf import STYLESHEET, page_counter_css
from portal.selectors import guide_public_links, places_with_checkin_kiosk

PDF_TEMPLATE = "appointments/pdf/confirmation.html"
DESK_TEMPLATE = "appointments/pdf/_desk.html"
PDF_STYLESHEET = "css/appointment-pdf.css"
DOCUMENT_STATUSES = (Booking.Status.CONFIRMED, Booking.Status.CHECKED_IN)


def booking_for_documents(*, booking_id: int) -> Booking | None:
    """A confirmed (or checked-in) booking with what its documents show, in a fixed number of queries."""
    return (
        Booking.objects.select_related("service", "service__guide", "place")
        .prefetch_related(
            Prefetch(
                "seats",
                queryset=BookingSeat.objects.filter(released=False).select_related("slot").order_by("position"),
                to_attr="people",
            )
        )
        .filter(pk=booking_id, status__in=DOCUMENT_STATUSES)
        .first()
    )


@dataclass(frozen=True)
class Visit:
    """The facts of a booking the documents repeat: times in Polish local time."""

    starts_at: datetime
    ends_at: datetime
    people: list[tuple[str, datetime, datetime]]  # name, start, end of each person's time at the desk


def visit_of(booking: Booking) -> Visit:
    seats = getattr(booking, "people", None)
    if seats is None:
        seats = list(booking.seats.filter(released=False).select_related("slot").order_by("position"))
    people = [
        (seat.person_name, timezone.localtime(seat.slot.starts_at, LOCAL_TIME),
         timezone.localtime(seat.slot.ends_at, LOCAL_TIME))
        for seat in seats
    ]
    if not people:  # no seats (should not happen for a confirmed booking): the booking's own start
        start = timezone.localtime(booking.starts_at, LOCAL_TIME)
        return Visit(start, start + _duration(booking), [])
    return Visit(people[0][1], people[-1][2], people)


def _duration(booking: Booking) -> timedelta:
    return timedelta(minutes=booking.service.duration_minutes)


def place_address(place) -> str:
    return f"{place.street}, {place.postal_code} {place.city}"


# --- QR code ------------------------------------------------------------------------------------------------


def _qr(booking: Booking):
    import segno

    return segno.make_qr(booking.reference, error="m")


def booking_qr_svg(booking: Booking) -> bytes:
    """The reference code as a QR code (SVG), for the scanner at the desk or the kiosk."""
    buffer = io.BytesIO()
    _qr(booking).save(buffer, kind="svg", scale=4, border=2, xmldecl=True, title=booking.reference)
    return buffer.getvalue()


def booking_qr_png(booking: Booking) -> bytes:
    buffer = io.BytesIO()
    _qr(booking).save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


# --- Calendar file ------------------------------------------------------------------------------------------


def booking_ics(booking: Booking) -> bytes:
    """One VEVENT from the first person's time to the end of the last one's, at the place's address.

    The UID is stable per booking, so a calendar that imports the file of a moved visit updates the event
    instead of adding a second one (the SEQUENCE is the link version, raised by every move).
    """
    import icalendar

    visit = visit_of(booking)
    with translation.override(booking.language):
        summary = f"{booking.service.name} – {booking.place.name}"
        description = "\n".join(
            [
                gettext("Reference code") + f": {booking.reference}",
                *([gettext("Check-in code") + f": {booking.checkin_code}"] if booking.checkin_code else []),
                *[f"{name}: {start:%H:%M}" for name, start, _end in visit.people if name],
                _manage_url(booking),
            ]
        )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Kierunek Wielkopolska//appointments//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"booking-{booking.pk}-{booking.reference}@{_site_host()}")
    event.add("sequence", booking.token_version)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", visit.starts_at.astimezone(UTC))
    event.add("dtend", visit.ends_at.astimezone(UTC))
    event.add("summary", summary)
    event.add("location", f"{booking.place.name}, {place_address(booking.place)}")
    event.add("description", description)
    event.add("status", "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


def _site_host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]


def _manage_url(booking: Booking) -> str:
    with translation.override(booking.language):
        token = booking_token(booking, MANAGE_SALT)
        return settings.SITE_URL + reverse("appointments:booking", kwargs={"token": token})


def place_has_kiosk(place_id: int) -> bool:
    """Whether people check in at a kiosk at this place; elsewhere they give their code at the desk."""
    return place_id in places_with_checkin_kiosk([place_id])


# --- PDF confirmation ---------------------------------------------------------------------------------------


def booking_pdf_html(booking: Booking) -> str:
    """The confirmation as a standalone HTML document in the booking's language, with the Polish desk box."""
    visit = visit_of(booking)
    qr = base64.b64encode(booking_qr_svg(booking)).decode("ascii")
    base = {
        "booking": booking,
        "visit": visit,
        "address": place_address(booking.place),
        "portal_name": settings.PORTAL_NAME,
        "qr_data_uri": f"data:image/svg+xml;base64,{qr}",
        "has_kiosk": place_has_kiosk(booking.place_id),
    }
    with timezone.override(LOCAL_TIME):
        with translation.override("pl"):
            desk = render_to_string(DESK_TEMPLATE, {**base, "service_name": booking.service.name,
                                                    "place_name": booking.place.name})
        with translation.override(booking.language):
            return render_to_string(
                PDF_TEMPLATE,
                {
                    **base,
                    "language": booking.language,
                    "desk": desk,
                    "what_to_bring": booking.service.what_to_bring_items(),
                    "manage_url": _manage_url(booking),
                    "prepared_on": timezone.localdate(),
                    "page_counter": page_counter_css(),
                    **guide_public_links(booking.service.guide, booking.language),
                },
            )


def booking_pdf(booking: Booking) -> bytes:
    """The PDF confirmation: A4, DejaVu Sans (every Polish, Ukrainian and Russian letter), tagged for readers."""
    import weasyprint  # loads Pango; only the processes that render PDFs pay for it

    found = finders.find(STYLESHEET)
    if not isinstance(found, str):
        raise ImproperlyConfigured(f"{STYLESHEET} is missing from the static files.")
    stylesheet = Path(found)
    html = weasyprint.HTML(string=booking_pdf_html(booking), base_url=stylesheet.parents[1].as_uri() + "/")
    return html.write_pdf(
        stylesheets=[weasyprint.CSS(filename=stylesheet), weasyprint.CSS(filename=finders.find(PDF_STYLESHEET))],
        pdf_tags=True,
    )


# --- Files of the confirmation e-mail -----------------------------------------------------------------------

PDF_FILENAME = "appointment-{reference}.pdf"
ICS_FILENAME = "appointment-{reference}.ics"


def booking_attachments(argument: str) -> list[tuple[str, bytes, str]]:
    """The outbox's builder for "booking:<id>": the PDF and the calendar file, built when the e-mail goes.

    A booking cancelled (or erased) before the e-mail left gets no files: they would describe a visit that is
    not going to happen. A rendering failure raises, and the outbox retries.
    """
    try:
        booking_id = int(argument)
    except ValueError:
        return []
    booking = booking_for_documents(booking_id=booking_id)
    if booking is None:
        return []
    return [
        (PDF_FILENAME.format(reference=booking.reference), booking_pdf(booking), "application/pdf"),
        (ICS_FILENAME.format(reference=booking.reference), booking_ics(booking), "text/calendar"),
    ]

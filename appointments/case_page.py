"""The visit block of the case page (an app to the left): the booked visit, or the button that books it.

`cases` may not import this app, so the block is registered with `cases.selectors.case_page_provider_register` at
start-up (`AppConfig.ready`) and drawn by name (`appointments/_case_visit.html`); the case page includes what the
providers give it. A template tag would need `cases` templates to load an `appointments` library by name and hide
the queries from the view; a provider keeps them in the view, counted by its query-count test.
"""

from django.urls import reverse

from appointments import selectors
from appointments.models import Booking
from appointments.tokens import MANAGE_SALT, booking_token
from cases.selectors import CaseOverview, CasePageBlock

TEMPLATE = "appointments/_case_visit.html"


def case_visit_block(overview: CaseOverview) -> CasePageBlock | None:
    """The booking made for the case if there is one; otherwise, if the status calls for a visit the site books,
    "book a visit" at the place handling the case. None (the case page's own text) otherwise. One or two queries."""
    booking = selectors.booking_for_case(case_id=overview.case.pk)
    if booking is not None:
        manage_url = (
            reverse("appointments:booking", args=[booking_token(booking, MANAGE_SALT)])
            if booking.status in Booking.UPCOMING
            else ""
        )
        return CasePageBlock(TEMPLATE, {"booking": booking, "manage_url": manage_url})
    if not overview.visit:
        return None
    service = selectors.service_for_visit(visit=overview.visit)
    if service is None:
        return None
    return CasePageBlock(
        TEMPLATE, {"service": service, "place": overview.case.place, "book_url": reverse("appointments:from_case")}
    )

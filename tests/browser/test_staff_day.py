"""The desk's day list in the browser: the first booking on the first screen at a desk, nothing wider than a phone,
and an action done at one desk shown at the other by the list's own refresh (htmx), without a reload."""

import pytest

from tests.browser.conftest import DEMO_PLACE_SLUG
from tests.browser.test_staff_pages import DESK, INFO_POINT, sign_in, staff_site  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}


def busy_day() -> str:
    from django.db.models import Count

    from appointments.models import Booking

    days = (
        Booking.objects.filter(place__slug=DEMO_PLACE_SLUG, status=Booking.Status.CONFIRMED)
        .values("starts_at__date")
        .annotate(bookings=Count("pk"))
        .order_by("-bookings")
    )
    return days[0]["starts_at__date"].isoformat()


def test_the_first_booking_is_on_the_first_screen_and_a_phone_needs_no_sideways_scrolling(
    staff_site, new_page, visit  # noqa: F811
):
    url = f"{staff_site}/pl/staff/appointments/{DEMO_PLACE_SLUG}/?day={busy_day()}"
    desk = sign_in(new_page, visit, staff_site, INFO_POINT, viewport=DESK)
    visit(desk, url)
    first = desk.locator("tr.staff-booking").first
    assert desk.locator("tr.staff-booking").count() > 3
    top = first.bounding_box()["y"]
    assert top < DESK["height"], f"The first booking starts at y = {top}, below the first screen"

    state = desk.context.storage_state()
    phone = new_page(viewport=PHONE, storage_state=state)
    visit(phone, url)
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"The day list is {overflow} px wider than a 360 px phone"


def test_a_check_in_at_one_desk_shows_at_the_other_without_a_reload(staff_site, new_page, visit):  # noqa: F811
    from datetime import timedelta

    from django.utils import timezone

    from appointments.models import Booking, Slot

    booking = Booking.objects.filter(place__slug=DEMO_PLACE_SLUG, status=Booking.Status.CONFIRMED).first()
    # Today, at a time already started (the desk may check it in), with its time moved along.
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    starts = max(timezone.now().replace(microsecond=0) - timedelta(minutes=5), midnight)
    slot = booking.seats.get().slot
    Slot.objects.filter(pk=slot.pk).update(starts_at=starts, ends_at=starts + (slot.ends_at - slot.starts_at))
    Booking.objects.filter(pk=booking.pk).update(starts_at=starts)
    day = timezone.localdate().isoformat()
    url = f"{staff_site}/en/staff/appointments/{DEMO_PLACE_SLUG}/?day={day}"
    first_desk = sign_in(new_page, visit, staff_site, INFO_POINT, viewport=DESK)
    other_desk = new_page(viewport=DESK, storage_state=first_desk.context.storage_state())
    visit(first_desk, url)
    visit(other_desk, url)
    row = f"#booking-{booking.pk}"
    first_desk.locator(row).get_by_role("button", name="Check in").click()
    first_desk.wait_for_selector(f"{row} .message-success")
    assert "checked in" in first_desk.locator(row).inner_text()
    # The other desk's list refreshes itself within its interval (10 s).
    other_desk.wait_for_function(
        f"() => document.querySelector('{row}') && document.querySelector('{row}').innerText.includes('checked in')",
        timeout=25_000,
    )

"""From "my case" to a booked visit on a 360 × 800 phone, in Ukrainian: the access code typed once.

A person looks up their case (the residence card is ready), presses "book a visit", lands on the calendar of the
place handling the case without typing the case again, books, confirms with the code from the e-mail typed on the
same page, and the case page then shows the booked visit. Every step passes axe and the phone width; the HTML of
every page is checked at the end.
"""

import io

import pytest

from tests.browser.conftest import DEMO_PLACE_SLUG
from tests.browser.test_appointments import assert_valid_html, check_page

pytestmark = pytest.mark.browser
PHONE_800 = {"width": 360, "height": 800}


@pytest.fixture
def card_ready_case(live_site, monkeypatch):
    """The demo cases (the first: card ready, at the headquarters) and the card's collection there and at a branch,
    booked only at the place handling the case. E-mails are not sent: the code is read from the booking."""
    from appointments import emails, services
    from appointments.models import BookableService
    from cases import demo
    from portal.models import Place
    from tests.appointments.conftest import make_schedule, make_service

    demo.load(io.StringIO())
    for name in ("send_confirmation_request", "send_confirmed", "send_cancelled"):
        monkeypatch.setattr(emails, name, lambda *args, **kwargs: None, raising=False)
    service = make_service("card-collection", case_visit="card-collection", max_people=1,
                           case_place_rule=BookableService.CasePlaceRule.CASE_PLACE)
    schedules = [make_schedule(place, service) for place in Place.objects.filter(
        slug__in=[DEMO_PLACE_SLUG, "kalisz-branch-office"])]
    services.slots_generate(schedule_ids=[schedule.pk for schedule in schedules])
    return live_site


def test_a_case_leads_to_a_booked_visit_typing_the_access_code_once(
    card_ready_case, new_page, visit, axe_script, tmp_path
):
    from appointments.models import Booking
    from appointments.tokens import booking_confirmation_code
    from portal.models import Place

    site = card_ready_case
    pages_html = []
    page = new_page(viewport=PHONE_800, java_script_enabled=False)
    visit(page, f"{site}/uk/case-status/")
    page.fill("#id_number", "WSC-II-S.6151.9001.2026")
    page.fill("#id_access_code", "DEMKW-CASEA")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{site}/uk/case-status/result/")
    check_page(page, new_page, visit, axe_script, pages_html)
    headquarters = Place.objects.get(slug=DEMO_PLACE_SLUG)
    visit_part = page.locator("#case-visit")
    assert headquarters.name_uk in visit_part.inner_text()

    visit_part.locator("a.button").click()
    page.wait_for_url(f"{site}/uk/appointments/card-collection/{DEMO_PLACE_SLUG}/")  # no case form in between
    assert "WSC-II-S.6151.9001.2026" in page.locator("main").inner_text()
    check_page(page, new_page, visit, axe_script, pages_html)
    page.click("main .booking-calendar td.free a")
    page.check("main input[name=slot] >> nth=0")
    page.click("main #times button[type=submit]")

    page.wait_for_url(f"{site}/uk/appointments/details/")
    assert page.locator("#id_access_code").count() == 0  # the access code is not asked again
    check_page(page, new_page, visit, axe_script, pages_html)
    page.fill("#id_name", "Olena Kovalenko")
    page.fill("#id_email", "olena@example.org")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{site}/uk/appointments/check/")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{site}/uk/appointments/done/")
    check_page(page, new_page, visit, axe_script, pages_html)

    booking = Booking.objects.get()
    assert booking.case.number == "WSC-II-S.6151.9001.2026" and booking.place_id == headquarters.pk
    page.fill("#id_code", booking_confirmation_code(booking))
    page.locator("main form").first.locator("button[type=submit]").click()
    page.wait_for_url("**/uk/appointments/booking/**")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED

    visit(page, f"{site}/uk/case-status/result/")
    visit_part = page.locator("#case-visit")
    assert booking.reference in visit_part.inner_text()
    assert headquarters.name_uk in visit_part.inner_text()
    assert visit_part.locator("a[href*='/appointments/booking/']").count() == 1
    assert visit_part.locator("a[href$='/appointments/from-case/']").count() == 0
    check_page(page, new_page, visit, axe_script, pages_html)
    # The way back to the booking when its e-mail is lost.
    visit(page, f"{site}/uk/appointments/lost-link/")
    page.fill("#id_email", "olena@example.org")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{site}/uk/appointments/lost-link/")
    assert page.locator("[role=status], .messages").count() >= 1
    check_page(page, new_page, visit, axe_script, pages_html)
    assert_valid_html(pages_html, tmp_path)

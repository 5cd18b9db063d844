"""Booking a visit on a phone: the whole flow without JavaScript, the calendar in place with it, the booking page.

Each step is checked as it is reached: axe-core (WCAG 2.1 AA), the 360 px width, and valid HTML (Nu HTML
Checker, once for all the pages at the end).
"""

import json
import shutil
import subprocess

import pytest

from tests.browser.conftest import DEMO_PLACE_SLUG, VNU_JAR
from tests.browser.test_accessibility import RUN_AXE, WCAG_21_AA, _describe
from tests.browser.test_layout import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def bookable(live_site, monkeypatch):
    """A consultation for up to 3 people at the demo headquarters, open every day, with its slots."""
    from appointments import emails, services
    from portal.models import Place
    from tests.appointments.conftest import make_schedule, make_service

    for name in ("send_confirmation_request", "send_confirmed", "send_cancelled"):
        monkeypatch.setattr(emails, name, lambda *args, **kwargs: None, raising=False)
    place = Place.objects.get(slug=DEMO_PLACE_SLUG)
    schedule = make_schedule(place, make_service("consultation", max_people=3))
    services.slots_generate(schedule_ids=[schedule.pk])
    return schedule


def check_page(page, new_page, visit, axe_script, pages_html):
    """axe and the phone width on the page `page` shows, in a JavaScript context sharing its cookies."""
    pages_html.append((page.url, page.content()))
    checker = new_page(viewport=PHONE, bypass_csp=True, storage_state=page.context.storage_state())
    visit(checker, page.url)
    assert checker.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url
    checker.add_script_tag(path=axe_script)
    violations = checker.evaluate(RUN_AXE, WCAG_21_AA)["violations"]
    assert not violations, f"{page.url}:\n" + "\n".join(_describe(violation) for violation in violations)


def assert_valid_html(pages_html, tmp_path):
    if shutil.which("java") is None or not VNU_JAR.is_file():
        pytest.skip("The Nu HTML Checker is not installed: run ./dev test")
    files = []
    for number, (_url, html) in enumerate(pages_html):
        file = tmp_path / f"page-{number}.html"
        file.write_text(html)
        files.append(str(file))
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *files],
        capture_output=True, text=True, timeout=120, check=False,
    )
    errors = [m for m in json.loads(result.stdout)["messages"] if m.get("type") == "error"]
    assert not errors, "\n".join(f"{pages_html[int(m['url'].rsplit('-', 1)[1].split('.')[0])][0]}: "
                                 f"{m['message']} {m.get('extract', '').strip()}" for m in errors)


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_family_books_on_a_phone_without_javascript(
    language, bookable, live_site, new_page, visit, axe_script, tmp_path
):
    from appointments.models import Booking

    pages_html = []
    page = new_page(viewport=PHONE, java_script_enabled=False)
    visit(page, f"{live_site}/{language}/appointments/")
    check_page(page, new_page, visit, axe_script, pages_html)

    page.click("main .service-list a")
    check_page(page, new_page, visit, axe_script, pages_html)
    page.click("main .place-choices a.button")
    page.select_option("#id_people", "2")
    page.click("main .people-form button")
    page.click("main .booking-calendar td.free a")
    check_page(page, new_page, visit, axe_script, pages_html)
    page.check("main input[name=slot] >> nth=0")
    page.click("main #times button[type=submit]")

    page.wait_for_url(f"{live_site}/{language}/appointments/details/")
    check_page(page, new_page, visit, axe_script, pages_html)
    page.click("main form button[type=submit]")  # empty: the errors are listed and linked
    assert page.locator("#form-errors a[href='#id_name']").count() == 1
    check_page(page, new_page, visit, axe_script, pages_html)
    page.fill("#id_name", "Olena Kovalenko")
    page.fill("#id_email", "olena@example.org")
    page.fill("#id_family_1", "Maksym Kovalenko")
    page.click("main form button[type=submit]")

    page.wait_for_url(f"{live_site}/{language}/appointments/check/")
    check_page(page, new_page, visit, axe_script, pages_html)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_site}/{language}/appointments/done/")
    check_page(page, new_page, visit, axe_script, pages_html)

    booking = Booking.objects.get()
    assert booking.status == Booking.Status.AWAITING_CONFIRMATION
    assert booking.seats.count() == 2 and booking.language == language
    assert_valid_html(pages_html, tmp_path)


def test_with_javascript_a_day_shows_its_times_in_place(bookable, live_site, new_page, visit):
    page = new_page(viewport=PHONE)
    visit(page, f"{live_site}/en/appointments/consultation/{DEMO_PLACE_SLUG}/")
    page.evaluate("window.stayedOnPage = true")
    page.click("main .booking-calendar td.free a")
    page.locator("#times input[name=slot]").first.wait_for()
    assert page.evaluate("window.stayedOnPage") is True  # swapped by htmx, not reloaded
    assert "day=" in page.url  # the address follows, so back and reload work
    page.select_option("#id_people", "3")
    page.locator("#times input[type=hidden][name=people][value='3']").wait_for(state="attached")
    assert page.evaluate("window.stayedOnPage") is True
    assert "day=" in page.url and "people=3" in page.url


def test_the_booking_page_on_a_phone(bookable, live_site, new_page, visit, axe_script, tmp_path):
    from appointments import services
    from tests.appointments.conftest import CLIENT, first_bookable_slot

    slot = first_bookable_slot(bookable)
    booking = services.hold_create(
        service_id=bookable.service_id, place_id=bookable.place_id, slot_id=slot.pk, people=1, language="pl",
        client_key=CLIENT,
    )
    services.details_set(booking_id=booking.pk, details=services.Details("Anna Nowak", "anna@example.org"),
                         client_key=CLIENT)
    services.booking_submit(booking_id=booking.pk)
    token = services.booking_token(booking, services.CONFIRM_SALT)

    pages_html = []
    page = new_page(viewport=PHONE, java_script_enabled=False)
    visit(page, f"{live_site}/pl/appointments/confirm/{token}/")
    check_page(page, new_page, visit, axe_script, pages_html)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/appointments/booking/**")
    assert booking.reference in page.content()
    check_page(page, new_page, visit, axe_script, pages_html)
    page.click("main a[href$='/move/']")
    page.click("main .booking-calendar td.free a")
    check_page(page, new_page, visit, axe_script, pages_html)
    page.go_back()
    page.go_back()
    page.click("main a[href$='/cancel/']")
    check_page(page, new_page, visit, axe_script, pages_html)
    assert_valid_html(pages_html, tmp_path)


def test_a_case_tied_visit_asks_for_the_case_first_on_a_phone(live_site, new_page, visit, axe_script, tmp_path):
    """The card's collection: the case number and access code come before the calendar, on a 360 px phone."""
    from appointments import services
    from portal.models import Place
    from tests.appointments.conftest import make_schedule, make_service
    from tests.cases.conftest import ACCESS_CODE

    place = Place.objects.get(slug=DEMO_PLACE_SLUG)
    schedule = make_schedule(place, make_service("card-collection", case_visit="card-collection", max_people=1))
    services.slots_generate(schedule_ids=[schedule.pk])

    pages_html = []
    page = new_page(viewport=PHONE, java_script_enabled=False)
    visit(page, f"{live_site}/uk/appointments/card-collection/{DEMO_PLACE_SLUG}/")
    assert page.url.endswith("/case/")
    check_page(page, new_page, visit, axe_script, pages_html)
    page.fill("#id_case_number", "WSC-II-S.6151.9999.2026")
    page.fill("#id_access_code", ACCESS_CODE)
    page.click("main form button[type=submit]")
    assert page.url.endswith("/case/")
    check_page(page, new_page, visit, axe_script, pages_html)
    assert_valid_html(pages_html, tmp_path)

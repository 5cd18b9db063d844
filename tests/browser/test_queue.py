"""The queue in a browser: the kiosk, the display and the phone ticket page in the sweeps (axe-core WCAG 2.1 AA,
the Nu HTML Checker, the phone width), and the journey kiosk → phone → desk → display and phone."""

import re
from datetime import time

import pytest
from django.test import Client

from tests.browser.conftest import DEMO_PLACE_SLUG
from tests.browser.test_accessibility import RUN_AXE, WCAG_21_AA, _describe
from tests.browser.test_appointments import assert_valid_html
from tests.browser.test_layout import PHONE, WIDER_THAN_VIEWPORT

pytestmark = pytest.mark.browser

KIOSK_PORTRAIT = {"width": 1080, "height": 1920}
DISPLAY_LANDSCAPE = {"width": 1920, "height": 1080}


@pytest.fixture
def queue(live_site, monkeypatch):
    """The demo headquarters open all day every day, with matters, desks, a kiosk, a display and a desk clerk."""
    from infopoints import services
    from infopoints.models import Desk, Device
    from portal.models import OpeningHours, Place
    from portal.roles import INFO_POINT_STAFF
    from tests.factories import UserFactory
    from tests.infopoints.conftest import make_matter

    monkeypatch.setattr("appointments.services.public_holidays", lambda year: set())
    place = Place.objects.get(slug=DEMO_PLACE_SLUG)
    OpeningHours.objects.filter(place=place).delete()
    for weekday in range(7):
        OpeningHours.objects.create(place=place, weekday=weekday, opens=time(0), closes=time(23, 59))
    matters = [make_matter(place, "A", order=1), make_matter(place, "B", order=2, is_open=False),
               make_matter(place, "W", order=3, is_checkin=True)]
    desk = Desk.objects.create(place=place, number=1)
    desk.matters.set(matters)
    # A live-server test empties the database afterwards, roles from data migrations included: grant what is used.
    from django.contrib.auth.models import Group, Permission

    role, _ = Group.objects.get_or_create(name=INFO_POINT_STAFF)
    role.permissions.add(*Permission.objects.filter(content_type__app_label="infopoints",
                                                    codename__in=["change_ticket", "view_ticket", "change_desk"]))
    clerk = UserFactory(role=INFO_POINT_STAFF, with_totp=True)
    clerk.places.add(place)
    kiosk = Device.objects.create(place=place, kind="kiosk", name="entrance")
    display = Device.objects.create(place=place, kind="display", name="hall")
    return {
        "place": place, "desk": desk, "clerk": clerk,
        "kiosk_link": live_site + _enrol_path(services.device_enrolment_token(kiosk)),
        "display_link": live_site + _enrol_path(services.device_enrolment_token(display)),
    }


def _enrol_path(token: str) -> str:
    from django.urls import reverse

    return reverse("queue_devices:enrol", args=[token])


def enrolled_page(new_page, link: str, **options):
    page = new_page(**options)
    page.goto(link)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def staff_page(new_page, live_site: str, user, **options):
    """A browser signed in as `user` (session made by the test client; the login form is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    page = new_page(**options)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_site}])
    return page


def check(page, new_page, axe_script, pages_html, *, viewport, status=200):
    """axe and the width on the page `page` shows, in a context that shares its cookies and ignores the CSP."""
    pages_html.append((page.url, page.content()))
    checker = new_page(viewport=viewport, bypass_csp=True, storage_state=page.context.storage_state())
    response = checker.goto(page.url)
    assert response.status == status, page.url
    width = checker.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{page.url} is {width}px wide: " + ", ".join(
        checker.evaluate(WIDER_THAN_VIEWPORT, viewport["width"])
    )
    checker.add_script_tag(path=axe_script)
    violations = checker.evaluate(RUN_AXE, WCAG_21_AA)["violations"]
    assert not violations, f"{page.url}:\n" + "\n".join(_describe(v) for v in violations)


def test_kiosk_display_and_phone_pages_pass_axe_the_html_checker_and_their_widths(
    queue, live_site, new_page, axe_script, tmp_path
):
    from infopoints.models import Ticket

    pages_html = []
    kiosk = enrolled_page(new_page, queue["kiosk_link"], viewport=KIOSK_PORTRAIT)
    check(kiosk, new_page, axe_script, pages_html, viewport=KIOSK_PORTRAIT)
    for language in ("uk", "en"):
        kiosk.goto(f"{live_site}/kiosk/{DEMO_PLACE_SLUG}/{language}/")
        check(kiosk, new_page, axe_script, pages_html, viewport=KIOSK_PORTRAIT)
    kiosk.click("form[data-kiosk-press] button.kiosk-button >> nth=0")
    kiosk.wait_for_selector(".receipt-number")
    check(kiosk, new_page, axe_script, pages_html, viewport=KIOSK_PORTRAIT)
    kiosk.goto(f"{live_site}/kiosk/{DEMO_PLACE_SLUG}/uk/")
    kiosk.fill("#checkin-code", "000000")
    kiosk.click(".kiosk-checkin button")
    kiosk.wait_for_selector(".kiosk-error")
    check(kiosk, new_page, axe_script, pages_html, viewport=KIOSK_PORTRAIT)

    display = enrolled_page(new_page, queue["display_link"], viewport=DISPLAY_LANDSCAPE)
    check(display, new_page, axe_script, pages_html, viewport=DISPLAY_LANDSCAPE)
    unregistered = new_page(viewport=PHONE)
    unregistered.goto(f"{live_site}/display/{DEMO_PLACE_SLUG}/")
    check(unregistered, new_page, axe_script, pages_html, viewport=PHONE, status=403)

    token = Ticket.objects.get().token
    for language in ("pl", "en", "uk", "ru"):
        phone = new_page(viewport=PHONE)
        phone.goto(f"{live_site}/{language}/queue/{token}/")
        check(phone, new_page, axe_script, pages_html, viewport=PHONE)
    gone = new_page(viewport=PHONE)
    gone.goto(f"{live_site}/uk/queue/no-such-ticket/")
    check(gone, new_page, axe_script, pages_html, viewport=PHONE, status=404)

    assert_valid_html(pages_html, tmp_path)


def test_take_a_ticket_follow_it_on_a_phone_call_it_and_see_it_on_the_display_and_the_phone(
    queue, live_site, new_page
):
    from infopoints.models import Ticket

    console_errors = []
    kiosk = enrolled_page(new_page, queue["kiosk_link"], viewport=KIOSK_PORTRAIT)
    kiosk.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    kiosk.goto(f"{live_site}/kiosk/{DEMO_PLACE_SLUG}/")
    kiosk.click("a[lang=uk]")
    kiosk.click("form[data-kiosk-press] button.kiosk-button >> nth=0")
    kiosk.wait_for_selector(".receipt-number")
    assert kiosk.inner_text(".receipt-number").endswith("A001")
    ticket = Ticket.objects.get()

    display = enrolled_page(new_page, queue["display_link"], viewport=DISPLAY_LANDSCAPE)
    display.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    assert "Sprawa A: 1" in display.inner_text(".board-waiting")

    phone = new_page(viewport=PHONE)
    phone.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    phone.goto(f"{live_site}/uk/queue/{ticket.token}/")
    assert "Ви наступні" in phone.inner_text("#ticket-status")

    desk = staff_page(new_page, live_site, queue["clerk"])
    desk.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    desk.goto(f"{live_site}/en/staff/queue/")
    desk.check(f"#id_desk-{queue['desk'].pk}-matters_0")
    desk.click("form[action$='/open/'] button")
    desk.click("button.queue-call")
    desk.wait_for_selector(".queue-code")
    assert "A001" in desk.inner_text(".queue-current")

    display.wait_for_function(
        "() => /A001\\s+1/.test(document.querySelector('.board-now tbody').innerText)", timeout=2500
    )
    phone.wait_for_function(
        "() => document.querySelector('#ticket-status').innerText.includes('вікна 1')", timeout=8000
    )
    assert re.search(r"вікна 1", phone.inner_text("#ticket-status"))
    assert not console_errors, console_errors


DESK_SCREEN = {"width": 1280, "height": 900}


def test_the_desk_console_and_the_points_days_pass_axe_and_the_html_checker(
    queue, live_site, new_page, axe_script, tmp_path
):
    from django.contrib.auth.models import Group, Permission

    from infopoints import services
    from infopoints.models import Device
    from portal.roles import COORDINATOR
    from tests.factories import UserFactory

    kiosk = Device.objects.get(place=queue["place"], kind="kiosk")
    for number in range(3):
        services.ticket_issue(device=kiosk, matter_id=queue["desk"].matters.get(letter="A").pk,
                              press_key=f"sweep-{number}")
    clerk = queue["clerk"]
    services.desk_open(desk_id=queue["desk"].pk, user=clerk, matter_ids=[m.pk for m in queue["desk"].matters.all()])
    services.ticket_call_next(desk_id=queue["desk"].pk, user=clerk)
    pages_html = []
    desk = staff_page(new_page, live_site, clerk, viewport=DESK_SCREEN)
    for path in ("/en/staff/queue/", f"/uk/staff/queue/desks/{queue['desk'].pk}/",
                 f"/pl/staff/points/{DEMO_PLACE_SLUG}/"):
        desk.goto(live_site + path)
        check(desk, new_page, axe_script, pages_html, viewport=DESK_SCREEN)
    desk.goto(f"{live_site}/en/staff/queue/desks/{queue['desk'].pk}/")
    desk.fill("#case-number", "WSC-II-S.6151.1.2026")
    desk.click("form[action$='/case/'] button")
    pages_html.append((desk.url, desk.content()))

    role, _ = Group.objects.get_or_create(name=COORDINATOR)
    role.permissions.add(*Permission.objects.filter(content_type__app_label="infopoints", codename="view_ticket"))
    coordinator = staff_page(new_page, live_site, UserFactory(role=COORDINATOR, with_totp=True), viewport=DESK_SCREEN)
    coordinator.goto(f"{live_site}/ru/staff/points/")
    check(coordinator, new_page, axe_script, pages_html, viewport=DESK_SCREEN)

    assert_valid_html(pages_html, tmp_path)

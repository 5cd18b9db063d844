"""Staff screens and the editors' admin, signed in as the demo staff would be: the tabs of translated fields work,
and every page has no axe violation (WCAG 2.1 AA), no console error (a script or style the CSP refused, a script
that failed) and valid HTML (Nu HTML Checker, once for all the pages at the end).

The staff sign in through the login form with their password and a TOTP code, as at the office.
"""

import io
import json
import shutil
import subprocess
import time

import pytest

from tests.browser.conftest import DEMO_PLACE_SLUG, VNU_JAR
from tests.browser.test_accessibility import RUN_AXE, WCAG_21_AA, _describe
from tests.factories import roles_restore

pytestmark = pytest.mark.browser

EDITOR = "redaktor@demo.kierunek.invalid"
CASE_OFFICER = "urzednik@demo.kierunek.invalid"
INFO_POINT = "punkt@demo.kierunek.invalid"
ADMINISTRATOR = "admin@demo.kierunek.invalid"
COORDINATOR = "koordynator@demo.kierunek.invalid"
DESK = {"width": 1280, "height": 900}


@pytest.fixture
def staff_site(live_site):
    """The live site with the demo staff, the demo cases and the demo bookings."""
    from appointments import demo as appointments_demo
    from cases import demo as cases_demo
    from portal.demo.loader import load_staff

    roles_restore()
    load_staff()
    cases_demo.load(io.StringIO())
    appointments_demo.load(io.StringIO())
    return live_site


def totp_now() -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from django.conf import settings

    return format_hotp_value(hotp_value(settings.DEMO_TOTP_SECRET, int(time.time()) // 30))


def sign_in(new_page, visit, site: str, email: str, **context_options):
    """A page signed in as `email` through the login form and the second factor."""
    from portal.demo.loader import DEMO_PASSWORD

    page = new_page(**context_options)
    visit(page, site + "/pl/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_selector("#id_code")
    page.fill("#id_code", totp_now())
    with page.expect_navigation():
        page.press("#id_code", "Enter")
    assert "/authenticate/" not in page.url and "/login/" not in page.url, f"{email} could not sign in"
    return page


def staff_pages(site: str) -> dict[str, list[str]]:
    """The pages to sweep, by the demo account that works with them."""
    from appointments.models import Booking
    from cases.models import Case
    from portal.models import FaqEntry, Guide, Notice, Partner, Place

    place = Place.objects.get(slug=DEMO_PLACE_SLUG)
    booking = Booking.objects.filter(place=place).order_by("starts_at").first()
    day = booking.starts_at.date().isoformat() if booking else ""
    case = Case.objects.filter(place=place).order_by("pk").first()

    def change(model, obj) -> str:
        return f"{site}/admin/{model._meta.app_label}/{model._meta.model_name}/{obj.pk}/change/"

    return {
        EDITOR: [
            site + "/pl/staff/",
            site + "/admin/",
            change(Guide, Guide.objects.get(slug="temporary-residence-work")),
            change(Notice, Notice.objects.order_by("pk").first()),
            change(FaqEntry, FaqEntry.objects.order_by("pk").first()),
            change(Place, place),
            change(Partner, Partner.objects.order_by("pk").first()),
        ],
        CASE_OFFICER: [
            site + "/uk/staff/",
            site + "/uk/accounts/2fa/",
            site + "/uk/accounts/password/change/",
            change(Case, case),
        ],
        INFO_POINT: [
            site + "/pl/staff/",
            site + "/pl/staff/appointments/",
            f"{site}/pl/staff/appointments/{DEMO_PLACE_SLUG}/?day={day}",
            # The day with its free times folded into rows, the day list to print, and the office's cancellation.
            f"{site}/uk/staff/appointments/{DEMO_PLACE_SLUG}/?day={day}&show=all",
            f"{site}/ru/staff/appointments/{DEMO_PLACE_SLUG}/print/?day={day}",
            f"{site}/en/staff/appointments/{DEMO_PLACE_SLUG}/bookings/{booking.pk}/cancel/",
            f"{site}/uk/staff/appointments/{DEMO_PLACE_SLUG}/book/?day={day}",
        ],
        ADMINISTRATOR: [site + "/en/staff/", change(Booking, booking)],
        COORDINATOR: [
            site + "/pl/staff/reports/",
            site + "/uk/staff/reports/?kind=quarter&place=" + DEMO_PLACE_SLUG,
        ],
    }


def test_the_translation_tabs_switch_and_every_translated_field_names_its_language(staff_site, new_page, visit):
    from portal.models import Guide

    guide = Guide.objects.get(slug="temporary-residence-work")
    page = sign_in(new_page, visit, staff_site, EDITOR, viewport=DESK)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    visit(page, f"{staff_site}/admin/portal/guide/{guide.pk}/change/")

    title_tabs = page.locator(".ui-tabs", has=page.locator("#id_title_pl"))
    assert title_tabs.count() == 1, "The title's translations are not in tabs: " + "; ".join(errors)
    for language in ["uk", "pl", "ru", "en"]:
        title_tabs.get_by_role("tab", name=language, exact=True).click()

        shown = [code for code in ["pl", "en", "uk", "ru"] if page.locator(f"#id_title_{code}").is_visible()]
        assert shown == [language], f"After a click on the {language} tab the page shows the titles {shown}"
    assert not errors, "Console errors on the guide's change page:\n" + "\n".join(errors)

    unnamed = page.evaluate(
        """() => {
            const names = {pl: /polski|polish/i, en: /angielski|english/i, uk: /ukraiński|ukrainian/i,
                           ru: /rosyjski|russian/i};
            return [...document.querySelectorAll("[class*='mt-field-']")]
                .filter(field => field.id && !field.id.includes("__prefix__") && field.type !== "hidden")
                .filter(field => {
                    const language = field.id.slice(-2);
                    const label = document.querySelector(`label[for='${field.id}']`);
                    return !label || !names[language].test(label.textContent);
                })
                .map(field => field.id);
        }"""
    )
    assert not unnamed, f"{len(unnamed)} translated fields have no label naming their language: {unnamed[:10]}"


def test_staff_and_admin_pages_have_no_axe_violations_console_errors_or_html_errors(
    staff_site, new_page, visit, axe_script, tmp_path
):
    problems, documents = [], []
    for email, urls in staff_pages(staff_site).items():
        page = sign_in(new_page, visit, staff_site, email, viewport=DESK)
        state = page.context.storage_state()
        # The site's own CSP applies here, so a refused inline script or style shows as a console error.
        console = []
        page.on("console", lambda message, sink=console: sink.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error, sink=console: sink.append(str(error)))
        # axe is injected in a context that ignores the CSP, as in the public sweeps.
        checker = new_page(viewport=DESK, bypass_csp=True, storage_state=state)
        for url in urls:
            console.clear()
            visit(page, url)
            page.wait_for_load_state("networkidle")
            problems += [f"{url} ({email}): console: {text}" for text in console]
            documents.append((f"{url} ({email})", page.context.request.get(url).text()))
            visit(checker, url)
            checker.add_script_tag(path=axe_script)
            violations = checker.evaluate(RUN_AXE, WCAG_21_AA)["violations"]
            problems += [f"{url} ({email}): axe:\n{_describe(violation)}" for violation in violations]

    problems += html_errors(documents, tmp_path)
    assert not problems, f"{len(problems)} problems on staff and admin pages:\n" + "\n".join(problems)


def html_errors(documents: list[tuple[str, str]], folder) -> list[str]:
    if shutil.which("java") is None or not VNU_JAR.is_file():
        pytest.skip("The Nu HTML Checker is not installed: run ./dev test")
    files = []
    for number, (_name, html) in enumerate(documents):
        file = folder / f"staff-{number}.html"
        file.write_text(html)
        files.append(str(file))
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    errors = []
    for message in json.loads(result.stdout)["messages"]:
        if message.get("type") != "error":
            continue
        number = int(message["url"].rsplit("staff-", 1)[1].split(".")[0])
        errors.append(f"{documents[number][0]}: html: {message['message']} «{message.get('extract', '').strip()}»")
    return errors


def test_the_indicator_dashboard_fits_a_phone(staff_site, new_page, visit):
    """At 360 px the figures, charts and tables stay within the screen; wide tables scroll in their own box."""
    page = sign_in(new_page, visit, staff_site, COORDINATOR, viewport={"width": 360, "height": 800})
    visit(page, staff_site + "/pl/staff/reports/")
    assert page.locator("svg.report-chart").count() == 7
    wider = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wider <= 0, f"The dashboard is {wider}px wider than a phone"

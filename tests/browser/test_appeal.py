"""After a refusal, on a phone with JavaScript off: from the case to a signed-ready appeal letter and its deadline."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from cases.appeal import appeal_deadline
from tests.browser.test_accessibility import RUN_AXE, WCAG_21_AA, _describe
from tests.browser.test_case_status import demo_cases  # noqa: F401 - the fixture, shared
from tests.browser.test_layout import PHONE

pytestmark = pytest.mark.browser


def test_a_russian_reader_prepares_the_appeal_and_its_calendar_entry_without_javascript(
    demo_cases,  # noqa: F811 - the fixture imported above
    new_page,
    visit,
    axe_script,
):
    page = new_page(viewport=PHONE, java_script_enabled=False, accept_downloads=True)
    visit(page, f"{demo_cases}/ru/case-status/")
    page.fill("#id_number", "WSC-II-S.6151.9003.2026")  # the demo's refused case
    page.fill("#id_access_code", "DEMKW-CASEC")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{demo_cases}/ru/case-status/result/")
    assert page.locator('#appeal a[href="/ru/guides/appeal-against-decision/"]').count() == 1
    page.click('#appeal a[href="/ru/case-status/result/appeal/"]')
    page.wait_for_url(f"{demo_cases}/ru/case-status/result/appeal/")

    page.click("button[value=pdf]")
    assert page.locator("#id_decision_date[aria-invalid=true]").count() == 1
    assert "Введите дату решения" in page.locator("main").inner_text()

    today = timezone.localdate()
    page.fill("#id_decision_date", (today - timedelta(days=5)).isoformat())
    page.fill("#id_delivered_on", (today - timedelta(days=2)).isoformat())
    with page.expect_download() as pdf_download:
        page.click("button[value=pdf]")
    text = " ".join(p.extract_text() for p in PdfReader(pdf_download.value.path()).pages)
    assert "ODWOŁANIE" in text.upper() and "апелляц" in text.lower()

    with page.expect_download() as ics_download:
        page.click("button[value=ics]")
    calendar = Calendar.from_ical(Path(ics_download.value.path()).read_bytes())
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart") == appeal_deadline(today - timedelta(days=2))

    # axe needs JavaScript: a second context carries on with the same session cookie.
    checked = new_page(viewport=PHONE, bypass_csp=True, storage_state=page.context.storage_state())
    visit(checked, f"{demo_cases}/ru/case-status/result/appeal/")
    assert checked.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    checked.add_script_tag(path=axe_script)
    violations = checked.evaluate(RUN_AXE, WCAG_21_AA)["violations"]
    assert not violations, "\n".join(_describe(violation) for violation in violations)

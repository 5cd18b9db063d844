"""The case-status result, which only a lookup opens: filled in by a person on a phone, JavaScript off."""

import io

import pytest

from tests.browser.test_accessibility import RUN_AXE, WCAG_21_AA, _describe
from tests.browser.test_layout import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_cases(live_site):
    from cases import demo

    demo.load(io.StringIO())
    return live_site


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_an_overdue_case_on_a_phone_without_javascript(language, demo_cases, new_page, visit, axe_script):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    visit(page, f"{demo_cases}/{language}/case-status/")
    page.fill("#id_number", "wsc ii s 6151 9002 2026")
    page.fill("#id_access_code", "demkw caseb")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{demo_cases}/{language}/case-status/result/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("[aria-current=step]").count() == 1

    # axe needs JavaScript: a second context carries on with the same session cookie.
    page = new_page(viewport=PHONE, bypass_csp=True, storage_state=page.context.storage_state())
    for path in ("result/", "result/complaint/"):
        visit(page, f"{demo_cases}/{language}/case-status/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.add_script_tag(path=axe_script)
        violations = page.evaluate(RUN_AXE, WCAG_21_AA)["violations"]
        assert not violations, "\n".join(_describe(violation) for violation in violations)


def test_with_javascript_the_e_mail_form_answers_in_place(demo_cases, new_page, visit):
    page = new_page(viewport=PHONE)
    visit(page, f"{demo_cases}/en/case-status/")
    page.fill("#id_number", "WSC-II-S.6151.9001.2026")
    page.fill("#id_access_code", "DEMKW-CASEA")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{demo_cases}/en/case-status/result/")
    page.fill("#id_email", "anna@example.org")
    page.get_by_role("button", name="Send me updates").click()
    page.locator("#updates [role=status]").wait_for()
    assert page.url == f"{demo_cases}/en/case-status/result/"  # no reload: the section was swapped

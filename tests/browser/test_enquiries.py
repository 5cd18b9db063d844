"""The enquiry desk in the browser: the question form on a phone with and without JavaScript, the helpline's
quick log by keyboard alone, and a reply round trip (staff answer, the person reads it on the private page and
writes back). Public pages are checked with axe-core and the 360 px width as they are reached, and for valid
HTML at the end."""

import re

import pytest
from django.test import Client

from tests.browser.test_appointments import assert_valid_html, check_page
from tests.browser.test_layout import PHONE

pytestmark = pytest.mark.browser

QUESTION = "Jak złożyć wniosek o zezwolenie na pobyt czasowy i pracę?"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def desk_roles(live_site):
    """The live server's database is emptied between tests (roles included): grant the desk's roles again."""
    import importlib

    from django.apps import apps

    from portal import roles

    migration = importlib.import_module("infopoints.migrations.0003_enquiry_roles")
    roles.grant_role_permissions(apps, "infopoints", migration.GRANTS)


def signed_in(new_page, live_site, user, **options):
    """A browser page with the session of `user` (TOTP enrolled), as after signing in with the second factor."""
    client = Client()
    client.force_login(user)
    page = new_page(**options)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_site}])
    return page


def test_a_question_sent_on_a_phone_without_javascript(live_site, media, new_page, visit, axe_script, tmp_path):
    from infopoints.models import Enquiry

    pages_html = []
    page = new_page(viewport=PHONE, java_script_enabled=False)
    visit(page, f"{live_site}/uk/ask/")
    check_page(page, new_page, visit, axe_script, pages_html)
    page.fill("#id_question", QUESTION)
    page.click("main form button[type=submit]")
    assert page.locator("main .ask-suggestions a").count() >= 1  # the suggestions, listed after the first step
    check_page(page, new_page, visit, axe_script, pages_html)
    page.select_option("#id_topic", "other")
    page.click("main form button[type=submit]")  # no e-mail: the form says so and keeps the question
    assert page.locator("#id_email[aria-invalid=true]").count() == 1
    assert page.input_value("#id_question") == QUESTION
    page.fill("#id_email", "olena@example.org")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_site}/uk/ask/sent/")
    enquiry = Enquiry.objects.get()
    assert enquiry.reference in page.content() and enquiry.language == "uk"
    check_page(page, new_page, visit, axe_script, pages_html)
    assert_valid_html(pages_html, tmp_path)


def test_with_javascript_suggestions_appear_while_typing(live_site, new_page, visit):
    from infopoints.models import SuggestionOpen

    page = new_page(viewport=PHONE)
    visit(page, f"{live_site}/pl/ask/")
    page.evaluate("window.stayedOnPage = true")
    page.locator("#id_question").press_sequentially("zezwolenie na pobyt czasowy", delay=20)
    page.locator("#ask-suggestions .ask-suggestions a").first.wait_for()
    assert page.evaluate("window.stayedOnPage") is True
    page.locator("#ask-suggestions .ask-suggestions a").first.click()
    page.wait_for_url("**/guides/**")
    assert SuggestionOpen.objects.filter(question_sent=False).count() == 1


def test_a_call_is_logged_with_the_keyboard_alone(live_site, desk_roles, new_page, visit, axe_script, tmp_path):
    from infopoints.models import Enquiry
    from tests.infopoints.enquiry_helpers import consultant

    pages_html = []
    page = signed_in(new_page, live_site, consultant(), viewport=PHONE)
    visit(page, f"{live_site}/en/staff/enquiries/call/")
    check_page(page, new_page, visit, axe_script, pages_html)
    assert page.evaluate("document.activeElement.id") == "id_summary"  # the cursor starts where typing starts
    active = "document.activeElement.id"
    page.keyboard.type("Asked when the residence card is ready")
    page.keyboard.press("Tab")
    assert page.evaluate(active) == "id_topic"
    page.keyboard.type("Something")  # the topic, chosen by typing its first letters
    page.keyboard.press("Tab")
    assert page.evaluate(active) == "id_language"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # Polski, English, Українська
    for _field in ("outcome", "callback_phone", "case_number", "button"):
        page.keyboard.press("Tab")  # "answered on the phone" is already chosen
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.get_by_text("Call recorded as").wait_for()
    enquiry = Enquiry.objects.get()
    assert (enquiry.channel, enquiry.language, enquiry.status, enquiry.topic) == ("phone", "uk", "answered", None)
    assert enquiry.reference in page.content()
    check_page(page, new_page, visit, axe_script, pages_html)
    assert_valid_html(pages_html, tmp_path)


def test_a_reply_round_trip(live_site, desk_roles, media, new_page, visit, axe_script, tmp_path):
    from infopoints.models import Enquiry
    from infopoints.selectors import enquiry_link_token
    from tests.infopoints.enquiry_helpers import consultant, web_enquiry

    enquiry = web_enquiry(language="ru", question="Когда будет готова моя карта побыту?")
    staff_html = []
    staff = signed_in(new_page, live_site, consultant(), java_script_enabled=False, viewport=PHONE)
    visit(staff, f"{live_site}/en/staff/enquiries/")
    check_page(staff, new_page, visit, axe_script, staff_html)
    staff.click(f"main a:text('{enquiry.reference}')")
    check_page(staff, new_page, visit, axe_script, staff_html)
    staff.fill("#id_reply_body", "Карта будет готова через неделю. Пришлите, пожалуйста, скан паспорта.")
    staff.check("#id_wait_for_person")
    staff.click("main form[action$='/reply/'] button[type=submit]")
    assert "Карта будет готова" in staff.content()
    enquiry.refresh_from_db()
    assert enquiry.status == "waiting"

    pages_html = []
    person = new_page(viewport=PHONE, java_script_enabled=False)
    visit(person, f"{live_site}/ru/ask/{enquiry_link_token(enquiry)}/")
    assert "Карта будет готова" in person.content()
    check_page(person, new_page, visit, axe_script, pages_html)
    person.fill("#id_body", "Спасибо, скан во вложении.")
    person.click("main form button[type=submit]")
    assert "Спасибо, скан во вложении." in person.content()
    check_page(person, new_page, visit, axe_script, pages_html)
    assert Enquiry.objects.get(pk=enquiry.pk).status == "in_progress"
    assert_valid_html(pages_html + staff_html, tmp_path)


def test_with_javascript_a_canned_answer_is_inserted_in_place(live_site, desk_roles, media, new_page, visit):
    from infopoints.models import CannedAnswer
    from tests.infopoints.enquiry_helpers import consultant, web_enquiry

    CannedAnswer.objects.create(title_pl="Odbiór karty", body_pl="Karta czeka.", body_uk="Карта чекає на вас.")
    enquiry = web_enquiry(language="uk")
    page = signed_in(new_page, live_site, consultant())
    visit(page, f"{live_site}/en/staff/enquiries/{enquiry.pk}/")
    page.evaluate("window.stayedOnPage = true")
    page.click("main form[data-hx-get] button[type=submit]")
    from playwright.sync_api import expect

    expect(page.locator("#id_reply_body")).to_have_value(re.compile("Карта чекає на вас"))
    assert page.evaluate("window.stayedOnPage") is True
    page.fill("#id_reply_body", page.input_value("#id_reply_body") + "\nДо зустрічі!")  # editable before sending
    page.click("main form[action$='/reply/'] button[type=submit]")
    page.get_by_text("До зустрічі!").wait_for()

"""Journeys of the information pages: hiding an urgent banner, and "was this helpful?" with and without JavaScript."""

import pytest

pytestmark = pytest.mark.browser

URGENT_BANNERS = "[data-urgent-notice]"


def test_a_hidden_urgent_banner_stays_hidden_in_this_browser_and_the_other_stays(public_site, new_page, visit):
    page = new_page()
    visit(page, public_site + "/uk/places/")
    banners = page.locator(URGENT_BANNERS)
    assert banners.count() == 2
    first = banners.nth(0)
    hidden_id = first.get_attribute("data-urgent-notice")

    first.get_by_role("button").click()

    assert first.is_hidden()
    visit(page, public_site + "/uk/guides/")
    assert page.locator(f'[data-urgent-notice="{hidden_id}"]').is_hidden()
    assert page.locator(URGENT_BANNERS).nth(1).is_visible()


def test_urgent_banners_show_without_javascript_and_offer_no_dead_button(public_site, new_page, visit):
    page = new_page(java_script_enabled=False)
    visit(page, public_site + "/ru/")
    assert page.locator(URGENT_BANNERS).count() == 2
    assert page.locator(URGENT_BANNERS).nth(0).is_visible()
    assert page.get_by_role("button", name="Скрыть это объявление").count() == 0


@pytest.mark.parametrize("javascript", [True, False])
def test_was_this_helpful_works_with_and_without_javascript(javascript, live_site, new_page, visit):
    from portal.models import FaqEntry

    page = new_page(java_script_enabled=javascript)
    visit(page, live_site + "/en/faq/")
    entry = page.locator("#how-do-i-file-an-application")

    entry.get_by_role("button", name="Yes").click()

    entry.get_by_text("Thank you for your answer.").wait_for()
    assert ("?answered=" in page.url) is not javascript  # htmx answers in place; without it the page reloads
    assert FaqEntry.objects.get(slug="how-do-i-file-an-application").helpful_yes == 1

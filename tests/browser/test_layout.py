"""The public pages work on a small phone, with the keyboard, and with JavaScript switched off.

That every public page fits a 360 px screen is checked in test_accessibility.py, in the same visit as axe."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
# The elements sticking out on the right, to say in the failure what overflows.
WIDER_THAN_VIEWPORT = """width => [...document.body.querySelectorAll("*")]
    .filter(element => element.getBoundingClientRect().right > width)
    .slice(0, 8)
    .map(element => element.tagName.toLowerCase() + (element.className ? "." + element.className : "")
         + " (right edge " + Math.round(element.getBoundingClientRect().right) + "px)")"""


def test_language_switcher_works_without_javascript(public_site, new_page, visit):
    page = new_page(java_script_enabled=False)
    visit(page, public_site + "/pl/places/")

    page.get_by_role("link", name="Українська", exact=True).click()

    page.wait_for_url(public_site + "/uk/places/")
    assert page.locator("html").get_attribute("lang") == "uk"


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_skip_link_is_the_first_thing_the_keyboard_reaches_and_its_focus_is_visible(
    language, public_site, new_page, visit
):
    page = new_page()
    visit(page, public_site + f"/{language}/places/")

    page.keyboard.press("Tab")

    focused = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return {
                href: element.getAttribute("href"),
                focusVisible: element.matches(":focus-visible"),
                outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
                onScreen: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.width > 0,
            };
        }"""
    )
    assert (focused["href"] or "").endswith("#main"), f"The first Tab reaches {focused['href']!r}, not the skip link"
    assert focused["focusVisible"] and focused["outline"], "The focused skip link has no visible focus indicator"
    assert focused["onScreen"], "The focused skip link stays off screen"

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main", "The skip link does not move focus to the content"

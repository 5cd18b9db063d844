"""A 360 × 800 phone: the page's own heading is on the first screen even with both urgent banners, and tables show
their content whole (stacked on a phone), with no word broken letter by letter and nothing cut off."""

import pytest

from tests.browser.conftest import PUBLIC_PAGES
from tests.browser.test_appointments import bookable  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

PHONE_SCREEN = {"width": 360, "height": 800}
FIRST_SCREEN_PAGES = ["", "guides/", "guides/temporary-residence-work/", "fees/", "places/", "appointments/"]

# Elements that hide part of their content: overflow hidden or clipped, and content wider than the box.
# 1-px boxes are the visually hidden texts for screen readers, hidden on purpose.
CLIPPED = """() => [...document.body.querySelectorAll("*")]
    .filter(element => {
        const style = getComputedStyle(element);
        const hides = ["hidden", "clip"].includes(style.overflowX);
        return hides && element.clientWidth > 1 && element.scrollWidth > element.clientWidth + 1;
    })
    .slice(0, 8)
    .map(element => element.tagName.toLowerCase() + (element.className ? "." + element.className : "")
         + ` (${element.scrollWidth}px of content in ${element.clientWidth}px)`)"""

# Words of table cells that a line break splits: a word (letters or digits, up to 20 of them; longer ones such as
# an account number may break) whose characters lie on more than one line.
BROKEN_WORDS = """() => {
    const broken = [];
    for (const cell of document.querySelectorAll("main td, main th")) {
        // Cells not shown, or shown only to screen readers (a stacked table's 1-px heading row), have no lines.
        if (cell.getBoundingClientRect().width < 2) continue;
        const hiddenRow = cell.closest("thead, tr");
        if (hiddenRow && [hiddenRow, hiddenRow.parentElement].some(
            box => box && (box.getBoundingClientRect().width < 2 || getComputedStyle(box).clip !== "auto"))) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.textContent.matchAll(/[\\p{L}\\p{N}]+/gu)) {
                if (match[0].length < 2 || match[0].length > 20) continue;
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (tops.size > 1) broken.push(match[0]);
            }
        }
    }
    return broken.slice(0, 10);
}"""


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_the_heading_is_on_the_first_screen_of_a_phone_with_both_urgent_banners(language, live_site, new_page, visit):
    page = new_page(viewport=PHONE_SCREEN)
    late = []
    for path in FIRST_SCREEN_PAGES:
        visit(page, f"{live_site}/{language}/{path}")
        banners = page.locator("[data-urgent-notice]")
        assert banners.count() == 2 and banners.nth(0).is_visible() and banners.nth(1).is_visible(), path
        heading = page.locator("h1").first.bounding_box()
        if heading is None or heading["y"] + heading["height"] > PHONE_SCREEN["height"]:
            late.append(f"/{language}/{path}: h1 ends at {heading and round(heading['y'] + heading['height'])}px")
    assert not late, "The heading is below the first screen:\n" + "\n".join(late)


def test_the_phone_menu_opens_without_javascript_and_leads_to_every_section(live_site, new_page, visit):
    page = new_page(viewport=PHONE_SCREEN, java_script_enabled=False)
    visit(page, live_site + "/uk/")
    menu = page.locator("details.phone-menu")
    assert page.locator("nav.main-nav").is_hidden()
    assert menu.get_by_role("link", name="Платежі").is_hidden()

    menu.locator("summary").click()
    menu.get_by_role("link", name="Платежі").click()

    page.wait_for_url(live_site + "/uk/fees/")


def test_an_urgent_banners_text_opens_behind_more_without_javascript(live_site, new_page, visit):
    page = new_page(viewport=PHONE_SCREEN, java_script_enabled=False)
    visit(page, live_site + "/pl/")
    banner = page.locator("[data-urgent-notice]").first
    text = banner.locator(".urgent-more p")
    assert text.is_hidden()

    banner.locator(".urgent-more summary").click()

    assert text.is_visible()


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_public_pages_on_a_phone_clip_nothing_and_break_no_word_in_a_table(language, live_site, new_page, visit):
    page = new_page(viewport=PHONE_SCREEN)
    problems = []
    for public_page in PUBLIC_PAGES:
        visit(page, live_site + public_page.url(language), status=public_page.status)
        clipped = page.evaluate(CLIPPED)
        broken = page.evaluate(BROKEN_WORDS)
        if clipped:
            problems.append(f"{public_page.url(language)} clips: {', '.join(clipped)}")
        if broken:
            problems.append(f"{public_page.url(language)} breaks words in a table: {', '.join(broken)}")
    assert not problems, "\n".join(problems)


def test_a_fee_on_a_phone_is_a_block_with_each_part_named(live_site, new_page, visit, tmp_path):
    page = new_page(viewport=PHONE_SCREEN)
    visit(page, live_site + "/uk/fees/")
    row = page.locator("table.fee-overview tbody tr").first
    amount = row.locator("td[data-label]").nth(1)

    labels = amount.evaluate("cell => getComputedStyle(cell, '::before').content")
    widths = row.evaluate("row => [...row.children].filter(c => c.clientWidth > 1).map(c => c.clientWidth)")

    assert labels.strip('"') == "Сума"
    assert min(widths) > 250, f"The parts of a fee are side by side on a phone: {widths}"
    page.screenshot(path=str(tmp_path / "fees.png"))


@pytest.mark.usefixtures("bookable")
def test_the_booking_check_page_stacks_each_label_over_its_value_on_a_phone(live_site, new_page, visit):
    page = new_page(viewport=PHONE_SCREEN, java_script_enabled=False)
    visit(page, f"{live_site}/uk/appointments/")
    page.click("main .service-list a")
    page.click("main .place-choices a.button")
    page.click("main .booking-calendar td.free a")
    page.check("main input[name=slot] >> nth=0")
    page.click("main #times button[type=submit]")
    page.wait_for_url(f"{live_site}/uk/appointments/details/")
    page.fill("#id_name", "Olena Kovalenko")
    page.fill("#id_email", "olena@example.org")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_site}/uk/appointments/check/")

    widths = page.evaluate("[...document.querySelectorAll('main .booking-summary dd')].map(dd => dd.clientWidth)")

    assert widths and min(widths) > 250, f"Values squeezed beside their labels on a phone: {widths}px wide"

"""The read-only sweeps share one copy of the demo content: it must be on the pages they check.

An earlier attempt at sharing it left the database empty after the first test that wrote, so every later sweep
checked pages without their data (and passed). These tests run after tests that write, in a module of their
own near the end of the package, and look for the content on the page itself.
"""

import pytest

from tests.browser.conftest import DEMO_PLACE_SLUG

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["pl", "en"])
def test_a_sweep_after_a_writing_test_still_sees_the_demo_places(language, public_site, new_page, visit):
    names = {"pl": "Wydział Spraw Cudzoziemców – siedziba w Poznaniu",
             "en": "Foreigners' Affairs Department – Poznań headquarters"}
    page = new_page(java_script_enabled=False)

    visit(page, f"{public_site}/{language}/places/{DEMO_PLACE_SLUG}/")

    assert names[language] in page.content()


def test_a_sweep_sees_the_demo_guides_and_notices(public_site, new_page, visit):
    page = new_page(java_script_enabled=False)

    visit(page, f"{public_site}/en/notices/temporary-protection-ends-4-march-2027/")
    visit(page, f"{public_site}/en/guides/temporary-residence-work/")

    assert page.locator("h1").count() == 1
    assert "Temporary residence" in page.locator("h1").inner_text()

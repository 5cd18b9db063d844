"""Every public page, in every language, passes axe-core's WCAG 2.1 level A and AA rules with no violation, and
fits a 360 px phone screen (one visit checks both: loading the demo content for each visit is the slow part)."""

import pytest

from tests.browser.test_layout import PHONE, WIDER_THAN_VIEWPORT

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})"""


def test_public_page_fits_a_phone_and_has_no_wcag_21_aa_violations(
    public_page, language, public_site, new_page, visit, axe_script
):
    # The site's Content-Security-Policy rightly refuses injected scripts; only this test context ignores it.
    page = new_page(bypass_csp=True, viewport=PHONE)
    visit(page, public_site + public_page.url(language), status=public_page.status)

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{public_page.url(language)} scrolls sideways ({width}px wide): " + ", ".join(
        page.evaluate(WIDER_THAN_VIEWPORT, PHONE["width"])
    )

    page.add_script_tag(path=axe_script)

    violations = page.evaluate(RUN_AXE, WCAG_21_AA)["violations"]

    assert not violations, f"{public_page.url(language)} breaks WCAG 2.1 AA:\n" + "\n".join(
        _describe(violation) for violation in violations
    )


def _describe(violation: dict) -> str:
    lines = [f"  {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"]
    for node in violation["nodes"]:
        summary = " ".join(node.get("failureSummary", "").split())
        lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)

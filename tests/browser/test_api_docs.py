"""The integration API's documentation page is a page people read too (partners' developers): the same sweeps as
the public pages (axe WCAG 2.1 AA, the phone width, the Nu HTML Checker), in the language the browser asks for."""

import json
import shutil
import subprocess

import pytest

from tests.browser.conftest import VNU_JAR
from tests.browser.test_accessibility import RUN_AXE, WCAG_21_AA, _describe
from tests.browser.test_layout import PHONE, WIDER_THAN_VIEWPORT

pytestmark = pytest.mark.browser

DOCS = "/api/v1/docs/"


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_api_docs_fit_a_phone_and_have_no_wcag_21_aa_violations(language, public_site, new_page, visit, axe_script):
    page = new_page(bypass_csp=True, viewport=PHONE, locale=language, extra_http_headers={"Accept-Language": language})
    visit(page, public_site + DOCS)

    assert page.evaluate("document.documentElement.lang") == language
    assert page.locator("h1").count() == 1 and page.locator("section h3").count() > 5
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{DOCS} scrolls sideways ({width}px wide): " + ", ".join(
        page.evaluate(WIDER_THAN_VIEWPORT, PHONE["width"])
    )
    page.add_script_tag(path=axe_script)
    violations = page.evaluate(RUN_AXE, WCAG_21_AA)["violations"]
    assert not violations, f"{DOCS} breaks WCAG 2.1 AA:\n" + "\n".join(_describe(v) for v in violations)


def test_api_docs_are_valid_html(client, tmp_path):
    if shutil.which("java") is None or not VNU_JAR.is_file():
        pytest.skip("the Nu HTML Checker needs Java and vnu-jar (./dev test installs both)")
    response = client.get(DOCS, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    file = tmp_path / "api-docs.html"
    file.write_bytes(response.content)

    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", str(file)],
                            capture_output=True, text=True, timeout=120, check=False)
    errors = [m for m in json.loads(result.stdout)["messages"] if m.get("type") == "error"]

    assert not errors, "\n".join(f"line {e.get('lastLine', '?')}: {e['message']}" for e in errors)

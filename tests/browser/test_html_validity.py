"""Every public page, in every language, is valid HTML by the Nu HTML Checker (the W3C validator)."""

import pytest

pytestmark = pytest.mark.browser


def test_public_page_is_valid_html(public_page, language, html_check):
    checked = html_check[public_page.name, language]

    assert checked.status == public_page.status, f"{checked.url} answered {checked.status}"
    assert not checked.errors, f"{checked.url} ({checked.file.name}) is not valid HTML:\n" + "\n".join(
        f"  line {error.get('lastLine', '?')}: {error['message']}\n      {error.get('extract', '').strip()}"
        for error in checked.errors
    )

"""The demo's integration tokens: printed by load_demo, working with the README's curl examples, loaded once."""

import io

import pytest

from cases import demo
from cases.models import IntegrationToken
from portal.demo.loader import load_guides, load_places

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("short_demo_history")]


def test_the_demo_tokens_are_printed_and_answer_with_their_scopes(api):
    load_places()
    load_guides()
    output = io.StringIO()
    demo.load(output)
    demo.load(io.StringIO())
    assert IntegrationToken.objects.filter(name__startswith="Demo:").count() == len(demo.API_TOKENS)
    printed = output.getvalue()
    for _name, plaintext, _scopes, _places in demo.API_TOKENS:
        assert plaintext in printed
    assert api.get("/guides/?lang=en", "kw_demo_read").json()["count"] > 0
    assert api.get("/guides/", "kw_demo_import").status_code == 403
    importer = IntegrationToken.objects.get(name="Demo: case management system")
    assert importer.places.exists() and not importer.office_wide

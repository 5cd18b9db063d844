"""Staff pages have their own layout: no public menu, no urgent banners, a staff header with what the roles open."""

import re
from pathlib import Path

import pytest

from portal import roles
from portal.demo.loader import load_guides, load_information, load_places
from tests.factories import PlaceFactory, UserFactory, url_in

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_the_staff_home_has_the_staff_header_and_neither_the_public_menu_nor_the_urgent_banners(client, settings):
    settings.DEBUG = True
    load_places()
    load_guides()
    load_information()  # the demo has two urgent notices, shown on every public page
    user = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True, name="Olena Informacja")
    client.force_login(user)
    assert "data-urgent-notice" in client.get(url_in("uk", "place_list")).content.decode()

    content = client.get(url_in("uk", "staff_home")).content.decode()

    assert "data-urgent-notice" not in content
    assert 'class="main-nav"' not in content and 'class="phone-menu"' not in content
    assert 'class="staff-header"' in content
    assert "Olena Informacja" in content
    assert f'href="{url_in("uk", "appointments_staff:places")}"' in content
    assert f'action="{url_in("uk", "account_logout")}"' in content
    assert 'hreflang="pl"' in content  # the language switch


def test_the_staff_header_offers_only_the_screens_the_roles_open(client):
    editor = UserFactory(role=roles.CONTENT_EDITOR, with_totp=True)
    client.force_login(editor)

    content = client.get(url_in("en", "staff_home")).content.decode()

    assert url_in("en", "appointments_staff:places") not in content
    assert 'href="/admin/"' in content


def test_the_day_page_uses_the_staff_layout(client):
    place = PlaceFactory()
    user = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True)
    user.places.add(place)
    client.force_login(user)

    content = client.get(url_in("pl", "appointments_staff:day", place_slug=place.slug)).content.decode()

    assert 'class="staff-header"' in content and 'class="main-nav"' not in content


def test_staff_templates_extend_the_staff_layout_and_write_htmx_attributes_as_data_hx():
    staff_templates = [
        TEMPLATES / "portal" / "staff_home.html",
        *sorted((TEMPLATES / "appointments" / "staff").glob("*.html")),
    ]
    for template in staff_templates:
        text = template.read_text()
        assert not re.search(r"(?<![\w-])hx-[a-z]+=", text), f"{template.name} has a bare hx-* attribute"
        if not template.name.startswith("_"):
            assert '{% extends "staff/base.html" %}' in text, template.name

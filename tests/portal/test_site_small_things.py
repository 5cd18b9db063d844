"""robots.txt, the login page's labels, and search passages shown in Polish on another language's page."""

import pytest
from django.test import override_settings

from tests.factories import url_in
from tests.portal.test_faq import make_entry

pytestmark = pytest.mark.django_db


@override_settings(SITE_URL="https://migrant.example.gov.pl")
def test_robots_txt_points_at_the_sitemap_and_keeps_admin_staff_and_accounts_out(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: https://migrant.example.gov.pl/sitemap.xml" in lines
    for path in ["/admin/", "/*/staff/", "/*/accounts/"]:
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines  # the public pages stay open


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("en", "E-mail address"),
        ("pl", "Adres e-mail"),
        ("uk", "Адреса електронної пошти"),
        ("ru", "Адрес электронной почты"),
    ],
)
def test_the_login_pages_e_mail_label_is_in_the_readers_language(client, language, label):
    content = client.get(url_in(language, "account_login")).content.decode()

    # The site's one field template writes the label without a trailing colon.
    assert f'<label for="id_login">{label}</label>' in content
    assert ">Email:<" not in content


def test_a_faq_answer_found_only_in_polish_says_it_is_the_polish_text_and_why(client):
    make_entry(
        "renewal", answer_pl="Tak, jeśli kartę wydano po 2020 roku.", answer_en="Yes, if it was issued after 2020."
    )

    content = client.get(url_in("en", "search"), {"q": "karta"}).content.decode()

    assert '<p class="search-snippet" lang="pl">' in content
    assert "The words you searched for appear only in the Polish text, so this passage is in Polish:" in content


def test_a_faq_answer_found_in_the_readers_language_has_no_polish_note(client):
    make_entry("renewal", answer_pl="Tak, jeśli kartę wydano po 2020 roku.", answer_en="Yes, if the card was issued.")

    content = client.get(url_in("en", "search"), {"q": "card"}).content.decode()

    assert 'class="search-snippet"' in content
    assert "appear only in the Polish text" not in content


def test_the_admins_translation_tabs_load_jquery_ui_from_our_own_static_files():
    from django.contrib import admin

    from portal.models import Guide

    scripts = [str(path) for path in admin.site._registry[Guide].media._js]

    assert any(path.endswith("vendor/jquery-ui/jquery-ui.min.js") for path in scripts), scripts
    assert not any("//" in path for path in scripts), "The CSP refuses scripts from other sites: " + str(scripts)

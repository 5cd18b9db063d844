import io
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from portal.management.commands.compile_translations import catalogue_paths
from tests.factories import PlaceFactory, url_in

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("uk-UA,uk;q=0.9", "/uk/"), ("ru", "/ru/"), ("en-GB,en;q=0.8", "/en/"), ("de-DE", "/pl/"), ("", "/pl/")],
)
def test_root_redirects_by_the_browsers_language_falling_back_to_polish(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response.url == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_declares_its_language_alternates_and_canonical_link(client, language):
    place = PlaceFactory()
    for url in (
        url_in(language, "home"),
        url_in(language, "place_list"),
        url_in(language, "place_detail", slug=place.slug),
    ):
        content = client.get(url).content.decode()
        assert f'<html lang="{language}">' in content
        assert f'<link rel="canonical" href="{settings.SITE_URL}{url}">' in content
        for other in LANGUAGES:
            other_url = "/" + other + url[3:]
            assert f'hreflang="{other}" href="{settings.SITE_URL}{other_url}"' in content
            assert f'href="{other_url}" lang="{other}"' in content  # the switcher keeps the reader on this page
        assert 'hreflang="x-default"' in content


@pytest.mark.parametrize("path", ["/xx/places/", "/pl/no-such-page/", "/uk/places/no-such-place/"])
def test_unknown_prefix_or_page_is_a_404_in_the_layout(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert '<main id="main"' in response.content.decode()


def test_404_page_is_translated(client):
    assert "Сторінку не знайдено" in client.get("/uk/no-such-page/").content.decode()
    assert "Page not found" in client.get("/en/no-such-page/").content.decode()
    assert "Nie znaleziono strony" in client.get("/pl/no-such-page/").content.decode()


@pytest.mark.parametrize("po_path", catalogue_paths(), ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_interface_catalogues_are_complete_with_no_fuzzy_entries(po_path: Path):
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {po_path}: {untranslated}"
    assert not fuzzy, f"fuzzy in {po_path}: {fuzzy}"


def test_every_interface_language_but_english_has_a_catalogue():
    # Interface strings are written in English in the code; every other language needs its catalogue.
    languages_with_catalogue = {path.parts[-3] for path in catalogue_paths()}
    assert languages_with_catalogue == set(LANGUAGES) - {"en"}


def test_compiled_catalogues_match_their_sources(tmp_path):
    call_command("compile_translations", stdout=io.StringIO())
    for po_path in catalogue_paths():
        source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(po_path)).translated_entries()}
        compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(po_path.with_suffix(".mo")))}
        assert source.items() <= compiled.items()

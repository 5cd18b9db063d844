"""The public page of legal regulations: built from the same list as docs/sources.md, in four languages."""

import re

import pytest
from django.core.cache import cache
from django.utils.html import escape

from portal.legal_sources import ACTS
from portal.legal_sources.acts import act
from tests.factories import URGENT_BANNER_QUERIES, make_guide, url_in

pytestmark = pytest.mark.django_db
LANGUAGES = ["pl", "en", "uk", "ru"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_lists_every_act_with_its_journal_position_and_checked_date_in_the_readers_language(
    client, language, django_assert_num_queries
):
    cache.clear()
    with django_assert_num_queries(URGENT_BANNER_QUERIES):
        response = client.get(url_in(language, "law"))
    assert response.status_code == 200
    page = response.content.decode()
    for entry in ACTS:
        assert escape(entry.title[language]) in page
        assert entry.url in page
        if entry.journal:
            assert entry.journal in page
    assert escape(act("kpa").used_for[language]) in page
    assert 'datetime="2026-11-25"' in page
    assert "art. 112a" in page  # provisions the site cites, from the facts


def test_an_act_without_a_confirmed_position_says_so(client):
    page = client.get(url_in("en", "law")).content.decode()
    assert "Not yet confirmed in the official database" in page
    assert "Not yet recorded" in page


def test_every_guide_links_its_legal_basis_to_the_page(client):
    guide = make_guide()
    page = client.get(url_in("uk", "guide_detail", slug=guide.slug)).content.decode()
    legal_basis = page[page.index('id="legal-basis"') :]
    assert f'href="{url_in("uk", "law")}"' in legal_basis


def test_the_page_is_in_the_sitemap_and_the_footer(client):
    assert url_in("ru", "law") in client.get("/sitemap.xml").content.decode()
    footer = client.get(url_in("pl", "home")).content.decode().split('class="site-footer"')[1]
    assert f'href="{url_in("pl", "law")}"' in footer


def test_the_in_page_links_lead_to_sections_that_exist(client):
    page = client.get(url_in("en", "law")).content.decode()
    targets = re.findall(r'href="#(law-[a-z]+)"', page)
    assert targets == ["law-act", "law-regulation", "law-eu"]
    for target in targets:
        assert f'id="{target}"' in page


@pytest.mark.parametrize(
    ("language", "query", "key"),
    [
        ("pl", "ustawa o cudzoziemcach", "foreigners"),
        ("en", "code of administrative procedure", "kpa"),
        ("uk", "гербовий збір", "stamp-duty"),
        ("ru", "opłacie skarbowej", "stamp-duty"),
    ],
)
def test_the_search_finds_an_act_in_the_readers_language_or_in_polish(client, language, query, key):
    page = client.get(url_in(language, "search"), {"q": query}).content.decode()
    assert f'{url_in(language, "law")}#act-{key}' in page


def test_a_search_for_a_guide_topic_lists_no_act(client):
    page = client.get(url_in("en", "search"), {"q": "fingerprints"}).content.decode()
    assert f'{url_in("en", "law")}#act-' not in page

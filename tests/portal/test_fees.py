import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import Guide
from tests.factories import guide_data, make_guide, url_in

pytestmark = pytest.mark.django_db


def test_fees_page_is_generated_from_the_fees_of_published_guides(client):
    make_guide("work-permit")
    make_guide("draft", status=Guide.Status.DRAFT, title={"pl": "Szkic", "en": "Draft", "uk": "", "ru": ""})
    content = client.get(url_in("uk", "fee_list")).content.decode()
    assert "440 zł" in content
    assert "94 1020 4027 0000 1602 1262 0763" in content and "Urząd Miasta Poznania" in content
    assert 'href="/uk/guides/work-permit/#fees"' in content
    assert "Гербовий збір" in content  # the label and the transfer title in the reader's language
    assert "Szkic" not in content


def test_reduced_amounts_and_who_qualifies_are_shown(client):
    fee = {
        **guide_data()["fees"][0],
        "kind": "card_fee",
        "amount_pln": "100.00",
        "reduced_amount_pln": "50.00",
        "reduction_rule": {"pl": "małoletni", "en": "minors", "uk": "неповнолітні", "ru": "несовершеннолетние"},
    }
    make_guide(fees=[fee])
    content = client.get(url_in("en", "fee_list")).content.decode()
    assert "100 zł" in content and "50 zł" in content and "minors" in content


def test_fees_page_uses_one_query_whatever_the_number_of_guides(client, django_assert_num_queries):
    make_guide("guide-0")
    with CaptureQueriesContext(connection) as small:
        client.get(url_in("pl", "fee_list"))
    for number in range(1, 6):
        make_guide(f"guide-{number}", fees=guide_data()["fees"] * 3)
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url_in("pl", "fee_list")).content.decode().count("440 zł") == 16

import pytest
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from portal import roles
from portal.models import Partner, PartnerTopic
from tests.factories import SpokenLanguageFactory, UserFactory, url_in

pytestmark = pytest.mark.django_db


def make_partner(slug: str, *, city: str = "Poznań", topics=("legal-advice",), languages=("pl",), **fields) -> Partner:
    defaults = {
        "is_published": True,
        "name_pl": f"Instytucja {slug}",
        "name_uk": f"Установа {slug}",
        "description_pl": "Pomagamy bezpłatnie.",
        "description_uk": "Допомагаємо безоплатно.",
        "city": city,
    }
    partner = Partner.objects.create(slug=slug, **{**defaults, **fields})
    partner.topics.set(
        [
            PartnerTopic.objects.get_or_create(code=code, defaults={"name_pl": code, "name_uk": code})[0]
            for code in topics
        ]
    )
    partner.languages.set([SpokenLanguageFactory(code=code) for code in languages])
    return partner


def test_directory_lists_published_institutions_in_the_readers_language(client):
    make_partner("shown", is_illustrative=True)
    make_partner("hidden", is_published=False)
    content = client.get(url_in("uk", "partner_list")).content.decode()
    assert "Установа shown" in content and "Допомагаємо безоплатно." in content
    assert "hidden" not in content
    assert "tag-illustrative" in content  # made-up demo entries say so


def test_directory_filters_by_topic_language_and_town(client):
    make_partner("legal-poznan", topics=["legal-advice"], languages=["uk"])
    make_partner("courses-kalisz", city="Kalisz", topics=["language-courses"], languages=["pl", "en"])
    url = url_in("pl", "partner_list")
    assert "legal-poznan" in client.get(url + "?topic=legal-advice").content.decode()
    assert "courses-kalisz" not in client.get(url + "?topic=legal-advice").content.decode()
    assert "courses-kalisz" not in client.get(url + "?language=uk").content.decode()
    by_town = client.get(url + "?town=Kalisz").content.decode()
    assert "Instytucja courses-kalisz" in by_town and "Instytucja legal-poznan" not in by_town
    both = client.get(url + "?topic=language-courses&language=en&town=Kalisz").content.decode()
    assert "Instytucja courses-kalisz" in both


@pytest.mark.parametrize("query", ["?topic=nope", "?language=xx", "?town=Atlantis", "?topic=%00&town=%ff"])
def test_malformed_filters_are_ignored_with_a_message(client, query):
    make_partner("one")
    response = client.get(url_in("en", "partner_list") + query)
    assert response.status_code == 200
    content = response.content.decode()
    assert "it was left out of the search" in content
    assert "one" in content


def test_directory_uses_the_same_number_of_queries_whatever_the_size(client, django_assert_num_queries):
    make_partner("p-0")
    with CaptureQueriesContext(connection) as small:
        client.get(url_in("pl", "partner_list"))
    for number in range(1, 12):
        make_partner(f"p-{number}", city=("Poznań", "Kalisz", "Piła")[number % 3], languages=("pl", "uk", "ru"))
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url_in("pl", "partner_list")).status_code == 200


def test_database_refuses_a_malformed_postal_code():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_partner("bad", postal_code="61001")


def test_editor_edits_partners_in_the_admin_and_the_public_cannot(client):
    partner = make_partner("edit-me")
    assert client.get(f"/admin/portal/partner/{partner.pk}/change/").status_code == 302
    client.force_login(UserFactory(role=roles.CONTENT_EDITOR, with_totp=True))
    response = client.get(f"/admin/portal/partner/{partner.pk}/change/")
    assert response.status_code == 200
    assert 'name="is_illustrative"' in response.content.decode()
    assert "Instytucja edit-me" in client.get("/admin/portal/guide/translations/").content.decode()


def test_editors_preview_an_unpublished_institution_and_the_public_cannot(client):
    make_partner("draft", is_published=False)
    url = url_in("pl", "partner_preview", slug="draft")
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(with_totp=True))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role=roles.CONTENT_EDITOR, with_totp=True))
    response = client.get(url)
    assert response.status_code == 200 and "Instytucja draft" in response.content.decode()
    assert client.get(url_in("pl", "partner_preview", slug="nope")).status_code == 404

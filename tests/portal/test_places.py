import pytest
from django.core.cache import cache
from django.urls import reverse

from portal.models import Place
from tests.factories import URGENT_BANNER_QUERIES, PlaceFactory, url_in

pytestmark = pytest.mark.django_db


def test_place_list_shows_published_places_with_hours_languages_and_services(client):
    place = PlaceFactory(name_pl="Delegatura w Kaliszu", name_uk="Філія в Калiші")
    PlaceFactory(name_pl="Ukryta", is_published=False)
    response = client.get(url_in("pl", "place_list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Delegatura w Kaliszu" in content
    assert "Ukryta" not in content
    assert "08:00–16:00" in content
    assert place.get_absolute_url() in content


def test_place_page_is_in_the_readers_language_and_falls_back_to_polish(client):
    place = PlaceFactory(name_pl="Delegatura w Pile", name_uk="Філія в Пілі", description_pl="Opis po polsku.")
    response = client.get(url_in("uk", "place_detail", slug=place.slug))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Філія в Пілі" in content
    assert "Opis po polsku." in content  # no Ukrainian description yet: the Polish text is shown


def test_place_page_shows_every_weekday_with_closed_days(client):
    place = PlaceFactory()
    content = client.get(url_in("en", "place_detail", slug=place.slug)).content.decode()
    assert "Monday" in content and "Sunday" in content
    assert "closed" in content


def test_unpublished_and_unknown_places_are_a_translated_404(client):
    hidden = PlaceFactory(is_published=False)
    for slug in (hidden.slug, "no-such-place"):
        response = client.get(url_in("uk", "place_detail", slug=slug))
        assert response.status_code == 404
        assert 'lang="uk"' in response.content.decode()


@pytest.mark.parametrize(
    ("page", "queries"), [("place_list", 4 + URGENT_BANNER_QUERIES), ("home", 1 + URGENT_BANNER_QUERIES)]
)
def test_place_lists_use_the_same_number_of_queries_whatever_the_number_of_places(
    client, page, queries, django_assert_num_queries
):
    PlaceFactory.create_batch(2)
    with django_assert_num_queries(queries):
        client.get(url_in("pl", page))
    PlaceFactory.create_batch(8)
    cache.clear()
    with django_assert_num_queries(queries):
        assert client.get(url_in("pl", page)).status_code == 200
    with django_assert_num_queries(0):  # the same anonymous request again comes from the page cache
        assert client.get(url_in("pl", page)).status_code == 200


def test_staff_and_visitors_with_a_message_never_get_a_shared_cached_page(client):
    from portal.roles import CONTENT_EDITOR
    from tests.factories import UserFactory

    PlaceFactory()
    client.get(url_in("pl", "place_list"))  # cached for anonymous visitors
    client.force_login(UserFactory(role=CONTENT_EDITOR, with_totp=True))
    assert 'href="/pl/staff/"' in client.get(url_in("pl", "place_list")).content.decode()
    client.logout()
    client.cookies.pop("sessionid", None)
    assert 'href="/pl/staff/"' not in client.get(url_in("pl", "place_list")).content.decode()


def test_place_detail_uses_a_fixed_number_of_queries(client, django_assert_num_queries):
    place = PlaceFactory()
    with django_assert_num_queries(4 + URGENT_BANNER_QUERIES):
        assert client.get(url_in("pl", "place_detail", slug=place.slug)).status_code == 200


def test_database_refuses_opening_hours_that_end_before_they_start():
    from datetime import time

    from django.db import IntegrityError

    place = PlaceFactory()
    with pytest.raises(IntegrityError):
        place.opening_hours.create(weekday=1, opens=time(16), closes=time(8))


def test_database_refuses_a_malformed_postal_code():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Place.objects.create(
            slug="x",
            kind=Place.Kind.BRANCH_OFFICE,
            name_pl="X",
            description_pl="X",
            street="a",
            postal_code="60001",
            city="Poznań",
        )


def test_editor_can_edit_a_place_with_tabbed_translations_in_the_admin(client):
    from portal.roles import CONTENT_EDITOR
    from tests.factories import UserFactory

    place = PlaceFactory()
    admin_client = client
    admin_client.force_login(UserFactory(role=CONTENT_EDITOR, with_totp=True))
    response = admin_client.get(reverse("admin:portal_place_change", args=[place.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    for code in ("pl", "en", "uk", "ru"):
        assert f'name="name_{code}"' in content
    assert "jquery-ui" in content and "code.jquery.com" not in content


@pytest.mark.django_db
def test_unconfirmed_place_details_say_call_before_you_come_until_an_editor_confirms(client):
    place = Place.objects.create(
        slug="kalisz-test",
        kind=Place.Kind.BRANCH_OFFICE,
        name="Kalisz",
        description="x",
        street="ul. Kolegialna 4",
        postal_code="62-800",
        city="Kalisz",
        phone="+48 61 850 87 77",
        accessibility_notes="Lift.",
    )
    page = client.get(url_in("en", "place_detail", slug=place.slug)).content.decode()
    assert page.count("To be confirmed: call before you come") == 4
    Place.objects.filter(pk=place.pk).update(
        address_confirmed=True, hours_confirmed=True, phone_confirmed=True, accessibility_confirmed=True
    )
    cache.clear()  # the public page is cached; saving in the admin clears it through a signal
    page = client.get(url_in("en", "place_detail", slug=place.slug)).content.decode()
    assert "To be confirmed" not in page

"""Page views per page, language and day, without storing anything about the reader."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal import page_views, selectors
from portal.models import PageViewDay
from tests.factories import PlaceFactory, make_guide, url_in
from tests.portal.test_notices import make_notice

pytestmark = pytest.mark.django_db


def counts() -> dict[tuple[str, str, str], int]:
    return {(row.page, row.item, row.language): row.views for row in PageViewDay.objects.all()}


def test_public_pages_are_counted_per_language_also_from_the_page_cache(client):
    place = PlaceFactory(slug="poznan")
    notice = make_notice("closed-friday")
    guide = make_guide()
    for _twice in range(2):  # the second answer comes from the page cache, and still counts
        client.get(url_in("uk", "notice_list"))
        client.get(url_in("uk", "notice_detail", slug=notice.slug))
    client.get(url_in("en", "fee_list"))
    client.get(url_in("pl", "partner_list"))
    client.get(url_in("pl", "place_list"))
    client.get(url_in("ru", "place_detail", slug=place.slug))
    client.get(url_in("en", "guide_detail", slug=guide.slug))
    assert client.get(url_in("pl", "notice_detail", slug="no-such-notice")).status_code == 404  # not counted
    client.get(url_in("pl", "notice_list"), HTTP_HX_REQUEST="true")  # a fragment of the list is a view too
    assert page_views.page_views_flush() == 8
    assert counts() == {
        ("notices", "", "uk"): 2,
        ("notice", "closed-friday", "uk"): 2,
        ("fees", "", "en"): 1,
        ("help", "", "pl"): 1,
        ("places", "", "pl"): 1,
        ("place", "poznan", "ru"): 1,
        ("guide", guide.slug, "en"): 1,
        ("notices", "", "pl"): 1,
    }
    client.get(url_in("uk", "notice_list"))
    assert page_views.page_views_flush() == 1  # only what changed since
    assert counts()[("notices", "", "uk")] == 3
    assert page_views.page_views_flush() == 0
    # Only numbers are kept: no address, session, cookie or agent of the reader.
    assert {f.name for f in PageViewDay._meta.get_fields()} == {"id", "day", "language", "page", "item", "views"}


def test_searches_with_no_result_keep_their_words_but_nothing_personal(client):
    client.get(url_in("pl", "search"), {"q": "Karta   Polaka"})
    client.get(url_in("pl", "search"), {"q": "karta polaka"})
    client.get(url_in("pl", "search"), {"q": "WA-12345/2026"})  # a case number: never stored
    client.get(url_in("pl", "search"), {"q": "jan@example.org"})
    client.get(url_in("pl", "search"), {"q": "kart"}, HTTP_HX_REQUEST="true")  # typing, live results: not counted
    assert counts() == {("search-empty", "karta polaka", "pl"): 2}
    today = timezone.localdate()
    assert selectors.searches_without_result(first_day=today, last_day=today) == [
        {"item": "karta polaka", "language": "pl", "views": 2}
    ]


def test_search_words_are_erased_after_their_time():
    old = timezone.localdate() - timedelta(days=page_views.SEARCH_WORDS_DAYS + 1)
    PageViewDay.objects.create(day=old, language="pl", page="search-empty", item="stare", views=1)
    PageViewDay.objects.create(day=old, language="pl", page="fees", item="", views=1)
    page_views.page_views_flush()
    assert list(PageViewDay.objects.values_list("page", flat=True)) == ["fees"]


def test_views_by_language_for_the_reports():
    today = timezone.localdate()
    PageViewDay.objects.bulk_create([
        PageViewDay(day=today, language="uk", page="guide", item="a", views=2),
        PageViewDay(day=today, language="uk", page="guide", item="b", views=3),
        PageViewDay(day=today - timedelta(days=1), language="uk", page="guide", item="a", views=7),
        PageViewDay(day=today, language="uk", page="search-empty", item="x", views=9),
    ])
    assert selectors.page_views_by_language(first_day=today, last_day=today) == [
        {"page": "guide", "language": "uk", "views": 5}
    ]

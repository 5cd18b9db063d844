"""Public reads (scope read): what they answer, in which language, in pages, with ETags and constant queries."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from portal.models import Category, FaqEntry, Notice
from tests.api.conftest import assert_problem
from tests.appointments.conftest import first_bookable_slot
from tests.factories import PlaceFactory, make_guide
from tests.infopoints.conftest import make_matter

pytestmark = pytest.mark.django_db

# Token lookup, and the call's record; the token's last use is written at most once a minute.
AUTH_QUERIES = 2


def make_notice(slug: str, *, days_ago: int = 1, status=Notice.Status.PUBLISHED, place=None) -> Notice:
    notice = Notice.objects.create(
        slug=slug,
        status=status,
        title_pl=f"Komunikat {slug}",
        title_en=f"Notice {slug}",
        summary_pl="Krótko.",
        summary_en="Briefly.",
        published_at=timezone.now() - timedelta(days=days_ago),
    )
    if place is not None:
        notice.places.add(place)
    return notice


def test_places_list_and_detail(api, read_token, place):
    PlaceFactory(is_published=False, slug="hidden")
    body = api.get("/places/?lang=en", read_token).json()
    assert body["count"] == 1 and body["next_page"] is None
    first = body["results"][0]
    assert first["slug"] == place.slug and first["name"] == place.name_en
    assert first["languages"] == ["uk"] and first["opening_hours"][0] == {
        "weekday": 0,
        "opens": "08:00",
        "closes": "16:00",
    }
    assert api.get(f"/places/{place.slug}/", read_token).json()["slug"] == place.slug
    assert_problem(api.get("/places/hidden/", read_token), 404)


def test_lists_are_paginated(api, read_token):
    for number in range(5):
        PlaceFactory(slug=f"p{number}")
    first = api.get("/places/?page_size=2", read_token).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["next_page"] == 2
    last = api.get("/places/?page_size=2&page=3", read_token).json()
    assert len(last["results"]) == 1 and last["next_page"] is None
    assert api.get("/places/?page_size=2&page=9", read_token).json()["results"] == []
    assert_problem(api.get("/places/?page_size=1000", read_token), 422, "page_size")
    assert_problem(api.get("/places/?page=0", read_token), 422, "page")
    assert_problem(api.get("/places/?page=abc", read_token), 422, "page")


def test_guides_in_the_language_asked_for(api, read_token):
    make_guide()
    make_guide("draft-guide", status="draft")
    by_header = api.get("/guides/", read_token, HTTP_ACCEPT_LANGUAGE="en")
    by_query = api.get("/guides/?lang=uk", read_token, HTTP_ACCEPT_LANGUAGE="en")
    assert by_header["Content-Language"] == "en" and by_query["Content-Language"] == "uk"
    assert [g["slug"] for g in by_header.json()["results"]] == ["temporary-residence-work"]
    assert by_header.json()["results"][0]["title"] != by_query.json()["results"][0]["title"]
    detail = api.get("/guides/temporary-residence-work/?lang=en", read_token).json()
    assert detail["steps"] and detail["documents"] and detail["fees"]
    assert {"title", "body"} <= set(detail["steps"][0])
    assert_problem(api.get("/guides/draft-guide/", read_token), 404)
    assert_problem(api.get("/guides/temporary-residence-work/?lang=de", read_token), 422, "lang")


def test_notices_since(api, read_token, place):
    old = make_notice("old", days_ago=10)
    make_notice("new", days_ago=1, place=place)
    make_notice("draft", status=Notice.Status.DRAFT)
    Notice.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=10))
    every = api.get("/notices/", read_token).json()
    assert [n["slug"] for n in every["results"]] == ["new", "old"]
    since = (timezone.now() - timedelta(days=3)).isoformat()
    recent = api.get("/notices/", read_token, data={"since": since}).json()
    assert [n["slug"] for n in recent["results"]] == ["new"] and recent["results"][0]["places"] == [place.slug]
    assert_problem(api.get("/notices/?since=yesterday", read_token), 422, "since")


def make_faq(slug: str = "how-long") -> FaqEntry:
    return FaqEntry.objects.create(
        slug=slug,
        category=Category.objects.get(slug="work"),
        status=FaqEntry.Status.PUBLISHED,
        question_pl="Jak długo?",
        question_en="How long?",
        answer_pl="Długo.",
        answer_en="Long.",
    )


def test_faq_and_services(api, read_token, place):
    make_guide()
    make_faq()
    faq = api.get("/faq/?lang=en", read_token).json()["results"]
    assert faq[0]["question"] == "How long?" and faq[0]["category"]["slug"] == "work"
    services = api.get("/services/", read_token).json()["results"]
    assert services[0]["places"] == [place.slug]


def test_free_times_and_offers(api, read_token, consultation):
    slot = first_bookable_slot(consultation)
    day = timezone.localtime(slot.starts_at).date()
    offers = api.get("/appointments/offers/", read_token).json()["results"]
    assert offers[0]["service"] == "consultation" and offers[0]["place"] == consultation.place.slug
    path = f"/places/{consultation.place.slug}/free-times/"
    times = api.get(path, read_token, data={"service": "consultation", "day": day.isoformat()}).json()
    assert slot.pk in [t["slot_id"] for t in times["times"]]
    assert_problem(api.get(path, read_token, data={"service": "nothing", "day": day.isoformat()}), 404)
    assert_problem(api.get(path, read_token, data={"service": "consultation", "day": "31.12.2026"}), 422, "day")
    assert_problem(api.get(path, read_token, data={"day": day.isoformat()}), 422, "service")


def test_queue_state_shows_what_the_board_shows(api, read_token, place):
    make_matter(place, "A", name="Karty pobytu")
    body = api.get(f"/places/{place.slug}/queue/", read_token).json()
    assert body["matters"][0]["letter"] == "A" and body["matters"][0]["waiting"] == 0
    assert body["now_serving"] == []
    assert_problem(api.get("/places/nowhere/queue/", read_token), 404)


def test_conditional_get_answers_304_to_a_known_etag(api, read_token, place, django_capture_on_commit_callbacks):
    first = api.get("/places/", read_token)
    etag = first["ETag"]
    assert etag
    again = api.get("/places/", read_token, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and not again.content
    with django_capture_on_commit_callbacks(execute=True):  # an edit bumps the content version
        PlaceFactory(slug="new-place")
    changed = api.get("/places/", read_token, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed.json()["count"] == 2


@pytest.mark.parametrize(
    "path, queries",
    [
        ("/places/", 5),  # count, page, opening hours, languages, services
        ("/guides/", 2),  # count, page with categories
        ("/notices/", 4),  # count, page, places, guides
        ("/faq/", 2),
        ("/services/", 3),  # count, page, places
    ],
)
def test_lists_answer_in_a_constant_number_of_queries(api, read_token, place, django_assert_num_queries, path, queries):
    for number in range(3):
        PlaceFactory(slug=f"extra-{number}")
        make_notice(f"n{number}", place=place)
    make_guide()
    make_faq()
    api.get(path, read_token)  # the token's last use written once; later calls only read it
    cache.clear()  # the answer is built from the database, not taken from the cache
    with django_assert_num_queries(AUTH_QUERIES + queries):
        built = api.get(path, read_token)
    with django_assert_num_queries(AUTH_QUERIES):
        cached = api.get(path, read_token)
    assert built.status_code == cached.status_code == 200 and built.content == cached.content


def test_details_answer_in_a_constant_number_of_queries(
    api, read_token, place, consultation, django_assert_num_queries
):
    make_guide()
    make_matter(place, "A")
    slot = first_bookable_slot(consultation)
    day = timezone.localtime(slot.starts_at).date().isoformat()
    paths = {
        "/guides/temporary-residence-work/": 11,  # the guide page's selector: the guide and its prefetched parts
        f"/places/{place.slug}/": 4,  # the place, its hours, languages and services
        f"/places/{place.slug}/free-times/?service=consultation&day={day}": 2,  # the schedule, the day's slots
        f"/places/{place.slug}/queue/": 3,  # the place, the calls, the matters with their counts
    }
    api.get("/faq/", read_token)  # the token's last use written once; later calls only read it
    cache.clear()
    for path, queries in paths.items():
        with django_assert_num_queries(AUTH_QUERIES + queries):
            assert api.get(path, read_token).status_code == 200

"""The anonymous request path: whole pages from the cache, each worker's copy of them, and the shared layout."""

import pytest
from csp.utils import build_policy
from django.conf import settings
from django.core.cache import cache
from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader

from portal import page_cache
from portal.models import Notice
from portal.page_cache import _LocalPages, local_pages
from portal.text import content_version, content_version_bump
from tests.factories import URGENT_BANNER_QUERIES, PlaceFactory, UserFactory, url_in
from tests.portal.test_notices import make_notice

pytestmark = pytest.mark.django_db


def shared_key(language: str, path: str) -> str:
    return f"page:{language}:{path}:{content_version()}"


def test_a_cached_page_makes_no_query_and_the_second_hit_is_served_from_the_worker(client, django_assert_num_queries):
    PlaceFactory(slug="poznan", name_pl="Urząd w Poznaniu")
    url = url_in("pl", "place_detail", slug="poznan")
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)  # from the shared cache, and now kept by this worker
    with django_assert_num_queries(0):
        third = client.get(url)
    assert first.content == second.content == third.content
    assert local_pages.get(f"page:pl:{url}", content_version()) == first.content
    assert "Cookie" in third["Vary"]
    assert third["Content-Security-Policy"] == build_policy()  # the security headers as on a rendered page
    assert third["X-Frame-Options"] == "DENY"


def test_an_edit_shows_at_once_even_where_a_worker_holds_the_page(client):
    place = PlaceFactory(slug="poznan", name_pl="Urząd w Poznaniu")
    url = url_in("pl", "place_detail", slug="poznan")
    client.get(url)
    client.get(url)  # now held by this worker
    place.name_pl = "Urząd Wojewódzki w Poznaniu"
    place.save()
    content_version_bump()  # what the save's on_commit does outside a test transaction
    assert "Urząd Wojewódzki w Poznaniu" in client.get(url).content.decode()


def test_another_workers_copy_of_an_older_version_is_never_served(client):
    PlaceFactory(slug="poznan", name_pl="Urząd w Poznaniu")
    url = url_in("pl", "place_detail", slug="poznan")
    local_pages.put(f"page:pl:{url}", content_version(), b"old page")
    content_version_bump()
    assert client.get(url).content != b"old page"


def test_a_workers_copy_is_never_served_after_the_shared_cache_lost_the_content_version(client):
    # A counter would start again from 1 and match the copy this worker keeps under the old "1".
    PlaceFactory(slug="poznan", name_pl="Urząd w Poznaniu")
    url = url_in("pl", "place_detail", slug="poznan")
    before = content_version()
    local_pages.put(f"page:pl:{url}", before, b"old page")
    cache.clear()  # Redis restarted without its data
    assert content_version() != before
    assert content_version().startswith(f"{settings.RELEASE}.")
    assert client.get(url).content != b"old page"


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
        {"HTTP_HX_REQUEST": "true"},
        {"QUERY_STRING": "uncached=1"},
    ],
    ids=["session", "message", "htmx", "query"],
)
def test_a_visitor_with_a_session_or_a_message_never_gets_the_shared_page(client, request_kwargs):
    url = url_in("pl", "place_list")
    cache.set(shared_key("pl", url), b"shared page", 60)
    local_pages.put(f"page:pl:{url}", content_version(), b"shared page")
    assert client.get(url).content == b"shared page"  # an anonymous visitor does get it
    assert client.get(url, **request_kwargs).content != b"shared page"


def test_the_worker_keeps_pages_of_one_version_within_its_size_and_asks_again_after_a_while(monkeypatch):
    pages = _LocalPages(max_bytes=10)
    pages.put("a", "v1", b"12345")
    pages.put("b", "v1", b"12345")
    assert pages.get("a", "v1") == b"12345"
    pages.put("c", "v1", b"123")  # over the size: the page used least recently ("b") goes
    assert pages.get("b", "v1") is None
    assert pages.get("a", "v1") == b"12345"
    assert pages.get("a", "v2") is None  # another version: everything goes
    assert pages.get("c", "v2") is None
    pages.put("a", "v2", b"1")
    now = page_cache.time.monotonic()
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: now + page_cache.LOCAL_SECONDS + 1)
    assert pages.get("a", "v2") is None  # older than LOCAL_SECONDS: read from the shared cache again


def test_the_form_page_layout_makes_no_query_on_a_warm_cache(client, django_assert_num_queries):
    url = url_in("pl", "cases:lookup")
    with django_assert_num_queries(URGENT_BANNER_QUERIES):
        client.get(url)
    client.cookies.clear()
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_the_urgent_banner_shows_as_soon_as_a_notice_comes_out(client):
    url = url_in("pl", "cases:lookup")
    assert "data-urgent-notice" not in client.get(url).content.decode()
    make_notice("closed", importance=Notice.Importance.URGENT, title_pl="Urząd zamknięty w piątek")
    content_version_bump()  # notices_visibility_refresh / the save's on_commit
    page = client.get(url).content.decode()
    assert "data-urgent-notice" in page and "Urząd zamknięty w piątek" in page


def test_the_shared_layout_pieces_follow_the_page_the_query_and_the_reader(client):
    guides = client.get(url_in("en", "guide_list")).content.decode()
    lookup = client.get(url_in("en", "cases:lookup")).content.decode()
    assert 'href="/en/guides/" aria-current="page"' in guides
    assert 'href="/en/guides/" aria-current="page"' not in lookup
    assert 'href="/en/case-status/" aria-current="page"' in lookup
    assert 'hreflang="uk" href="http' in lookup and "/uk/case-status/" in lookup
    assert 'href="/uk/search/?q=karta"' in client.get(url_in("en", "search"), {"q": "karta"}).content.decode()
    assert 'href="/uk/search/"' in client.get(url_in("en", "search")).content.decode()  # the switcher's query goes
    assert "Staff login" in lookup and url_in("en", "staff_home") not in lookup
    client.force_login(UserFactory(with_totp=True))
    staff_view = client.get(url_in("en", "cases:lookup")).content.decode()
    assert "Staff login" not in staff_view and url_in("en", "staff_home") in staff_view


def test_templates_are_compiled_once_per_process():
    loaders = engines["django"].engine.template_loaders
    assert len(loaders) == 1 and isinstance(loaders[0], CachedLoader)

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import roles, services
from portal.models import Category, FaqEntry
from tests.factories import UserFactory, url_in

pytestmark = pytest.mark.django_db


def make_entry(slug: str = "entry", *, category: str = "work", **fields) -> FaqEntry:
    category_obj, _ = Category.objects.get_or_create(
        slug=category, defaults={"name_pl": category.title(), "name_en": category.title(), "name_uk": "Робота"}
    )
    defaults = {
        "status": FaqEntry.Status.PUBLISHED,
        "question_pl": f"Pytanie {slug}?",
        "question_en": f"Question {slug}?",
        "question_uk": f"Питання {slug}?",
        "answer_pl": "Odpowiedź o karcie pobytu.",
        "answer_en": "An answer about the residence card.",
        "answer_uk": "Відповідь про карту побиту.",
    }
    return FaqEntry.objects.create(slug=slug, category=category_obj, **{**defaults, **fields})


def test_faq_page_lists_published_entries_by_category_each_with_its_own_anchor(client):
    make_entry("first")
    make_entry("second", category="study")
    make_entry("hidden", status=FaqEntry.Status.DRAFT)
    content = client.get(url_in("uk", "faq_list")).content.decode()
    assert 'id="first"' in content and 'id="second"' in content
    assert "Питання first?" in content and "Питання hidden?" not in content
    assert content.index("Питання first?") < content.index("Питання second?")
    assert 'href="/uk/faq/first/"' in content


def test_untranslated_entry_falls_back_to_polish_marked_as_such(client):
    make_entry("polish-only", question_uk="", answer_uk="")
    content = client.get(url_in("uk", "faq_list")).content.decode()
    assert '<h3 lang="pl">Pytanie polish-only?</h3>' in content


def test_entry_page_and_unknown_or_draft_entries(client):
    make_entry("shown")
    make_entry("draft", status=FaqEntry.Status.DRAFT)
    assert "Question shown?" in client.get(url_in("en", "faq_detail", slug="shown")).content.decode()
    for slug in ("draft", "nope"):
        response = client.get(url_in("en", "faq_detail", slug=slug))
        assert response.status_code == 404 and 'lang="en"' in response.content.decode()


def test_helpful_votes_are_counted_without_cookies_and_work_without_javascript(client):
    make_entry("vote")
    response = client.post(url_in("en", "faq_feedback", slug="vote"), {"helpful": "yes"})
    assert response.status_code == 302
    assert response.url == "/en/faq/?answered=vote#vote"
    assert not response.cookies  # no session, no CSRF cookie, no identifier
    client.post(url_in("en", "faq_feedback", slug="vote"), {"helpful": "no"})
    client.post(url_in("en", "faq_feedback", slug="vote"), {"helpful": "no", "back": "entry"})
    entry = FaqEntry.objects.get(slug="vote")
    assert (entry.helpful_yes, entry.helpful_no) == (1, 2)
    thanks = client.get(response.url).content.decode()
    assert "Thank you for your answer." in thanks


def test_helpful_vote_with_htmx_returns_the_thank_you_fragment(client):
    make_entry("vote")
    response = client.post(url_in("en", "faq_feedback", slug="vote"), {"helpful": "yes"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Thank you for your answer." in content and "<html" not in content


@pytest.mark.parametrize("data", [{"helpful": "maybe"}, {}, {"helpful": ["yes", "no"]}])
def test_malformed_votes_are_refused_and_not_counted(client, data):
    make_entry("vote")
    assert client.post(url_in("en", "faq_feedback", slug="vote"), data).status_code == 400
    assert client.post(url_in("en", "faq_feedback", slug="no-such"), {"helpful": "yes"}).status_code == 404
    assert client.get(url_in("en", "faq_feedback", slug="vote")).status_code == 405
    entry = FaqEntry.objects.get(slug="vote")
    assert entry.helpful_yes == 0 and entry.helpful_no == 0


def test_draft_entries_cannot_be_voted_on():
    make_entry("draft", status=FaqEntry.Status.DRAFT)
    assert services.faq_feedback_record(slug="draft", helpful=True, client_key="192.0.2.1") is False


def test_votes_are_limited_per_address_and_entry_per_day_without_javascript(client):
    make_entry("vote")
    make_entry("other")
    url = url_in("en", "faq_feedback", slug="vote")
    for _ in range(30):
        response = client.post(url, {"helpful": "yes"}, REMOTE_ADDR="192.0.2.1")
        assert response.status_code == 302  # the reader is thanked whether or not the vote counted
    client.post(url, {"helpful": "yes"}, REMOTE_ADDR="192.0.2.2")  # another reader
    client.post(url_in("en", "faq_feedback", slug="other"), {"helpful": "no"}, REMOTE_ADDR="192.0.2.1")
    assert FaqEntry.objects.get(slug="vote").helpful_yes == services.FAQ_VOTES_PER_ENTRY_PER_DAY + 1
    assert FaqEntry.objects.get(slug="other").helpful_no == 1


def test_votes_from_one_address_are_capped_across_entries(client):
    for index in range(services.FAQ_VOTES_PER_ADDRESS_PER_DAY + 5):
        make_entry(f"entry-{index}")
        client.post(url_in("en", "faq_feedback", slug=f"entry-{index}"), {"helpful": "yes"}, REMOTE_ADDR="192.0.2.9")
    assert sum(FaqEntry.objects.values_list("helpful_yes", flat=True)) == services.FAQ_VOTES_PER_ADDRESS_PER_DAY


def test_votes_posted_from_another_site_are_refused(client):
    make_entry("vote")
    url = url_in("en", "faq_feedback", slug="vote")
    assert client.post(url, {"helpful": "yes"}, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.post(url, {"helpful": "yes"}, HTTP_ORIGIN="http://testserver").status_code == 302
    # behind the proxy the browser may see another port than the Host header says: SITE_URL is this site too
    site = settings.CSRF_TRUSTED_ORIGINS[0]
    assert client.post(url, {"helpful": "no"}, HTTP_ORIGIN=site, HTTP_HOST="localhost").status_code == 302
    entry = FaqEntry.objects.get(slug="vote")
    assert (entry.helpful_yes, entry.helpful_no) == (1, 1)


def test_entry_views_are_counted_in_the_cache_and_flushed_to_the_entries(client):
    make_entry("read")
    client.get(url_in("en", "faq_detail", slug="read"))
    client.get(url_in("en", "faq_detail", slug="read"))
    client.get(url_in("en", "faq_detail", slug="nope"))
    assert services.faq_views_flush() == 1
    assert FaqEntry.objects.get(slug="read").views == 2
    assert services.faq_views_flush() == 0


def test_faq_entries_are_found_by_the_site_search(client):
    make_entry("found", question_pl="Jak wymienić kartę pobytu?", question_uk="Як обміняти карту побиту?")
    make_entry("other", question_pl="Inne pytanie?", answer_pl="Nic.", answer_uk="Нічого.", question_uk="Інше?")
    content = client.get(url_in("uk", "search") + "?q=karta+pobytu").content.decode()
    assert 'href="/uk/faq/found/"' in content
    assert 'href="/uk/faq/other/"' not in content
    assert "2 questions and answers found" in client.get(url_in("en", "search") + "?q=residence").content.decode()


@pytest.mark.parametrize("page", ["faq_list", "faq_detail"])
def test_faq_pages_use_the_same_number_of_queries_whatever_the_size(client, page, django_assert_num_queries):
    def url():
        return url_in("pl", page, slug="e-0") if page == "faq_detail" else url_in("pl", page)

    make_entry("e-0")
    with CaptureQueriesContext(connection) as small:
        client.get(url())
    for number in range(1, 20):
        make_entry(f"e-{number}", category=("work", "study", "family")[number % 3])
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url()).status_code == 200


def test_editors_see_the_most_read_and_least_helpful_entries_and_preview_drafts(client):
    make_entry("popular", views=0)
    FaqEntry.objects.filter(slug="popular").update(views=50, helpful_yes=1, helpful_no=9)
    make_entry("draft", status=FaqEntry.Status.DRAFT)
    client.force_login(UserFactory(role=roles.CONTENT_EDITOR, with_totp=True))
    changelist = client.get("/admin/portal/faqentry/?o=-4").content.decode()  # sorted by views, most first
    assert "10%" in changelist  # the share of "yes"
    assert client.get("/admin/portal/faqentry/?o=6").status_code == 200  # sorted by "no"
    assert client.get(url_in("pl", "faq_preview", slug="draft")).status_code == 200
    assert "Pytanie popular?" in client.get("/admin/portal/guide/translations/").content.decode()


def test_public_cannot_preview_or_edit_faq(client):
    make_entry("draft", status=FaqEntry.Status.DRAFT)
    assert client.get(url_in("pl", "faq_preview", slug="draft")).status_code == 302
    assert client.get("/admin/portal/faqentry/").status_code == 302

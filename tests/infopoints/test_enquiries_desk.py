"""The staff desk at /<lang>/staff/enquiries/: access, views, query counts, actions, quick log, learning."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from infopoints import desk_cache, services
from infopoints.attachments import IncomingFile
from infopoints.models import CannedAnswer, Enquiry
from portal import roles
from portal.models import AuditEvent, Category
from tests.cases.conftest import make_case, procedures, statuses  # noqa: F401 (fixtures)
from tests.factories import PlaceFactory, UserFactory, make_guide, url_in
from tests.infopoints.enquiry_helpers import (  # noqa: F401 (media_in_tmp: autouse fixture)
    PDF,
    consultant,
    coordinator,
    media_in_tmp,
    place_staff,
    web_enquiry,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    translation.activate("en")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def desk_url(**params):
    from urllib.parse import urlencode

    return url_in("en", "enquiries:list") + ("?" + urlencode(params) if params else "")


def detail_url(enquiry):
    return url_in("en", "enquiries:detail", pk=enquiry.pk)


def action_url(enquiry, name):
    return url_in("en", "enquiries:action", pk=enquiry.pk, act=name)


# --- Access ---------------------------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(desk_url())
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_staff_without_a_second_factor_are_sent_to_enrol(client):
    user = UserFactory(role=roles.HOTLINE_CONSULTANT)
    client.force_login(user)
    assert "/totp/activate/" in client.get(desk_url()).url


def test_case_officers_have_no_desk(client):
    client.force_login(UserFactory(role=roles.CASE_OFFICER, with_totp=True))
    assert client.get(desk_url()).status_code == 403


def test_place_staff_see_their_places_enquiries_only_and_get_404_for_others(client):
    branch = PlaceFactory()
    user = place_staff(branch)
    ours = services.enquiry_record_in_person(user=user, place=branch, topic=None, language="pl", summary="Nasze")
    services.enquiry_reply(user=coordinator(), enquiry_id=ours.pk, body="x")
    helpline = web_enquiry(question="Pytanie infolinii do nich")
    client.force_login(user)
    html = client.get(desk_url(view="done")).content.decode()
    assert ours.reference in html and helpline.reference not in html
    assert client.get(detail_url(helpline)).status_code == 404
    assert client.post(action_url(helpline, "note"), {"body": "x"}).status_code == 404


def test_coordinators_see_every_team(client):
    branch = PlaceFactory()
    in_person = services.enquiry_record_in_person(
        user=place_staff(branch), place=branch, topic=None, language="pl", summary="Na miejscu"
    )
    helpline = web_enquiry()
    client.force_login(coordinator())
    html = client.get(desk_url(view="done")).content.decode() + client.get(desk_url()).content.decode()
    assert in_person.reference in html and helpline.reference in html


# --- Lists -----------------------------------------------------------------------------------------------------------


def test_views_pick_overdue_due_soon_unassigned_and_mine(client):
    user = consultant()
    overdue, soon, later = web_enquiry(), web_enquiry(client_key="2"), web_enquiry(client_key="3")
    now = timezone.now()
    Enquiry.objects.filter(pk=overdue.pk).update(due_at=now - timedelta(hours=1))
    Enquiry.objects.filter(pk=soon.pk).update(due_at=now + timedelta(hours=1))
    Enquiry.objects.filter(pk=later.pk).update(due_at=now + timedelta(days=3))
    services.enquiry_assign(user=user, enquiry_id=later.pk, assignee_id=user.pk)
    client.force_login(user)
    overdue_page = client.get(desk_url(view="overdue")).content.decode()
    assert overdue.reference in overdue_page and soon.reference not in overdue_page
    assert "is-overdue" in overdue_page
    soon_page = client.get(desk_url(view="due_soon")).content.decode()
    assert soon.reference in soon_page and overdue.reference not in soon_page and "is-due-soon" in soon_page
    mine = client.get(desk_url(view="mine")).content.decode()
    assert later.reference in mine and overdue.reference not in mine
    unassigned = client.get(desk_url(view="unassigned")).content.decode()
    assert later.reference not in unassigned and overdue.reference in unassigned


def test_filters_by_language_and_search_by_text_and_contact(client):
    uk = web_enquiry(question="Питання про карту побиту", email="olena@example.org")
    pl = web_enquiry(language="pl", question="Pytanie o opłatę skarbową", email="jan@example.org", client_key="2")
    client.force_login(consultant())
    by_language = client.get(desk_url(language="pl")).content.decode()
    assert pl.reference in by_language and uk.reference not in by_language
    by_text = client.get(desk_url(q="opłatę")).content.decode()
    assert pl.reference in by_text and uk.reference not in by_text
    by_contact = client.get(desk_url(q="olena@example.org")).content.decode()
    assert uk.reference in by_contact and pl.reference not in by_contact
    assert pl.reference in client.get(desk_url(q=pl.reference.lower())).content.decode()


def test_list_runs_the_same_number_of_queries_for_one_or_many_enquiries(client, django_assert_num_queries):
    user = consultant()
    client.force_login(user)
    web_enquiry()
    client.get(desk_url())  # warm the session and caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(desk_url()).status_code == 200
    for number in range(12):
        web_enquiry(client_key=f"k{number}", email=f"p{number}@example.org")
    services.enquiry_assign(user=user, enquiry_id=Enquiry.objects.last().pk, assignee_id=user.pk)
    with django_assert_num_queries(len(one)):
        assert client.get(desk_url()).status_code == 200


def _many_enquiries(count, *, hours_apart=1, **fields):
    """`count` helpline enquiries in bulk (new unless `fields` say otherwise), due `hours_apart` hours apart from
    an hour from now on, each with a searchable surname."""
    now = timezone.now()
    Enquiry.objects.bulk_create(
        Enquiry(**{"reference": f"ZG-2025-{900000 + number:06d}", "channel": "email", "language": "uk",
                   "status": "new", "subject": f"Bulk {number}",
                   "search_text": f"ZG-2025-{900000 + number:06d} Kovalenko bulk",
                   "due_at": now + timedelta(hours=hours_apart * (number + 1)), **fields})
        for number in range(count)
    )


# Coordinator's desk list with the cache emptied: session, user, TOTP enrolled (middleware), two of permissions,
# groups (once), count of the page, counts of the views, places and topics for the filters, the page of enquiries.
DESK_LIST_QUERIES = 11


@pytest.mark.parametrize(("params", "fields"), [
    ({}, {}),
    ({"team": "helpline", "status": "new", "language": "uk"}, {}),
    ({"q": "Kovalenko"}, {}),
    ({"view": "overdue"}, {"hours_apart": -1}),
    ({"view": "done"}, {"status": "closed", "closed_at": timezone.now()}),
])
def test_list_pages_run_a_fixed_number_of_queries_whatever_the_page_size(
    client, params, fields, django_assert_num_queries
):
    client.force_login(coordinator())
    _many_enquiries(1, **fields)
    client.get(desk_url(**params))  # the session warm
    cache.clear()  # the list drawn, not taken from the cache (infopoints.desk_cache)
    with django_assert_num_queries(DESK_LIST_QUERIES):
        assert client.get(desk_url(**params)).status_code == 200
    Enquiry.objects.all().delete()
    _many_enquiries(120, **fields)  # more than two pages
    cache.clear()
    with django_assert_num_queries(DESK_LIST_QUERIES):
        page = client.get(desk_url(**params))
    assert page.status_code == 200 and page.content.decode().count('class="reference"') == 50
    with django_assert_num_queries(DESK_LIST_CACHED_QUERIES):
        again = client.get(desk_url(**params))
    main = slice(page.content.index(b'<main'), page.content.index(b'</main>'))  # the header's CSRF token differs
    assert again.content[main] == page.content[main]


# The same list again within the minute: session, user, TOTP enrolled (the permissions are cached too).
DESK_LIST_CACHED_QUERIES = 3


def test_a_cached_list_shows_a_change_at_once(client, django_capture_on_commit_callbacks):
    user = coordinator()
    client.force_login(user)
    enquiry = web_enquiry()
    assert enquiry.reference not in client.get(desk_url(view="mine")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.enquiry_assign(user=user, enquiry_id=enquiry.pk, assignee_id=user.pk)
    assert enquiry.reference in client.get(desk_url(view="mine")).content.decode()


def test_a_cached_list_is_drawn_again_when_the_minute_turns(client, monkeypatch):
    client.force_login(coordinator())
    now = timezone.now().replace(second=30, microsecond=0)
    _many_enquiries(1)
    Enquiry.objects.update(due_at=now + timedelta(seconds=20))  # update(): no signal, the desk's version stays
    monkeypatch.setattr(timezone, "now", lambda: now)
    assert "is-overdue" not in client.get(desk_url()).content.decode()
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(seconds=25))  # overdue, but in the same minute
    assert "is-overdue" not in client.get(desk_url()).content.decode()
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(seconds=31))  # the next minute
    assert "is-overdue" in client.get(desk_url()).content.decode()


def test_people_never_see_each_others_cached_lists(client):
    _many_enquiries(1)
    place_enquiry = web_enquiry()
    services.enquiry_team_set(user=coordinator(), enquiry_id=place_enquiry.pk, place_id=PlaceFactory().pk)
    client.force_login(coordinator())
    assert place_enquiry.reference in client.get(desk_url()).content.decode()
    client.force_login(consultant())  # the helpline's: not the place's enquiry, though the address is the same
    html = client.get(desk_url()).content.decode()
    assert "ZG-2025-900000" in html and place_enquiry.reference not in html


def test_the_cache_keys_do_not_hold_the_search():
    now = timezone.now()
    keys = desk_cache.keys(user_id=1, language="pl", minute=now, query="q=Kovalenko+Olena")
    assert not [key for key in keys if "kovalenko" in key.lower() or "olena" in key.lower()]
    other = desk_cache.keys(user_id=1, language="pl", minute=now, query="q=Kowalski")
    assert other[0] != keys[0] and other[1] == keys[1]  # another list; the same counts and filters


def test_search_keeps_the_lists_order_nearest_deadline_first_undated_last(client):
    client.force_login(coordinator())
    _many_enquiries(3)
    Enquiry.objects.filter(reference="ZG-2025-900000").update(due_at=None)
    expected = ["ZG-2025-900001", "ZG-2025-900002", "ZG-2025-900000"]
    for params in ({}, {"q": "Kovalenko"}):
        html = client.get(desk_url(**params)).content.decode()
        assert sorted(expected, key=html.index) == expected, params


def test_the_partial_indexes_cover_what_the_desk_asks():
    """The desk's queries must state the partial indexes' conditions as the indexes do, or PostgreSQL cannot use
    them (migration 0011): the default list's statuses and the counts' "not closed"."""
    from django.db.models import Q

    from infopoints.selectors.enquiries import LISTED_STATUSES, NOT_CLOSED

    indexes = {index.name: index for index in Enquiry._meta.indexes}
    assert indexes["enquiry_desk_listed_due"].condition == Q(status__in=LISTED_STATUSES)
    assert indexes["enquiry_desk_counts"].condition == NOT_CLOSED


def test_the_desk_of_a_consultant_counts_and_lists_the_helpline_only(client):
    branch = PlaceFactory()
    user = consultant()
    client.force_login(user)
    _many_enquiries(2)
    services.enquiry_record_in_person(user=place_staff(branch), place=branch, topic=None, language="pl",
                                      summary="Na miejscu")
    html = client.get(desk_url()).content.decode()
    assert '<span class="count">(2)</span>' in html and "Na miejscu" not in html


def test_detail_runs_the_same_number_of_queries_whatever_the_thread(client, django_assert_num_queries):
    user = coordinator()
    client.force_login(user)
    short = web_enquiry(case_number="WSC-II-S.6151.1.2026")
    long = web_enquiry(client_key="2", case_number="WSC-II-S.6151.2.2026", files=[])
    for number in range(5):
        services.enquiry_note_add(user=user, enquiry_id=long.pk, body=f"note {number}")
        services.enquiry_reply(user=user, enquiry_id=long.pk, body=f"answer {number}")
    client.get(detail_url(short))
    with CaptureQueriesContext(connection) as first:
        assert client.get(detail_url(short)).status_code == 200
    with django_assert_num_queries(len(first)):
        assert client.get(detail_url(long)).status_code == 200


# --- One enquiry and its actions -------------------------------------------------------------------------------------


def test_reply_from_the_page_sends_and_answers_the_enquiry(client):
    enquiry = web_enquiry()
    user = consultant()
    client.force_login(user)
    response = client.post(action_url(enquiry, "reply"), {
        "body": "Karta jest do odbioru.", "files": [SimpleUploadedFile("info.pdf", PDF, "application/pdf")]
    })
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == "answered"
    outgoing = enquiry.messages.get(kind="outgoing")
    assert outgoing.attachment_count == 1 and outgoing.author == user
    page = client.get(detail_url(enquiry)).content.decode()
    assert "Karta jest do odbioru." in page and "info.pdf" in page


def test_empty_reply_shows_the_form_again(client):
    enquiry = web_enquiry()
    client.force_login(consultant())
    response = client.post(action_url(enquiry, "reply"), {"body": ""})
    assert response.status_code == 400 and "Please correct the form below." in response.content.decode()


def test_canned_answer_is_inserted_in_the_enquirys_language_with_guide_links(client):
    guide = make_guide()
    answer = CannedAnswer.objects.create(title_pl="Odbiór karty", body_pl="Polski tekst", body_uk="Український текст")
    answer.guides.add(guide)
    enquiry = web_enquiry(language="uk")
    client.force_login(consultant())
    page = client.get(detail_url(enquiry) + f"?canned={answer.pk}").content.decode()
    assert "Український текст" in page and f"/uk/guides/{guide.slug}/" in page
    fragment = client.get(detail_url(enquiry) + f"?canned={answer.pk}", HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith("<textarea") and "Український текст" in fragment


def test_status_priority_assign_and_note_are_audited(client):
    enquiry = web_enquiry()
    user = consultant()
    client.force_login(user)
    client.post(action_url(enquiry, "assign"), {"assignee": str(user.pk)})
    client.post(action_url(enquiry, "priority"), {"priority": "urgent"})
    client.post(action_url(enquiry, "status"), {"status": "waiting"})
    client.post(action_url(enquiry, "note"), {"body": "Oddzwonić jutro"})
    enquiry.refresh_from_db()
    assert (enquiry.assignee, enquiry.priority, enquiry.status) == (user, "urgent", "waiting")
    actions = set(AuditEvent.objects.filter(object_id=str(enquiry.pk), actor=user).values_list("action", flat=True))
    assert {"enquiry.assign", "enquiry.priority", "enquiry.status", "enquiry.note"} <= actions


def test_merge_from_the_page_redirects_to_the_kept_enquiry(client):
    kept, duplicate = web_enquiry(), web_enquiry(client_key="2")
    client.force_login(consultant())
    response = client.post(action_url(duplicate, "merge"), {"into": kept.reference})
    assert response.status_code == 302 and response.url == detail_url(kept)
    response = client.post(action_url(kept, "merge"), {"into": "ZG-2000-000001"}, follow=True)
    assert "does not exist or belongs to another team" in response.content.decode()


def test_case_status_is_shown_beside_an_enquiry_naming_a_case_of_the_users_place(client, make_case):  # noqa: F811
    case = make_case("filed", "review")
    user = consultant()
    user.places.add(case.place)
    enquiry = web_enquiry(case_number=case.number)
    services.enquiry_team_set(user=coordinator(), enquiry_id=enquiry.pk, place_id=case.place_id)
    client.force_login(user)
    page = client.get(detail_url(enquiry)).content.decode()
    assert case.status.name in page


def test_attachment_downloads_only_for_the_team(client):
    enquiry = web_enquiry(files=[IncomingFile("scan.pdf", PDF)])
    attachment = enquiry.messages.get().attachments.get()
    url = url_in("en", "enquiries:attachment", pk=attachment.pk)
    client.force_login(place_staff())
    assert client.get(url).status_code == 404
    client.force_login(consultant())
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]


# --- Quick log and learning ------------------------------------------------------------------------------------------


def test_quick_log_records_a_call_and_offers_a_fresh_form(client):
    topic = Category.objects.create(slug="work", name="Work")
    user = consultant()
    client.force_login(user)
    response = client.post(url_in("en", "enquiries:call"), {
        "summary": "Asked about the fee", "topic": str(topic.pk), "language": "ru", "outcome": "answered",
    }, follow=True)
    enquiry = Enquiry.objects.get()
    assert enquiry.channel == "phone" and enquiry.status == "answered" and enquiry.topic == topic
    assert f"Call recorded as {enquiry.reference}" in response.content.decode()


def test_quick_log_needing_a_call_back_without_a_number_is_refused(client):
    client.force_login(consultant())
    response = client.post(url_in("en", "enquiries:call"), {
        "summary": "Call back please", "topic": "other", "language": "pl", "outcome": "follow_up",
    })
    assert response.status_code == 400 and "needs the number to call" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_learning_page_counts_unmatched_questions_and_opened_suggestions(client):
    guide = make_guide()
    web_enquiry(question="Pytanie bez przewodnika", suggestions_shown=0)
    services.suggestion_open_record(draft_key="x" * 32, language="pl", guide_id=guide.pk)
    editor = UserFactory(role=roles.CONTENT_EDITOR, with_totp=True)
    client.force_login(editor)
    page = client.get(url_in("en", "enquiries:learning")).content.decode()
    assert "Pytanie bez przewodnika" in page and guide.title in page
    client.force_login(consultant())
    assert client.get(url_in("en", "enquiries:learning")).status_code == 403


def test_search_finds_a_contact_added_later_and_text_of_a_merged_duplicate(client):
    from tests.infopoints.enquiry_helpers import Mail

    call = services.enquiry_call_log(user=consultant(), topic=None, language="pl", summary="Oddzwonić",
                                     answered=False, callback_phone="+48 600 100 200")
    kept, duplicate = web_enquiry(), web_enquiry(question="Zgubiony paszport i wiza", client_key="2")
    services.enquiry_merge(user=coordinator(), duplicate_id=duplicate.pk, into_reference=kept.reference)
    mail = Mail(subject=f"Re: {call.reference}", from_address="nowy@example.org")
    mailed = services.enquiry_receive_email(message=mail)
    assert mailed.pk == call.pk
    client.force_login(consultant())
    assert call.reference in client.get(desk_url(q="nowy@example.org")).content.decode()
    found = client.get(desk_url(q="paszport")).content.decode()
    assert kept.reference in found and duplicate.reference not in found


def test_a_rows_link_is_the_enquirys_page(client):
    # The rows build the address from the list's (one reverse() a page): it must stay the detail's pattern.
    client.force_login(coordinator())
    enquiry = web_enquiry()
    assert f'href="{detail_url(enquiry)}"' in client.get(desk_url()).content.decode()


def test_a_rows_text_is_escaped_and_long_subjects_shortened(client):
    client.force_login(coordinator())
    web_enquiry(question='<script>alert("x")</script> & "quotes" ' + "long " * 40)
    html = client.get(desk_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert "long long…" in html

"""The queue's pages: kiosk, phone ticket, display, desk console and the points' day, with their failure paths."""

import re

import pytest
from django.templatetags.static import static
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from infopoints import services
from infopoints.models import Device, Ticket
from infopoints.views_devices import COOKIE
from portal.models import AuditEvent
from tests.factories import URGENT_BANNER_QUERIES, PlaceFactory, UserFactory
from tests.infopoints.conftest import issue, make_matter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    translation.activate("en")


def enrolled_client(device: Device) -> Client:
    """A browser that opened the device's enrolment link and confirmed it."""
    Device.objects.filter(pk=device.pk).update(enrolment_open=True, enrolled_at=None)
    device.refresh_from_db()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(reverse("queue_devices:enrol", args=[services.device_enrolment_token(device)]))
    assert response.status_code == 302
    return client


@pytest.fixture
def kiosk_client(kiosk):
    return enrolled_client(kiosk)


@pytest.fixture
def display_client(display):
    return enrolled_client(display)


@pytest.fixture
def staff_client(clerk):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(clerk)
    return client


def kiosk_url(place, name="kiosk_matters", language="en", **kwargs):
    args = [place.slug] if name == "kiosk_start" else [place.slug, language]
    return reverse(f"queue_devices:{name}", args=[*args, *kwargs.values()])


# --- Devices -----------------------------------------------------------------------------------------------


def test_an_unregistered_browser_gets_no_ticket_and_a_clear_page(client, queue_place, matters):
    response = client.get(kiosk_url(queue_place))
    assert response.status_code == 403
    assert "not registered" in response.content.decode()
    response = client.post(kiosk_url(queue_place, "kiosk_take"), {"matter": matters["A"].pk, "press_key": "x"})
    assert response.status_code == 403
    assert not Ticket.objects.exists()


def test_a_revoked_kiosk_stops_working(kiosk_client, kiosk, queue_place, matters, clerk,
                                       django_capture_on_commit_callbacks):
    assert kiosk_client.get(kiosk_url(queue_place)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        services.device_revoke(device_id=kiosk.pk, user=clerk)
    assert kiosk_client.get(kiosk_url(queue_place)).status_code == 403


def test_a_kiosk_works_only_for_its_own_place(kiosk_client, matters):
    other = PlaceFactory()
    assert kiosk_client.get(kiosk_url(other)).status_code == 403


def test_a_display_cookie_does_not_open_the_kiosk(display_client, queue_place, matters):
    assert display_client.get(kiosk_url(queue_place)).status_code == 403


def test_the_enrolment_link_shows_a_page_before_using_it_and_refuses_a_second_use(client, queue_place):
    device = Device.objects.create(place=queue_place, kind="kiosk", name="hall")
    url = reverse("queue_devices:enrol", args=[services.device_enrolment_token(device)])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    again = Client().post(url)
    assert again.status_code == 400
    assert COOKIE not in again.cookies


# --- Kiosk -------------------------------------------------------------------------------------------------


def test_the_kiosk_offers_languages_by_their_own_names(kiosk_client, queue_place):
    page = kiosk_client.get(kiosk_url(queue_place, "kiosk_start")).content.decode()
    for name in ("Polski", "English", "Українська", "Русский"):
        assert name in page


def test_the_kiosk_shows_matters_in_the_chosen_language_and_says_when_a_closed_one_opens(kiosk_client, queue_place,
                                                                                        matters):
    matters["B"].is_open = False
    matters["B"].save()
    page = kiosk_client.get(kiosk_url(queue_place, language="uk")).content.decode()
    assert "Справа A" in page and 'lang="uk"' in page
    assert page.count('name="press_key"') == 2  # A, and the check-in form; B is closed
    assert "Справа B" in page


def test_taking_a_ticket_twice_with_the_same_press_gives_one_ticket(kiosk_client, queue_place, matters):
    data = {"matter": matters["A"].pk, "press_key": "press-42"}
    first = kiosk_client.post(kiosk_url(queue_place, "kiosk_take"), data)
    second = kiosk_client.post(kiosk_url(queue_place, "kiosk_take"), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Ticket.objects.count() == 1
    response = kiosk_client.get(first["Location"])
    page = response.content.decode()
    assert "A001" in page
    assert "data:image/svg+xml" in page  # the QR code
    ticket = Ticket.objects.get()
    assert response.context["phone_url"] == f"http://testserver/en/queue/{ticket.token}/"


def test_a_closed_matter_answers_with_a_message_not_a_ticket(kiosk_client, queue_place, matters):
    matters["A"].is_open = False
    matters["A"].save()
    response = kiosk_client.post(kiosk_url(queue_place, "kiosk_take"), {"matter": matters["A"].pk, "press_key": "k"})
    assert response.status_code == 409
    assert "not issued at the moment" in response.content.decode()
    assert not Ticket.objects.exists()


def test_rubbish_matter_is_a_message_not_a_500(kiosk_client, queue_place, matters):
    response = kiosk_client.post(kiosk_url(queue_place, "kiosk_take"), {"matter": "x'; drop", "press_key": "k"})
    assert response.status_code == 400


def test_check_in_at_the_kiosk_with_a_wrong_code_says_so(kiosk_client, queue_place, matters):
    response = kiosk_client.post(kiosk_url(queue_place, "kiosk_check_in"), {"code": "000000", "press_key": "k"})
    assert response.status_code == 400
    assert "could not find a booking" in response.content.decode()


def test_the_ticket_prints_on_an_80_mm_receipt(kiosk_client, queue_place, matters):
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML

    location = kiosk_client.post(kiosk_url(queue_place, "kiosk_take"),
                                 {"matter": matters["A"].pk, "press_key": "p"})["Location"]
    html = kiosk_client.get(location).content.decode()
    # The page's own stylesheets are given from the source folder; nothing is fetched over the network.
    html = re.sub(r"<(link|script)[^>]*>(</script>)?", "", html)
    document = HTML(string=html).render(
        stylesheets=[CSS(filename=finders.find("css/queue.css")), CSS(filename=finders.find("css/queue-print.css"))]
    )
    assert len(document.pages) == 1
    width_mm = document.pages[0].width * 25.4 / 96
    assert round(width_mm) == 80
    pdf = document.write_pdf()
    from io import BytesIO

    from pypdf import PdfReader

    text = PdfReader(BytesIO(pdf)).pages[0].extract_text()
    assert "A001" in text
    assert "Done" not in text  # the kiosk's buttons are not printed


# --- The phone page ----------------------------------------------------------------------------------------


def test_the_phone_page_shows_the_position_and_then_the_desk(client, kiosk, matters, open_desk, clerk,
                                                            django_capture_on_commit_callbacks):
    issue(kiosk, matters["A"])
    ticket = issue(kiosk, matters["A"])
    url = reverse("queue:ticket", args=[ticket.token])
    page = client.get(url).content.decode()
    assert "1 person ahead of you" in page and "A002" in page
    # Each change bumps the queue's version once committed, and the next answer is drawn from a new snapshot.
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    page = client.get(url).content.decode()
    assert "You are next" in page
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_finish(ticket_id=Ticket.objects.get(number=1).pk, user=clerk,
                               outcome=services.Outcome(served=True))
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    page = client.get(reverse("queue:ticket_status", args=[ticket.token])).content.decode()
    assert "Please go to desk 1 now." in page


def test_an_unknown_or_old_ticket_link_says_so_in_the_readers_language(client, kiosk, matters):
    from datetime import timedelta

    from django.utils import timezone

    old = issue(kiosk, matters["A"], now=timezone.now() - timedelta(days=1))
    with translation.override("uk"):
        for token in ("no-such-token", old.token):
            response = client.get(reverse("queue:ticket", args=[token]))
            assert response.status_code == 404
            assert "Талон не знайдено" in response.content.decode()


def test_the_phone_poll_answers_304_without_a_query_until_the_queue_changes(
    client, kiosk, matters, open_desk, clerk, django_assert_num_queries, django_capture_on_commit_callbacks
):
    ticket = issue(kiosk, matters["A"])
    url = reverse("queue:ticket_status", args=[ticket.token])
    first = client.get(url)
    etag = first["ETag"]
    with django_assert_num_queries(0):
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and "desk 1" in changed.content.decode()


def test_an_unchanged_phone_poll_reads_only_the_queue_version_from_the_cache(client, kiosk, matters, monkeypatch):
    from django.core.cache import cache

    ticket = issue(kiosk, matters["A"])
    url = reverse("queue:ticket_status", args=[ticket.token])
    etag = client.get(url)["ETag"]
    keys_read = []
    real_get, real_get_many = cache.get, cache.get_many
    in_get_many = []  # the local-memory cache's get_many calls get: a key read so is counted once

    def get(key, *args, **kwargs):
        if not in_get_many:
            keys_read.append(key)
        return real_get(key, *args, **kwargs)

    def get_many(keys, *args, **kwargs):  # the versions are read this way (portal.cache_versions)
        keys_read.extend(keys)
        in_get_many.append(True)
        try:
            return real_get_many(keys, *args, **kwargs)
        finally:
            in_get_many.pop()

    monkeypatch.setattr(cache, "get", get)
    monkeypatch.setattr(cache, "get_many", get_many)

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    # The ticket's place is remembered by the worker (it never changes); only the place's queue version is asked.
    assert [key for key in keys_read if key.startswith("queue:")] == [key for key in keys_read if "version" in key]
    assert len([key for key in keys_read if key.startswith("queue:")]) == 1


@pytest.mark.parametrize("waiting", [1, 12])
def test_the_phone_page_reads_a_fixed_number_of_queries(client, kiosk, matters, waiting, django_assert_num_queries):
    tickets = [issue(kiosk, matters["A"]) for _ in range(waiting)]
    # The ticket, then the place's queue snapshot (its tickets, its open desks), drawn once per version.
    with django_assert_num_queries(3 + URGENT_BANNER_QUERIES):
        assert client.get(reverse("queue:ticket", args=[tickets[-1].token])).status_code == 200
    with django_assert_num_queries(1):  # the banner is cached now
        assert client.get(reverse("queue:ticket", args=[tickets[0].token])).status_code == 200


@pytest.mark.parametrize("waiting", [1, 40])
def test_a_full_phone_poll_is_drawn_from_the_snapshot_once_per_change(
    client, kiosk, matters, open_desk, clerk, waiting, django_assert_num_queries, django_capture_on_commit_callbacks
):
    tickets = [issue(kiosk, matters["A" if index % 2 else "B"]) for index in range(waiting)]
    urls = [reverse("queue:ticket_status", args=[ticket.token]) for ticket in tickets]
    for url in urls:
        client.get(url)  # each phone's place is remembered for the day from here on
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    with django_assert_num_queries(2):  # the first phone after the change: the tickets and the open desks
        first = client.get(urls[-1], HTTP_IF_NONE_MATCH='"stale"')
    with django_assert_num_queries(0):  # every other phone: from the same snapshot
        others = [client.get(url, HTTP_IF_NONE_MATCH='"stale"') for url in urls]
    assert first.status_code == 200 and all(response.status_code == 200 for response in others)
    assert "Please go to desk 1 now." in others[0].content.decode()
    assert first["ETag"] == others[-1]["ETag"]


def test_the_phone_poll_follows_each_change_of_the_queue(client, kiosk, matters, open_desk, clerk,
                                                         django_capture_on_commit_callbacks):
    """Never a stale answer from the snapshot: a new ticket, a call, a priority, a desk leaving, a park."""
    with django_capture_on_commit_callbacks(execute=True):
        first = issue(kiosk, matters["A"])
        mine = issue(kiosk, matters["A"])
    url = reverse("queue:ticket_status", args=[mine.token])

    def status() -> str:
        return client.get(url).content.decode()

    assert "1 person ahead of you" in status()
    with django_capture_on_commit_callbacks(execute=True):
        later = issue(kiosk, matters["A"])
        services.ticket_set_priority(ticket_id=later.pk, user=clerk, priority=Ticket.Priority.DISABILITY)
    assert "2 people ahead of you" in status()  # a priority ticket goes before
    assert "You are next" in client.get(reverse("queue:ticket_status", args=[later.token])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    assert "1 person ahead of you" in status()
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_finish(ticket_id=later.pk, user=clerk, outcome=services.Outcome(served=True))
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
        services.ticket_park(ticket_id=first.pk, user=clerk)
    assert "You are next" in status()
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    assert "Please go to desk 1 now." in status()
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_recall(ticket_id=mine.pk, user=clerk)
    assert 'data-ticket-state="called-1"' in status()


def test_the_phone_page_loads_the_script_that_vibrates_and_sounds_when_next_or_called(
    client, kiosk, matters, open_desk, clerk, django_capture_on_commit_callbacks
):
    """`static/js/queue.js` vibrates and plays a short tone, where the browser allows, once the status part's
    `data-ticket-state` changes to a state with "-next" or starting with "called" (a recall changes the count in
    it, so it signals again). Without a browser: the page loads the script, the script is served and reads that
    attribute, and the server writes the states it reacts to, in the order a visitor meets them."""
    with django_capture_on_commit_callbacks(execute=True):
        first = issue(kiosk, matters["A"])
        mine = issue(kiosk, matters["A"])
    page = client.get(reverse("queue:ticket", args=[mine.token])).content.decode()
    script_url = static("js/queue.js")
    assert f'<script src="{script_url}" defer></script>' in page
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        served = Client().get(script_url)  # a new client: the static files middleware reads the settings anew
    assert served.status_code == 200
    script = b"".join(served.streaming_content).decode()
    for part in ('document.getElementById("ticket-status")', 'getAttribute("data-ticket-state")',
                 'state.indexOf("called") === 0 || state.indexOf("-next") > 0', "navigator.vibrate([",
                 "window.AudioContext || window.webkitAudioContext", "tone.start()"):
        assert part in script

    def state() -> str:
        answer = client.get(reverse("queue:ticket_status", args=[mine.token])).content.decode()
        return re.search(r'<div id="ticket-status"[^>]* data-ticket-state="([^"]*)"', answer).group(1)

    assert re.search(r'<div id="ticket-status"[^>]* data-ticket-state="waiting-0"', page)  # read on load: no signal
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    assert state() == "waiting-next-0"
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_finish(ticket_id=first.pk, user=clerk, outcome=services.Outcome(served=True))
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    assert state() == "called-0"
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_recall(ticket_id=mine.pk, user=clerk)
    assert state() == "called-1"


# --- Display -----------------------------------------------------------------------------------------------


def test_the_display_shows_the_call_and_the_waiting_counts(display_client, kiosk, queue_place, matters, open_desk,
                                                           clerk):
    issue(kiosk, matters["A"])
    issue(kiosk, matters["B"])
    services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    page = display_client.get(reverse("queue_devices:display", args=[queue_place.slug])).content.decode()
    assert re.search(r'board-code">A001</td><td class="board-desk">1<', page)
    assert re.search(r'<span lang="pl">Sprawa B</span>[^:]*: <strong>1</strong>', page)


def test_the_board_names_each_matter_in_every_language_it_shows(display_client, kiosk, queue_place, matters):
    issue(kiosk, matters["B"])
    board = display_client.get(reverse("queue_devices:display_board", args=[queue_place.slug]) + "?l=pl,uk,ru")
    assert ('<span lang="pl">Sprawa B</span> / <span lang="uk">Справа B</span> / <span lang="ru">Дело B</span>: '
            "<strong>1</strong>") in board.content.decode()


@pytest.mark.parametrize("waiting", [1, 15])
def test_the_board_reads_a_fixed_number_of_queries_once_per_change_and_then_answers_304(
    display_client, kiosk, queue_place, matters, waiting, django_assert_num_queries, django_capture_on_commit_callbacks
):
    for _ in range(waiting):
        issue(kiosk, matters["A"])
    url = reverse("queue_devices:display_board", args=[queue_place.slug]) + "?l=pl,uk"
    display_client.get(url)  # the device and "last seen" are cached from here on
    with django_capture_on_commit_callbacks(execute=True):
        issue(kiosk, matters["A"])
    with django_assert_num_queries(2):
        response = display_client.get(url)
    with django_assert_num_queries(0):
        other_screen = display_client.get(url)  # the same version, drawn once for every screen
    assert other_screen.content == response.content
    with django_assert_num_queries(0):
        assert display_client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_new_call_changes_the_boards_etag(display_client, kiosk, queue_place, matters, open_desk, clerk,
                                            django_capture_on_commit_callbacks):
    issue(kiosk, matters["A"])
    url = reverse("queue_devices:display_board", args=[queue_place.slug])
    etag = display_client.get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    response = display_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "A001" in response.content.decode()


def test_an_admin_edit_of_a_desks_matters_changes_the_board_and_the_phones_estimate(
    display_client, client, kiosk, queue_place, matters, desks, open_desk, clerk, django_capture_on_commit_callbacks
):
    """Matters and desks are edited in the admin, outside the queue's services: the edit changes the queue's
    version too, so the screens do not keep answering 304 and the phones do not read the old snapshot."""
    from infopoints.models import Desk

    with django_capture_on_commit_callbacks(execute=True):
        tickets = [issue(kiosk, matters["A"]) for _ in range(4)]
        other = UserFactory(role="info-point staff", with_totp=True)
        other.places.add(queue_place)
        services.desk_open(desk_id=desks[1].pk, user=other, matter_ids=[matters["A"].pk])
    board_url = reverse("queue_devices:display_board", args=[queue_place.slug])
    phone_url = reverse("queue:ticket_status", args=[tickets[-1].token])
    board_etag = display_client.get(board_url)["ETag"]
    phone = client.get(phone_url)
    assert "about 20 minutes" in phone.content.decode()  # 4 visits × 8 minutes at two desks
    admin = Client(HTTP_ACCEPT_LANGUAGE="en")
    admin.force_login(UserFactory(is_superuser=True, with_totp=True))
    with django_capture_on_commit_callbacks(execute=True):
        answer = admin.post(reverse("admin:infopoints_desk_change", args=[desks[1].pk]),
                            {"place": queue_place.pk, "number": desks[1].number, "matters": [matters["B"].pk]})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert list(Desk.objects.get(pk=desks[1].pk).matters.all()) == [matters["B"]]
    assert display_client.get(board_url, HTTP_IF_NONE_MATCH=board_etag).status_code == 200
    again = client.get(phone_url, HTTP_IF_NONE_MATCH=phone["ETag"])
    assert again.status_code == 200 and "about 35 minutes" in again.content.decode()  # one desk now


# --- Desk console ------------------------------------------------------------------------------------------


def test_the_console_needs_a_second_factor(queue_place, desks):
    user = UserFactory(role="info-point staff")
    user.places.add(queue_place)
    client = Client()
    client.force_login(user)
    response = client.get(reverse("queue:desks"))
    assert response.status_code == 302 and "mfa" in response["Location"] or "totp" in response["Location"]


def test_the_console_lists_only_the_users_places(staff_client, desks):
    elsewhere = PlaceFactory(name_en="Elsewhere office", name_pl="Gdzie indziej")
    from infopoints.models import Desk

    other = Desk.objects.create(place=elsewhere, number=9)
    page = staff_client.get(reverse("queue:desks")).content.decode()
    assert "Gdzie indziej" not in page and "Elsewhere office" not in page
    assert staff_client.get(reverse("queue:console", args=[other.pk])).status_code == 404
    assert staff_client.post(reverse("queue:desk_open", args=[other.pk]), {}).status_code == 404


def test_open_a_desk_call_next_and_finish_through_the_console(staff_client, kiosk, desks, matters, clerk):
    issue(kiosk, matters["A"])
    desk = desks[0]
    prefix = f"desk-{desk.pk}"
    response = staff_client.post(reverse("queue:desk_open", args=[desk.pk]),
                                 {f"{prefix}-matters": [matters["A"].pk]})
    assert response.status_code == 302
    staff_client.post(reverse("queue:action", args=[desk.pk, "call"]))
    ticket = Ticket.objects.get()
    assert ticket.status == "called" and ticket.desk == desk
    page = staff_client.get(reverse("queue:console", args=[desk.pk])).content.decode()
    assert "A001" in page
    staff_client.post(reverse("queue:action", args=[desk.pk, "finish"]),
                      {"ticket": ticket.pk, "served": "1", "topic": "information", "language": "uk", "resolved": "1"})
    ticket.refresh_from_db()
    assert (ticket.status, ticket.topic, ticket.language, ticket.resolved) == ("served", "information", "uk", True)
    assert AuditEvent.objects.filter(action="ticket.finish", actor=clerk).exists()


def test_a_desk_action_on_a_ticket_another_desk_took_is_a_message(staff_client, kiosk, desks, matters, queue_place):
    colleague = UserFactory(role="info-point staff")
    colleague.places.add(queue_place)
    services.desk_open(desk_id=desks[1].pk, user=colleague, matter_ids=[matters["A"].pk])
    services.desk_open(desk_id=desks[0].pk, user=Client and desks[0] and _clerk_of(staff_client), matter_ids=[])
    issue(kiosk, matters["A"])
    ticket = services.ticket_call_next(desk_id=desks[1].pk, user=colleague)
    response = staff_client.post(reverse("queue:action", args=[desks[0].pk, "finish"]),
                                 {"ticket": ticket.pk, "served": "1"}, follow=True)
    assert response.status_code == 200
    assert "Another desk has already taken this ticket" in response.content.decode()
    assert Ticket.objects.get().status == "called"


def _clerk_of(client):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=client.session["_auth_user_id"])


def test_the_case_number_is_sent_by_post_and_unknown_cases_get_one_answer(staff_client, desks, matters, clerk):
    services.desk_open(desk_id=desks[0].pk, user=clerk, matter_ids=[])
    assert staff_client.get(reverse("queue:case_status", args=[desks[0].pk])).status_code == 405
    response = staff_client.post(reverse("queue:case_status", args=[desks[0].pk]), {"case_number": "WSC-II-S.6151.1"})
    assert response.status_code == 200
    assert "No case with this number at your places" in response.content.decode()


@pytest.mark.parametrize("waiting", [1, 12])
def test_the_console_reads_a_fixed_number_of_queries(staff_client, kiosk, matters, open_desk, clerk, waiting,
                                                     django_assert_num_queries):
    for _ in range(waiting):
        issue(kiosk, matters["A"])
    services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    with django_assert_num_queries(15):  # the staff layout reads no urgent notices
        assert staff_client.get(reverse("queue:console", args=[open_desk.pk])).status_code == 200


# --- The point's day ---------------------------------------------------------------------------------------


def test_the_points_day_counts_today(staff_client, kiosk, queue_place, matters, open_desk, clerk):
    issue(kiosk, matters["A"])
    issue(kiosk, matters["B"])
    ticket = services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    services.ticket_finish(ticket_id=ticket.pk, user=clerk, outcome=services.Outcome(served=True))
    response = staff_client.get(reverse("queue:point_day", args=[queue_place.slug]))
    day = response.context["day"]
    assert (day.waiting, day.at_desk, day.served) == (1, 0, 1)


def test_staff_of_one_place_cannot_open_another_places_day(staff_client, matters):
    other = PlaceFactory()
    assert staff_client.get(reverse("queue:point_day", args=[other.slug])).status_code == 404


def test_coordinators_see_every_place_side_by_side(coordinator, queue_place, matters):
    other = PlaceFactory(name_en="Branch in Piła")
    make_matter(other, "A")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(coordinator)
    response = client.get(reverse("queue:points"))
    assert {s.place.pk for s in response.context["summaries"]} >= {queue_place.pk, other.pk}
    assert client.get(reverse("queue:point_day", args=[other.slug])).status_code == 200


@pytest.mark.parametrize("waiting", [1, 12])
def test_the_points_day_reads_a_fixed_number_of_queries(staff_client, kiosk, queue_place, matters, open_desk,
                                                        waiting, django_assert_num_queries):
    for _ in range(waiting):
        issue(kiosk, matters["A"])
    with django_assert_num_queries(14):  # the staff layout reads no urgent notices
        assert staff_client.get(reverse("queue:point_day", args=[queue_place.slug])).status_code == 200


def test_info_point_staff_cannot_use_the_console_without_the_right(queue_place, desks):
    user = UserFactory(role="hotline consultant", with_totp=True)
    user.places.add(queue_place)
    client = Client()
    client.force_login(user)
    assert client.get(reverse("queue:desks")).status_code == 403

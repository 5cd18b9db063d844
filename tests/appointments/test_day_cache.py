"""The day page from the cache: no query for a repeated page, few for a refusal in a rush, and never stale.

Every seat change moves the version of its (service, place) when its transaction commits; the tests run in a
transaction, so they run the commit callbacks of each change (`django_capture_on_commit_callbacks`).
"""

from datetime import timedelta

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.utils import timezone

from appointments import services
from appointments.models import Slot
from portal import roles
from tests.appointments.conftest import CLIENT, first_bookable_slot
from tests.factories import UserFactory, url_in

pytestmark = pytest.mark.django_db


def day_url(schedule, slot, language="en"):
    url = url_in(language, "appointments:day_and_time", service_code=schedule.service.code,
                 place_slug=schedule.place.slug)
    return f"{url}?day={timezone.localtime(slot.starts_at, services.LOCAL_TIME).date().isoformat()}"


def offered(client, schedule, slot, **headers) -> bool:
    page = client.get(day_url(schedule, slot), headers=headers)
    assert page.status_code == 200
    return f'value="{slot.pk}"' in page.content.decode()


def hold_seat(slot, client_key=CLIENT):
    return services.hold_create(service_id=slot.service_id, place_id=slot.place_id, slot_id=slot.pk, people=1,
                                language="en", client_key=client_key)


def test_a_repeated_day_page_and_its_fragment_take_no_query(client, consultation, django_assert_num_queries):
    slot = first_bookable_slot(consultation)
    assert offered(client, consultation, slot) and offered(client, consultation, slot, HX_Request="true")
    with django_assert_num_queries(0):
        page = client.get(day_url(consultation, slot))
        fragment = client.get(day_url(consultation, slot), headers={"HX-Request": "true"})
    assert page.status_code == fragment.status_code == 200
    assert "<html" in page.content.decode() and "<html" not in fragment.content.decode()
    assert f'value="{slot.pk}"' in fragment.content.decode()
    assert "HX-Request" in page["Vary"] and "no-cache" in page["Cache-Control"]


def test_a_refused_attempt_at_a_taken_time_takes_four_queries(
    client, consultation, django_assert_num_queries, django_capture_on_commit_callbacks
):
    slot = first_bookable_slot(consultation)
    with django_capture_on_commit_callbacks(execute=True):
        hold_seat(slot, "198.51.100.1"), hold_seat(slot, "198.51.100.2")
    data = {"slot": slot.pk, "people": 1, "day": timezone.localtime(slot.starts_at, services.LOCAL_TIME).date()}
    client.post(day_url(consultation, slot), data)  # the first refusal renders the page for the next ones
    # The schedule, the service with its schedule (hold_create), the time, whether anything overdue holds it.
    with django_assert_num_queries(4):
        page = client.post(day_url(consultation, slot), data)
    text = page.content.decode()
    assert page.status_code == 409 and "Someone has just taken this time" in text
    assert 'name="slot"' in text and f'value="{slot.pk}"' not in text
    assert Slot.objects.get(pk=slot.pk).booked == 2


def test_a_seat_taken_or_given_back_shows_at_once(client, consultation, django_capture_on_commit_callbacks):
    slot = first_bookable_slot(consultation)
    assert offered(client, consultation, slot)
    with django_capture_on_commit_callbacks(execute=True):
        first = hold_seat(slot, "198.51.100.1")
    assert offered(client, consultation, slot)  # one desk of two is still free
    with django_capture_on_commit_callbacks(execute=True):
        hold_seat(slot, "198.51.100.2")
    assert not offered(client, consultation, slot)
    assert not offered(client, consultation, slot, HX_Request="true")
    with django_capture_on_commit_callbacks(execute=True):
        services.hold_release(booking_id=first.pk)
    assert offered(client, consultation, slot)


def test_a_time_the_desk_blocks_leaves_the_page_at_once(client, consultation, django_capture_on_commit_callbacks):
    desk = UserFactory(role=roles.INFO_POINT_STAFF)
    slot = first_bookable_slot(consultation)
    assert offered(client, consultation, slot)
    with django_capture_on_commit_callbacks(execute=True):
        services.slot_block(slot_id=slot.pk, user=desk, blocked=True)
    assert not offered(client, consultation, slot)


def test_an_expired_hold_gives_its_seat_back_when_the_expiry_runs(
    client, consultation, django_capture_on_commit_callbacks
):
    slot = first_bookable_slot(consultation)
    with django_capture_on_commit_callbacks(execute=True):
        hold_seat(slot, "198.51.100.1"), hold_seat(slot, "198.51.100.2")
    assert not offered(client, consultation, slot)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.holds_expire(now=timezone.now() + timedelta(hours=1)) == 2
    assert offered(client, consultation, slot)


def test_a_scheduled_release_shows_at_its_moment_without_any_write(
    client, consultation, monkeypatch, django_capture_on_commit_callbacks
):
    slot = first_bookable_slot(consultation)
    release = timezone.now() + timedelta(minutes=30)
    with django_capture_on_commit_callbacks(execute=True):
        services.slots_generate(schedule_ids=[consultation.pk])  # nothing changes: the version stays
    Slot.objects.filter(service=consultation.service_id).update(opens_at=release)
    from appointments import availability

    with django_capture_on_commit_callbacks(execute=True):
        availability.seats_changed([(consultation.service_id, consultation.place_id)])
    assert not offered(client, consultation, slot)
    later = release + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert offered(client, consultation, slot)


def test_each_visitor_gets_their_own_csrf_token_in_a_shared_page(client, consultation):
    slot = first_bookable_slot(consultation)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    pages = [visitor.get(day_url(consultation, slot)) for visitor in (first, second)]
    secrets = []
    for visitor, page in zip((first, second), pages, strict=True):
        token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        assert _unmask_cipher_token(token) == visitor.cookies["csrftoken"].value
        secrets.append(visitor.cookies["csrftoken"].value)
    assert secrets[0] != secrets[1]
    token = pages[1].content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    data = {"csrfmiddlewaretoken": token, "slot": slot.pk, "people": 1,
            "day": timezone.localtime(slot.starts_at, services.LOCAL_TIME).date()}
    held = second.post(day_url(consultation, slot), data)
    assert held.status_code == 302 and held["Location"].endswith("/details/")


def test_a_visitor_with_a_session_gets_a_page_of_their_own(client, consultation):
    slot = first_bookable_slot(consultation)
    assert offered(client, consultation, slot)
    page = client.post(day_url(consultation, slot), {"slot": slot.pk, "people": 1,
                       "day": timezone.localtime(slot.starts_at, services.LOCAL_TIME).date()})
    assert page.status_code == 302  # held: the session has the hold now
    client.cookies["messages"] = "x"
    page = client.get(day_url(consultation, slot))
    assert page.status_code == 200


def test_an_edited_service_shows_at_once(client, consultation, django_capture_on_commit_callbacks):
    slot = first_bookable_slot(consultation)
    assert offered(client, consultation, slot)
    service = consultation.service
    service.name_en = "Visit renamed"
    with django_capture_on_commit_callbacks(execute=True):
        service.save()
    assert "Visit renamed" in client.get(day_url(consultation, slot)).content.decode()
    consultation.is_active = False
    with django_capture_on_commit_callbacks(execute=True):
        consultation.save()
    assert client.get(day_url(consultation, slot)).status_code == 404

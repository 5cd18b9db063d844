"""The public booking flow: service, place, day and time, details, check, done; and every way it can go wrong."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from appointments import services
from appointments.models import Booking, Schedule, Slot
from tests.appointments.conftest import first_bookable_slot, make_schedule, make_service
from tests.cases.conftest import ACCESS_CODE, make_case, procedures, statuses  # noqa: F401 (fixtures)
from tests.factories import URGENT_BANNER_QUERIES, PlaceFactory, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sent(monkeypatch):
    """The e-mails of the booking (another module composes them): recorded here instead of sent."""
    from appointments import emails

    outbox = []
    monkeypatch.setattr(emails, "send_confirmation_request", outbox.append, raising=False)
    monkeypatch.setattr(emails, "send_confirmed", lambda booking, moved=False: outbox.append(booking), raising=False)
    monkeypatch.setattr(emails, "send_cancelled", lambda booking, by_staff=False: outbox.append(booking), raising=False)
    return outbox


def calendar_url(schedule, language="en"):
    return url_in(language, "appointments:day_and_time", service_code=schedule.service.code,
                  place_slug=schedule.place.slug)


def day_of(slot):
    return timezone.localtime(slot.starts_at, services.LOCAL_TIME).date()


def hold(client, schedule, slot, people=1):
    return client.post(calendar_url(schedule), {"slot": slot.pk, "people": people, "day": day_of(slot).isoformat()})


def fill_details(client, **fields):
    data = {"name": "Olena Kovalenko", "email": "Olena@example.org", "phone": "", **fields}
    return client.post(url_in("en", "appointments:details"), data)


def test_the_service_list_shows_bookable_services_and_which_need_a_case(client, consultation, card_collection):
    page = client.get(url_in("en", "appointments:start"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Visit consultation" in text and "Visit card-collection" in text
    assert text.count("Needs your case number and access code") == 1
    assert 'aria-current="step"' in text


def test_the_places_page_shows_the_next_free_time_and_links_to_the_calendar(client, consultation):
    page = client.get(url_in("en", "appointments:places", service_code="consultation"))
    assert page.status_code == 200
    assert "Next free time" in page.content.decode()
    assert calendar_url(consultation) in page.content.decode()


def test_a_place_with_nothing_free_says_so_and_shows_the_next_release(client, place):
    service = make_service("residence-card", max_people=1)
    schedule = make_schedule(place, service, policy=Schedule.ReleasePolicy.SCHEDULED, release_days_ahead=3)
    services.slots_generate(schedule_ids=[schedule.pk])
    Slot.objects.filter(opens_at__lte=timezone.now()).update(is_blocked=True)
    page = client.get(url_in("en", "appointments:places", service_code="residence-card"))
    text = page.content.decode()
    assert "Nothing is free now." in text
    assert "The next times will be released on" in text


def test_an_unknown_service_is_not_found_and_a_place_not_offering_it_says_so(client, consultation):
    assert client.get(url_in("en", "appointments:places", service_code="nothing-such")).status_code == 404
    other = PlaceFactory(slug="kalisz-branch")
    page = client.get(url_in("en", "appointments:day_and_time", service_code="consultation", place_slug=other.slug))
    assert page.status_code == 404
    assert "This place does not offer this service" in page.content.decode()


def test_the_calendar_links_free_days_and_a_chosen_day_lists_its_times(client, consultation):
    slot = first_bookable_slot(consultation)
    page = client.get(calendar_url(consultation))
    text = page.content.decode()
    assert page.status_code == 200
    assert '<th scope="col">' in text
    assert f"?day={day_of(slot).isoformat()}&amp;people=1" in text
    page = client.get(calendar_url(consultation), {"day": day_of(slot).isoformat(), "people": 2})
    text = page.content.decode()
    assert f'value="{slot.pk}"' in text
    assert 'name="slot"' in text and 'aria-current="date"' in text


def test_htmx_gets_only_the_calendar_and_times_fragment(client, consultation):
    slot = first_bookable_slot(consultation)
    page = client.get(calendar_url(consultation), {"day": day_of(slot).isoformat()}, headers={"HX-Request": "true"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "<html" not in text and 'name="slot"' in text
    assert "HX-Request" in page["Vary"]


@pytest.mark.parametrize("horizon", [30, 60])
def test_the_calendar_page_takes_the_same_number_of_queries_whatever_the_horizon(
    client, place, horizon, django_assert_num_queries
):
    service = make_service("consultation", max_people=4)
    schedule = make_schedule(place, service, horizon_days=horizon)
    services.slots_generate(schedule_ids=[schedule.pk])
    slot = first_bookable_slot(schedule)
    # the schedule with its service and place, the calendar's sums per day, the chosen day's slots, until when
    # they hold (the first time the page is asked for: then it comes from the cache)
    with django_assert_num_queries(4 + URGENT_BANNER_QUERIES):
        page = client.get(calendar_url(schedule), {"day": day_of(slot).isoformat(), "people": 2})
    assert page.status_code == 200


def test_a_past_day_and_a_day_beyond_the_horizon_say_why_there_are_no_times(client, consultation):
    today = services.local_today()
    past = client.get(calendar_url(consultation), {"day": (today - timedelta(days=3)).isoformat()})
    assert "This time has already passed" in past.content.decode()
    later = client.get(calendar_url(consultation), {"day": (today + timedelta(days=90)).isoformat()})
    assert "not open for booking yet" in later.content.decode()
    nonsense = client.get(calendar_url(consultation), {"day": "2026-13-45", "people": "many"})
    assert nonsense.status_code == 400
    assert "This date is not valid" in nonsense.content.decode()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_day_far_outside_the_calendar_is_answered_400_with_a_message(client, consultation, day):
    page = client.get(calendar_url(consultation), {"day": day})
    assert page.status_code == 400
    assert "This date is not valid" in page.content.decode()


def test_too_many_people_is_refused_with_the_limit(client, consultation):
    page = client.get(calendar_url(consultation), {"people": 9})
    assert page.status_code == 400
    assert "at most the number of people shown" in page.content.decode()


def test_the_whole_flow_books_once_and_keeps_personal_data_out_of_addresses(client, consultation, sent):
    slot = first_bookable_slot(consultation)
    response = hold(client, consultation, slot)
    assert response.status_code == 302 and response.url == url_in("en", "appointments:details")
    booking = Booking.objects.get()
    assert client.session["appointment_hold"] == booking.pk
    assert booking.status == Booking.Status.HELD

    page = client.get(response.url)
    assert page.status_code == 200
    assert "We hold this time for you" in page.content.decode()
    response = fill_details(client, phone="+48 600 000 000")
    assert response.status_code == 302 and response.url == url_in("en", "appointments:check")
    assert "example" not in response.url

    page = client.get(response.url)
    assert "olena@example.org" in page.content.decode().lower()
    response = client.post(url_in("en", "appointments:check"))
    assert response.url == url_in("en", "appointments:done")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.AWAITING_CONFIRMATION
    assert sent == [booking]
    done = client.get(response.url)
    assert "click the link in it" in done.content.decode()

    # A double click on "send": nothing new is made, nothing sent again.
    again = client.post(url_in("en", "appointments:check"))
    assert again.status_code == 302 and again.url == url_in("en", "appointments:done")
    assert Booking.objects.count() == 1 and len(sent) == 1
    # The back button after "send": the details page does not pretend the hold ran out.
    assert client.get(url_in("en", "appointments:details")).url == url_in("en", "appointments:done")


def test_a_double_clicked_hold_makes_one_booking(client, consultation):
    slot = first_bookable_slot(consultation)
    hold(client, consultation, slot)
    second = hold(client, consultation, slot)
    assert second.url == url_in("en", "appointments:details")
    assert Booking.objects.count() == 1
    slot.refresh_from_db()
    assert slot.booked == 1


def test_choosing_another_time_releases_the_first_hold(client, consultation):
    first = first_bookable_slot(consultation)
    second = first_bookable_slot(consultation, after_days=4)
    hold(client, consultation, first)
    hold(client, consultation, second)
    statuses_ = dict(Booking.objects.values_list("starts_at", "status"))
    assert statuses_ == {first.starts_at: Booking.Status.EXPIRED, second.starts_at: Booking.Status.HELD}


def test_a_taken_time_is_refused_and_the_other_times_are_listed(client, consultation):
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(booked=2)
    page = hold(client, consultation, slot)
    text = page.content.decode()
    assert page.status_code == 409
    assert "Someone has just taken this time" in text
    assert 'name="slot"' in text and f'value="{slot.pk}"' not in text
    assert not Booking.objects.exists()


def test_a_time_not_yet_released_is_refused(client, consultation):
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(opens_at=timezone.now() + timedelta(days=1))
    page = hold(client, consultation, slot)
    assert page.status_code == 400
    assert "not open for booking yet" in page.content.decode()


def test_a_blocked_time_is_refused_as_closed(client, consultation):
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(is_blocked=True)
    page = hold(client, consultation, slot)
    assert "The office is closed at this time" in page.content.decode()


def test_a_past_time_is_refused(client, consultation):
    slot = first_bookable_slot(consultation)
    Slot.objects.filter(pk=slot.pk).update(starts_at=timezone.now() - timedelta(hours=1),
                                           ends_at=timezone.now() - timedelta(minutes=30))
    page = hold(client, consultation, slot)
    assert "already passed" in page.content.decode()


def test_a_time_of_another_place_cannot_be_held_here(client, consultation):
    other_place = PlaceFactory(slug="pila-branch")
    other = make_schedule(other_place, consultation.service)
    services.slots_generate(schedule_ids=[other.pk])
    page = hold(client, consultation, first_bookable_slot(other))
    assert page.status_code == 409
    assert not Booking.objects.exists()


def test_holds_are_rate_limited_per_client_address(client, consultation, settings):
    settings.APPOINTMENT_SEATS_HELD_PER_HOUR = 1
    hold(client, consultation, first_bookable_slot(consultation))
    page = hold(client, consultation, first_bookable_slot(consultation, after_days=4))
    assert page.status_code == 429
    assert page["Retry-After"] == "3600"
    assert "Too many attempts" in page.content.decode()


def test_a_family_gets_times_one_after_another_and_names_each_person(client, consultation):
    slot = first_bookable_slot(consultation)
    hold(client, consultation, slot, people=3)
    booking = Booking.objects.get()
    assert booking.seats.count() == 3
    page = client.get(url_in("en", "appointments:details"))
    assert 'name="family_1"' in page.content.decode() and 'name="family_2"' in page.content.decode()
    missing = fill_details(client, family_1="Maksym Kovalenko")
    assert missing.status_code == 400
    assert 'href="#id_family_2"' in missing.content.decode()
    fill_details(client, family_1="Maksym Kovalenko", family_2="Iryna Kovalenko")
    names = list(booking.seats.order_by("position").values_list("person_name", flat=True))
    assert names == ["Olena Kovalenko", "Maksym Kovalenko", "Iryna Kovalenko"]


def test_details_errors_are_listed_and_linked_to_their_fields(client, consultation):
    hold(client, consultation, first_bookable_slot(consultation))
    page = fill_details(client, name="", email="not-an-address")
    text = page.content.decode()
    assert page.status_code == 400
    assert 'href="#id_name"' in text and 'href="#id_email"' in text
    assert 'id="id_email_error"' in text


def test_an_expired_hold_sends_the_person_back_to_the_times(client, consultation):
    slot = first_bookable_slot(consultation)
    hold(client, consultation, slot)
    Booking.objects.update(hold_expires_at=timezone.now() - timedelta(seconds=1))
    response = fill_details(client)
    assert response.status_code == 302 and response.url == calendar_url(consultation)
    page = client.get(response.url)
    assert "Your hold on this time has run out" in page.content.decode()
    assert client.get(url_in("en", "appointments:check")).status_code == 302


def test_the_steps_after_the_calendar_need_a_hold(client, db):
    for name in ("appointments:details", "appointments:check"):
        response = client.get(url_in("en", name))
        assert response.url == url_in("en", "appointments:start")


def test_check_before_details_goes_to_the_details(client, consultation):
    hold(client, consultation, first_bookable_slot(consultation))
    response = client.post(url_in("en", "appointments:check"))
    assert response.url == url_in("en", "appointments:details")
    assert Booking.objects.get().status == Booking.Status.HELD


def test_a_filled_honeypot_looks_accepted_but_books_nothing(client, consultation, sent):
    hold(client, consultation, first_bookable_slot(consultation))
    response = fill_details(client, website="http://spam.example")
    assert response.url == url_in("en", "appointments:done")
    booking = Booking.objects.get()
    assert booking.status == Booking.Status.EXPIRED and booking.email == ""
    assert client.get(response.url).status_code == 200
    assert sent == []


def test_a_second_active_booking_for_the_same_email_is_refused(client, consultation):
    hold(client, consultation, first_bookable_slot(consultation))
    fill_details(client)
    client.post(url_in("en", "appointments:check"))
    other = client.__class__()
    hold(other, consultation, first_bookable_slot(consultation, after_days=4))
    page = fill_details(other, email="olena@EXAMPLE.org ")
    assert page.status_code == 400
    assert "already has an active booking" in page.content.decode()


def test_confirmation_emails_are_rate_limited(client, consultation, settings):
    settings.APPOINTMENT_EMAILS_PER_HOUR = 0
    hold(client, consultation, first_bookable_slot(consultation))
    fill_details(client)
    page = client.post(url_in("en", "appointments:check"))
    assert page.status_code == 429
    assert Booking.objects.get().status == Booking.Status.HELD


def case_check_url(schedule):
    return url_in("en", "appointments:case_check", service_code=schedule.service.code, place_slug=schedule.place.slug)


def check_case(client, schedule, number="WSC-II-S.6151.1234.2026", code=ACCESS_CODE):
    return client.post(case_check_url(schedule), {"case_number": number, "access_code": code})


def test_a_case_tied_visit_asks_for_the_case_before_any_time_is_held(client, card_collection):
    page = client.get(calendar_url(card_collection))
    assert page.status_code == 302 and page["Location"] == case_check_url(card_collection)
    held = hold(client, card_collection, first_bookable_slot(card_collection))
    assert held.status_code == 302 and held["Location"] == case_check_url(card_collection)
    assert not Booking.objects.exists()
    assert not Slot.objects.filter(booked__gt=0).exists()


def test_a_case_tied_visit_needs_a_case_that_calls_for_it(client, card_collection, make_case):  # noqa: F811
    form = client.get(case_check_url(card_collection))
    assert 'name="case_number"' in form.content.decode()
    wrong = check_case(client, card_collection)
    assert wrong.status_code == 400
    assert "could not find a case" in wrong.content.decode()
    cache.clear()
    make_case("filed", "formal-check")
    not_due = check_case(client, card_collection)
    assert "does not call for this visit" in not_due.content.decode()
    assert client.get(calendar_url(card_collection)).status_code == 302  # still no calendar


def test_a_case_tied_visit_is_booked_with_the_right_case_typed_once(client, card_collection, make_case):  # noqa: F811
    case = make_case("filed", "formal-check", "card-ready")
    checked = check_case(client, card_collection)
    assert checked.status_code == 302 and checked["Location"] == calendar_url(card_collection)
    hold(client, card_collection, first_bookable_slot(card_collection))
    page = client.get(url_in("en", "appointments:details"))
    assert 'name="case_number"' not in page.content.decode()  # verified already: not asked again
    response = fill_details(client)
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.case_id == case.pk and booking.case_number == "WSC-II-S.6151.1234.2026"


@pytest.mark.parametrize("language", ["pl", "uk", "ru", "en"])
def test_the_flow_pages_are_in_the_readers_language(client, consultation, language):
    page = client.get(url_in(language, "appointments:start"))
    assert f'lang="{language}"' in page.content.decode()
    assert client.get(calendar_url(consultation, language)).status_code == 200


def test_the_service_and_place_pages_take_a_fixed_number_of_queries(
    client, consultation, card_collection, django_assert_num_queries
):
    with django_assert_num_queries(1 + URGENT_BANNER_QUERIES):
        client.get(url_in("en", "appointments:start"))
    other = PlaceFactory(slug="pila-branch")
    services.slots_generate(schedule_ids=[make_schedule(other, consultation.service).pk])
    cache.clear()  # the urgent notices are cached after the first page
    with django_assert_num_queries(2 + URGENT_BANNER_QUERIES):  # the service, the places with their next time
        page = client.get(url_in("en", "appointments:places", service_code="consultation"))
    assert page.content.decode().count("Next free time") == 2


def test_todays_later_times_made_the_day_before_can_still_be_booked(client, consultation):
    """The hourly generation adds days from tomorrow on; yesterday's run made today's times, still bookable."""
    later = (timezone.now() + timedelta(hours=3)).replace(second=0, microsecond=0)
    if timezone.localtime(later, services.LOCAL_TIME).date() != services.local_today():
        pytest.skip("too close to midnight for a later time today")
    slot = Slot.objects.create(
        place=consultation.place, service=consultation.service, starts_at=later,
        ends_at=later + timedelta(minutes=30), capacity=1, opens_at=timezone.now() - timedelta(days=1),
    )
    page = client.get(calendar_url(consultation), {"day": services.local_today().isoformat()})
    assert f'value="{slot.pk}"' in page.content.decode()

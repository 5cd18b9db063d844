"""Draws: requests during a window, a seeded random allotment (one seat per person), leftovers, and idempotence."""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection
from django.utils import timezone

from appointments import draws, services, waiting_list
from appointments.models import Booking, Draw, DrawRequest, Slot, WaitingListEntry
from cases import services as case_services
from cases.demo import catalogue_load, procedures_load
from cases.models import StatusEvent
from portal.models import OutboundEmail
from tests.appointments.conftest import CLIENT
from tests.appointments.helpers_waiting import link_in_last_email, make_draw_schedule, record_booking_emails
from tests.factories import URGENT_BANNER_QUERIES, url_in

pytestmark = pytest.mark.django_db
ACCESS_CODE = "K7PX3-MQAB9"


@pytest.fixture
def sent(monkeypatch):
    return record_booking_emails(monkeypatch)


@pytest.fixture
def draw_schedule(place):
    schedule = make_draw_schedule(place)
    draws.draws_ensure()
    return schedule


@pytest.fixture
def draw(draw_schedule) -> Draw:
    """The draw accepting requests now (its week lies wholly in the horizon)."""
    found = draws.draw_open_for(schedule=draw_schedule)
    assert found is not None and found.opens_at <= timezone.now() < found.closes_at
    return found


def entered(draw: Draw, count: int, *, start: int = 0) -> list[DrawRequest]:
    return [
        DrawRequest.objects.create(
            draw=draw, name=f"Person {n}", email=f"p{n}@example.com", email_key=f"p{n}@example.com",
            language="en", status=DrawRequest.Status.ENTERED, confirmed_at=timezone.now(),
        )
        for n in range(start, start + count)
    ]


def week_slots(draw: Draw):
    return draws._week_slots(draw).filter(is_blocked=False)


def run_at(draw: Draw):
    return draw.closes_at + timedelta(minutes=1)


def test_draws_are_created_for_each_week_with_their_windows_and_only_once(draw_schedule):
    created = list(Draw.objects.filter(schedule=draw_schedule).order_by("week_starts_on"))
    assert created
    for draw in created:
        assert draw.week_starts_on.weekday() == 0
        closes = timezone.localtime(draw.closes_at, services.LOCAL_TIME)
        assert closes.date() == draw.week_starts_on - timedelta(days=14)
        assert (closes.hour, closes.minute) == (7, 0)
        assert draw.closes_at - draw.opens_at == timedelta(days=7)
    assert draws.draws_ensure() == 0
    assert Draw.objects.filter(schedule=draw_schedule).count() == len(created)


def test_draw_times_cannot_be_booked_before_the_draw(draw):
    slot = week_slots(draw).first()
    assert slot.opens_at is None
    with pytest.raises(services.BookingError) as error:
        services.hold_create(
            service_id=slot.service_id, place_id=slot.place_id, slot_id=slot.pk, people=1, language="en",
            client_key=CLIENT,
        )
    assert error.value.code == "not_released"


def test_a_request_counts_once_confirmed_and_once_per_person(client, draw):
    schedule = draw.schedule
    params = {"service": schedule.service.code, "place": schedule.place.slug}
    page = client.get(url_in("en", "appointments:draw_request"), params)
    assert page.status_code == 200
    assert "Send my request" in page.content.decode()

    data = {**params, "name": "Olena Shevchenko", "email": "olena@example.com"}
    response = client.post(url_in("en", "appointments:draw_request"), data)
    assert response.status_code == 302
    assert response.url == url_in("en", "appointments:draw_sent")
    request = DrawRequest.objects.get()
    assert request.status == DrawRequest.Status.UNCONFIRMED

    confirm_path = link_in_last_email("olena@example.com", "draw/confirm")
    assert client.get(confirm_path).status_code == 200
    request.refresh_from_db()
    assert request.status == DrawRequest.Status.UNCONFIRMED  # opening the link is not confirming
    assert client.post(confirm_path).status_code == 200
    request.refresh_from_db()
    assert request.status == DrawRequest.Status.ENTERED

    again = client.post(url_in("en", "appointments:draw_request"), {**data, "email": "OLENA@example.com "})
    assert again.status_code == 302 and again.url == response.url  # the same answer, still one chance
    assert DrawRequest.objects.count() == 1
    with pytest.raises(IntegrityError):  # the database keeps it so
        DrawRequest.objects.create(draw=draw, name="x", email="olena@example.com", email_key="olena@example.com")


def test_requests_are_refused_outside_the_window(draw):
    outcome = draws.draw_request_create(
        draw=draw, name="Late", email="late@example.com", language="en", client_key=CLIENT, now=run_at(draw)
    )
    assert outcome == draws.RequestOutcome.CLOSED
    early = draws.draw_request_create(
        draw=draw, name="Early", email="early@example.com", language="en", client_key=CLIENT,
        now=draw.opens_at - timedelta(minutes=1),
    )
    assert early == draws.RequestOutcome.CLOSED
    assert not DrawRequest.objects.exists()


def test_requests_are_limited_per_address(draw, settings):
    settings.APPOINTMENT_EMAILS_PER_HOUR = 1
    kwargs = {"draw": draw, "name": "A", "email": "a@example.com", "language": "en", "client_key": CLIENT}
    assert draws.draw_request_create(**kwargs) == draws.RequestOutcome.SENT
    assert draws.draw_request_create(**kwargs) == draws.RequestOutcome.LIMITED


def test_a_case_tied_draw_needs_a_case_that_calls_for_the_visit(client, place):
    schedule = make_draw_schedule(place, code="card-collection-draw", service_fields={"case_visit": "card-collection"})
    draws.draws_ensure()
    draw = draws.draw_open_for(schedule=schedule)
    statuses, procedures = catalogue_load(), procedures_load()
    case = case_services.case_create(
        number="WSC-II-S.6151.1234.2026",
        procedure=procedures["temporary-residence-work"],
        place=place,
        filed_on=timezone.localdate(),
        status=statuses["card-ready"],
        occurred_at=timezone.now(),
        channel=StatusEvent.Channel.ADMIN,
        access_code=ACCESS_CODE,
    )
    kwargs = {"draw": draw, "name": "A", "email": "a@example.com", "language": "en", "client_key": CLIENT}
    wrong = draws.draw_request_create(**kwargs, case_number="WSC-II-S.6151.1234.2026", access_code="AAAAA-BBBBB")
    assert wrong == draws.RequestOutcome.CASE_NOT_FOUND
    right = draws.draw_request_create(**kwargs, case_number="WSC-II-S.6151.1234.2026", access_code=ACCESS_CODE)
    assert right == draws.RequestOutcome.SENT
    assert DrawRequest.objects.get().case_id == case.pk

    params = {"service": "card-collection-draw", "place": place.slug}
    response = client.post(url_in("en", "appointments:draw_request"), {**params, "name": "B", "email": "b@example.com"})
    assert response.status_code == 400
    assert response.context["form"].has_error("case_number")
    assert 'id="id_access_code"' in response.content.decode()


def test_the_draw_gives_each_seat_once_in_time_order_and_tells_everyone(draw, sent):
    seats = sum(slot.capacity for slot in week_slots(draw))
    requests = entered(draw, seats + 3)
    unconfirmed = DrawRequest.objects.create(draw=draw, name="U", email="u@example.com", email_key="u@example.com")

    result = draws.draw_run(draw_id=draw.pk, now=run_at(draw))
    assert (result.won, result.not_drawn) == (seats, 3)

    won = DrawRequest.objects.filter(draw=draw, status=DrawRequest.Status.WON).select_related("booking")
    assert won.count() == seats
    bookings = [request.booking for request in won]
    assert all(b.status == Booking.Status.CONFIRMED and b.channel == Booking.Channel.DRAW for b in bookings)
    assert all(len(b.checkin_code) == 6 for b in bookings)
    assert {("send_confirmed", b.pk) for b in bookings} == set(sent)
    assert all(slot.booked == slot.capacity for slot in week_slots(draw))

    draw.refresh_from_db()
    by_request = {request.pk: request.booking for request in won}
    times = [by_request[request_id].starts_at for request_id in draw.audit["order"] if request_id in by_request]
    assert times == sorted(times)  # the first drawn got the earliest time

    not_drawn = DrawRequest.objects.filter(draw=draw, status=DrawRequest.Status.NOT_DRAWN)
    assert not_drawn.count() == 4  # three losers and the unconfirmed request
    losers = {r.email for r in requests} - {r.email for r in won}
    for email in losers:
        assert "waiting/?service=" in OutboundEmail.objects.get(to_address=email).body_text
    assert not OutboundEmail.objects.filter(to_address=unconfirmed.email).exists()


def test_the_draw_is_reproducible_from_its_recorded_seed(draw, sent):
    entered(draw, 30)
    draws.draw_run(draw_id=draw.pk, now=run_at(draw))
    draw.refresh_from_db()
    assert draw.seed is not None and draw.audit["seed"] == draw.seed
    stored = {int(request_id): slot_id for request_id, slot_id in draw.audit["allocation"].items()}
    assert draws.draw_replay(draw) == stored
    order, _allocation = draws.allocate(seed=draw.seed, request_ids=draw.audit["entered"], seats=draw.audit["seats"])
    assert order == draw.audit["order"]
    for request_id, slot_id in stored.items():
        assert Booking.objects.get(pk=DrawRequest.objects.get(pk=request_id).booking_id).seats.get().slot_id == slot_id
    other, _ = draws.allocate(seed=draw.seed + 1, request_ids=draw.audit["entered"], seats=draw.audit["seats"])
    assert other != order  # a different seed, a different order (30! orders: a clash is not a worry)


def test_one_chance_per_person_even_with_a_booking_already(draw, sent):
    requests = entered(draw, 3)
    Booking.objects.create(
        reference="ABCDEFGH", service=draw.schedule.service, place=draw.schedule.place, starts_at=timezone.now(),
        status=Booking.Status.CONFIRMED, email=requests[0].email, email_key=requests[0].email_key,
    )
    draws.draw_run(draw_id=draw.pk, now=run_at(draw))
    draw.refresh_from_db()
    assert draw.audit["excluded"] == [requests[0].pk]
    assert DrawRequest.objects.get(pk=requests[0].pk).status == DrawRequest.Status.NOT_DRAWN
    assert DrawRequest.objects.filter(status=DrawRequest.Status.WON).count() == 2


def test_leftover_seats_go_to_the_waiting_list_then_to_the_public(draw, sent):
    entered(draw, 2)
    schedule = draw.schedule
    waiting_list.waiting_join(
        service=schedule.service, place=schedule.place, name="W", email="w@example.com", language="en",
        client_key=CLIENT,
    )
    entry = WaitingListEntry.objects.get()
    waiting_list.waiting_confirm(token=waiting_list.entry_token(entry, waiting_list.CONFIRM_SALT))
    moment = run_at(draw)

    result = draws.draw_run(draw_id=draw.pk, now=moment)
    assert (result.won, result.leftover_offered) == (2, 1)
    entry.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.OFFERED
    assert entry.offer.seats.get().slot in list(week_slots(draw))
    slots = list(week_slots(draw))
    assert sum(slot.booked for slot in slots) == 3
    assert all(slot.opens_at == moment for slot in slots)

    # The hourly slot generation keeps the drawn week open (it used to close draw times again).
    services.slots_generate(schedule_ids=[schedule.pk])
    assert all(slot.opens_at == moment for slot in week_slots(draw))
    assert Slot.objects.filter(pk__in=[s.pk for s in slots], opens_at__isnull=True).count() == 0


def test_a_draw_with_no_requests_opens_its_week(draw):
    draws.draw_run(draw_id=draw.pk, now=run_at(draw))
    assert not week_slots(draw).filter(opens_at__isnull=True).exists()


def test_running_again_draws_nothing_more(draw, sent):
    entered(draw, 5)
    assert draws.draws_run_due(now=run_at(draw)) >= 1
    assert Draw.objects.get(pk=draw.pk).drawn_at == run_at(draw)
    bookings = Booking.objects.count()
    seed = Draw.objects.get(pk=draw.pk).seed
    assert draws.draws_run_due(now=run_at(draw)) == 0
    assert draws.draw_run(draw_id=draw.pk, now=run_at(draw)) is None
    assert Booking.objects.count() == bookings
    assert Draw.objects.get(pk=draw.pk).seed == seed


def test_a_draw_not_closed_yet_is_not_run(draw):
    entered(draw, 2)
    assert draws.draw_run(draw_id=draw.pk, now=draw.closes_at - timedelta(minutes=1)) is None
    assert not Booking.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_draw_once(place, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are serialized for real only on PostgreSQL")
    record_booking_emails(monkeypatch)
    schedule = make_draw_schedule(place)
    draws.draws_ensure()
    draw = draws.draw_open_for(schedule=schedule)
    entered(draw, 20)
    moment = run_at(draw)
    barrier = threading.Barrier(4)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(draws.draws_run_due(now=moment))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(results) == Draw.objects.filter(drawn_at__isnull=False).count()  # each drawn by one runner
    assert Draw.objects.get(pk=draw.pk).drawn_at == moment
    assert Booking.objects.filter(channel=Booking.Channel.DRAW).count() == DrawRequest.objects.filter(
        status=DrawRequest.Status.WON
    ).count()
    assert all(slot.booked <= slot.capacity for slot in Slot.objects.all())


def test_requests_are_forgotten_after_the_retention_period_and_the_draw_can_still_be_repeated(draw, sent, settings):
    entered(draw, 5)
    draws.draw_run(draw_id=draw.pk, now=run_at(draw))
    draw.refresh_from_db()
    allocation = draws.draw_replay(draw)
    assert draws.draw_requests_purge(now=run_at(draw) + timedelta(days=1)) == 0
    later = run_at(draw) + timedelta(days=settings.APPOINTMENT_RETENTION_DAYS + 1)
    assert draws.draw_requests_purge(now=later) == 5
    assert draws.draw_replay(Draw.objects.get(pk=draw.pk)) == allocation


def test_the_request_page_uses_a_fixed_number_of_queries(client, draw, django_assert_num_queries):
    params = {"service": draw.schedule.service.code, "place": draw.schedule.place.slug}
    with django_assert_num_queries(2 + URGENT_BANNER_QUERIES):  # the schedule, the draw
        assert client.get(url_in("en", "appointments:draw_request"), params).status_code == 200


def test_a_request_sent_after_the_window_closed_is_refused_with_a_way_forward(client, draw):
    params = {"service": draw.schedule.service.code, "place": draw.schedule.place.slug}
    draws.draw_request_create(draw=draw, name="A", email="a@example.com", language="en", client_key=CLIENT)
    confirm_path = link_in_last_email("a@example.com", "draw/confirm")
    Draw.objects.filter(schedule=draw.schedule).update(
        opens_at=timezone.now() - timedelta(days=2), closes_at=timezone.now() - timedelta(days=1)
    )
    response = client.post(url_in("en", "appointments:draw_request"), {**params, "name": "B", "email": "b@example.com"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "not accepting requests" in text and "Join the waiting list for this visit" in text
    assert client.post(confirm_path).status_code == 200
    assert DrawRequest.objects.get().status == DrawRequest.Status.UNCONFIRMED  # too late to confirm


def test_a_schedule_that_is_not_a_draw_has_no_request_form(client, consultation):
    params = {"service": "consultation", "place": consultation.place.slug}
    page = client.get(url_in("en", "appointments:draw_request"), params)
    assert page.status_code == 200
    assert "Send my request" not in page.content.decode()

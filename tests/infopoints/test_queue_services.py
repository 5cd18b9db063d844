"""The queue's rules: numbering, idempotent presses, who is called next, the desk's actions and the audit trail."""

from datetime import datetime, time, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone

from appointments.models import BookableService, Booking
from infopoints import selectors, services
from infopoints.models import DayCounter, Desk, Ticket
from infopoints.models.queue import TICKET_STATUSES
from infopoints.services import Outcome, QueueError
from portal.models import AuditEvent
from portal.roles import INFO_POINT_STAFF
from tests.factories import UserFactory
from tests.infopoints.conftest import issue, make_matter

pytestmark = pytest.mark.django_db


def test_every_ticket_status_has_exactly_one_category_and_the_database_knows_them_all():
    assert set(Ticket.CATEGORY) == set(Ticket.Status)
    assert sorted(TICKET_STATUSES) == sorted(Ticket.Status.values)


def test_numbers_count_per_letter_and_start_again_the_next_day(kiosk, matters):
    first = issue(kiosk, matters["A"])
    second = issue(kiosk, matters["A"])
    other = issue(kiosk, matters["B"])
    tomorrow = issue(kiosk, matters["A"], now=timezone.now() + timedelta(days=1))
    assert (first.code, second.code, other.code) == ("A001", "A002", "B001")
    assert tomorrow.number == 1
    assert DayCounter.objects.get(day=timezone.localdate(), letter="A").last_number == 2


def test_the_same_press_twice_gives_back_the_same_ticket(kiosk, matters):
    first = issue(kiosk, matters["A"], key="press-1")
    again = issue(kiosk, matters["A"], key="press-1")
    assert first.pk == again.pk
    assert Ticket.objects.count() == 1


def test_the_database_refuses_a_second_ticket_with_the_same_number(kiosk, matters):
    ticket = issue(kiosk, matters["A"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Ticket.objects.create(place=ticket.place, matter=ticket.matter, day=ticket.day, letter="A", number=1,
                              issued_at=ticket.issued_at, queued_at=ticket.queued_at)


def test_a_closed_matter_issues_no_ticket_and_says_when_it_opens_next(kiosk, matters):
    matter = matters["A"]
    matter.issue_from, matter.issue_until = time(8), time(12)
    matter.save()
    evening = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(18)))
    with pytest.raises(QueueError) as error:
        issue(kiosk, matter, now=evening)
    assert error.value.code == "matter_closed"
    opens = timezone.localtime(services.matter_next_opening(matter, now=evening))
    assert (opens.date(), opens.time()) == (evening.date() + timedelta(days=1), time(8))


def test_a_matter_with_a_daily_limit_stops_at_it(kiosk, queue_place):
    matter = make_matter(queue_place, "L", daily_limit=2)
    issue(kiosk, matter)
    issue(kiosk, matter)
    with pytest.raises(QueueError) as error:
        issue(kiosk, matter)
    assert error.value.code == "sold_out"


def test_a_kiosk_cannot_issue_tickets_for_another_place(kiosk, db):
    from tests.factories import PlaceFactory

    elsewhere = make_matter(PlaceFactory(), "A")
    with pytest.raises(QueueError) as error:
        issue(kiosk, elsewhere)
    assert error.value.code == "unknown_matter"


def test_call_next_takes_due_appointments_then_priority_then_first_come(kiosk, matters, open_desk, clerk):
    plain = issue(kiosk, matters["A"])
    priority = issue(kiosk, matters["B"])
    services.ticket_set_priority(ticket_id=priority.pk, user=clerk, priority=Ticket.Priority.DISABILITY)
    later = issue(kiosk, matters["A"])
    due = issue(kiosk, matters["A"])
    Ticket.objects.filter(pk=due.pk).update(matter=matters["W"], priority=Ticket.Priority.APPOINTMENT,
                                            appointment_at=timezone.now())

    order = []
    for _ in range(4):
        ticket = services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
        order.append(ticket.pk)
        services.ticket_finish(ticket_id=ticket.pk, user=clerk, outcome=Outcome(served=True, topic="information"))
    assert order == [due.pk, priority.pk, plain.pk, later.pk]
    assert services.ticket_call_next(desk_id=open_desk.pk, user=clerk) is None


def test_an_appointment_far_ahead_waits_its_turn_like_everyone(kiosk, matters, open_desk, clerk):
    plain = issue(kiosk, matters["A"])
    early = issue(kiosk, matters["B"])
    Ticket.objects.filter(pk=early.pk).update(matter=matters["W"], priority=Ticket.Priority.APPOINTMENT,
                                              appointment_at=timezone.now() + timedelta(hours=2))
    assert services.ticket_call_next(desk_id=open_desk.pk, user=clerk).pk == plain.pk


def test_a_desk_calls_only_its_matters(kiosk, matters, desks, clerk):
    desk = services.desk_open(desk_id=desks[0].pk, user=clerk, matter_ids=[matters["B"].pk])
    issue(kiosk, matters["A"])
    assert services.ticket_call_next(desk_id=desk.pk, user=clerk) is None
    b = issue(kiosk, matters["B"])
    assert services.ticket_call_next(desk_id=desk.pk, user=clerk).pk == b.pk


def test_a_desk_with_a_visitor_cannot_call_another_and_the_database_agrees(kiosk, matters, open_desk, clerk):
    first = issue(kiosk, matters["A"])
    second = issue(kiosk, matters["A"])
    services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    with pytest.raises(QueueError) as error:
        services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    assert error.value.code == "desk_busy"
    with pytest.raises(IntegrityError), transaction.atomic():
        Ticket.objects.filter(pk=second.pk).update(status="called", desk=open_desk, called_at=timezone.now())
    assert Ticket.objects.get(pk=first.pk).status == Ticket.Status.CALLED


def test_only_the_person_at_the_desk_can_call_from_it(kiosk, matters, open_desk, queue_place):
    from portal.roles import INFO_POINT_STAFF

    other = UserFactory(role=INFO_POINT_STAFF)
    other.places.add(queue_place)
    issue(kiosk, matters["A"])
    with pytest.raises(QueueError) as error:
        services.ticket_call_next(desk_id=open_desk.pk, user=other)
    assert error.value.code == "not_your_desk"
    with pytest.raises(QueueError) as error:
        services.desk_open(desk_id=open_desk.pk, user=other, matter_ids=[])
    assert error.value.code == "desk_taken"


def test_missed_only_after_the_configured_recalls(kiosk, matters, open_desk, clerk):
    issue(kiosk, matters["A"])
    ticket = services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    with override_settings(QUEUE_RECALLS_BEFORE_MISSED=2):
        services.ticket_recall(ticket_id=ticket.pk, user=clerk)
        with pytest.raises(QueueError) as error:
            services.ticket_mark_missed(ticket_id=ticket.pk, user=clerk)
        assert error.value.code == "recall_first"
        services.ticket_recall(ticket_id=ticket.pk, user=clerk)
        missed = services.ticket_mark_missed(ticket_id=ticket.pk, user=clerk)
    assert missed.status == Ticket.Status.NO_SHOW
    assert missed.finished_at is not None


def test_park_frees_the_desk_and_bring_back_resumes_the_visit(kiosk, matters, open_desk, clerk):
    issue(kiosk, matters["A"])
    second = issue(kiosk, matters["A"])
    first = services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    services.ticket_start(ticket_id=first.pk, user=clerk)
    services.ticket_park(ticket_id=first.pk, user=clerk)
    assert services.ticket_call_next(desk_id=open_desk.pk, user=clerk).pk == second.pk
    with pytest.raises(QueueError):
        services.ticket_unpark(ticket_id=first.pk, desk_id=open_desk.pk, user=clerk)
    services.ticket_finish(ticket_id=second.pk, user=clerk, outcome=Outcome(served=True))
    back = services.ticket_unpark(ticket_id=first.pk, desk_id=open_desk.pk, user=clerk)
    assert back.status == Ticket.Status.SERVING
    assert back.desk_id == open_desk.pk


def test_a_transfer_to_a_desk_goes_only_to_that_desk_and_before_new_tickets(kiosk, matters, desks, clerk,
                                                                             queue_place):
    from portal.roles import INFO_POINT_STAFF

    colleague = UserFactory(role=INFO_POINT_STAFF)
    colleague.places.add(queue_place)
    mine = services.desk_open(desk_id=desks[0].pk, user=clerk, matter_ids=[matters["A"].pk])
    theirs = services.desk_open(desk_id=desks[1].pk, user=colleague, matter_ids=[matters["A"].pk])
    issue(kiosk, matters["A"])
    ticket = services.ticket_call_next(desk_id=mine.pk, user=clerk)
    newer = issue(kiosk, matters["A"])
    moved = services.ticket_transfer(ticket_id=ticket.pk, user=clerk, desk_id=theirs.pk)
    assert moved.status == Ticket.Status.TRANSFERRED
    assert services.ticket_call_next(desk_id=mine.pk, user=clerk).pk == newer.pk
    assert services.ticket_call_next(desk_id=theirs.pk, user=colleague).pk == ticket.pk


def test_another_desk_cannot_act_on_a_ticket_it_did_not_call(kiosk, matters, desks, clerk, queue_place):
    from portal.roles import INFO_POINT_STAFF

    colleague = UserFactory(role=INFO_POINT_STAFF)
    colleague.places.add(queue_place)
    mine = services.desk_open(desk_id=desks[0].pk, user=clerk, matter_ids=[matters["A"].pk])
    services.desk_open(desk_id=desks[1].pk, user=colleague, matter_ids=[matters["A"].pk])
    issue(kiosk, matters["A"])
    ticket = services.ticket_call_next(desk_id=mine.pk, user=clerk)
    with pytest.raises(QueueError) as error:
        services.ticket_finish(ticket_id=ticket.pk, user=colleague, outcome=Outcome(served=True))
    assert error.value.code == "ticket_taken"
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.CALLED


def test_finishing_records_topic_language_and_resolution_but_nothing_about_the_person(kiosk, matters, open_desk,
                                                                                      clerk):
    issue(kiosk, matters["A"])
    ticket = services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    done = services.ticket_finish(ticket_id=ticket.pk, user=clerk,
                                  outcome=Outcome(served=True, topic="case_status", language="uk", resolved=True))
    assert (done.status, done.topic, done.language, done.resolved) == ("served", "case_status", "uk", True)
    assert done.served_by == clerk and done.served_at and done.finished_at


def test_every_staff_action_is_in_the_audit_trail(kiosk, matters, open_desk, clerk):
    issue(kiosk, matters["A"])
    ticket = services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    services.ticket_recall(ticket_id=ticket.pk, user=clerk)
    services.ticket_start(ticket_id=ticket.pk, user=clerk)
    services.ticket_finish(ticket_id=ticket.pk, user=clerk, outcome=Outcome(served=False))
    events = list(AuditEvent.objects.filter(object_type="infopoints.ticket").order_by("pk"))
    assert [e.action for e in events] == ["ticket.call", "ticket.recall", "ticket.start", "ticket.finish"]
    assert all(e.actor == clerk and e.object_label == "A001" and e.place_id == ticket.place_id for e in events)
    assert events[0].changes["status"] == ["waiting", "called"]
    assert AuditEvent.objects.filter(action="desk.open", object_type="infopoints.desk").exists()


def _booking_today(place, code="123456", status=Booking.Status.CONFIRMED) -> Booking:
    service = BookableService.objects.create(code="consultation", name_pl="Konsultacja")
    now = timezone.now()
    # In five minutes, but never past midnight: a check-in is for a booking of the same (Polish) day.
    last_moment = timezone.localtime(now).replace(hour=23, minute=59, second=59, microsecond=0)
    return Booking.objects.create(
        reference="REF" + code, service=service, place=place, starts_at=min(now + timedelta(minutes=5), last_moment),
        status=status, checkin_code=code, name="Olena",
    )


def test_check_in_with_a_code_marks_the_booking_arrived_and_gives_an_appointment_ticket(kiosk, matters, queue_place):
    booking = _booking_today(queue_place)
    ticket = services.ticket_check_in(device=kiosk, code="123 456", press_key="p1")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CHECKED_IN
    assert (ticket.letter, ticket.priority, ticket.booking_id) == ("W", "appointment", booking.pk)
    assert services.ticket_check_in(device=kiosk, code="123456", press_key="p2").pk == ticket.pk


def test_check_in_with_an_unknown_code_is_refused(kiosk, matters, queue_place):
    _booking_today(queue_place, status=Booking.Status.CANCELLED_BY_PERSON)
    with pytest.raises(QueueError) as error:
        services.ticket_check_in(device=kiosk, code="123456", press_key="p1")
    assert error.value.code == "checkin_unknown"
    assert not Ticket.objects.exists()


def test_position_and_estimate_count_the_people_ahead_and_the_open_desks(kiosk, matters, open_desk, clerk):
    tickets = [issue(kiosk, matters["A"]) for _ in range(4)]
    issue(kiosk, matters["B"])  # another matter's queue is not ahead
    position = selectors.phone_ticket(token=tickets[3].token, place_id=tickets[3].place_id).position
    assert position.ahead == 3
    assert position.minutes == 35  # 4 visits × 8 minutes at one desk, "about" in steps of five
    assert selectors.phone_ticket(token=tickets[0].token, place_id=tickets[0].place_id).position.is_next


def test_priority_tickets_go_before_in_the_position_and_the_estimate_follows_the_days_visits(
    kiosk, matters, open_desk, clerk, desks
):
    tickets = [issue(kiosk, matters["A"]) for _ in range(4)]
    services.ticket_set_priority(ticket_id=tickets[2].pk, user=clerk, priority=Ticket.Priority.PREGNANCY)
    served = services.ticket_call_next(desk_id=open_desk.pk, user=clerk)  # the priority ticket
    assert served.pk == tickets[2].pk
    Ticket.objects.filter(pk=served.pk).update(called_at=timezone.now() - timedelta(minutes=19))
    services.ticket_finish(ticket_id=served.pk, user=clerk, outcome=services.Outcome(served=True))
    services.ticket_set_priority(ticket_id=tickets[3].pk, user=clerk, priority=Ticket.Priority.DISABILITY)
    other = UserFactory(role=INFO_POINT_STAFF, with_totp=True)
    other.places.add(open_desk.place)
    services.desk_open(desk_id=desks[1].pk, user=other, matter_ids=[matters["A"].pk])
    assert Desk.objects.filter(staff__isnull=False).count() == 2

    def position(ticket):
        return selectors.phone_ticket(token=ticket.token, place_id=ticket.place_id).position

    # The priority ticket issued last goes first; the others keep their order behind it.
    assert [position(t).ahead for t in (tickets[3], tickets[0], tickets[1])] == [0, 1, 2]
    # One visit of 19 minutes today, two desks: 3 people × 19 / 2, about 30.
    assert position(tickets[1]).minutes == 30
    assert position(tickets[2]) == selectors.NOT_WAITING


def test_the_day_close_ends_open_tickets_and_phone_links_of_past_days(kiosk, matters, open_desk):
    old = issue(kiosk, matters["A"], now=timezone.now() - timedelta(days=1))
    today = issue(kiosk, matters["A"])
    closed = services.queue_days_close()
    old.refresh_from_db()
    today.refresh_from_db()
    assert closed == 1
    assert (old.status, old.token) == (Ticket.Status.CLOSED, None)
    assert today.token and today.status == Ticket.Status.WAITING
    assert selectors.ticket_for_phone(token=today.token).pk == today.pk


def test_a_revoked_device_is_not_recognised_any_more(kiosk, clerk, django_capture_on_commit_callbacks):
    assert selectors.device_from_cookie(f"{kiosk.pk}:{kiosk.secret_version}") is not None
    with django_capture_on_commit_callbacks(execute=True):
        services.device_revoke(device_id=kiosk.pk, user=clerk)
    assert selectors.device_from_cookie(f"{kiosk.pk}:{kiosk.secret_version}") is None


def test_an_enrolment_link_works_once(queue_place):
    from infopoints.models import Device

    device = Device.objects.create(place=queue_place, kind="display", name="hall")
    token = services.device_enrolment_token(device)
    services.device_enrol(token=token)
    with pytest.raises(QueueError):
        services.device_enrol(token=token)


def test_a_person_holds_one_desk_at_a_time(desks, clerk, matters):
    services.desk_open(desk_id=desks[0].pk, user=clerk, matter_ids=[])
    services.desk_open(desk_id=desks[1].pk, user=clerk, matter_ids=[matters["A"].pk])
    assert list(Desk.objects.filter(staff=clerk).values_list("number", flat=True)) == [2]


def test_no_tickets_on_a_public_holiday_and_the_next_opening_skips_it(kiosk, matters, monkeypatch):
    noon = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(12)))
    holiday = noon.date()
    monkeypatch.setattr("appointments.services.public_holidays", lambda year: {holiday})
    with pytest.raises(QueueError) as error:
        issue(kiosk, matters["A"], now=noon)
    assert error.value.code == "matter_closed"
    opens = timezone.localtime(services.matter_next_opening(matters["A"], now=noon))
    assert opens.date() == holiday + timedelta(days=1)

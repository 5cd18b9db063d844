"""Fault drills with a real Celery worker and a throw-away Redis: the outbox, not the broker, is the source of truth.

Figures (times to recover, messages sent) are printed with -s and recorded in the README ("Fault drills").
"""

import time

import pytest
from django.db import connection
from django.utils import timezone

from appointments import services as appointment_services
from appointments.models import Booking
from portal import services
from portal.models import OutboundEmail
from tests.appointments.conftest import consultation, first_bookable_slot  # noqa: F401 (fixtures)
from tests.factories import url_in
from tests.resilience import drill_mail
from tests.resilience.conftest import Worker, wait_until

pytestmark = [
    pytest.mark.fault_drill,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="fault drill: needs PostgreSQL (a worker in another process cannot see SQLite's test database)",
    ),
]


def book(client, schedule, slot, email: str) -> list[int]:
    """The public booking flow, step by step, as a person does it; returns the status code of each page."""
    day = timezone.localtime(slot.starts_at, appointment_services.LOCAL_TIME).date().isoformat()
    codes = [
        client.post(url_in("en", "appointments:day_and_time", service_code=schedule.service.code,
                           place_slug=schedule.place.slug), {"slot": slot.pk, "people": 1, "day": day}).status_code,
        client.post(url_in("en", "appointments:details"), {"name": "Olena K", "email": email, "phone": ""}).status_code,
        client.post(url_in("en", "appointments:check")).status_code,
    ]
    booking = Booking.objects.get(email=email)
    token = appointment_services.booking_token(booking, appointment_services.CONFIRM_SALT)
    confirmed = client.post(url_in("en", "appointments:confirm", token=token))
    codes += [confirmed.status_code, client.get(confirmed.url).status_code]
    return codes


def test_redis_stopped_while_people_book_and_subscribe(
    consultation, throwaway_redis, broker_is, mail_dir, tmp_path, client_factory, settings  # noqa: F811
):
    settings.EMAIL_RESEND_AFTER_SECONDS = 1
    broker_is(throwaway_redis.url)
    worker = Worker(redis_url=throwaway_redis.url, mail_dir=mail_dir, log_path=tmp_path / "worker.log").start()
    try:
        throwaway_redis.stop()  # the broker and the cache are gone

        people = [f"person{number}@example.org" for number in range(3)]
        slowest, codes = 0.0, []
        for number, address in enumerate(people):
            started = time.monotonic()
            codes += book(client_factory(), consultation, first_bookable_slot(consultation, after_days=2 + number),
                          address)
            slowest = max(slowest, time.monotonic() - started)
        for reader in ("reader0@example.org", "reader1@example.org"):
            codes.append(client_factory().post(url_in("uk", "notice_subscribe"), {"email": reader}).status_code)
        codes.append(client_factory().get(url_in("en", "home")).status_code)

        assert 500 not in codes and set(codes) <= {200, 302}, codes
        assert Booking.objects.filter(status=Booking.Status.CONFIRMED).count() == 3
        waiting = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).count()
        assert waiting == 3 * 2 + 2  # per booking: "confirm" and "confirmed"; per reader: "confirm"
        assert drill_mail.delivered(mail_dir) == []

        back = time.monotonic()
        throwaway_redis.start()
        time.sleep(settings.EMAIL_RESEND_AFTER_SECONDS)
        from portal.tasks import resend_pending_emails

        resend_pending_emails.delay()  # what beat does every minute
        wait_until(
            lambda: not OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).exists(),
            timeout=90,
            interval=0.25,
            what=f"the outbox to empty; worker log:\n{worker.log()}",
        )
        recovered = time.monotonic() - back
        time.sleep(3)  # anything sent twice would arrive now
        expected = sorted([*(address for address in people for _ in range(2)), "reader0@example.org",
                           "reader1@example.org"])
        assert drill_mail.delivered(mail_dir) == expected
        assert set(OutboundEmail.objects.values_list("status", flat=True)) == {OutboundEmail.Status.SENT}
        print(f"\nDRILL redis-stopped: {len(codes)} pages answered during the outage (slowest booking "
              f"{slowest:.2f}s for 5 pages), {waiting} e-mails waited, all {len(expected)} sent once "
              f"{recovered:.1f}s after Redis returned")
    finally:
        worker.stop()


def test_a_worker_killed_mid_send_loses_nothing_and_sends_nothing_twice(
    throwaway_redis, broker_is, mail_dir, tmp_path, settings
):
    settings.EMAIL_RESEND_AFTER_SECONDS = 1
    broker_is(throwaway_redis.url)
    first = Worker(redis_url=throwaway_redis.url, mail_dir=mail_dir, log_path=tmp_path / "w1.log", send_delay=5)
    first.start()
    second = None
    try:
        email = services.email_enqueue(
            to_address="person@example.org", subject="Drill", body_text="Once.", dedupe_key="drill:killed"
        )
        wait_until(lambda: list(mail_dir.glob("*.sending")), timeout=60, what=f"a send to start:\n{first.log()}")
        first.kill()
        killed = time.monotonic()
        email.refresh_from_db()
        assert email.status == OutboundEmail.Status.PENDING and email.attempts == 0  # its transaction rolled back
        assert drill_mail.delivered(mail_dir) == []

        second = Worker(redis_url=throwaway_redis.url, mail_dir=mail_dir, log_path=tmp_path / "w2.log").start()
        from portal.tasks import resend_pending_emails

        wait_until(lambda: timezone.now() >= email.next_attempt_at, timeout=5, what="the resend time")
        resend_pending_emails.delay()
        wait_until(
            lambda: OutboundEmail.objects.get(pk=email.pk).status == OutboundEmail.Status.SENT,
            timeout=60,
            interval=0.25,
            what=f"the e-mail to be sent; worker log:\n{second.log()}",
        )
        recovered = time.monotonic() - killed
        resend_pending_emails.delay()  # a second re-queue (e.g. the next beat) must not send it again
        time.sleep(3)
        assert drill_mail.delivered(mail_dir) == ["person@example.org"]
        email.refresh_from_db()
        assert email.attempts == 1
        print(f"\nDRILL worker-killed: killed mid-send, 0 lost, 1 sent once, {recovered:.1f}s after the kill "
              f"(with beat's 1-minute interval and EMAIL_RESEND_AFTER_SECONDS={settings.EMAIL_RESEND_AFTER_SECONDS})")
    finally:
        first.kill()
        if second:
            second.stop()


@pytest.fixture
def client_factory():
    from django.test import Client

    return lambda: Client(raise_request_exception=False)


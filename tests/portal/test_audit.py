"""The audit trail: recorded with the actor's role and place, append-only, shown in the admin, purged on time."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from portal import audit
from portal.models import AuditEvent, Place
from portal.roles import CASE_OFFICER, COORDINATOR
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


def officer(place: Place):
    user = UserFactory(email="officer@example.invalid", role=CASE_OFFICER)
    user.places.add(place)
    return user


def test_record_keeps_who_role_place_and_before_after():
    place = PlaceFactory()
    user = officer(place)
    when = timezone.now()
    event = audit.audit_record(
        actor=user, action="place.test", obj=place, place=place, changes={"status": ("a", when)}, label="X-1"
    )
    event.refresh_from_db()
    assert event.actor_label == "officer@example.invalid"
    assert event.role == CASE_OFFICER
    assert event.place == place
    assert event.object_type == "portal.place" and event.object_id == str(place.pk) and event.object_label == "X-1"
    assert event.changes == {"status": ["a", when.isoformat()]}


def test_system_actions_have_no_actor():
    place = PlaceFactory()
    event = audit.audit_record(actor=None, action="place.test", obj=place)
    assert event.actor is None and event.actor_label == "" and event.role == ""


def test_an_event_cannot_be_changed_through_the_orm():
    place = PlaceFactory()
    event = audit.audit_record(actor=None, action="place.test", obj=place)
    event.note = "rewritten"
    with pytest.raises(ValueError):
        event.save()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_the_database_refuses_an_update_on_postgresql():
    place = PlaceFactory()
    event = audit.audit_record(actor=None, action="place.test", obj=place)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(note="rewritten")


def test_events_for_an_object_are_newest_first_in_one_query(django_assert_num_queries):
    place, other = PlaceFactory(), PlaceFactory()
    for number in range(5):
        audit.audit_record(actor=None, action=f"place.step{number}", obj=place, place=place)
    audit.audit_record(actor=None, action="place.other", obj=other)
    with django_assert_num_queries(1):
        events = list(audit.audit_events_for(place))
        assert {event.place.pk for event in events} == {place.pk}
    assert [event.action for event in events] == [f"place.step{number}" for number in reversed(range(5))]


def test_purge_deletes_only_events_past_retention(settings):
    settings.AUDIT_RETENTION_DAYS = 10
    place = PlaceFactory()
    old = audit.audit_record(actor=None, action="place.old", obj=place)
    AuditEvent.objects.filter(pk=old.pk).delete()  # recreate with an old time (events cannot be updated)
    AuditEvent.objects.create(
        occurred_at=timezone.now() - timedelta(days=11), action="place.old", object_type="portal.place", object_id="1"
    )
    audit.audit_record(actor=None, action="place.new", obj=place)
    assert audit.audit_purge_old() == 1
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["place.new"]


def test_coordinator_reads_the_trail_in_the_admin_and_cannot_change_it(client):
    place = PlaceFactory()
    audit.audit_record(actor=None, action="place.test", obj=place, label="visible-label")
    coordinator = UserFactory(role=COORDINATOR, with_totp=True)
    client.force_login(coordinator)
    page = client.get("/admin/portal/auditevent/")
    assert page.status_code == 200 and "visible-label" in page.content.decode()
    event = AuditEvent.objects.get()
    assert client.post(f"/admin/portal/auditevent/{event.pk}/delete/").status_code == 403
    assert AuditEvent.objects.count() == 1


def test_case_officer_cannot_read_the_trail(client):
    client.force_login(UserFactory(role=CASE_OFFICER, with_totp=True))
    assert client.get("/admin/portal/auditevent/").status_code == 403

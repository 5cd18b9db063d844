"""Imports and the API change only the cases of the officer's (or the token's) places, and say nothing about others."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases import importing, services
from cases.models import Case, IntegrationToken, StatusEvent
from cases.selectors import PlaceScope, place_scope_of_token, place_scope_of_user
from portal import roles
from portal.models import AuditEvent
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db

ELSEWHERE_NUMBER = "WSC-II-S.6151.9999.2026"
UNKNOWN_NUMBER = "WSC-II-S.6151.8888.2026"


@pytest.fixture
def kalisz(db):
    return PlaceFactory(slug="kalisz", city="Kalisz")


@pytest.fixture
def mine_and_elsewhere(make_case, kalisz):
    mine = make_case("filed")
    elsewhere = make_case("filed", number=ELSEWHERE_NUMBER, case_place=kalisz)
    return mine, elsewhere


def rows_for(*numbers: str) -> list[dict]:
    return [{"case_number": number, "status": "review", "occurred_at": "2026-11-20"} for number in numbers]


def creation_row(number: str, place_slug: str) -> dict:
    return {
        "case_number": number,
        "status": "filed",
        "occurred_at": "2026-11-02",
        "procedure": "permanent-residence",
        "place": place_slug,
        "filed_on": "2026-11-02",
    }


def upload(rows: list[dict]) -> SimpleUploadedFile:
    lines = ["case_number,status,occurred_at"] + [f"{r['case_number']},{r['status']},{r['occurred_at']}" for r in rows]
    return SimpleUploadedFile("changes.csv", "\n".join(lines).encode(), content_type="text/csv")


def test_a_case_of_another_place_is_refused_with_the_message_of_an_unknown_case(mine_and_elsewhere, place):
    mine, elsewhere = mine_and_elsewhere
    scope = PlaceScope(place_ids=frozenset({place.pk}))
    results = importing.rows_apply(
        rows_for(mine.number, elsewhere.number, UNKNOWN_NUMBER), channel="import", scope=scope
    )
    assert [r.outcome for r in results] == ["recorded", "error", "error"]
    assert results[1].message == results[2].message == importing.unknown_case_message()
    assert not elsewhere.events.filter(status__code="review").exists()


def test_an_officer_preview_does_not_tell_whether_a_number_exists_elsewhere(client, mine_and_elsewhere, place):
    mine, elsewhere = mine_and_elsewhere
    officer = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    officer.places.add(place)
    client.force_login(officer)
    url = reverse("admin:cases_statusevent_import")
    preview = client.post(url, {"file": upload(rows_for(elsewhere.number, UNKNOWN_NUMBER))})
    first, second = preview.context["results"]
    assert (first.outcome, first.message) == (second.outcome, second.message) == ("error", first.message)
    client.post(url, {"apply": "1"})
    assert elsewhere.events.count() == 1


def test_an_officer_cannot_create_a_case_at_another_place(client, statuses, procedures, place, kalisz):
    officer = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    officer.places.add(place)
    scope = place_scope_of_user(officer)
    refused = importing.rows_apply(
        [creation_row(UNKNOWN_NUMBER, kalisz.slug)], channel="import", scope=scope, create_missing=True
    )
    assert refused[0].outcome == "error" and not Case.objects.exists()
    # the same answer as a place that does not exist at all
    nowhere = importing.rows_apply(
        [creation_row(UNKNOWN_NUMBER, "atlantis")], channel="import", scope=scope, create_missing=True
    )
    assert refused[0].message == nowhere[0].message
    created = importing.rows_apply(
        [creation_row(UNKNOWN_NUMBER, place.slug)], channel="import", scope=scope, create_missing=True
    )
    assert created[0].outcome == "case-created" and Case.objects.get().place == place


def test_creating_a_case_whose_number_is_used_elsewhere_is_refused_without_touching_it(mine_and_elsewhere, place):
    _mine, elsewhere = mine_and_elsewhere
    scope = PlaceScope(place_ids=frozenset({place.pk}))
    result = importing.rows_apply(
        [creation_row(elsewhere.number, place.slug)], channel="import", scope=scope, create_missing=True
    )
    assert result[0].outcome == "error"
    elsewhere.refresh_from_db()
    assert elsewhere.events.count() == 1 and elsewhere.place.slug == "kalisz"


def test_superusers_import_for_every_place_and_officers_without_places_for_none(mine_and_elsewhere):
    _mine, elsewhere = mine_and_elsewhere
    superuser = UserFactory(is_superuser=True)
    assert place_scope_of_user(superuser).office_wide
    assert importing.rows_apply(rows_for(elsewhere.number), channel="import", scope=place_scope_of_user(superuser))[
        0
    ].ok
    # the administrator role manages tokens and accounts, not cases: it is scoped like everyone else
    administrator = UserFactory(role=roles.ADMINISTRATOR)
    assert place_scope_of_user(administrator) == PlaceScope()
    assert not PlaceScope().allows(elsewhere.place_id)


class TestApiTokens:
    url = "/api/cases/status-events/"

    def post(self, client, plaintext, events):
        return client.post(
            self.url,
            json.dumps({"events": events}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {plaintext}",
        )

    def test_a_token_of_one_place_changes_only_its_cases(self, client, mine_and_elsewhere, place):
        mine, elsewhere = mine_and_elsewhere
        _token, plaintext = services.integration_token_create(name="Poznań EZD", places=[place])
        response = self.post(client, plaintext, rows_for(mine.number, elsewhere.number, UNKNOWN_NUMBER))
        results = response.json()["results"]
        assert [r["outcome"] for r in results] == ["recorded", "error", "error"]
        assert results[1]["message"] == results[2]["message"]
        assert not elsewhere.events.filter(status__code="review").exists()

    def test_a_token_of_one_place_cannot_create_a_case_elsewhere(self, client, statuses, procedures, place, kalisz):
        _token, plaintext = services.integration_token_create(name="Poznań EZD", places=[place])
        body = {"events": [creation_row(UNKNOWN_NUMBER, kalisz.slug)], "create_missing": True}
        response = client.post(
            self.url, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {plaintext}"
        )
        assert response.json()["results"][0]["outcome"] == "error" and not Case.objects.exists()

    def test_an_office_wide_token_changes_cases_of_every_place(self, client, mine_and_elsewhere):
        mine, elsewhere = mine_and_elsewhere
        token, plaintext = services.integration_token_create(name="Central EZD", office_wide=True)
        results = self.post(client, plaintext, rows_for(mine.number, elsewhere.number)).json()["results"]
        assert [r["outcome"] for r in results] == ["recorded", "recorded"]
        event = AuditEvent.objects.filter(action="case.status_set", object_id=str(elsewhere.pk)).get()
        assert event.actor is None and "Central EZD" in event.note
        assert event.changes == {"status": ["filed", "review"]}

    def test_a_token_with_neither_places_nor_office_wide_changes_nothing(self, client, mine_and_elsewhere):
        mine, _elsewhere = mine_and_elsewhere
        token, plaintext = services.integration_token_create(name="Forgotten")
        assert place_scope_of_token(token) == PlaceScope()
        assert self.post(client, plaintext, rows_for(mine.number)).json()["results"][0]["outcome"] == "error"


def test_tokens_made_before_places_existed_became_office_wide():
    """The data migration marks every existing token office-wide, so no integration silently stops."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("cases.migrations.0004_integration_token_places")
    IntegrationToken.objects.create(name="Old", token_hash="x" * 64, prefix="kw_old")
    migration.existing_tokens_office_wide(apps, None)
    assert IntegrationToken.objects.get(name="Old").office_wide


def test_the_token_admin_asks_for_places_or_office_wide_and_records_a_change(client, db, place):
    administrator = UserFactory(role=roles.ADMINISTRATOR, with_totp=True)
    client.force_login(administrator)
    add = reverse("admin:cases_integrationtoken_add")
    assert client.post(add, {"name": "EZD"}).status_code == 200 and not IntegrationToken.objects.exists()
    client.post(add, {"name": "EZD", "places": [place.pk]})
    token = IntegrationToken.objects.get()
    assert list(token.places.all()) == [place] and not token.office_wide
    change = reverse("admin:cases_integrationtoken_change", args=[token.pk])
    page = client.get(change)
    assert page.status_code == 200 and 'name="office_wide"' in page.content.decode()
    response = client.post(change, {"office_wide": "on"})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.office_wide and not token.places.exists()
    scope_change = AuditEvent.objects.get(action="integration_token.scope_set")
    assert scope_change.actor == administrator and scope_change.changes["office_wide"] == [False, True]
    changelist = reverse("admin:cases_integrationtoken_changelist")
    client.post(changelist, {"action": "revoke", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at and AuditEvent.objects.get(action="integration_token.revoke").actor == administrator


def test_bulk_status_and_access_codes_by_an_officer_are_in_the_case_audit_trail(client, make_case, statuses, place):
    case = make_case("filed")
    officer = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    officer.places.add(place)
    client.force_login(officer)
    changelist = reverse("admin:cases_case_changelist")
    client.post(
        changelist,
        {
            "action": "set_status",
            "_selected_action": [case.pk],
            "apply": "1",
            "status": statuses["review"].pk,
            "occurred_at": "2026-11-20 10:00",
        },
    )
    client.post(changelist, {"action": "issue_access_codes", "_selected_action": [case.pk]})
    actions = list(
        AuditEvent.objects.filter(object_id=str(case.pk)).order_by("pk").values_list("action", "actor", "place")
    )
    assert actions == [
        ("case.status_set", officer.pk, place.pk),
        ("case.access_code_issue", officer.pk, place.pk),
    ]
    assert case.number not in str(list(AuditEvent.objects.values("object_label", "changes", "note")))
    page = client.get(reverse("admin:cases_case_change", args=[case.pk])).content.decode()
    assert "case.access_code_issue" in page and StatusEvent.objects.filter(case=case).count() == 2


def test_an_officer_removes_an_address_from_the_updates_and_the_trail_keeps_no_address(client, make_case, place):
    from cases.models import Subscription

    case = make_case("filed")
    subscription = Subscription.objects.create(case=case, email="anna@example.org", language="uk")
    officer = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    officer.places.add(place)
    client.force_login(officer)
    url = reverse("admin:cases_case_change", args=[case.pk])
    page = client.get(url)
    data = {}
    for field in page.context["adminform"].form:
        value = field.value()
        if value not in (None, False):
            data[field.html_name] = value.isoformat() if hasattr(value, "isoformat") else value
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update({f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()})
        for index, inline_form in enumerate(formset.forms):
            data[f"{formset.prefix}-{index}-id"] = inline_form.instance.pk
            data[f"{formset.prefix}-{index}-case"] = case.pk
            if formset.model is Subscription:
                data[f"{formset.prefix}-{index}-DELETE"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert not Subscription.objects.exists()
    event = AuditEvent.objects.get(action="case.subscription_remove")
    assert event.actor == officer and event.object_id == str(case.pk)
    assert "anna" not in str(event.changes) + event.object_label + event.note
    assert subscription.pk == event.changes["subscription"][0]


def test_the_consent_rule_lives_in_the_service_and_edits_are_audited_without_the_address(make_case, place):
    case = make_case("filed")
    officer = UserFactory(role=roles.CASE_OFFICER)
    details = {"procedure": case.procedure, "place": place, "filed_on": case.filed_on, "contact_language": "uk"}
    updated = services.case_details_update(
        case=case, contact_email="anna@example.org", contact_consent=False, changed_by=officer, **details
    )
    assert updated.contact_email == "" and updated.contact_consent_at is None  # no consent, no address
    updated = services.case_details_update(
        case=case, contact_email="anna@example.org", contact_consent=True, changed_by=officer, **details
    )
    assert updated.contact_email == "anna@example.org" and updated.contact_consent_at
    events = list(AuditEvent.objects.filter(action="case.update").order_by("pk"))
    assert events[-1].changes["contact_email"] == [False, True]
    assert all("anna" not in str(event.changes) for event in events)


def test_the_case_and_token_pages_show_subscriptions_and_audit_events_in_constant_queries(
    client, make_case, statuses, place
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cases.models import Subscription

    officer = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    officer.places.add(place)
    small, large = make_case("filed", number="W-S"), make_case("filed", number="W-L")
    for number in range(3):
        Subscription.objects.create(case=large, email=f"p{number}@example.org", language="pl")
    for _ in range(5):
        services.access_code_issue(case=large, issued_by=officer)
    client.force_login(officer)
    counts = []
    client.get(reverse("admin:cases_case_change", args=[small.pk]))  # per-process caches
    for case in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("admin:cases_case_change", args=[case.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]

    superuser = UserFactory(is_superuser=True, with_totp=True)
    client.force_login(superuser)
    few, _ = services.integration_token_create(name="A", places=[place], created_by=superuser)
    many, _ = services.integration_token_create(
        name="B", places=[place, PlaceFactory(), PlaceFactory()], created_by=superuser
    )
    for _ in range(4):
        services.integration_token_scope_set(token=many, places=[place], office_wide=False, changed_by=superuser)
    client.get(reverse("admin:cases_integrationtoken_change", args=[few.pk]))
    counts = []
    for token in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("admin:cases_integrationtoken_change", args=[token.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]

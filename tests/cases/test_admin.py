"""Case officers in the admin: their places only, status changes through the same service, one-time codes."""

import pytest
from django.urls import reverse

from cases import codes
from cases.models import Case, IntegrationToken
from portal import roles
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, place):
    user = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    user.places.add(place)
    client.force_login(user)
    return user


def test_officers_see_only_the_cases_of_their_places(client, officer, make_case):
    mine = make_case("filed")
    other = make_case("filed", number="WSC-II-S.6151.2222.2026", case_place=PlaceFactory(slug="kalisz"))
    listing = client.get(reverse("admin:cases_case_changelist"))
    assert mine.number in listing.content.decode()
    assert other.number not in listing.content.decode()
    assert client.get(reverse("admin:cases_case_change", args=[other.pk])).status_code == 302  # not found → list


def test_search_finds_a_number_typed_any_way(client, officer, make_case):
    case = make_case("filed")
    response = client.get(reverse("admin:cases_case_changelist"), {"q": "wsc ii s 6151-1234 2026"})
    assert list(response.context["cl"].result_list) == [case]


def test_bulk_set_status_records_events_with_the_officer_and_note(client, officer, make_case, statuses):
    first = make_case("filed")
    second = make_case("filed", number="WSC-II-S.6151.2223.2026")
    url = reverse("admin:cases_case_changelist")
    selection = {"action": "set_status", "_selected_action": [first.pk, second.pk]}
    form = client.post(url, selection)
    assert form.status_code == 200 and "form" in form.context
    client.post(
        url,
        {
            **selection,
            "apply": "1",
            "status": statuses["personal-appearance"].pk,
            "occurred_at_0": "2026-11-29",
            "occurred_at_1": "09:00",
            "occurred_at": "2026-11-29 09:00",
            "note_to_applicant": "Prosimy o wizytę.",
            "note_to_applicant_uk": "Просимо прийти особисто.",
            "internal_note": "",
        },
    )
    for case in (first, second):
        case.refresh_from_db()
        assert case.status.code == "personal-appearance"
        event = case.events.get(status__code="personal-appearance")
        assert event.changed_by == officer and event.note_to_applicant_pl == "Prosimy o wizytę."
        assert event.note_to_applicant_uk == "Просимо прийти особисто." and event.note_to_applicant_en is None


def test_issued_access_codes_are_shown_once_and_stored_as_hashes(client, officer, make_case):
    case = make_case("filed")
    response = client.post(
        reverse("admin:cases_case_changelist"), {"action": "issue_access_codes", "_selected_action": [case.pk]}
    )
    ((_case, code),) = response.context["issued"]
    case.refresh_from_db()
    assert code not in case.access_code_hash
    assert codes.access_code_matches(code, case.access_code_hash)


def test_officers_create_a_case_with_its_first_status(client, officer, statuses, procedures, place):
    response = client.post(
        reverse("admin:cases_case_add"),
        {
            "number": "wsc-ii-s.6151.4321.2026",
            "procedure": procedures["temporary-residence-work"].pk,
            "place": place.pk,
            "filed_on": "2026-11-02",
            "first_status": statuses["filed"].pk,
            "contact_email": "anna@example.org",
            "contact_language": "uk",
            "contact_consent": "",
        },
    )
    assert response.status_code == 200  # an e-mail without consent is refused
    assert "consent" in str(response.context["adminform"].form.errors)


def test_coordinators_and_hotline_see_no_cases(client, db):
    for role in (roles.COORDINATOR, roles.HOTLINE_CONSULTANT, roles.CONTENT_EDITOR):
        client.force_login(UserFactory(role=role, with_totp=True))
        assert client.get(reverse("admin:cases_case_changelist")).status_code == 403


def test_administrators_create_a_token_and_see_it_once(client, db):
    client.force_login(UserFactory(role=roles.ADMINISTRATOR, with_totp=True))
    response = client.post(reverse("admin:cases_integrationtoken_add"), {"name": "EZD", "office_wide": "on"})
    plaintext = response.context["plaintext"]
    token = IntegrationToken.objects.get()
    assert plaintext.startswith("kw_") and plaintext not in token.token_hash
    assert plaintext not in client.get(reverse("admin:cases_integrationtoken_changelist")).content.decode()
    assert Case.objects.count() == 0


def test_access_codes_are_e_mailed_only_to_a_consented_contact_address(
    client, officer, make_case, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.utils import timezone

    with_contact = make_case("filed")
    Case.objects.filter(pk=with_contact.pk).update(
        contact_email="anna@example.org", contact_language="uk", contact_consent_at=timezone.now()
    )
    without_contact = make_case("filed", number="WSC-II-S.6151.2224.2026")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:cases_case_changelist"),
            {"action": "send_access_codes", "_selected_action": [with_contact.pk, without_contact.pk]},
        )
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"] and "/uk/case-status/" in message.body
    code = message.body.split(": ", 1)[1].split()[0]
    with_contact.refresh_from_db()
    assert codes.access_code_matches(code, with_contact.access_code_hash)
    assert "6151" not in message.body


def test_the_case_page_shows_the_history_in_the_same_number_of_queries(client, officer, make_case):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    history = ["filed", "formal-check", "review", "personal-appearance"] * 6
    counts = []
    cases = [make_case(*history[:events], number=number, days_apart=1) for number, events in (("W-S", 2), ("W-L", 24))]
    client.get(reverse("admin:cases_case_change", args=[cases[0].pk]))  # first request fills per-process caches
    for case in cases:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("admin:cases_case_change", args=[case.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]

"""Status changes from the office's systems: files in the admin, and the JSON API for integrations."""

import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases import importing, services
from cases.models import Case, StatusEvent
from cases.selectors import PlaceScope
from portal import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = "case_number,status,occurred_at,note\n"
EVERYWHERE = PlaceScope(office_wide=True)


def csv_file(text: str, name: str = "changes.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def test_each_row_gets_its_outcome_and_a_bad_row_is_skipped_whole(make_case):
    case = make_case("filed")
    rows = [
        {"case_number": "wsc ii s 6151 1234 2026", "status": "formal-check", "occurred_at": "2026-11-20"},
        {"case_number": case.number, "status": "no-such-status", "occurred_at": "2026-11-21"},
        {"case_number": case.number, "status": "review", "occurred_at": "21.11.2026"},
        {"case_number": "WSC-II-S.6151.5555.2026", "status": "review", "occurred_at": "2026-11-21"},
        {"case_number": case.number, "status": "review", "occurred_at": "2099-01-01"},
        {"case_number": "", "status": "review", "occurred_at": "2026-11-21"},
        {"case_number": case.number, "status": "formal-check", "occurred_at": "2026-11-20"},
    ]
    results = importing.rows_apply(rows, channel=StatusEvent.Channel.IMPORT, scope=EVERYWHERE)
    assert [r.outcome for r in results] == ["recorded", "error", "error", "error", "error", "error", "duplicate"]
    assert "no-such-status" in results[1].message
    assert "RRRR-MM-DD" in results[2].message  # in the officer's language (Polish here)
    assert case.events.count() == 2


def test_a_dry_run_shows_the_outcomes_and_changes_nothing(make_case):
    case = make_case("filed")
    rows = [{"case_number": case.number, "status": "review", "occurred_at": "2026-11-20", "note": "Dziękujemy."}]
    assert importing.rows_apply(rows, channel="import", scope=EVERYWHERE, dry_run=True)[0].outcome == "recorded"
    assert case.events.count() == 1
    assert importing.rows_apply(rows, channel="import", scope=EVERYWHERE)[0].outcome == "recorded"
    assert case.events.get(status__code="review").note_to_applicant_pl == "Dziękujemy."


def test_unknown_cases_are_created_only_when_asked_and_with_complete_data(statuses, procedures, place):
    row = {
        "case_number": "WSC-II-P.6151.77.2026",
        "status": "filed",
        "occurred_at": "2026-11-02",
        "procedure": "permanent-residence",
        "place": place.slug,
        "filed_on": "2026-11-02",
        "access_code": "ABCDE-FGHJK",
        "note": "Sprawa przekazana z innego systemu.",
    }
    assert importing.rows_apply([row], channel="import", scope=EVERYWHERE)[0].outcome == "error"
    incomplete = importing.rows_apply(
        [{**row, "filed_on": "soon"}], channel="import", scope=EVERYWHERE, create_missing=True
    )
    assert incomplete[0].outcome == "error" and not Case.objects.exists()
    assert (
        importing.rows_apply([row], channel="import", scope=EVERYWHERE, create_missing=True)[0].outcome
        == "case-created"
    )
    case = Case.objects.get()
    assert case.number_key == "WSCIIP6151772026" and case.events.count() == 1
    assert case.events.get().note_to_applicant_pl == "Sprawa przekazana z innego systemu."


@pytest.mark.parametrize(
    "upload, message",
    [
        (csv_file("a,b\n1,2\n", name="changes.txt"), "CSV"),
        (csv_file(HEADER + "WSC-1,filed,2026-11-01,zażółć\n", encoding="cp1250"), "UTF-8"),
        (csv_file("case_number,occurred_at\nWSC-1,2026-11-01\n"), "status"),
        (csv_file(""), ""),
        (SimpleUploadedFile("changes.xlsx", b"not a zip file"), "XLSX"),
    ],
)
def test_an_unreadable_file_gets_one_clear_message(upload, message, db):
    with pytest.raises(importing.ImportFileError) as error:
        importing.rows_from_file(upload)
    assert message in str(error.value)


def test_csv_with_semicolons_and_xlsx_are_read(make_case):
    rows = importing.rows_from_file(csv_file("case_number;status;occurred_at\nWSC-1;filed;2026-11-01\n"))
    assert rows == [{"case_number": "WSC-1", "status": "filed", "occurred_at": "2026-11-01"}]
    workbook = openpyxl.Workbook()
    workbook.active.append(["case_number", "status", "occurred_at"])
    workbook.active.append(["WSC-2", "review", "2026-11-03"])
    content = io.BytesIO()
    workbook.save(content)
    rows = importing.rows_from_file(SimpleUploadedFile("changes.xlsx", content.getvalue()))
    assert rows[0]["case_number"] == "WSC-2"


class TestAdminImport:
    def test_officers_preview_then_apply_the_same_rows(self, client, make_case):
        case = make_case("filed")
        officer = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
        officer.places.add(case.place)
        client.force_login(officer)
        url = reverse("admin:cases_statusevent_import")
        upload = csv_file(HEADER + f"{case.number},review,2026-11-20,\n{case.number},bad,2026-11-20,\n")
        preview = client.post(url, {"file": upload})
        assert preview.status_code == 200
        assert [r.outcome for r in preview.context["results"]] == ["recorded", "error"]
        assert case.events.count() == 1
        applied = client.post(url, {"apply": "1"})
        assert applied.context["applied"]
        assert case.events.filter(status__code="review", changed_by=officer, channel="import").exists()
        assert client.post(url, {"apply": "1"}).context["file_error"]  # the preview is used once

    def test_a_wrong_file_is_one_message_and_nothing_applied(self, client, make_case):
        officer = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
        client.force_login(officer)
        response = client.post(reverse("admin:cases_statusevent_import"), {"file": csv_file("x", name="a.pdf")})
        assert response.status_code == 400 and response.context["file_error"]

    def test_coordinators_cannot_import(self, client, db):
        client.force_login(UserFactory(role=roles.COORDINATOR, with_totp=True))
        assert client.get(reverse("admin:cases_statusevent_import")).status_code == 403


class TestApi:
    url = "/api/cases/status-events/"

    def post(self, client, payload, token=None, raw=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        body = raw if raw is not None else json.dumps(payload)
        return client.post(self.url, body, content_type="application/json", **headers)

    @pytest.fixture
    def token(self, db):
        _token, plaintext = services.integration_token_create(name="Case management system", office_wide=True)
        return plaintext

    def test_a_batch_is_applied_row_by_row_and_resending_it_is_harmless(self, client, make_case, token):
        case = make_case("filed")
        events = [
            {"case_number": case.number, "status": "formal-check", "occurred_at": "2026-11-20T10:00"},
            {"case_number": case.number, "status": "oops", "occurred_at": "2026-11-20T11:00"},
            "not an object",
        ]
        first = self.post(client, {"events": events}, token)
        assert first.status_code == 200
        assert [r["outcome"] for r in first.json()["results"]] == ["recorded", "error", "error"]
        again = self.post(client, {"events": events[:1]}, token)
        assert again.json()["results"][0]["outcome"] == "duplicate"
        event = case.events.get(status__code="formal-check")
        assert event.channel == "api" and event.integration.name == "Case management system"

    def test_requests_without_a_valid_token_are_refused(self, client, token):
        payload = {"events": [{"case_number": "X", "status": "filed", "occurred_at": "2026-11-01"}]}
        assert self.post(client, payload).status_code == 401
        assert self.post(client, payload, token + "x").status_code == 401
        services.integration_token_revoke(token=services.integration_token_authenticate(token))
        assert self.post(client, payload, token).status_code == 401

    @pytest.mark.parametrize(
        "payload, raw, status",
        [
            (None, "{not json", 400),
            ({"events": []}, None, 400),
            ([1, 2], None, 400),
            ({"events": [{}] * 501}, None, 413),
        ],
    )
    def test_malformed_requests_are_refused_whole(self, client, token, payload, raw, status):
        response = self.post(client, payload, token, raw=raw)
        assert response.status_code == status
        assert "error" in response.json()
        assert not StatusEvent.objects.exists()

    def test_tokens_are_stored_only_as_hashes(self, token):
        from cases.models import IntegrationToken

        stored = IntegrationToken.objects.get()
        assert token not in (stored.token_hash, stored.prefix) and stored.prefix == token[:8]

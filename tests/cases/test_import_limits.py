"""Bad dates and deep JSON are answered, not 500s; big workbooks are refused before they are read whole."""

import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases import importing, services
from cases.models import StatusEvent
from cases.selectors import PlaceScope

pytestmark = pytest.mark.django_db

URL = "/api/cases/status-events/"


@pytest.fixture
def token(db):
    return services.integration_token_create(name="EZD", office_wide=True)[1]


def post(client, token, body: str):
    return client.post(URL, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.mark.parametrize(
    "occurred_at", ["0001-01-01", "0001-01-01T00:00:00", "9999-12-31", "9999-12-31T23:59:59-12:00", "1989-12-31"]
)
def test_dates_out_of_range_are_a_row_error_not_a_500(client, make_case, token, occurred_at):
    case = make_case("filed")
    event = {"case_number": case.number, "status": "review", "occurred_at": occurred_at}
    response = post(client, token, json.dumps({"events": [event]}))
    assert response.status_code == 200
    result = response.json()["results"][0]
    assert result["outcome"] == "error" and result["message"]
    assert case.events.count() == 1


def test_a_filing_date_out_of_range_cannot_create_a_case(statuses, procedures, place):
    row = {
        "case_number": "WSC-II-P.6151.1.2026",
        "status": "filed",
        "occurred_at": "2026-11-02",
        "procedure": "permanent-residence",
        "place": place.slug,
        "filed_on": "0001-01-01",
    }
    result = importing.rows_apply([row], channel="import", scope=PlaceScope(office_wide=True), create_missing=True)
    assert result[0].outcome == "error"


def test_deeply_nested_json_is_a_400_with_a_message(client, token):
    body = '{"events": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = post(client, token, body)
    assert response.status_code == 400 and "error" in response.json()


def test_nested_values_in_a_row_are_treated_as_missing(client, token, make_case):
    nested = [[[[["x"]]]]]
    response = post(client, token, json.dumps({"events": [{"case_number": nested, "status": {}, "occurred_at": 1}]}))
    assert response.status_code == 200 and response.json()["results"][0]["outcome"] == "error"
    assert not StatusEvent.objects.filter(channel="api").exists()


def workbook_with(rows: int) -> SimpleUploadedFile:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["case_number", "status", "occurred_at"])
    for number in range(rows):
        sheet.append([f"WSC-{number}", "filed", "2026-11-01"])
    content = io.BytesIO()
    workbook.save(content)
    return SimpleUploadedFile("changes.xlsx", content.getvalue())


def test_a_workbook_over_the_row_limit_is_refused_after_reading_just_past_the_limit(monkeypatch):
    monkeypatch.setattr(importing, "MAX_FILE_ROWS", 20)
    upload = workbook_with(2000)
    cells_read = []
    real_cell_text = importing._cell_text
    monkeypatch.setattr(importing, "_cell_text", lambda value: cells_read.append(1) or real_cell_text(value))
    with pytest.raises(importing.ImportFileError) as error:
        importing.rows_from_file(upload)
    assert "20" in str(error.value)
    assert len(cells_read) <= 3 * 25  # a few rows past the limit, not the 2,000 rows of the file


def test_a_workbook_that_unpacks_too_big_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(importing, "MAX_XLSX_UNPACKED_BYTES", 1000)
    with pytest.raises(importing.ImportFileError):
        importing.rows_from_file(workbook_with(200))


def test_the_bulk_status_form_refuses_dates_out_of_range(client, make_case, statuses):
    from django.urls import reverse

    from portal import roles
    from tests.factories import UserFactory

    case = make_case("filed")
    officer = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    officer.places.add(case.place)
    client.force_login(officer)
    for moment in ("0001-01-01 00:00", "9999-12-31 23:59"):
        response = client.post(
            reverse("admin:cases_case_changelist"),
            {
                "action": "set_status",
                "_selected_action": [case.pk],
                "apply": "1",
                "status": statuses["review"].pk,
                "occurred_at": moment,
            },
        )
        assert response.status_code == 200 and response.context["form"].errors["occurred_at"]
    assert case.events.count() == 1

"""The indicator dashboard: who may open it, the period form and its errors, exports, the PDF report."""

import csv
import io
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from infopoints.models import ReportJob
from infopoints.tasks.reports import purge_old_report_jobs
from portal.models import AuditEvent
from portal.roles import ADMINISTRATOR, COORDINATOR, INFO_POINT_STAFF
from tests.factories import UserFactory, url_in
from tests.infopoints.report_data import WEEK_START, build

pytestmark = pytest.mark.django_db
WEEK = {"kind": "custom", "first_day": WEEK_START.isoformat(),
        "last_day": (WEEK_START + timedelta(days=6)).isoformat()}


@pytest.fixture
def coordinator_client():
    client = Client()
    client.force_login(UserFactory(role=COORDINATOR, with_totp=True))
    return client


@pytest.mark.parametrize("role", [INFO_POINT_STAFF, ADMINISTRATOR])
def test_only_coordinators_see_the_indicators(client, role):
    client.force_login(UserFactory(role=role, with_totp=True))
    assert client.get(url_in("en", "reports:dashboard")).status_code == 403
    assert client.get(url_in("en", "reports:export", slug="served", fmt="csv")).status_code == 403
    assert client.post(url_in("en", "reports:pdf_request"), {"kind": "month", "language": "pl"}).status_code == 403
    assert not ReportJob.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(url_in("en", "reports:dashboard"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_dashboard_shows_figures_charts_and_exports(coordinator_client, django_assert_num_queries):
    poznan, _kalisz = build()
    with django_assert_num_queries(35):
        response = coordinator_client.get(url_in("en", "reports:dashboard"), WEEK)
    html = response.content.decode()
    assert response.status_code == 200
    assert "People served at information points" in html
    assert html.count('<svg class="report-chart"') == 7
    assert 'role="img"' in html and "<figcaption>People served per place</figcaption>" in html
    assert "/staff/reports/export/served.csv?" in html
    assert '<input type="hidden" name="first_day" value="2026-03-09">' in html  # the PDF asks for the same days
    assert 'href="/en/staff/reports/"' in html and 'aria-current="page"' in html  # in the staff menu
    # A longer period at one place: the same queries, and one more to find the place, but not the permissions
    # (read by the first request, then cached: portal.permissions_cache).
    with django_assert_num_queries(34):
        coordinator_client.get(url_in("en", "reports:dashboard"),
                               {"kind": "quarter", "day": WEEK_START.isoformat(), "place": poznan.slug})


def test_the_first_visit_shows_this_month(coordinator_client):
    response = coordinator_client.get(url_in("pl", "reports:dashboard"))
    assert response.status_code == 200
    assert "Wskaźniki" in response.content.decode() or "Indicators" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({**WEEK, "first_day": "2026-03-20"}, "The first day is after the last day"),
        ({"kind": "custom", "first_day": "2024-01-01", "last_day": "2026-01-01"}, "at most 366 days"),
        ({"kind": "custom", "first_day": "2026-01-01"}, "give both the first and the last day"),
        ({"kind": "day", "day": "1900-01-01"}, "Choose a day from 2020-01-01 on."),
        ({"kind": "day", "day": "2999-01-01"}, "This day is in the future"),
        ({"kind": "day", "day": "yesterday"}, "Enter a valid date."),
        ({"kind": "decade"}, "Select a valid choice."),
        ({"kind": "month", "place": "atlantis"}, "Select a valid choice."),
    ],
)
def test_bad_periods_and_places_are_form_errors(coordinator_client, query, message):
    response = coordinator_client.get(url_in("en", "reports:dashboard"), query)
    assert response.status_code == 400
    assert message in response.content.decode()
    export = coordinator_client.get(url_in("en", "reports:export", slug="served", fmt="csv"), query)
    assert export.status_code == 400


def test_form_errors_are_translated(coordinator_client):
    response = coordinator_client.get(url_in("pl", "reports:dashboard"), {**WEEK, "first_day": "2026-03-20"})
    assert response.status_code == 400
    assert "The first day is after the last day" not in response.content.decode()


def test_csv_and_xlsx_exports_of_a_table(coordinator_client):
    build()
    response = coordinator_client.get(url_in("en", "reports:export", slug="served", fmt="csv"), WEEK)
    assert response["Content-Disposition"] == 'attachment; filename="indicators-served-2026-03-09-2026-03-15.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Place", "Tickets issued", "People served"]
    assert ["Poznań", "6", "4", "0", "", "1", "30.0", "46.0"] in rows
    response = coordinator_client.get(url_in("en", "reports:export", slug="appointments", fmt="xlsx"), WEEK)
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Appointments by place and service", None, None, None, None, None]
    assert ["Poznań", "Visit TRC", 6, 2, 2, 1] in values
    assert coordinator_client.get(url_in("en", "reports:export", slug="nothing", fmt="csv")).status_code == 404
    assert coordinator_client.get(url_in("en", "reports:export", slug="served", fmt="ods")).status_code == 404


def test_search_words_cannot_become_spreadsheet_formulas(coordinator_client):
    from portal.models import PageViewDay

    PageViewDay.objects.create(day=WEEK_START, language="pl", page="search-empty", item="=HYPERLINK(1)", views=1)
    response = coordinator_client.get(url_in("en", "reports:export", slug="searches", fmt="csv"), WEEK)
    assert "'=HYPERLINK(1)" in response.content.decode("utf-8-sig")


@pytest.mark.parametrize(("language", "expected"), [("pl", "raport wskaźników"), ("en", "indicator report")])
def test_pdf_report_is_prepared_and_downloaded(
    coordinator_client, language, expected, django_capture_on_commit_callbacks
):
    build()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url_in("en", "reports:pdf_request"), {**WEEK, "language": language})
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == url_in("en", "reports:pdf_status", job_id=job.pk)
    assert job.status == ReportJob.Status.READY and job.progress == 100  # Celery runs eagerly in tests
    assert AuditEvent.objects.filter(action="indicator_report.request").count() == 1
    status = coordinator_client.get(response["Location"])
    assert "Download the PDF" in status.content.decode() or "Pobierz" in status.content.decode()
    download = coordinator_client.get(url_in("en", "reports:pdf_download", job_id=job.pk))
    assert download["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(b"".join(download.streaming_content))).pages)
    assert expected in text.lower()
    if language == "en":
        assert "People served at information points 5 2 +150.0" in text
    assert "Asylum, Migration and Integration Fund" in text or "Funduszu Azylu, Migracji i Integracji" in text
    assert "Poznań" in text


def test_pdf_progress_page_polls_until_ready_and_others_cannot_see_it(coordinator_client, client):
    job = ReportJob.objects.create(period_start=WEEK_START, period_end=WEEK_START, requested_by=None)
    job.requested_by = UserFactory(role=COORDINATOR, with_totp=True)
    job.save()
    client.force_login(job.requested_by)
    page = client.get(url_in("en", "reports:pdf_status", job_id=job.pk))
    assert 'data-hx-trigger="every 2s"' in page.content.decode() and "Check again" in page.content.decode()
    assert client.get(url_in("en", "reports:pdf_download", job_id=job.pk)).status_code == 302  # not ready yet
    assert coordinator_client.get(url_in("en", "reports:pdf_status", job_id=job.pk)).status_code == 404


def test_report_jobs_older_than_the_retention_period_are_deleted_with_their_pdf(settings):
    settings.REPORT_JOB_RETENTION_DAYS = 30
    old = ReportJob.objects.create(period_start=WEEK_START, period_end=WEEK_START, pdf=b"%PDF old")
    recent = ReportJob.objects.create(period_start=WEEK_START, period_end=WEEK_START, pdf=b"%PDF recent")
    ReportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    ReportJob.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=29))

    assert purge_old_report_jobs() == 1

    assert list(ReportJob.objects.values_list("pk", flat=True)) == [recent.pk]

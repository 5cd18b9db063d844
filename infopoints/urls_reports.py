"""The coordinators' indicator reports, under `/<lang>/staff/reports/`."""

from django.urls import path

from infopoints import views_reports

app_name = "reports"

urlpatterns = [
    path("", views_reports.dashboard, name="dashboard"),
    path("export/<slug:slug>.<str:fmt>", views_reports.export, name="export"),
    path("pdf/", views_reports.pdf_request, name="pdf_request"),
    path("pdf/<int:job_id>/", views_reports.pdf_status, name="pdf_status"),
    path("pdf/<int:job_id>/download/", views_reports.pdf_download, name="pdf_download"),
]

from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path
from django.views.generic import RedirectView

from appointments import api as appointments_api
from cases import api as cases_api
from cases import api_v1 as cases_api_v1
from cases.api_v1 import TokenAuth
from infopoints import api as infopoints_api
from portal import views, views_finder, views_guides, views_info, views_office, views_pdf, views_search
from portal.api import docs as api_docs
from portal.api import read as portal_api_read
from portal.api.schema import PortalApi
from portal.sitemaps import sitemaps

# The admin login goes through allauth, so it is rate-limited and asks for the second factor.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]  # allauth's documented way
admin.site.site_header = "Kierunek Wielkopolska"
admin.site.site_title = "Kierunek Wielkopolska"

# The integration API: each app's routers, mounted with the scope their tokens need (README "Integration API").
api = PortalApi(
    title="Kierunek Wielkopolska integration API",
    version="1.0.0",
    description="Public information, case status, booking and enquiries for partner institutions, and the status "
    "import of the office's case system. Errors are problem details (RFC 9457).",
    urls_namespace="api-v1",
    openapi_url="/schema/",
    docs_url=None,
)
api.add_router("/", portal_api_read.router, auth=TokenAuth("read"))
api.add_router("/", appointments_api.read_router, auth=TokenAuth("read"))
api.add_router("/", infopoints_api.read_router, auth=TokenAuth("read"))
api.add_router("/", cases_api_v1.status_router, auth=TokenAuth("case-status"))
api.add_router("/", appointments_api.book_router, auth=TokenAuth("book"))
api.add_router("/", infopoints_api.book_router, auth=TokenAuth("book"))
api.add_router("/", cases_api_v1.import_router, auth=TokenAuth("import"))

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url="/static/img/favicon.svg", permanent=True)),
    path("sitemap.xml", sitemap_view, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("api/v1/docs/", api_docs.docs, {"api": api}, name="api_docs"),
    path("api/v1/", api.urls),
    # The status import's path before /api/v1/, kept for one release (README "Integration API").
    path("api/cases/status-events/", cases_api.status_events, name="api_case_status_events"),
    path("", include("infopoints.urls_devices")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("places/", views.place_list, name="place_list"),
    path("places/<slug:slug>/", views.place_detail, name="place_detail"),
    path("accessibility/", views.legal_page, {"page": "accessibility"}, name="accessibility"),
    path("privacy/", views.legal_page, {"page": "privacy"}, name="privacy"),
    path("guides/finder/", views_finder.finder, name="guide_finder"),
    path("search/", views_search.search, name="search"),
    path("guides/<slug:slug>/checklist.pdf", views_pdf.guide_checklist_pdf, name="guide_checklist_pdf"),
    path("guides/", views_guides.guide_list, name="guide_list"),
    path("guides/<slug:slug>/", views_guides.guide_detail, name="guide_detail"),
    path("guides/<slug:slug>/preview/", views_guides.guide_preview, name="guide_preview"),
    path("glossary/", views_guides.glossary, name="glossary"),
    path("report-mistake/", views_guides.report_mistake, name="report_mistake"),
    path("notices/", views_info.notice_list, name="notice_list"),
    path("notices/feed/", views_info.notice_feed, name="notice_feed"),
    path("notices/subscribe/", views_info.notice_subscribe, name="notice_subscribe"),
    path("notices/subscribe/<str:token>/", views_info.notice_subscription_confirm, name="notice_subscription_confirm"),
    path("notices/unsubscribe/<str:token>/", views_info.notice_unsubscribe, name="notice_unsubscribe"),
    path("notices/<slug:slug>/", views_info.notice_detail, name="notice_detail"),
    path("notices/<slug:slug>/preview/", views_info.notice_preview, name="notice_preview"),
    path("faq/", views_info.faq_list, name="faq_list"),
    path("faq/<slug:slug>/", views_info.faq_detail, name="faq_detail"),
    path("faq/<slug:slug>/feedback/", views_info.faq_feedback, name="faq_feedback"),
    path("faq/<slug:slug>/preview/", views_info.faq_preview, name="faq_preview"),
    path("fees/", views_info.fee_list, name="fee_list"),
    path("law/", views.law, name="law"),
    path("help/", views_info.partner_list, name="partner_list"),
    path("help/<slug:slug>/preview/", views_info.partner_preview, name="partner_preview"),
    path("project/", views_office.project, name="project"),
    path("forms/", views_office.form_list, name="application_form_list"),
    path("forms/<slug:slug>/download/", views_office.form_download, name="application_form_download"),
    path(
        "forms/<slug:slug>/download/<str:language>/",
        views_office.form_download,
        name="application_form_download_translation",
    ),
    path("contact/", views_office.contact, name="contact"),
    path("case-status/", include("cases.urls")),
    path("appointments/", include("appointments.urls")),
    path("staff/appointments/", include("appointments.urls_staff")),
    path("ask/", include("infopoints.urls_ask")),
    path("staff/enquiries/", include("infopoints.urls_enquiries")),
    path("staff/reports/", include("infopoints.urls_reports")),
    path("", include("infopoints.urls_queue")),
    path("staff/", views.staff_home, name="staff_home"),
    path("accounts/", include("allauth.urls")),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler403 = "portal.views.permission_denied"
handler500 = "portal.views.server_error"

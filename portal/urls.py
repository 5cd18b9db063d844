from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path
from django.views.generic import RedirectView

from cases import api as cases_api
from portal import views, views_finder, views_guides, views_pdf, views_search
from portal.sitemaps import sitemaps

# The admin login goes through allauth, so it is rate-limited and asks for the second factor.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Kierunek Wielkopolska"
admin.site.site_title = "Kierunek Wielkopolska"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url="/static/img/favicon.svg", permanent=True)),
    path("sitemap.xml", sitemap_view, {"sitemaps": sitemaps}, name="sitemap"),
    path("api/cases/status-events/", cases_api.status_events, name="api_case_status_events"),
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
    path("case-status/", include("cases.urls")),
    path("staff/", views.staff_home, name="staff_home"),
    path("accounts/", include("allauth.urls")),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler403 = "portal.views.permission_denied"

from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from portal import views

# The admin login goes through allauth, so it is rate-limited and asks for the second factor.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Kierunek Wielkopolska"
admin.site.site_title = "Kierunek Wielkopolska"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url="/static/img/favicon.svg", permanent=True)),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("places/", views.place_list, name="place_list"),
    path("places/<slug:slug>/", views.place_detail, name="place_detail"),
    path("accessibility/", views.legal_page, {"page": "accessibility"}, name="accessibility"),
    path("privacy/", views.legal_page, {"page": "privacy"}, name="privacy"),
    path("staff/", views.staff_home, name="staff_home"),
    path("accounts/", include("allauth.urls")),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler403 = "portal.views.permission_denied"

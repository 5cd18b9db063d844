from allauth.mfa.models import Authenticator
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

# Pages a signed-in person may reach before setting up TOTP: the set-up itself and the way out.
MFA_SETUP_URL_NAMES = {
    "mfa_activate_totp",
    "mfa_index",
    "mfa_view_recovery_codes",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "account_logout",
    "healthz",
}


class StaffMFARequiredMiddleware:
    """Every account here is a staff account, and staff must enrol TOTP before reaching any staff page.

    allauth asks for the second factor at login once it is enrolled; this closes the gap before enrolment.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not self._allowed(request)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _allowed(request) -> bool:
        if request.path_info.startswith("/static/"):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
        return match.url_name in MFA_SETUP_URL_NAMES


class HealthCheckMiddleware:
    """Container health checks call 127.0.0.1, which is not a public host name: answer before Host validation.

    First in MIDDLEWARE, so /healthz answers whatever ALLOWED_HOSTS says and is never redirected to HTTPS.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            from portal.views import healthz

            return healthz(request)
        return self.get_response(request)

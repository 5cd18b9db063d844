from allauth.mfa.models import Authenticator
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the header worked out once per process rather than twice per response.

    The portal's policy comes from settings alone: no view uses a nonce or a per-view policy decorator. A response
    or request that does still goes through django-csp's own code, unchanged; the usual one gets the same header
    (built by django-csp's build_policy from the same settings), remembered for as long as the settings object is
    the same one (a test's override_settings brings a new one).
    """

    _PER_RESPONSE = (
        "_csp_config",
        "_csp_update",
        "_csp_replace",
        "_csp_exempt",
        "_csp_config_ro",
        "_csp_update_ro",
        "_csp_replace_ro",
        "_csp_exempt_ro",
    )
    _built: tuple = (None, None, "", "")

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in self._PER_RESPONSE)
            or settings.DEBUG
        ):
            return super().process_response(request, response)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        report_only = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        built_policy, built_report_only, header, header_ro = self._built
        if built_policy is not policy or built_report_only is not report_only:
            header, header_ro = build_policy(), build_policy(report_only=True)
            ContentSecurityPolicyMiddleware._built = (policy, report_only, header, header_ro)
        for name, value, config in ((HEADER, header, policy), (HEADER_REPORT_ONLY, header_ro, report_only)):
            excluded = (config or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if value and name not in response and not request.path_info.startswith(tuple(excluded)):
                response[name] = value
        # As django-csp: asking for a nonce once the header is written is a mistake, and says so.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

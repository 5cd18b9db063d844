"""Public pages of the site core, the staff landing page, health check and error pages."""

import hmac
import ipaddress
import logging
import sys

from django import db
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal import roles, selectors
from portal.legal_sources import law_page_groups
from portal.models import Place
from portal.page_cache import public_page
from portal.page_views import Page, counts_views

logger = logging.getLogger(__name__)


@public_page
def home(request):
    return render(request, "portal/home.html", {"places": selectors.places_for_home()})


@counts_views(Page.PLACES)
@public_page
def place_list(request):
    places = [(place, selectors.place_week(place)) for place in selectors.places_published()]
    return render(request, "portal/place_list.html", {"places": places})


@counts_views(Page.PLACE, item_from="slug")
@public_page
def place_detail(request, slug: str):
    try:
        place = selectors.place_get_published(slug=slug)
    except Place.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "portal/place_detail.html", {"place": place, "week": selectors.place_week(place)})


def legal_page(request, page: str):
    """The accessibility statement and the privacy notice: one reviewed text per language, kept in templates."""
    return render(
        request,
        "portal/legal_page.html",
        {"page": page, "body_template": f"portal/legal/{page}_{get_language()}.html"},
    )


@public_page
def law(request):
    """The acts and regulations the site relies on, from the same list as docs/sources.md (no database reads)."""
    return render(request, "portal/law.html", {"groups": law_page_groups()})


@never_cache
@login_required
def staff_home(request):
    context = {
        "roles": [roles.role_label(name) for name in request.user.groups.values_list("name", flat=True)],
        "places": request.user.places.all(),
    }
    return render(request, "portal/staff_home.html", context)


@require_GET
def robots_txt(request):
    """Crawlers: the sitemap for the public pages; the admin, staff screens and sign-in pages are not for them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/staff/",
        "Disallow: /*/accounts/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    """200 "ok" when the database, the cache and (when configured) the broker answer, else 503 "unavailable".

    Which part failed is the site's internals: only a caller inside the host (a direct, unproxied connection from
    a loopback or private address) that sends `X-Healthz-Token` equal to HEALTHZ_TOKEN gets the per-part detail.
    """
    checks = {"database": _check_database(), "cache": _check_cache(), "broker": _check_broker()}
    healthy = all(result in ("ok", "not configured") for result in checks.values())
    body: dict[str, object] = {"status": "ok" if healthy else "unavailable"}
    if _healthz_detail_allowed(request):
        body["checks"] = checks
    return JsonResponse(body, status=200 if healthy else 503)


def _healthz_detail_allowed(request) -> bool:
    token = settings.HEALTHZ_TOKEN
    given = request.headers.get("X-Healthz-Token", "")
    if not token or not given or "X-Forwarded-For" in request.headers:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    inside = address.is_loopback or address.is_private
    return inside and hmac.compare_digest(given.encode(), token.encode())


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: database")
        return "failing"
    return "ok"


def _check_cache() -> str:
    try:
        cache.set("healthz", "1", 10)
        if cache.get("healthz") != "1":
            return "failing"
    except Exception:
        logger.exception("Health check: cache")
        return "failing"
    return "ok"


def _check_broker() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    from portal.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        logger.exception("Health check: broker")
        return "failing"
    return "ok"


# Seconds a person (and a client honouring Retry-After) waits before trying again while the database is away.
DATABASE_RETRY_AFTER = 30


def server_error(request):
    """500, except when the database is unreachable (restarted, failing over): then a translated 503 with
    Retry-After, since trying again shortly will work and every write is one transaction (nothing half-saved).
    Rendered without context processors, which would ask the database again."""
    error = sys.exc_info()[1]
    if isinstance(error, (db.OperationalError, db.InterfaceError)):
        page = loader.get_template("503.html").render(
            {"retry_after": DATABASE_RETRY_AFTER, "portal_name": settings.PORTAL_NAME}
        )
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)

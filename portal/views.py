"""Public pages of the site core, the staff landing page, health check and error pages."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal import roles, selectors
from portal.models import Place
from portal.page_cache import public_page

logger = logging.getLogger(__name__)


@public_page
def home(request):
    return render(request, "portal/home.html", {"places": selectors.places_for_home()})


@public_page
def place_list(request):
    places = [(place, selectors.place_week(place)) for place in selectors.places_published()]
    return render(request, "portal/place_list.html", {"places": places})


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
    """200 when the database, the cache and (when configured) the broker answer; 503 naming what failed."""
    checks = {"database": _check_database(), "cache": _check_cache(), "broker": _check_broker()}
    healthy = all(result in ("ok", "not configured") for result in checks.values())
    return JsonResponse({"status": "ok" if healthy else "failing", "checks": checks}, status=200 if healthy else 503)


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


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)

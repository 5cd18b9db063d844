"""Registered devices: enrolling a kiosk or display browser, and recognising it on every request.

An administrator creates the device in the admin and opens its one-time enrolment link in the device's browser;
confirming sets a long-lived signed cookie naming the device and its key version. Pages for devices take the
device from that cookie (cached for half a minute, so a polling display costs no query) and answer a clear page,
never a 500, to a browser that is not (or no longer) enrolled.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_http_methods

from infopoints import selectors, services
from infopoints.services import QueueError

COOKIE = "kw_queue_device"
COOKIE_SALT = "infopoints.device-cookie"


def current_device(request):
    value = request.get_signed_cookie(COOKIE, default=None, salt=COOKIE_SALT)
    return selectors.device_from_cookie(value)


def device_client_name(request) -> str | None:
    """The enrolled device a request comes from, by its signed cookie (None: a stranger), for the rate limits."""
    device = current_device(request)
    return str(device.pk) if device is not None else None


def _touch(device) -> None:
    if cache.add(f"queue:seen:{device.pk}", 1, 60):
        services.device_touch(device_id=device.pk)


def device_required(kind: str):
    """The view runs only for an enrolled, unrevoked device of `kind` at the place named in the address."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, place_slug: str, *args, **kwargs):
            device = current_device(request)
            if device is None or device.kind != kind or device.place_slug != place_slug:
                language = kwargs.get("language") or translation.get_language()
                with translation.override(language if language in dict(settings.LANGUAGES) else "pl"):
                    return render(request, "infopoints/device_not_enrolled.html", {"kind": kind}, status=403)
            _touch(device)
            return view(request, device, *args, **kwargs)

        return wrapper

    return decorator


@require_http_methods(["GET", "POST"])
def enrol(request, token: str):
    """GET shows what will happen (so a link preview never uses the link up); POST enrols this browser."""
    if request.method == "GET":
        return render(request, "infopoints/enrol.html", {"token": token})
    try:
        device = services.device_enrol(token=token)
    except QueueError as exc:
        return render(request, "infopoints/enrol.html", {"error": services.queue_message(exc.code)}, status=400)
    slug = device.place.slug
    target = reverse("queue_devices:kiosk_start" if device.kind == "kiosk" else "queue_devices:display",
                     args=[slug])
    response = redirect(target)
    response.set_signed_cookie(
        COOKIE,
        f"{device.pk}:{device.secret_version}",
        salt=COOKIE_SALT,
        max_age=settings.QUEUE_DEVICE_COOKIE_DAYS * 24 * 3600,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response

"""The kiosk at `/kiosk/<place>/`: choose a language (by its own name), a matter, take a ticket or check in.

Only an enrolled kiosk of the place gets these pages. Every press carries a fresh key (`press_key`) made when the
page was drawn, so pressing twice or sending again after a network drop gives back the same ticket. The pages go
back to the start on their own after a minute without a touch (`static/js/queue.js`).
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

import segno
from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from infopoints import selectors, services
from infopoints.models import Matter
from infopoints.services import QueueError
from infopoints.views_devices import device_required

LANGUAGES = dict(settings.LANGUAGES)
IDLE_SECONDS = 60
TICKET_IDLE_SECONDS = 30


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise Http404
    return language


@never_cache
@require_GET
@device_required("kiosk")
def start(request, device):
    languages = [(code, name) for code, name in settings.LANGUAGES]
    return render(request, "infopoints/kiosk/start.html", {"device": device, "languages": languages})


@dataclass(frozen=True)
class KioskChoice:
    """A matter as the kiosk shows it: why no ticket can be taken now, if so, and when tickets are issued again."""

    matter: Matter
    problem: str | None
    opens_next: datetime | None

    @property
    def pk(self) -> int:
        return self.matter.pk

    @property
    def letter(self) -> str:
        return self.matter.letter

    @property
    def name(self) -> str:
        return self.matter.name


def _kiosk_choice(matter: Matter, *, now: datetime) -> KioskChoice:
    problem = services.matter_problem(matter, now=now)
    opens_next = services.matter_next_opening(matter, now=now) if problem else None
    return KioskChoice(matter=matter, problem=problem, opens_next=opens_next)


def _matters_page(request, device, language: str, *, error: str = "", status: int = 200):
    now = timezone.now()
    matters = selectors.kiosk_matters(place_id=device.place_id)
    context = {
        "device": device,
        "language": language,
        "place": matters[0].place if matters else None,
        "walk_in": [_kiosk_choice(m, now=now) for m in matters if not m.is_checkin],
        "has_checkin": any(m.is_checkin for m in matters),
        "press_key": uuid.uuid4().hex,
        "error": error,
        "idle_seconds": IDLE_SECONDS,
        "start_url": reverse("queue_devices:kiosk_start", args=[device.place_slug]),
    }
    return render(request, "infopoints/kiosk/matters.html", context, status=status)


@never_cache
@require_GET
@device_required("kiosk")
def matters(request, device, language: str):
    language = _language(language)
    with translation.override(language):
        return _matters_page(request, device, language)


def _ticket_redirect(device, language: str, ticket):
    return redirect("queue_devices:kiosk_ticket", place_slug=device.place_slug, language=language,
                    token=ticket.token)


@require_POST
@device_required("kiosk")
def take(request, device, language: str):
    language = _language(language)
    with translation.override(language):
        try:
            matter_id = int(request.POST.get("matter", ""))
        except ValueError:
            return _matters_page(request, device, language, error=services.queue_message("unknown_matter"),
                                 status=400)
        try:
            ticket = services.ticket_issue(device=device, matter_id=matter_id,
                                           press_key=request.POST.get("press_key", ""))
        except QueueError as exc:
            return _matters_page(request, device, language, error=services.queue_message(exc.code), status=409)
        return _ticket_redirect(device, language, ticket)


@require_POST
@device_required("kiosk")
def check_in(request, device, language: str):
    language = _language(language)
    with translation.override(language):
        try:
            ticket = services.ticket_check_in(device=device, code=request.POST.get("code", "")[:20],
                                              press_key=request.POST.get("press_key", ""))
        except QueueError as exc:
            return _matters_page(request, device, language, error=services.queue_message(exc.code), status=400)
        return _ticket_redirect(device, language, ticket)


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


@never_cache
@require_GET
@device_required("kiosk")
def ticket(request, device, language: str, token: str):
    language = _language(language)
    found = selectors.ticket_for_phone(token=token)
    if found is None or found.device_id != device.pk:
        raise Http404
    phone = selectors.phone_ticket(token=token, place_id=found.place_id)
    with translation.override(language):
        phone_url = request.build_absolute_uri(reverse("queue:ticket", args=[token]))
        context = {
            "device": device,
            "language": language,
            "ticket": found,
            "position": phone.position if phone else selectors.NOT_WAITING,
            "phone_url": phone_url,
            "qr": qr_data_uri(phone_url),
            "idle_seconds": TICKET_IDLE_SECONDS,
            "start_url": reverse("queue_devices:kiosk_start", args=[device.place_slug]),
        }
        return render(request, "infopoints/kiosk/ticket.html", context)

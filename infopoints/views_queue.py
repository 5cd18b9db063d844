"""The desk console at `/<lang>/staff/queue/`: open a desk with its matters, call, recall, park, transfer, finish.

Staff with a second factor, only at their places (coordinators and administrators everywhere), through the
selectors. Every action is a POST followed by a redirect back to the console; the panel refreshes itself with
htmx every few seconds. Beside the ticket: the booking behind an appointment ticket, and a case's status when
the visitor gives its number (typed by staff, sent by POST, never in an address).
"""

from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from appointments import selectors as appointment_selectors
from cases import selectors as case_selectors
from infopoints import selectors, services
from infopoints.forms_queue import FinishForm, OpenDeskForm, TransferForm
from infopoints.models import Desk, Ticket
from infopoints.services import QueueError

if TYPE_CHECKING:  # type names only: views read other apps through their selectors
    from portal.models import Place, User

PANEL_SECONDS = 5


def staff_required(permission: str):
    """Signed-in staff with TOTP enrolled, holding `permission`."""

    def decorator(view):
        @wraps(view)
        @never_cache
        @login_required
        def wrapper(request, *args, **kwargs):
            if not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists():
                return redirect("mfa_activate_totp")
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _desk(request, desk_id: int):
    desk = selectors.desk_for_staff(user=request.user, desk_id=desk_id)
    if desk is None:
        raise Http404
    return desk


@dataclass(frozen=True)
class DeskChoice:
    """A desk on the "choose a desk" page, with its form of matters."""

    desk: Desk
    form: OpenDeskForm

    @property
    def pk(self) -> int:
        return self.desk.pk

    @property
    def number(self) -> int:
        return self.desk.number

    @property
    def place(self) -> "Place":
        return self.desk.place

    @property
    def staff(self) -> "User | None":
        return self.desk.staff


@staff_required("infopoints.change_ticket")
@require_GET
def desks(request):
    """Choose a desk and the matters it serves."""
    all_desks = selectors.desks_for_staff(request.user)
    choices = [DeskChoice(desk=desk, form=OpenDeskForm(desk=desk, prefix=f"desk-{desk.pk}")) for desk in all_desks]
    mine = next((d for d in all_desks if d.staff_id == request.user.pk), None)
    return render(request, "infopoints/queue/desks.html", {"desks": choices, "mine": mine})


@staff_required("infopoints.change_ticket")
@require_POST
def desk_open(request, desk_id: int):
    desk = _desk(request, desk_id)
    form = OpenDeskForm(request.POST, desk=desk, prefix=f"desk-{desk.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose at least one matter for the desk."))
        return redirect("queue:desks")
    try:
        services.desk_open(desk_id=desk.pk, user=request.user, matter_ids=form.cleaned_data["matters"])
    except QueueError as exc:
        messages.error(request, services.queue_message(exc.code))
        return redirect("queue:desks")
    return redirect("queue:console", desk_id=desk.pk)


def _console_context(request, desk, **extra) -> dict:
    data = selectors.console(desk=desk)
    booking = None
    if data.current is not None and data.current.booking_id:
        booking = appointment_selectors.staff_booking(booking_id=data.current.booking_id)
    return {
        "desk": desk,
        "console": data,
        "booking": booking,
        "is_mine": desk.staff_id == request.user.pk,
        "finish_form": FinishForm(),
        "transfer_form": TransferForm(matters=data.matters, desks=[d for d in data.desks if d.pk != desk.pk]),
        "priorities": [(value, label) for value, label in Ticket.Priority.choices
                       if value not in ("", Ticket.Priority.APPOINTMENT)],
        "panel_seconds": PANEL_SECONDS,
        **extra,
    }


@staff_required("infopoints.change_ticket")
@require_GET
def console(request, desk_id: int):
    desk = _desk(request, desk_id)
    template = "infopoints/queue/_console.html" if request.htmx else "infopoints/queue/console.html"
    return render(request, template, _console_context(request, desk))


def _perform(request, desk, action: str):
    ticket_id = _int(request.POST.get("ticket"))
    if action == "call":
        ticket = services.ticket_call_next(desk_id=desk.pk, user=request.user)
        return _("Called: %(code)s.") % {"code": ticket.code} if ticket else _("Nobody is waiting for this desk.")
    if ticket_id is None or selectors.ticket_for_staff(user=request.user, ticket_id=ticket_id) is None:
        raise Http404
    if action == "recall":
        services.ticket_recall(ticket_id=ticket_id, user=request.user)
        return _("Called again.")
    if action == "start":
        services.ticket_start(ticket_id=ticket_id, user=request.user)
        return _("The visitor is at the desk.")
    if action == "missed":
        services.ticket_mark_missed(ticket_id=ticket_id, user=request.user)
        return _("Marked as missed.")
    if action == "park":
        services.ticket_park(ticket_id=ticket_id, user=request.user)
        return _("Parked. Bring the ticket back when the visitor returns.")
    if action == "unpark":
        services.ticket_unpark(ticket_id=ticket_id, desk_id=desk.pk, user=request.user)
        return _("The parked ticket is back at your desk.")
    if action == "priority":
        services.ticket_set_priority(ticket_id=ticket_id, user=request.user,
                                     priority=request.POST.get("priority", ""))
        return _("Priority saved.")
    if action == "finish":
        finish_form = FinishForm(request.POST)
        if not finish_form.is_valid():
            raise QueueError("wrong_status")
        services.ticket_finish(ticket_id=ticket_id, user=request.user, outcome=finish_form.outcome())
        return _("Finished.")
    if action == "transfer":
        transfer_form = TransferForm(request.POST, matters=None, desks=None)
        if not transfer_form.is_valid() or not (
            transfer_form.cleaned_data["matter"] or transfer_form.cleaned_data["desk"]
        ):
            raise QueueError("wrong_status")
        services.ticket_transfer(ticket_id=ticket_id, user=request.user,
                                 matter_id=transfer_form.cleaned_data["matter"],
                                 desk_id=transfer_form.cleaned_data["desk"])
        return _("Transferred.")
    raise Http404


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


ACTIONS = {"call", "recall", "start", "missed", "park", "unpark", "priority", "finish", "transfer"}


@staff_required("infopoints.change_ticket")
@require_POST
def action(request, desk_id: int, action: str):
    desk = _desk(request, desk_id)
    if action not in ACTIONS:
        raise Http404
    try:
        done = _perform(request, desk, action)
    except QueueError as exc:
        messages.error(request, services.queue_message(exc.code))
    else:
        messages.success(request, done)
    return redirect("queue:console", desk_id=desk.pk)


@staff_required("infopoints.change_ticket")
@require_POST
def desk_close(request, desk_id: int):
    desk = _desk(request, desk_id)
    try:
        services.desk_close(desk_id=desk.pk, user=request.user)
    except QueueError as exc:
        messages.error(request, services.queue_message(exc.code))
        return redirect("queue:console", desk_id=desk.pk)
    messages.success(request, _("The desk is closed."))
    return redirect("queue:desks")


@staff_required("infopoints.change_ticket")
@require_http_methods(["POST"])
def case_status(request, desk_id: int):
    """The status of the case whose number the visitor gives; the same answer for unknown and elsewhere."""
    desk = _desk(request, desk_id)
    number = request.POST.get("case_number", "")[:40]
    found = case_selectors.case_status_for_staff(user=request.user, number=number)
    context = _console_context(request, desk, case=found, case_asked=True)
    return render(request, "infopoints/queue/console.html", context)

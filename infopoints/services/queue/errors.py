"""What a queue action that cannot go on says: the codes of `QueueError` and their messages."""


from django.conf import settings
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "unknown_matter": _("This matter is not available here. Please choose one of the matters shown."),
    "matter_closed": _("Tickets for this matter are not issued at the moment."),
    "sold_out": _("All of today's tickets for this matter have been issued."),
    "checkin_unknown": _(
        "We could not find a booking for today at this place with this code. Check the code in your e-mail "
        "or ask at the information desk."
    ),
    "no_checkin_matter": _("Check-in with a booking code is not available here. Please ask at the desk."),
    "not_your_desk": _("This desk is not open in your name. Open it first."),
    "desk_taken": _("Someone else is working at this desk. Choose another desk."),
    "desk_busy": _("Finish the current visitor first (served, did not come, parked or transferred)."),
    "ticket_taken": _("Another desk has already taken this ticket. The queue has been refreshed."),
    "wrong_status": _("This ticket cannot be changed this way now; the queue has been refreshed."),
    "recall_first": _("Call the ticket again first: it can be marked as missed after %(count)s recalls."),
    "wrong_place": _("That desk or matter belongs to another place."),
    "enrol_invalid": _("This enrolment link is not valid any more. Ask an administrator for a new one."),
}


class QueueError(Exception):
    """A queue action that cannot go on; `code` picks the message (`queue_message`)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def queue_message(code: str) -> str:
    if code == "recall_first":
        return str(MESSAGES[code]) % {"count": settings.QUEUE_RECALLS_BEFORE_MISSED}
    return str(MESSAGES.get(code, MESSAGES["wrong_status"]))

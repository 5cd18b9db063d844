"""Writes of the walk-in queue: issuing tickets at a kiosk, the desk's actions, desks, devices and the day's end.

Two rules carry the queue's consistency and both live in the database:
- a ticket number is drawn from the day's counter row for its letter, locked while it is drawn
  (`_next_number`), so numbers are unique per place, day and letter and restart every day;
- "call next" takes a ticket with a conditional UPDATE (`status` still waiting), after choosing it with
  `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL, so two desks pressing at once never get the same ticket,
  and a desk can hold one visitor at a time (a partial unique constraint).
Every staff action is recorded in the audit trail inside its transaction.

The package is split by concern: `errors`, `tickets` (kiosk), `desk`, `devices` and `day_end`; the public names
are re-exported here, so `infopoints.services` keeps one import.
"""

from infopoints.queue_rules import AT_DESK, WAITING, call_rank, wait_minutes_about
from infopoints.services.queue.day_end import queue_days_close
from infopoints.services.queue.desk import (
    Outcome,
    desk_close,
    desk_open,
    ticket_call_next,
    ticket_finish,
    ticket_mark_missed,
    ticket_park,
    ticket_recall,
    ticket_set_priority,
    ticket_start,
    ticket_transfer,
    ticket_unpark,
)
from infopoints.services.queue.devices import (
    ENROL_SALT,
    device_enrol,
    device_enrolment_token,
    device_reopen_enrolment,
    device_revoke,
    device_touch,
)
from infopoints.services.queue.errors import QueueError, queue_message
from infopoints.services.queue.tickets import matter_next_opening, matter_problem, ticket_check_in, ticket_issue

__all__ = [
    "ENROL_SALT",
    "QueueError",
    "WAITING",
    "AT_DESK",
    "Outcome",
    "call_rank",
    "desk_close",
    "desk_open",
    "device_enrol",
    "device_enrolment_token",
    "device_reopen_enrolment",
    "device_revoke",
    "device_touch",
    "matter_next_opening",
    "matter_problem",
    "queue_days_close",
    "queue_message",
    "ticket_call_next",
    "ticket_check_in",
    "ticket_finish",
    "ticket_issue",
    "ticket_mark_missed",
    "ticket_park",
    "ticket_recall",
    "ticket_set_priority",
    "ticket_start",
    "ticket_transfer",
    "ticket_unpark",
    "wait_minutes_about",
]

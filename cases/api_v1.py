"""The integration API's token authentication, and the cases app's endpoints under `/api/v1/`.

`TokenAuth(scope)` checks the bearer token (`services.integration_token_authenticate`), then the scope the
operation needs (403 without it), then the token's rate limit per minute (429); every call by a known token is
recorded (`ApiCall`) once its answer is known (`portal.api.middleware`). Token calls carry no cookies and need no
CSRF token: nothing here reads a session.

- `POST /api/v1/cases/status/` (scope case-status): what the public case-status page answers, under its limits
  (`services.case_lookup`, per client address) and with its one answer for an unknown case and a wrong code.
- `POST /api/v1/cases/status-events/` (scope import): status changes from the office's case system, rows as in
  `cases.importing`, within the token's places. The old `/api/cases/status-events/` (`cases.api`) stays for
  one release.
"""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Field, Router, Schema
from ninja.security import HttpBearer
from pydantic import ConfigDict

from cases import importing, selectors, services
from cases.models import IntegrationToken, StatusEvent
from portal import ratelimit
from portal.api.problems import ApiProblem
from portal.selectors import client_address


class TokenAuth(HttpBearer):
    """A bearer integration token with `scope`; see the module's docstring."""

    def __init__(self, scope: str) -> None:
        if scope not in IntegrationToken.SCOPES:
            raise ValueError(f"unknown scope {scope!r}")
        self.scope = scope
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> IntegrationToken | None:
        found = services.integration_token_authenticate(token.strip())
        if found is None:
            return None
        token_id = found.pk

        def record(*, method: str, endpoint: str, status_code: int) -> None:
            services.api_call_record(token_id=token_id, method=method, endpoint=endpoint, status_code=status_code)

        request.api_call_record = record  # type: ignore[attr-defined]  # read by portal.api.middleware
        if not found.has_scope(self.scope):
            raise ApiProblem(
                403,
                _("This token does not have the scope “%(scope)s” that this operation needs.") % {"scope": self.scope},
            )
        if ratelimit.hit("api-token", str(token_id), limit=found.requests_per_minute, window=60):
            raise ApiProblem(
                429,
                _("This token made more than %(limit)d calls this minute. Wait a minute and try again.")
                % {"limit": found.requests_per_minute},
                headers={"Retry-After": "60"},
            )
        return found


status_router = Router(tags=["case status"])
import_router = Router(tags=["status import"])

STRICT = ConfigDict(extra="forbid")


class CaseStatusIn(Schema):
    model_config = STRICT

    case_number: str = Field(min_length=1, max_length=60)
    access_code: str = Field(min_length=1, max_length=40)


class StatusOut(Schema):
    code: str
    name: str
    stage: int
    explanation: str
    applicant_action: str
    is_final: bool


class StepOut(Schema):
    stage: int
    label: str
    state: str


class EventOut(Schema):
    status: str
    status_name: str
    occurred_at: datetime
    note_to_applicant: str


class FiguresOut(Schema):
    median_days: int
    p80_days: int
    sample_size: int


class CaseStatusOut(Schema):
    procedure: str
    place: str
    filed_on: date
    status: StatusOut
    steps: list[StepOut]
    events: list[EventOut]
    action_deadline: date | None
    visit_to_book: str
    time_limit_end: date | None
    overdue: bool
    protracted: bool
    whole_case: FiguresOut | None
    current_stage: FiguresOut | None
    days_since_filing: int


def _figures(figures: selectors.Figures | None) -> dict[str, int] | None:
    if figures is None:
        return None
    return {"median_days": figures.median_days, "p80_days": figures.p80_days, "sample_size": figures.sample_size}


@status_router.post(
    "/cases/status/",
    response=CaseStatusOut,
    url_name="case_status",
    summary="A case's status by its number and access code",
    description="The answer of the public case-status page. An unknown number and a wrong code get the same 404; "
    "too many attempts get 429 with Retry-After, exactly as on the page.",
)
def case_status(request: HttpRequest, payload: CaseStatusIn) -> dict[str, Any]:
    result = services.case_lookup(
        number=payload.case_number, access_code=payload.access_code, client_key=client_address(request)
    )
    if result.outcome == services.LookupOutcome.LIMITED:
        minutes = max(1, -(-result.retry_after_seconds // 60))
        raise ApiProblem(
            429,
            ngettext(
                "There have been too many attempts for this case number or from your connection. "
                "To protect applicants' data, please wait %(minutes)d minute and try again, "
                "or call the helpline.",
                "There have been too many attempts for this case number or from your connection. "
                "To protect applicants' data, please wait %(minutes)d minutes and try again, "
                "or call the helpline.",
                minutes,
            )
            % {"minutes": minutes},
            headers={"Retry-After": str(minutes * 60)},
        )
    if result.case_id is None:
        raise ApiProblem(
            404,
            _(
                "We found no case with this number and access code. Check both on your filing receipt: "
                "the code has ten letters and digits."
            ),
        )
    overview = selectors.case_overview(case_id=result.case_id)
    case = overview.case
    return {
        "procedure": case.procedure.name,
        "place": case.place.slug,
        "filed_on": case.filed_on,
        "status": {
            "code": case.status.code,
            "name": case.status.name,
            "stage": case.status.stage,
            "explanation": case.status.explanation,
            "applicant_action": case.status.applicant_action,
            "is_final": case.status.is_final,
        },
        "steps": [{"stage": step.stage, "label": step.label, "state": step.state} for step in overview.steps],
        "events": [
            {
                "status": event.status.code,
                "status_name": event.status.name,
                "occurred_at": event.occurred_at,
                "note_to_applicant": event.note_to_applicant,
            }
            for event in overview.events
        ],
        "action_deadline": overview.action_deadline,
        "visit_to_book": overview.visit,
        "time_limit_end": overview.time_limit_end,
        "overdue": overview.overdue,
        "protracted": overview.protracted,
        "whole_case": _figures(overview.whole_case),
        "current_stage": _figures(overview.current_stage),
        "days_since_filing": overview.days_since_filing,
    }


MAX_EVENTS_PER_REQUEST = 500


class StatusEventIn(Schema):
    model_config = STRICT

    case_number: str = Field(min_length=1, max_length=60)
    status: str = Field(min_length=1, max_length=40)
    occurred_at: str = Field(min_length=1, max_length=40, description="A date or an ISO 8601 date and time.")
    note: str = Field("", max_length=importing.MAX_NOTE_LENGTH)
    internal_note: str = Field("", max_length=importing.MAX_NOTE_LENGTH)
    procedure: str = Field("", max_length=60, description="Only to create a case the portal does not know yet.")
    place: str = Field("", max_length=80, description="Only to create a case the portal does not know yet.")
    filed_on: str = Field("", max_length=40, description="Only to create a case the portal does not know yet.")
    access_code: str = Field("", max_length=40, description="Only to create a case the portal does not know yet.")


class StatusEventsIn(Schema):
    model_config = STRICT

    create_missing: bool = False
    events: list[StatusEventIn] = Field(min_length=1, max_length=MAX_EVENTS_PER_REQUEST)


class RowOut(Schema):
    row: int
    outcome: str = Field(description="recorded, duplicate, case-created or error")
    message: str


class StatusEventsOut(Schema):
    results: list[RowOut]


@import_router.post(
    "/cases/status-events/",
    response=StatusEventsOut,
    url_name="case_status_events",
    summary="Status changes from the office's case system",
    description="Each row applies whole or not at all; sending a row again is answered duplicate. A row about a "
    "case outside the token's places is answered exactly like a row about an unknown case.",
)
def status_events(request: HttpRequest, payload: StatusEventsIn) -> dict[str, Any]:
    token: IntegrationToken = request.auth  # type: ignore[attr-defined]  # set by TokenAuth
    results = importing.rows_apply(
        [event.model_dump() for event in payload.events],
        channel=StatusEvent.Channel.API,
        scope=selectors.place_scope_of_token(token),
        integration=token,
        create_missing=payload.create_missing,
    )
    return {"results": [{"row": r.row, "outcome": r.outcome, "message": r.message} for r in results]}

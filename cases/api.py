"""`POST /api/cases/status-events/`: the status import's path before `/api/v1/` (`cases.api_v1`), kept for one
release so that the office's case system can move at its own pace. It needs a token with the import scope.

Request:  Authorization: Bearer <token>
          {"create_missing": false, "events": [{"case_number": "...", "status": "...", "occurred_at": "..."}, ...]}
Response: 200 {"results": [{"row": 1, "outcome": "recorded" | "duplicate" | "case-created" | "error",
                            "message": "..."}, ...]}
Rows are the columns of `cases.importing`; each row applies whole or not at all, and sending the same row
again is answered "duplicate". A token changes only the cases of its places (unless it is office-wide): a row
about a case elsewhere is answered exactly like a row about an unknown case.
Errors about the request as a whole are 400, 401 or 413 with {"error": "..."}.
"""

import json
import logging

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cases import importing, selectors, services
from cases.models import StatusEvent

logger = logging.getLogger(__name__)

MAX_EVENTS_PER_REQUEST = 500
MAX_BODY_BYTES = 1024 * 1024


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@csrf_exempt  # machine-to-machine, authenticated by a bearer token rather than a cookie
@require_POST
def status_events(request):
    scheme, _space, plaintext = request.headers.get("Authorization", "").partition(" ")
    token = services.integration_token_authenticate(plaintext.strip()) if scheme.lower() == "bearer" else None
    if token is None:
        response = _error("A valid bearer token is required.", 401)
        response["WWW-Authenticate"] = "Bearer"
        return response
    response = _status_events(request, token)
    services.api_call_record(
        token_id=token.pk, method="POST", endpoint="api/cases/status-events/", status_code=response.status_code
    )
    return response


def _status_events(request, token) -> JsonResponse:
    if not token.has_scope("import"):
        return _error("This token does not have the import scope.", 403)
    if len(request.body) > MAX_BODY_BYTES:
        return _error(f"The request is larger than {MAX_BODY_BYTES} bytes.", 413)
    try:
        payload = json.loads(request.body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _error("The body is not valid JSON.", 400)
    except RecursionError:
        return _error("The JSON is nested too deeply.", 400)
    events = payload.get("events") if isinstance(payload, dict) else None
    if not isinstance(events, list) or not events:
        return _error('Send {"events": [...]} with at least one event.', 400)
    if len(events) > MAX_EVENTS_PER_REQUEST:
        return _error(f"At most {MAX_EVENTS_PER_REQUEST} events per request.", 413)

    results = importing.rows_apply(
        events,
        channel=StatusEvent.Channel.API,
        scope=selectors.place_scope_of_token(token),
        integration=token,
        create_missing=payload.get("create_missing") is True,
    )
    logger.info(
        "API import by integration %s: %d rows, %d errors",
        token.pk,
        len(results),
        sum(1 for result in results if not result.ok),
    )
    return JsonResponse(
        {"results": [{"row": r.row, "outcome": r.outcome, "message": r.message} for r in results]}, status=200
    )

"""Optional link to JIRA Service Management (JSM): enquiries as customer requests, comments mirrored both ways.

Off unless `JSM_BASE_URL` is set. It speaks the documented Service Management REST API
(`/rest/servicedeskapi/...`) with Basic authentication (the account's e-mail and an API token), through the
standard library's HTTP client: three endpoints did not justify a new dependency.

- `create_request`: POST `/rest/servicedeskapi/request` with `serviceDeskId`, `requestTypeId` and
  `requestFieldValues` {`summary`, `description`}; answers the issue key (`HD-123`).
- `add_comment`: POST `/rest/servicedeskapi/request/{key}/comment` with `body` and `public`.
- `comments_since`: GET the same, paged with `start`/`limit` until `isLastPage`.

Idempotency (never two JSM requests for one enquiry). JSM has no idempotency keys, so the rule is built from
three parts:

1. The enquiry's reference is the key: every request's summary starts with `[ZG-2026-004211]`.
2. Look before you create: `create_request` first searches the service desk for a request whose summary starts
   with that tag (GET `/rest/servicedeskapi/request?searchTerm=…`) and returns its key if one exists.
3. A POST is sent at most once per call. It is repeated in the same call only after an answer that proves
   nothing was created (429 Too Many Requests, 503 Service Unavailable). After an answer that leaves it open
   (a timeout, a dropped connection, 500/502/504) the call raises `JsmAmbiguous`; the caller retries later (the
   Celery task's retry, a minute or more on), and that later call's search finds the request if the first POST
   did create it. The delay matters: JSM's search index can lag a few seconds behind a creation.

The caller stores the returned key on the enquiry at once (`sync_enquiry`'s `on_issue_created`); once stored,
no creation is attempted again. Comments follow the same rule: an outgoing comment already present in JSM with
the same text is recorded as sent instead of being posted twice.

Retries: 429 and 5xx are retried with exponential back-off, honouring `Retry-After` (seconds or an HTTP date)
up to `MAX_WAIT_SECONDS`; a longer wait is handed to the caller as `JsmUnavailable.retry_after`, so a Celery
task can retry with that countdown instead of blocking a worker.
"""

from __future__ import annotations

import base64
import email.utils
import json
import logging
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings

logger = logging.getLogger(__name__)

REQUEST_PATH = "/rest/servicedeskapi/request"
PAGE_SIZE = 50
MAX_SEARCH_RESULTS = 1000  # a search for one reference that returns more than this is not to be trusted
MAX_WAIT_SECONDS = 30.0  # longer waits are the caller's (a Celery retry), not a blocked worker's
NOT_PROCESSED = {429, 503}  # answers that prove the server did nothing with the request
AMBIGUOUS_RETRY = 90.0  # seconds before retrying after an ambiguous POST: long enough for JSM's search index
sleep = time.sleep  # replaced in tests


class JsmError(Exception):
    """JSM refused the request (4xx other than 429): retrying the same thing will not help."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class JsmNotConfigured(JsmError):
    pass


class JsmUnavailable(JsmError):
    """JSM is down or throttling us; try again after `retry_after` seconds (a Celery retry countdown)."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(message, status)
        self.retry_after = retry_after


class JsmAmbiguous(JsmUnavailable):
    """A POST may or may not have been carried out (timeout, dropped connection, 500/502/504).

    Never repeat it at once: retry the whole operation later, which looks for the result first.
    """


@dataclass(frozen=True)
class JsmComment:
    id: str
    body: str
    public: bool
    author_name: str
    created: datetime | None


@dataclass(frozen=True)
class OutgoingComment:
    """A message of the enquiry's thread not yet mirrored to JSM (a reply, or an internal note when not public)."""

    local_id: int | str
    body: str
    public: bool = True


@dataclass
class EnquiryForJsm:
    """What the connector needs to know about one enquiry; built by the enquiry desk's task from its models."""

    reference: str  # ZG-2026-004211: the idempotency key
    topic: str
    summary: str
    description: str
    issue_key: str = ""  # "" until the request exists
    known_comment_ids: set[str] = field(default_factory=set)  # JSM comments already mirrored, either way
    outgoing: list[OutgoingComment] = field(default_factory=list)


@dataclass
class SyncResult:
    issue_key: str = ""
    created: bool = False
    sent: int = 0
    received: int = 0


# --- Configuration -------------------------------------------------------------------------------------------------


def is_configured() -> bool:
    return bool(settings.JSM_BASE_URL and settings.JSM_SERVICE_DESK_ID and settings.JSM_API_TOKEN)


def request_type_for(topic: str) -> str:
    """The request type id for an enquiry topic (`JSM_REQUEST_TYPES`, falling back to its "other" entry)."""
    types = settings.JSM_REQUEST_TYPES or {}
    request_type = types.get(topic) or types.get("other")
    if not request_type:
        raise JsmNotConfigured(f"JSM_REQUEST_TYPES has no entry for topic {topic!r} and none for 'other'")
    return str(request_type)


# --- HTTP -----------------------------------------------------------------------------------------------------------


def _headers() -> dict[str, str]:
    token = base64.b64encode(f"{settings.JSM_EMAIL}:{settings.JSM_API_TOKEN}".encode()).decode("ascii")
    return {
        "Authorization": f"Basic {token}",
        "Accept": "application/json",
        "Content-Type": "application/json",
        "User-Agent": "kierunek-wielkopolska-enquiry-desk",
    }


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _backoff(attempt: int) -> float:
    return min(MAX_WAIT_SECONDS, 2.0**attempt) * (0.5 + random.random() / 2)  # noqa: S311 (jitter)


def _call(method: str, path: str, *, body: dict | None = None, query: dict | None = None) -> dict:
    """One API call with retries; POSTs are repeated only after answers that prove nothing was done."""
    if not is_configured():
        raise JsmNotConfigured("JSM_BASE_URL, JSM_SERVICE_DESK_ID and JSM_API_TOKEN must be set")
    url = settings.JSM_BASE_URL + path + ("?" + urllib.parse.urlencode(query) if query else "")
    if not url.startswith(("https://", "http://")):
        raise JsmNotConfigured("JSM_BASE_URL must be an http(s) address")
    data = json.dumps(body).encode() if body is not None else None
    attempts = max(1, int(settings.JSM_MAX_ATTEMPTS))
    for attempt in range(attempts):
        request = urllib.request.Request(url, data=data, method=method, headers=_headers())  # noqa: S310
        wait = None
        try:
            with urllib.request.urlopen(request, timeout=settings.JSM_TIMEOUT_SECONDS) as response:  # noqa: S310
                payload = response.read()
                return json.loads(payload) if payload else {}
        except urllib.error.HTTPError as error:
            status = error.code
            wait = _retry_after(error.headers.get("Retry-After"))
            error.close()
            if status < 500 and status != 429:
                raise JsmError(f"JSM answered {status} to {method} {path}", status) from None
            if method != "GET" and status not in NOT_PROCESSED:
                raise JsmAmbiguous(f"JSM answered {status} to {method} {path}", status, AMBIGUOUS_RETRY) from None
            problem = f"JSM answered {status}"
        except OSError as error:  # URLError, timeouts, resets: all OSError
            if method != "GET" and not _refused_before_sending(error):
                problem = f"no answer from JSM to {method} {path} ({type(error).__name__})"
                raise JsmAmbiguous(problem, None, AMBIGUOUS_RETRY) from None
            status, problem = None, f"no answer from JSM ({type(error).__name__})"
        if wait is None:
            wait = _backoff(attempt)
        if attempt + 1 == attempts or wait > MAX_WAIT_SECONDS:
            raise JsmUnavailable(f"{problem} to {method} {path}", status, retry_after=max(wait, 60.0))
        logger.info("JSM: %s to %s %s; retrying in %.1f s", problem, method, path, wait)
        sleep(wait)
    raise AssertionError("unreachable")


def _refused_before_sending(error: BaseException) -> bool:
    """A refused connection never reached the server, so even a POST can safely be sent again."""
    reason = getattr(error, "reason", error)
    return isinstance(reason, ConnectionRefusedError | socket.gaierror)


# --- The three operations -------------------------------------------------------------------------------------------


def _tag(idempotency_key: str) -> str:
    return f"[{idempotency_key}]"


def find_request(idempotency_key: str) -> str:
    """The key of the request already created for this idempotency key, or ""."""
    tag = _tag(idempotency_key)
    start = 0
    while True:
        page = _call(
            "GET",
            REQUEST_PATH,
            query={
                "searchTerm": tag,
                "requestOwnership": "ALL_REQUESTS",
                "serviceDeskId": settings.JSM_SERVICE_DESK_ID,
                "start": start,
                "limit": PAGE_SIZE,
            },
        )
        for value in page.get("values", []):
            fields = {f.get("fieldId"): f.get("value") for f in value.get("requestFieldValues", [])}
            if str(fields.get("summary") or "").startswith(tag):
                return str(value["issueKey"])
        if page.get("isLastPage", True) or not page.get("values"):
            return ""
        start += len(page["values"])
        if start >= MAX_SEARCH_RESULTS:
            # Not knowing whether the request exists, creating one could make a duplicate: a person must look.
            raise JsmError(f"JSM search for {tag} is too broad ({start}+ results); not creating a request")


def create_request(
    *,
    summary: str,
    description: str,
    request_type_id: str,
    raise_on_behalf_of: str | None = None,
    idempotency_key: str,
) -> str:
    """Create the customer request for one enquiry (or find the one created before) and return its issue key.

    See the module's docstring for why a second call with the same `idempotency_key` never creates a second
    request, and why `JsmAmbiguous` must be retried later rather than at once.
    """
    existing = find_request(idempotency_key)
    if existing:
        return existing
    body = {
        "serviceDeskId": str(settings.JSM_SERVICE_DESK_ID),
        "requestTypeId": str(request_type_id),
        "requestFieldValues": {"summary": f"{_tag(idempotency_key)} {summary}"[:255], "description": description},
    }
    if raise_on_behalf_of:
        body["raiseOnBehalfOf"] = raise_on_behalf_of
    created = _call("POST", REQUEST_PATH, body=body)
    return str(created["issueKey"])


def add_comment(issue_key: str, body: str, public: bool = True) -> str:
    """Add a comment (public: the customer sees it; otherwise internal) and return its id."""
    path = f"{REQUEST_PATH}/{urllib.parse.quote(issue_key)}/comment"
    created = _call("POST", path, body={"body": body, "public": public})
    return str(created["id"])


def _comment(value: dict) -> JsmComment:
    created = value.get("created") or {}
    when = None
    if created.get("epochMillis") is not None:
        when = datetime.fromtimestamp(int(created["epochMillis"]) / 1000, tz=UTC)
    author = value.get("author") or {}
    return JsmComment(
        id=str(value["id"]),
        body=str(value.get("body") or ""),
        public=bool(value.get("public", True)),
        author_name=str(author.get("displayName") or ""),
        created=when,
    )


def comments_since(issue_key: str, since: datetime | None) -> list[JsmComment]:
    """The request's comments (public and internal) created after `since` (all of them for None), oldest first."""
    comments: list[JsmComment] = []
    start = 0
    path = f"{REQUEST_PATH}/{urllib.parse.quote(issue_key)}/comment"
    while True:
        page = _call("GET", path, query={"start": start, "limit": PAGE_SIZE})
        values = page.get("values", [])
        comments.extend(_comment(value) for value in values)
        if page.get("isLastPage", True) or not values:
            break
        start += len(values)
    if since is not None:
        comments = [c for c in comments if c.created is not None and c.created > since]
    return sorted(comments, key=lambda c: (c.created or datetime.min.replace(tzinfo=UTC), c.id))


# --- The task body ----------------------------------------------------------------------------------------------------


def sync_enquiry(
    enquiry: EnquiryForJsm,
    *,
    on_issue_created: Callable[[str], object],
    on_comment_sent: Callable[[int | str, str], object],
    on_comment_received: Callable[[JsmComment], object],
) -> SyncResult:
    """Bring one enquiry and its JSM request level: create the request if needed, mirror comments both ways.

    The body of the Celery task the enquiry desk runs after an enquiry is created or answered and on a beat
    schedule for open enquiries with a key. It takes a snapshot and three callbacks instead of the models, so
    that the desk's services keep every write (and its audit record): `on_issue_created(key)` stores the key
    (commit it at once: it is what prevents a second creation), `on_comment_sent(local_id, jsm_id)` marks a
    message as mirrored, `on_comment_received(comment)` adds a JSM comment to the thread (public ones as
    replies, internal ones as notes: the desk decides). Safe to run twice and after any crash.
    """
    result = SyncResult(issue_key=enquiry.issue_key)
    if not is_configured():
        return result
    if not result.issue_key:
        result.issue_key = create_request(
            summary=enquiry.summary,
            description=enquiry.description,
            request_type_id=request_type_for(enquiry.topic),
            idempotency_key=enquiry.reference,
        )
        result.created = True
        on_issue_created(result.issue_key)
    known = set(enquiry.known_comment_ids)
    existing = comments_since(result.issue_key, None)
    for outgoing in enquiry.outgoing:
        # Already there (an earlier run posted it and stopped before recording that): record, don't repost.
        match = next((c for c in existing if c.id not in known and c.body == outgoing.body), None)
        comment_id = match.id if match else add_comment(result.issue_key, outgoing.body, outgoing.public)
        known.add(comment_id)
        on_comment_sent(outgoing.local_id, comment_id)
        result.sent += 1
    for comment in existing:
        if comment.id not in known:
            known.add(comment.id)
            on_comment_received(comment)
            result.received += 1
    return result

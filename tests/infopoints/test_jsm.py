"""The JSM connector against a local fake of the Service Management REST API.

The fake (stdlib http.server on 127.0.0.1, in a thread) checks what the documented API requires of each call
(path, Basic authentication, JSON shape) and answers with the documented shapes: a created request carries
`issueKey`, lists are pages with `start`, `limit`, `size`, `isLastPage` and `values`, comments carry `id`, `body`,
`public`, `author` and `created.epochMillis`. Failures are scripted per call: status codes, `Retry-After`, and a
request that is carried out although the answer is a 500 (the case idempotency is about).
"""

import base64
import json
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from infopoints import jsm

EMAIL = "portal-bot@example.gov.pl"
TOKEN = "test-api-token"


class FakeJsm:
    def __init__(self):
        self.requests: dict[str, dict] = {}  # issue key -> created request
        self.comments: dict[str, list[dict]] = {}
        self.calls: list[tuple[str, str]] = []
        self.failures: list[tuple[str, int, dict, bool]] = []  # (method, status, headers, carry out anyway)
        self.next_id = 1000
        self.problems: list[str] = []

    def fail_next(self, method: str, status: int, headers: dict | None = None, carry_out: bool = False):
        self.failures.append((method, status, headers or {}, carry_out))

    def agent_comment(self, key: str, body: str, public: bool = True, at: datetime | None = None) -> str:
        return self._add_comment(key, body, public, author="Agnieszka (agent)", at=at)

    def _add_comment(self, key, body, public, author, at=None):
        self.next_id += 1
        when = at or datetime.now(UTC)
        self.comments.setdefault(key, []).append(
            {
                "id": str(self.next_id),
                "body": body,
                "public": public,
                "author": {"accountId": "qm:1", "displayName": author, "active": True},
                "created": {
                    "epochMillis": int(when.timestamp() * 1000),
                    "iso8601": when.isoformat(),
                    "friendly": "Today",
                },
                "_links": {"self": f"https://jsm.example/rest/servicedeskapi/request/{key}/comment/{self.next_id}"},
            }
        )
        return str(self.next_id)


def page(values: list, start: int, limit: int) -> dict:
    chunk = values[start : start + limit]
    return {
        "_expands": [],
        "size": len(chunk),
        "start": start,
        "limit": limit,
        "isLastPage": start + len(chunk) >= len(values),
        "_links": {"base": "https://jsm.example/rest/servicedeskapi"},
        "values": chunk,
    }


def make_handler(fake: FakeJsm):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, status: int, body: dict | None = None, headers: dict | None = None):
            data = json.dumps(body if body is not None else {"errorMessage": "error"}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def authorised(self) -> bool:
            expected = "Basic " + base64.b64encode(f"{EMAIL}:{TOKEN}".encode()).decode()
            if self.headers.get("Authorization") != expected:
                self.answer(401, {"errorMessage": "Client must be authenticated to access this resource."})
                return False
            return True

        def scripted_failure(self, method: str):
            if fake.failures and fake.failures[0][0] == method:
                return fake.failures.pop(0)
            return None

        def do_GET(self):  # noqa: N802
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            fake.calls.append(("GET", url.path))
            if not self.authorised():
                return
            failure = self.scripted_failure("GET")
            if failure:
                return self.answer(failure[1], headers=failure[2])
            start, limit = int(query.get("start", 0)), int(query.get("limit", 50))
            parts = url.path.split("/")
            if url.path == "/rest/servicedeskapi/request":
                if query.get("requestOwnership") != "ALL_REQUESTS" or "searchTerm" not in query:
                    fake.problems.append(f"search without ownership or term: {query}")
                term = query.get("searchTerm", "").lower()
                found = [r for r in fake.requests.values() if term in r["_summary"].lower()]
                return self.answer(200, page([r["dto"] for r in found], start, limit))
            if len(parts) == 6 and parts[5] == "comment" and parts[4] in fake.requests:
                return self.answer(200, page(fake.comments.get(parts[4], []), start, limit))
            self.answer(404, {"errorMessage": "not found"})

        def do_POST(self):  # noqa: N802
            url = urlparse(self.path)
            fake.calls.append(("POST", url.path))
            if not self.authorised():
                return
            if self.headers.get("Content-Type") != "application/json":
                fake.problems.append("POST without JSON content type")
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            failure = self.scripted_failure("POST")
            if failure and not failure[3]:
                return self.answer(failure[1], headers=failure[2])
            parts = url.path.split("/")
            if url.path == "/rest/servicedeskapi/request":
                fields = body.get("requestFieldValues", {})
                if not (
                    isinstance(body.get("serviceDeskId"), str)
                    and isinstance(body.get("requestTypeId"), str)
                    and isinstance(fields.get("summary"), str)
                    and isinstance(fields.get("description"), str)
                    and set(body) <= {"serviceDeskId", "requestTypeId", "requestFieldValues", "raiseOnBehalfOf"}
                ):
                    return self.answer(400, {"errorMessage": "bad request shape", "i18nErrorMessage": {}})
                fake.next_id += 1
                key = f"HD-{fake.next_id}"
                dto = {
                    "issueId": str(fake.next_id),
                    "issueKey": key,
                    "requestTypeId": body["requestTypeId"],
                    "serviceDeskId": body["serviceDeskId"],
                    "createdDate": {"epochMillis": int(time.time() * 1000)},
                    "requestFieldValues": [
                        {"fieldId": "summary", "label": "Summary", "value": fields["summary"]},
                        {"fieldId": "description", "label": "Description", "value": fields["description"]},
                    ],
                    "currentStatus": {"status": "Waiting for support"},
                }
                fake.requests[key] = {"dto": dto, "_summary": fields["summary"], "body": body}
                if failure:  # carried out, but the answer is lost in an error
                    return self.answer(failure[1], headers=failure[2])
                return self.answer(201, dto)
            if len(parts) == 6 and parts[5] == "comment" and parts[4] in fake.requests:
                if set(body) != {"body", "public"} or not isinstance(body["public"], bool):
                    return self.answer(400, {"errorMessage": "bad comment shape"})
                comment_id = fake._add_comment(parts[4], body["body"], body["public"], author="Portal")
                if failure:
                    return self.answer(failure[1], headers=failure[2])
                return self.answer(201, fake.comments[parts[4]][-1] | {"id": comment_id})
            self.answer(404, {"errorMessage": "not found"})

    return Handler


@pytest.fixture
def fake_jsm(settings, monkeypatch):
    fake = FakeJsm()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fake))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.JSM_BASE_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.JSM_SERVICE_DESK_ID = "7"
    settings.JSM_REQUEST_TYPES = {"work": "21", "other": "29"}
    settings.JSM_EMAIL = EMAIL
    settings.JSM_API_TOKEN = TOKEN
    settings.JSM_TIMEOUT_SECONDS = 5
    settings.JSM_MAX_ATTEMPTS = 4
    fake.sleeps = []
    monkeypatch.setattr(jsm, "sleep", fake.sleeps.append)
    yield fake
    server.shutdown()
    server.server_close()
    assert fake.problems == []


def create(**overrides):
    arguments = {
        "summary": "Czy mogę pracować?",
        "description": "Pytanie o pracę w czasie oczekiwania.",
        "request_type_id": "21",
        "idempotency_key": "ZG-2026-004211",
    } | overrides
    return jsm.create_request(**arguments)


def test_create_request_sends_the_documented_shape_with_basic_auth_and_returns_the_issue_key(fake_jsm):
    key = create()
    assert key.startswith("HD-")
    body = fake_jsm.requests[key]["body"]
    assert body == {
        "serviceDeskId": "7",
        "requestTypeId": "21",
        "requestFieldValues": {
            "summary": "[ZG-2026-004211] Czy mogę pracować?",
            "description": "Pytanie o pracę w czasie oczekiwania.",
        },
    }
    assert fake_jsm.calls == [("GET", "/rest/servicedeskapi/request"), ("POST", "/rest/servicedeskapi/request")]


def test_raise_on_behalf_of_is_sent_only_when_given(fake_jsm):
    key = create(raise_on_behalf_of="qm:customer-1")
    assert fake_jsm.requests[key]["body"]["raiseOnBehalfOf"] == "qm:customer-1"


def test_a_second_call_for_the_same_enquiry_finds_the_request_instead_of_creating_another(fake_jsm):
    first = create()
    other = create(idempotency_key="ZG-2026-000001")
    assert create() == first
    assert len(fake_jsm.requests) == 2 and other != first


def test_a_post_carried_out_but_answered_with_500_is_not_repeated_and_the_retry_finds_it(fake_jsm):
    fake_jsm.fail_next("POST", 500, carry_out=True)
    with pytest.raises(jsm.JsmAmbiguous) as ambiguous:
        create()
    assert ambiguous.value.retry_after >= 60  # the task's retry countdown: long enough for JSM's search index
    assert len(fake_jsm.requests) == 1  # JSM did create it
    assert create() == next(iter(fake_jsm.requests))  # the later retry looks first and finds it
    assert len(fake_jsm.requests) == 1
    assert [c for c in fake_jsm.calls if c[0] == "POST"] == [("POST", "/rest/servicedeskapi/request")]


def test_429_is_retried_after_the_time_retry_after_gives(fake_jsm):
    fake_jsm.fail_next("POST", 429, {"Retry-After": "7"})
    key = create()
    assert fake_jsm.sleeps == [7.0]
    assert list(fake_jsm.requests) == [key]


def test_503_and_server_errors_on_reads_are_retried_with_growing_back_off(fake_jsm):
    fake_jsm.fail_next("GET", 503)
    fake_jsm.fail_next("GET", 502)
    create()
    assert len(fake_jsm.sleeps) == 2
    assert 0.5 <= fake_jsm.sleeps[0] <= 1.0 and 1.0 <= fake_jsm.sleeps[1] <= 2.0
    assert len(fake_jsm.requests) == 1


def test_a_long_retry_after_is_handed_to_the_caller_instead_of_blocking_the_worker(fake_jsm):
    fake_jsm.fail_next("GET", 429, {"Retry-After": "3600"})
    with pytest.raises(jsm.JsmUnavailable) as unavailable:
        create()
    assert unavailable.value.retry_after == 3600
    assert fake_jsm.sleeps == [] and fake_jsm.requests == {}


def test_retries_stop_after_the_configured_attempts(fake_jsm):
    for _ in range(4):
        fake_jsm.fail_next("GET", 503, {"Retry-After": "1"})
    with pytest.raises(jsm.JsmUnavailable):
        create()
    assert fake_jsm.sleeps == [1.0, 1.0, 1.0]
    assert fake_jsm.requests == {}


def test_a_refused_request_is_an_error_at_once_without_retries(fake_jsm, settings):
    settings.JSM_API_TOKEN = "wrong"
    with pytest.raises(jsm.JsmError) as refused:
        create()
    assert refused.value.status == 401 and not isinstance(refused.value, jsm.JsmUnavailable)
    assert fake_jsm.sleeps == []


def test_an_unreachable_jsm_is_unavailable_after_retries(settings, monkeypatch):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.JSM_BASE_URL = f"http://127.0.0.1:{port}"
    settings.JSM_SERVICE_DESK_ID, settings.JSM_API_TOKEN, settings.JSM_MAX_ATTEMPTS = "7", TOKEN, 3
    sleeps = []
    monkeypatch.setattr(jsm, "sleep", sleeps.append)
    with pytest.raises(jsm.JsmUnavailable):
        create()
    assert len(sleeps) == 2


def test_add_comment_posts_body_and_visibility_and_returns_the_comment_id(fake_jsm):
    key = create()
    comment_id = jsm.add_comment(key, "Odpowiedź: tak, może Pani pracować.", public=True)
    note_id = jsm.add_comment(key, "Sprawdzone w aktach.", public=False)
    stored = fake_jsm.comments[key]
    assert [(c["id"], c["body"], c["public"]) for c in stored] == [
        (comment_id, "Odpowiedź: tak, może Pani pracować.", True),
        (note_id, "Sprawdzone w aktach.", False),
    ]


def test_comments_since_reads_every_page_and_keeps_only_newer_comments(fake_jsm):
    key = create()
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    for minute in range(120):
        fake_jsm.agent_comment(key, f"comment {minute}", at=start + timedelta(minutes=minute))
    everything = jsm.comments_since(key, None)
    assert len(everything) == 120
    comment_calls = [c for c in fake_jsm.calls if c[1].endswith("/comment")]
    assert comment_calls == [("GET", f"/rest/servicedeskapi/request/{key}/comment")] * 3
    newer = jsm.comments_since(key, start + timedelta(minutes=99))
    assert [c.body for c in newer] == [f"comment {m}" for m in range(100, 120)]
    assert newer[0].author_name == "Agnieszka (agent)" and newer[0].created == start + timedelta(minutes=100)


def test_nothing_is_sent_when_jsm_is_not_configured(settings):
    settings.JSM_BASE_URL = ""
    enquiry = jsm.EnquiryForJsm(reference="ZG-2026-000001", topic="work", summary="s", description="d")
    result = jsm.sync_enquiry(
        enquiry, on_issue_created=pytest.fail, on_comment_sent=pytest.fail, on_comment_received=pytest.fail
    )
    assert result == jsm.SyncResult()
    with pytest.raises(jsm.JsmNotConfigured):
        create()


def test_sync_enquiry_creates_the_request_mirrors_both_ways_and_does_nothing_more_the_second_time(fake_jsm):
    stored = {"key": "", "sent": {}, "received": []}
    enquiry = jsm.EnquiryForJsm(
        reference="ZG-2026-004211",
        topic="citizens-of-ukraine",  # no request type of its own: "other"
        summary="Przedłużenie pobytu",
        description="Pytanie z formularza.",
        outgoing=[jsm.OutgoingComment(local_id=1, body="Dziękujemy, odpowiemy wkrótce.")],
    )

    def callbacks():
        return {
            "on_issue_created": lambda key: stored.update(key=key),
            "on_comment_sent": lambda local_id, jsm_id: stored["sent"].update({local_id: jsm_id}),
            "on_comment_received": stored["received"].append,
        }

    first = jsm.sync_enquiry(enquiry, **callbacks())
    assert first.created and first.sent == 1 and first.received == 0
    key = stored["key"]
    assert fake_jsm.requests[key]["body"]["requestTypeId"] == "29"
    agent_reply = fake_jsm.agent_comment(key, "Proszę dosłać paszport.")
    agent_note = fake_jsm.agent_comment(key, "Klient dzwonił wczoraj.", public=False)

    # The desk stored what the first run reported; the second run starts from that.
    enquiry.issue_key = key
    enquiry.known_comment_ids = set(stored["sent"].values())
    enquiry.outgoing = []
    second = jsm.sync_enquiry(enquiry, **callbacks())
    assert (second.created, second.sent, second.received) == (False, 0, 2)
    assert [(c.id, c.public) for c in stored["received"]] == [(agent_reply, True), (agent_note, False)]

    enquiry.known_comment_ids |= {agent_reply, agent_note}
    third = jsm.sync_enquiry(enquiry, **callbacks())
    assert (third.sent, third.received) == (0, 0)
    assert len(fake_jsm.requests) == 1 and len(fake_jsm.comments[key]) == 3


def test_a_comment_posted_before_a_crash_is_recorded_not_posted_again(fake_jsm):
    key = create()
    fake_jsm.fail_next("POST", 504, carry_out=True)
    with pytest.raises(jsm.JsmAmbiguous):
        jsm.add_comment(key, "Odpowiedź.")
    sent = {}
    enquiry = jsm.EnquiryForJsm(
        reference="ZG-2026-004211", topic="work", summary="s", description="d", issue_key=key,
        outgoing=[jsm.OutgoingComment(local_id=5, body="Odpowiedź.")],
    )  # fmt: skip
    result = jsm.sync_enquiry(
        enquiry,
        on_issue_created=pytest.fail,
        on_comment_sent=lambda local_id, jsm_id: sent.update({local_id: jsm_id}),
        on_comment_received=pytest.fail,
    )
    assert result.sent == 1 and len(fake_jsm.comments[key]) == 1
    assert sent == {5: fake_jsm.comments[key][0]["id"]}


def test_retry_after_as_an_http_date_is_understood():
    later = datetime.now(UTC) + timedelta(seconds=120)
    wait = jsm._retry_after(later.strftime("%a, %d %b %Y %H:%M:%S GMT"))
    assert 100 < wait <= 120
    assert jsm._retry_after("soon") is None


def test_a_search_too_broad_to_trust_stops_instead_of_risking_a_duplicate(fake_jsm, monkeypatch):
    monkeypatch.setattr(jsm, "MAX_SEARCH_RESULTS", 100)
    for number in range(120):  # requests whose summaries all contain the searched tag, none starting with it
        create(summary=f"copy {number}", idempotency_key=f"ZG-2026-{number:06d}")
        key = next(reversed(fake_jsm.requests))
        fake_jsm.requests[key]["dto"]["requestFieldValues"][0]["value"] = f"Re: [ZG-2026-004211] copy {number}"
        fake_jsm.requests[key]["_summary"] = f"Re: [ZG-2026-004211] copy {number}"
    with pytest.raises(jsm.JsmError, match="too broad"):
        create()
    assert len(fake_jsm.requests) == 120


def test_a_request_that_only_mentions_the_reference_is_not_taken_for_the_enquirys_own(fake_jsm):
    other = create(idempotency_key="ZG-2026-000009")
    fake_jsm.requests[other]["dto"]["requestFieldValues"][0]["value"] = "[ZG-2026-000009] see also [ZG-2026-004211]"
    fake_jsm.requests[other]["_summary"] = "[ZG-2026-000009] see also [ZG-2026-004211]"
    own = create()
    assert own != other and len(fake_jsm.requests) == 2

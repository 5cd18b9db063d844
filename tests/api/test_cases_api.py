"""Case status (scope case-status) and the status import (scope import), under /api/v1/ and the old path."""

import json

import pytest

from cases.models import LookupRecord, StatusEvent
from tests.api.conftest import ACCESS_CODE, assert_problem
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_case_status_answers_what_the_page_answers(api, make_token, make_case):
    case = make_case("filed", "formal-check")
    token = make_token("case-status")
    response = api.post("/cases/status/", {"case_number": case.number, "access_code": ACCESS_CODE}, token)
    assert response.status_code == 200
    body = response.json()
    assert body["status"]["code"] == "formal-check"
    assert [event["status"] for event in body["events"]] == ["filed", "formal-check"]
    assert {step["state"] for step in body["steps"]} >= {"done", "current"}


def test_an_unknown_case_and_a_wrong_code_get_the_same_answer(api, make_token, make_case):
    case = make_case("filed")
    token = make_token("case-status")
    wrong_code = api.post("/cases/status/", {"case_number": case.number, "access_code": "AAAAA-AAAAA"}, token)
    unknown = api.post("/cases/status/", {"case_number": "WSC-II-S.6151.9.2026", "access_code": ACCESS_CODE}, token)
    assert_problem(wrong_code, 404)
    assert wrong_code.json() == unknown.json()
    assert LookupRecord.objects.filter(outcome=LookupRecord.Outcome.NOT_FOUND).count() == 2


def test_case_status_has_the_pages_limits(api, make_token, make_case, settings):
    settings.CASE_LOOKUPS_PER_MINUTE = 2
    case = make_case("filed")
    token = make_token("case-status")
    payload = {"case_number": case.number, "access_code": ACCESS_CODE}
    assert api.post("/cases/status/", payload, token).status_code == 200
    assert api.post("/cases/status/", payload, token).status_code == 200
    limited = api.post("/cases/status/", payload, token)
    assert_problem(limited, 429)
    assert int(limited["Retry-After"]) >= 60


def events_for(*numbers, status="review"):
    return [{"case_number": n, "status": status, "occurred_at": "2026-11-25T10:00"} for n in numbers]


def test_status_events_are_applied_within_the_tokens_places(api, make_token, make_case, place):
    mine = make_case("filed")
    elsewhere = make_case("filed", number="WSC-II-S.6151.77.2026", case_place=PlaceFactory(slug="kalisz"))
    token = make_token("import", places=[place])
    response = api.post("/cases/status-events/", {"events": events_for(mine.number, elsewhere.number, "X-1")}, token)
    results = response.json()["results"]
    assert [r["outcome"] for r in results] == ["recorded", "error", "error"]
    assert results[1]["message"] == results[2]["message"]
    again = api.post("/cases/status-events/", {"events": events_for(mine.number)}, token)
    assert again.json()["results"][0]["outcome"] == "duplicate"
    event = mine.events.get(status__code="review")
    assert event.channel == StatusEvent.Channel.API and event.integration.has_scope("import")


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"events": []}, "events"),
        ({"events": [{"case_number": "X", "status": "review"}]}, "events.0.occurred_at"),
        ({"events": [{**events_for("X")[0], "colour": "red"}]}, "events.0.colour"),
        ({"events": [{**events_for("X")[0], "case_number": ["nested"]}]}, "events.0.case_number"),
        ({"events": events_for("X"), "create_missing": "maybe"}, "create_missing"),
        ({"events": events_for("X") * 501}, "events"),
    ],
)
def test_bad_batches_are_refused_whole_naming_the_field(api, make_token, make_case, payload, field):
    make_case("filed")
    response = api.post("/cases/status-events/", payload, make_token("import"))
    assert_problem(response, 422, field)
    assert not StatusEvent.objects.filter(channel=StatusEvent.Channel.API).exists()


def test_the_old_path_is_an_alias_for_tokens_with_the_import_scope(client, make_token, make_case):
    case = make_case("filed")
    body = json.dumps({"events": events_for(case.number)})

    def post(token):
        return client.post(
            "/api/cases/status-events/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
        )

    assert post(make_token("read")).status_code == 403
    response = post(make_token("import"))
    assert response.status_code == 200 and response.json()["results"][0]["outcome"] == "recorded"
    assert not response.cookies

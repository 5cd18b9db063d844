"""What every operation shares: tokens and scopes, the rate limit, the call record, problem details, no cookies,
CORS, body limits. One operation per scope is enough here; test_scopes.py walks every operation."""

import json

import pytest
from django.test import override_settings

from cases import services
from cases.models import ApiCall, IntegrationToken
from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_no_token_an_unknown_one_and_a_revoked_one_are_401_problems(api, read_token):
    assert_problem(api.get("/places/", ""), 401)
    assert_problem(api.get("/places/", "kw_not-a-token"), 401)
    assert api.get("/places/", read_token).status_code == 200
    services.integration_token_revoke(token=IntegrationToken.objects.get())
    response = api.get("/places/", read_token)
    assert_problem(response, 401)
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_token_without_the_operations_scope_is_403_and_the_refusal_is_recorded(api, make_token):
    token = make_token("import", "case-status", "book")
    body = assert_problem(api.get("/guides/", token), 403)
    assert "read" in body["detail"]
    call = ApiCall.objects.get()
    assert (call.method, call.endpoint, call.status_code, call.outcome) == ("GET", "api/v1/guides/", 403, "refused")


def test_each_call_is_recorded_with_its_route_never_the_values_in_it(api, read_token, place):
    api.get(f"/places/{place.slug}/", read_token)
    api.get("/places/no-such-place/", read_token)
    calls = list(ApiCall.objects.order_by("pk").values_list("endpoint", "status_code", "outcome"))
    assert calls == [("api/v1/places/<slug>/", 200, "ok"), ("api/v1/places/<slug>/", 404, "rejected")]
    assert place.slug not in str(calls)


def test_the_per_token_rate_limit_answers_429_with_retry_after(api, make_token):
    token = make_token("read", per_minute=2)
    assert api.get("/faq/", token).status_code == 200
    assert api.get("/faq/", token).status_code == 200
    response = api.get("/faq/", token)
    assert_problem(response, 429)
    assert response["Retry-After"] == "60"
    assert ApiCall.objects.filter(outcome="limited").count() == 1
    # another token has its own counter
    assert api.get("/faq/", make_token("read", name="other")).status_code == 200


def test_token_calls_set_no_cookie(api, read_token, place):
    response = api.get("/places/", read_token)
    assert response.status_code == 200 and not response.cookies
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_unknown_addresses_and_wrong_methods_are_problems(api, read_token):
    assert_problem(api.get("/no-such-thing/", read_token), 404)
    response = api.post("/places/", {}, read_token)
    assert_problem(response, 405)


@pytest.mark.parametrize(
    "raw, status, field",
    [
        ("{not json", 400, "body"),
        (json.dumps({"case_number": "X", "access_code": "Y", "surprise": 1}), 422, "surprise"),
        (json.dumps({"case_number": 5, "access_code": "Y"}), 422, "case_number"),
        (json.dumps({"access_code": "Y"}), 422, "case_number"),
        (json.dumps([1, 2]), 422, None),
    ],
)
def test_bad_bodies_are_4xx_problems_naming_the_field(api, make_token, raw, status, field):
    response = api.post("/cases/status/", raw=raw, token=make_token("case-status"))
    assert_problem(response, status, field)


def test_an_oversized_body_is_413_before_it_is_read(api, make_token, settings):
    settings.API_MAX_BODY_BYTES = 1000
    response = api.post("/cases/status/", raw=json.dumps({"case_number": "x" * 2000}), token=make_token("case-status"))
    assert_problem(response, 413)


def test_a_bad_language_code_is_a_422_naming_lang(api, read_token):
    assert_problem(api.get("/guides/?lang=xx", read_token), 422, "lang")


def test_problem_messages_follow_accept_language(api, make_token):
    token = make_token("case-status")
    english = api.post("/cases/status/", {"access_code": "Y"}, token, HTTP_ACCEPT_LANGUAGE="en").json()
    ukrainian = api.post("/cases/status/", {"access_code": "Y"}, token, HTTP_ACCEPT_LANGUAGE="uk").json()
    assert english["title"] == "Invalid request"
    assert ukrainian["title"] != english["title"]
    assert ukrainian["errors"][0]["detail"] != english["errors"][0]["detail"]


def test_cors_is_closed_unless_an_origin_is_configured(api, read_token, place):
    origin = "https://partner.example"
    closed = api.get("/places/", read_token, HTTP_ORIGIN=origin)
    assert "Access-Control-Allow-Origin" not in closed
    preflight = api.client.options("/api/v1/places/", HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 403
    with override_settings(API_CORS_ORIGINS=[origin]):
        opened = api.get("/places/", read_token, HTTP_ORIGIN=origin)
        assert opened["Access-Control-Allow-Origin"] == origin
        preflight = api.client.options("/api/v1/places/", HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
        assert preflight.status_code == 204 and "Authorization" in preflight["Access-Control-Allow-Headers"]
        other = api.get("/places/", read_token, HTTP_ORIGIN="https://elsewhere.example")
        assert "Access-Control-Allow-Origin" not in other


def test_tokens_are_stored_hashed_with_their_scopes(make_token):
    plaintext = make_token("read", "book")
    stored = IntegrationToken.objects.get()
    assert plaintext not in (stored.token_hash, stored.prefix)
    assert stored.has_scope("read") and stored.has_scope("book")
    assert not stored.has_scope("import") and not stored.has_scope("case-status")
    with pytest.raises(ValueError):
        services.integration_token_create(name="x", scopes=["everything"])


def test_call_records_are_purged_after_the_retention(make_token, settings):
    from datetime import timedelta

    from django.utils import timezone

    make_token("read")
    token = IntegrationToken.objects.get()
    old = services.api_call_record(token_id=token.pk, method="GET", endpoint="api/v1/faq/", status_code=200)
    recent = services.api_call_record(token_id=token.pk, method="GET", endpoint="api/v1/faq/", status_code=200)
    ApiCall.objects.filter(pk=old.pk).update(
        occurred_at=timezone.now() - timedelta(days=settings.API_CALL_RETENTION_DAYS + 1)
    )
    assert services.api_calls_purge() == 1
    assert list(ApiCall.objects.values_list("pk", flat=True)) == [recent.pk]


def test_nul_characters_are_refused_before_they_reach_the_database(api, make_token, read_token):
    body = assert_problem(api.get("/places/x%00y/", read_token), 422)
    assert body["errors"][0]["field"] == "path"
    assert_problem(api.get("/guides/?lang=en%00", read_token), 422, "query")
    raw = json.dumps({"case_number": "A\u0000B", "access_code": "Y"})
    assert_problem(api.post("/cases/status/", raw=raw, token=make_token("case-status")), 422, "body")


def test_token_calls_need_no_csrf_token(make_token):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/api/v1/cases/status/",
        json.dumps({"case_number": "WSC-1", "access_code": "AAAAA-AAAAA"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {make_token('case-status')}",
    )
    assert_problem(response, 404)


def test_administrators_see_the_call_records_and_nobody_edits_them(client, make_token, api):
    from django.urls import reverse

    from portal import roles
    from tests.factories import UserFactory

    token = make_token("read")
    api.get("/faq/", token)
    client.force_login(UserFactory(role=roles.ADMINISTRATOR, with_totp=True))
    page = client.get(reverse("admin:cases_apicall_changelist"))
    assert page.status_code == 200 and "api/v1/faq/" in page.content.decode()
    call = ApiCall.objects.get()
    assert client.post(reverse("admin:cases_apicall_delete", args=[call.pk]), {"post": "yes"}).status_code == 403
    client.force_login(UserFactory(role=roles.COORDINATOR, with_totp=True))
    assert client.get(reverse("admin:cases_apicall_changelist")).status_code == 403

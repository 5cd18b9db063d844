"""Tokens and a client for the integration API tests; the cases fixtures (statuses, make_case) come along."""

import json

import pytest

from cases import services
from tests.appointments.conftest import card_collection, consultation  # noqa: F401  (fixtures)
from tests.cases.conftest import ACCESS_CODE, make_case, procedures, statuses  # noqa: F401  (fixtures)

ALL_SCOPES = ("read", "case-status", "book", "import")


@pytest.fixture
def make_token(db):
    def make(*scopes: str, name: str = "", places=(), office_wide: bool = True, per_minute: int = 120) -> str:
        _token, plaintext = services.integration_token_create(
            name=name or "-".join(scopes) or "no scope",
            scopes=scopes,
            places=places,
            office_wide=office_wide and not places,
            requests_per_minute=per_minute,
        )
        return plaintext

    return make


@pytest.fixture
def read_token(make_token):
    return make_token("read")


class Api:
    """A Django test client speaking to /api/v1/ with a bearer token."""

    def __init__(self, client, token: str = ""):
        self.client = client
        self.token = token

    def headers(self, token, extra):
        headers = dict(extra)
        token = self.token if token is None else token
        if token:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        return headers

    def get(self, path, token=None, **extra):
        return self.client.get(f"/api/v1{path}", **self.headers(token, extra))

    def post(self, path, payload=None, token=None, raw=None, **extra):
        body = raw if raw is not None else json.dumps(payload)
        return self.client.post(f"/api/v1{path}", body, content_type="application/json", **self.headers(token, extra))


@pytest.fixture
def api(client):
    return Api(client)


def assert_problem(response, status: int, field: str | None = None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    if field is not None:
        assert field in [error["field"] for error in body.get("errors", [])], body
    return body

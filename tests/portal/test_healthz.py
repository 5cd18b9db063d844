from unittest import mock

import pytest

pytestmark = pytest.mark.django_db

TOKEN = "healthz-test-token-0123456789"  # noqa: S105


@pytest.fixture
def token(settings):
    settings.HEALTHZ_TOKEN = TOKEN
    return {"HTTP_X_HEALTHZ_TOKEN": TOKEN}


def test_an_anonymous_caller_learns_only_ok(client, token):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_an_anonymous_caller_learns_only_unavailable_when_a_part_fails(client, token):
    with mock.patch("portal.views.cache.set", side_effect=ConnectionError("cache down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_the_host_with_the_token_gets_each_part_named(client, token):
    response = client.get("/healthz", **token)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert body["checks"]["broker"] in ("ok", "not configured")


@pytest.mark.parametrize(
    "request_meta",
    [
        {"HTTP_X_HEALTHZ_TOKEN": "wrong-token"},
        {"HTTP_X_HEALTHZ_TOKEN": TOKEN, "REMOTE_ADDR": "81.26.0.9"},  # from outside the host
        {"HTTP_X_HEALTHZ_TOKEN": TOKEN, "HTTP_X_FORWARDED_FOR": "203.0.113.9"},  # through the proxy
    ],
)
def test_no_detail_without_the_right_token_from_inside_the_host(client, token, request_meta):
    assert client.get("/healthz", **request_meta).json() == {"status": "ok"}


def test_no_detail_for_anybody_when_no_token_is_configured(client, settings):
    settings.HEALTHZ_TOKEN = ""
    assert client.get("/healthz", HTTP_X_HEALTHZ_TOKEN="").json() == {"status": "ok"}


def test_the_token_is_compared_in_constant_time(client, token):
    with mock.patch("portal.views.hmac.compare_digest", return_value=False) as compare:
        assert "checks" not in client.get("/healthz", **token).json()
    compare.assert_called_once()


def test_healthz_names_the_cache_when_it_fails(client, token):
    with mock.patch("portal.views.cache.set", side_effect=ConnectionError("cache down")):
        response = client.get("/healthz", **token)
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "failing"
    assert response.json()["checks"]["database"] == "ok"


def test_healthz_names_the_database_when_it_fails(client, token):
    with mock.patch("portal.views.connection.cursor", side_effect=RuntimeError("database down")):
        response = client.get("/healthz", **token)
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "failing"


def test_healthz_names_the_broker_when_it_is_configured_and_down(client, settings, token):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    with mock.patch("portal.celery.app.connection_for_write", side_effect=ConnectionError("broker down")):
        response = client.get("/healthz", **token)
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "failing"

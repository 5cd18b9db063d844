from unittest import mock

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_with_each_part_named(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert body["checks"]["broker"] in ("ok", "not configured")


def test_healthz_answers_503_naming_the_cache_when_it_fails(client):
    with mock.patch("portal.views.cache.set", side_effect=ConnectionError("cache down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {**response.json()["checks"], "cache": "failing"}
    assert response.json()["checks"]["database"] == "ok"


def test_healthz_answers_503_naming_the_database_when_it_fails(client):
    with mock.patch("portal.views.connection.cursor", side_effect=RuntimeError("database down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "failing"


def test_healthz_names_the_broker_when_it_is_configured_and_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    with mock.patch("portal.celery.app.connection_for_write", side_effect=ConnectionError("broker down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "failing"

"""Errors reach people (ADMINS e-mail, Sentry) without personal data, and a database outage is a clear 503."""

import logging
from unittest import mock

import pytest
from django.core import mail
from django.db import InterfaceError, OperationalError
from django.test import Client

from portal import error_reporting
from tests.factories import url_in
from tests.portal.test_settings import PRODUCTION, manage

pytestmark = pytest.mark.django_db


@pytest.fixture
def unsafe_client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("error", [OperationalError("server closed the connection"), InterfaceError("closed")])
def test_a_database_outage_answers_a_translated_503_with_retry_after(unsafe_client, error):
    with mock.patch("portal.selectors.places_for_home", side_effect=error):
        response = unsafe_client.get(url_in("uk", "home"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert 'lang="uk"' in page and "Сервіс тимчасово недоступний" in page
    assert "server closed" not in page


def test_any_other_error_is_still_a_500(unsafe_client):
    with mock.patch("portal.selectors.places_for_home", side_effect=ValueError("bug")):
        response = unsafe_client.get(url_in("en", "home"))
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_admins_get_an_email_naming_the_route_but_no_data(unsafe_client, settings):
    settings.ADMINS = [("Duty", "duty@example.gov.pl")]
    secret = "Oksana Kovalenko 1234-5678"
    with mock.patch("portal.selectors.places_for_home", side_effect=ValueError(secret)):
        unsafe_client.get(url_in("en", "home") + "?email=person@example.org", HTTP_COOKIE="sessionid=abc")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["duty@example.gov.pl"]
    assert "home" in message.subject and "ValueError" in message.body
    for leaked in (secret, "person@example.org", "sessionid", "?email"):
        assert leaked not in message.subject + message.body


def test_a_database_outage_does_not_mail_the_admins_for_every_request(unsafe_client, settings):
    settings.ADMINS = [("Duty", "duty@example.gov.pl")]
    with mock.patch("portal.selectors.places_for_home", side_effect=OperationalError("down")):
        unsafe_client.get(url_in("en", "home"))
    assert mail.outbox == []


def test_admins_are_read_from_the_environment_as_names_and_addresses():
    assert error_reporting.admins_parse(["Duty Officer <duty@example.gov.pl>", " ops@example.gov.pl", "nonsense"]) == [
        ("Duty Officer", "duty@example.gov.pl"),
        ("", "ops@example.gov.pl"),
    ]


def test_sentry_is_started_without_personal_data():
    with mock.patch("sentry_sdk.init") as init:
        options = error_reporting.sentry_init(dsn="https://key@sentry.example/1", release="r1", environment="test")
    init.assert_called_once()
    assert options["send_default_pii"] is False
    assert options["include_local_variables"] is False
    assert options["max_request_body_size"] == "never"
    event = {
        "request": {
            "url": "https://migrant.example.gov.pl/en/",
            "query_string": "email=person@example.org",
            "cookies": {"sessionid": "abc"},
            "data": {"name": "Oksana"},
            "headers": {"Cookie": "sessionid=abc", "User-Agent": "x", "X-Forwarded-For": "81.26.0.9"},
        }
    }
    scrubbed = options["before_send"](event, {})
    assert scrubbed["request"] == {"url": "https://migrant.example.gov.pl/en/", "headers": {"User-Agent": "x"}}


def test_without_admins_or_sentry_start_up_logs_one_clear_line(caplog, settings):
    settings.ADMINS, settings.SENTRY_DSN, settings.DEBUG = [], "", False
    with caplog.at_level(logging.INFO, logger="portal.error_reporting"):
        error_reporting.log_channels(settings)
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "neither ADMINS nor SENTRY_DSN is set" in caplog.text


def test_production_start_up_names_where_errors_go():
    silent = manage("check", **PRODUCTION)
    assert "neither ADMINS nor SENTRY_DSN is set" in silent.stderr
    told = manage("check", **PRODUCTION, ADMINS="Duty <duty@example.gov.pl>")
    assert "server errors go to e-mail to 1 address(es) in ADMINS" in told.stderr

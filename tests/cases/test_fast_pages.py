"""The case-status pages without session writes: the lookup in a signed cookie, its record buffered in Redis, the
result page from the cache (and never stale, nor shared beyond those who proved the code)."""

import pickle
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases import lookup_records, result_cache, services
from cases.models import Case, CaseStatus, LookupRecord, ProcessingTime, StatusEvent
from portal.cache_backend import FailOpenRedisCache
from tests.cases.conftest import ACCESS_CODE
from tests.cases.test_lookup import look_up
from tests.factories import URGENT_BANNER_QUERIES, url_in

pytestmark = pytest.mark.django_db
NUMBER = "WSC-II-S.6151.1234.2026"
needs_redis = pytest.mark.skipif(
    not isinstance(caches["default"], FailOpenRedisCache), reason="the lookup buffer is a Redis list"
)


def result_page(client, language="pl"):
    response = client.get(url_in(language, "cases:result"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_form_writes_no_session_and_reads_only_the_banner(client, django_assert_num_queries):
    assert not settings.CSRF_USE_SESSIONS
    with django_assert_num_queries(URGENT_BANNER_QUERIES):  # the urgent notices, then cached
        response = client.get(url_in("pl", "cases:lookup"))
    with django_assert_num_queries(0):
        assert Client().get(url_in("pl", "cases:lookup")).status_code == 200
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert "csrftoken" in response.cookies


def test_a_lookup_makes_no_session(client, make_case):
    make_case()
    response = look_up(client)
    assert response.status_code == 302
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    cookie = response.cookies["case_lookup"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert bool(cookie["secure"]) == settings.SESSION_COOKIE_SECURE
    assert "6151" not in cookie.value and "1234" not in cookie.value


def test_a_status_change_shows_at_once(client, make_case, statuses, django_capture_on_commit_callbacks):
    case = make_case("filed")
    look_up(client)
    assert statuses["filed"].name in result_page(client)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_status_set(
            case=case, status=statuses["formal-check"], occurred_at=timezone.now(), channel=StatusEvent.Channel.ADMIN
        )
    page = result_page(client)
    assert f"{statuses['formal-check'].name}</h2>" in page


def test_catalogue_and_processing_time_changes_show_at_once(
    client, make_case, statuses, django_capture_on_commit_callbacks
):
    case = make_case("filed", "formal-check")
    look_up(client)
    result_page(client)
    with django_capture_on_commit_callbacks(execute=True):
        CaseStatus.objects.filter(pk=statuses["formal-check"].pk).update(name_pl="Sprawdzamy wniosek")
        status = CaseStatus.objects.get(pk=statuses["formal-check"].pk)
        status.save()
    assert "Sprawdzamy wniosek" in result_page(client)
    with django_capture_on_commit_callbacks(execute=True):
        ProcessingTime.objects.create(
            procedure_id=case.procedure_id, place_id=case.place_id, stage=ProcessingTime.WHOLE_CASE,
            median_days=123, p80_days=456, sample_size=50, computed_at=timezone.now(),
        )
    assert "456" in result_page(client)


def test_an_edit_of_the_case_and_retention_show_at_once(
    client, make_case, procedures, django_capture_on_commit_callbacks
):
    case = make_case("filed", "formal-check")
    look_up(client)
    result_page(client)
    other = procedures["permanent-residence"] if "permanent-residence" in procedures else next(
        procedure for code, procedure in procedures.items() if procedure.pk != case.procedure_id
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.case_details_update(
            case=case, procedure=other, place=case.place, filed_on=case.filed_on,
            contact_email="", contact_language="pl", contact_consent=False,
        )
    assert other.name in result_page(client)
    Case.objects.filter(pk=case.pk).update(final_at=timezone.now() - timedelta(days=10 * 365))
    with django_capture_on_commit_callbacks(execute=True):
        services.cases_retention_apply()
    assert client.get(url_in("pl", "cases:result")).url == url_in("pl", "cases:lookup")


def test_the_cached_page_is_only_for_browsers_that_proved_the_code(make_case):
    make_case("filed")
    owner, relative, stranger = Client(), Client(), Client()
    look_up(owner)
    look_up(relative)
    first, second = result_page(owner), result_page(relative)
    # Each browser gets its own CSRF token in the cached page, and the forms work for it.
    assert owner.cookies["csrftoken"].value != relative.cookies["csrftoken"].value
    assert first != second
    assert NUMBER in second
    assert stranger.get(url_in("pl", "cases:result")).url == url_in("pl", "cases:lookup")
    forged = owner.cookies["case_lookup"].value.replace(":", ";", 1)
    stranger.cookies["case_lookup"] = forged
    assert stranger.get(url_in("pl", "cases:result")).url == url_in("pl", "cases:lookup")


def test_forgetting_the_case_closes_it_even_when_cached(client, make_case):
    make_case("filed")
    look_up(client)
    result_page(client)
    response = client.post(url_in("pl", "cases:close"))
    assert response.cookies["case_lookup"].value == ""
    assert client.get(url_in("pl", "cases:result")).url == url_in("pl", "cases:lookup")


def test_languages_are_cached_apart(client, make_case):
    make_case("filed")
    look_up(client)
    assert 'lang="pl"' in result_page(client, "pl")
    assert '<html lang="uk">' in result_page(client, "uk")


@needs_redis
def test_found_lookups_wait_in_redis_and_are_flushed_with_their_time(client, make_case):
    make_case()
    before = timezone.now()
    with CaptureQueriesContext(connection) as queries:
        look_up(client)
    assert not any(query["sql"].startswith("INSERT") for query in queries.captured_queries)
    look_up(client, code="AAAAA-BBBBB")  # failures are written at once
    assert list(LookupRecord.objects.values_list("outcome", flat=True)) == ["not-found"]
    assert services.lookup_records_flush() == 1
    found = LookupRecord.objects.get(outcome="found")
    assert before <= found.created_at <= timezone.now()
    assert services.lookup_records_flush() == 0


@needs_redis
def test_a_flush_that_died_is_written_by_the_next(make_case, client, monkeypatch):
    make_case()
    look_up(client)
    monkeypatch.setattr(LookupRecord.objects, "bulk_create", lambda *args, **kwargs: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        services.lookup_records_flush()
    monkeypatch.undo()
    look_up(client)
    assert services.lookup_records_flush() == 1  # the renamed list first
    assert services.lookup_records_flush() == 1  # then the new one
    assert LookupRecord.objects.filter(outcome="found").count() == 2


@needs_redis
def test_with_redis_away_the_record_is_written_at_once(client, make_case, monkeypatch):
    make_case()
    monkeypatch.setattr(FailOpenRedisCache, "_down_until", 10**12)  # as after a failed call
    assert look_up(client).status_code == 302
    assert LookupRecord.objects.filter(outcome="found").count() == 1


def test_without_redis_the_record_is_written_at_once(client, make_case, monkeypatch):
    make_case()
    monkeypatch.setattr(lookup_records, "_redis", lambda: None)
    look_up(client)
    assert LookupRecord.objects.filter(outcome="found").count() == 1
    assert client.get(reverse("cases:result")).status_code == 200


def _form_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_the_cached_page_carries_a_working_csrf_token_of_its_reader(make_case):
    make_case("filed")
    for _reader in range(2):  # the second reader gets the page from the cache
        browser = Client(enforce_csrf_checks=True)
        token = _form_token(browser.get(url_in("pl", "cases:lookup")).content.decode())
        lookup = {"number": NUMBER, "access_code": ACCESS_CODE, "csrfmiddlewaretoken": token}
        assert browser.post(url_in("pl", "cases:lookup"), lookup).status_code == 302
        token = _form_token(result_page(browser))
        assert browser.post(url_in("pl", "cases:close"), {"csrfmiddlewaretoken": token}).status_code == 302


def test_the_cache_holds_no_more_of_the_case_than_the_page_shows(client, make_case, statuses):
    case = make_case("filed", "formal-check")
    Case.objects.filter(pk=case.pk).update(contact_email="owner@example.org", contact_consent_at=timezone.now())
    StatusEvent.objects.filter(case=case).update(internal_note="officer only")
    look_up(client)
    result_page(client)
    page = result_cache.cached_page(result_cache.page_key(case.pk))
    assert page is not None and page.overview.case.number == NUMBER
    stored = pickle.dumps(page)
    for hidden in (b"owner@example.org", b"officer only", case.access_code_hash.encode()):
        assert hidden not in stored

"""The public lookup: the right case for the right code, the same answer for every wrong one, and limits."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, LookupRecord
from tests.cases.conftest import ACCESS_CODE
from tests.factories import URGENT_BANNER_QUERIES, url_in

pytestmark = pytest.mark.django_db


def look_up(client, number="WSC-II-S.6151.1234.2026", code=ACCESS_CODE, language="pl", **extra):
    return client.post(url_in(language, "cases:lookup"), {"number": number, "access_code": code}, **extra)


def test_the_right_number_and_code_show_the_case_and_a_refresh_does_not_resubmit(client, make_case):
    make_case("filed", "formal-check", "personal-appearance")
    response = look_up(client)
    assert response.status_code == 302
    assert response.url == url_in("pl", "cases:result")  # the number is in no address
    page = client.get(response.url)
    text = page.content.decode()
    assert page.status_code == 200
    assert "WSC-II-S.6151.1234.2026" in text
    assert 'aria-current="step"' in text
    assert "no-cache" in page["Cache-Control"]
    assert client.get(response.url).status_code == 200  # reload: the same page, no form resubmitted


@pytest.mark.parametrize(
    "typed", ["wsc-ii-s.6151.1234.2026", " WSC II S 6151 1234 2026 ", "WSC-II-S-6151-1234-2026", "wscIIs615112342026"]
)
def test_the_case_number_may_be_typed_with_any_spaces_dots_dashes_and_case(client, make_case, typed):
    make_case()
    assert look_up(client, number=typed, code="k7px3 mqab9").status_code == 302


@pytest.mark.parametrize(
    "language, status_name", [("uk", "відбитки пальців"), ("ru", "отпечатки пальцев"), ("en", "ingerprint")]
)
def test_the_result_is_in_the_readers_language(client, make_case, language, status_name):
    make_case("filed", "formal-check", "personal-appearance")
    response = look_up(client, language=language)
    page = client.get(response.url).content.decode()
    assert f'lang="{language}"' in page
    assert status_name.lower() in page.lower()


def test_an_unknown_case_and_a_wrong_code_get_the_same_answer(client, make_case):
    make_case()
    wrong_code = look_up(client, code="AAAAA-BBBBB")
    unknown_case = look_up(client, number="WSC-II-S.6151.9999.2026")
    assert wrong_code.status_code == unknown_case.status_code == 400
    assert wrong_code.context["form"].non_field_errors() == unknown_case.context["form"].non_field_errors()
    assert list(LookupRecord.objects.values_list("outcome", flat=True)) == ["not-found", "not-found"]
    assert "WSC" not in "".join(LookupRecord.objects.values_list("number_hash", flat=True))


@pytest.mark.parametrize(
    "number, code, message",
    [
        ("", ACCESS_CODE, "Wpisz numer sprawy"),
        ("WSC-II-S.6151.1234.2026", "", "Wpisz kod dostępu"),
        ("x" * 61, ACCESS_CODE, "za długi"),
        ("hello", ACCESS_CODE, "nie wygląda na numer sprawy"),
        ("WSC-II-S.6151.1234.2026", "ABC", "dziesięć liter i cyfr"),
    ],
)
def test_bad_input_gets_a_clear_message_and_no_lookup(client, make_case, number, code, message):
    make_case()
    response = look_up(client, number=number, code=code)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not LookupRecord.objects.exists()


def test_bad_input_message_is_in_the_readers_language(client, db):
    response = client.post(url_in("uk", "cases:lookup"), {"number": "", "access_code": ""})
    assert "Введіть номер справи" in response.content.decode()


def test_five_failures_from_one_address_lock_that_address_out_of_the_case(client, make_case, settings):
    make_case()
    for _ in range(settings.CASE_LOOKUP_FAILURES):
        assert look_up(client, code="AAAAA-BBBBB", REMOTE_ADDR="10.0.0.1").status_code == 400
    response = look_up(client, REMOTE_ADDR="10.0.0.1")  # even the right code, from that address
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "60" in response.content.decode()  # the page says the same: 60 minutes
    assert LookupRecord.objects.filter(outcome="limited").count() == 1
    # the owner, from their own connection, is not locked out by someone else's failures
    assert look_up(client, REMOTE_ADDR="10.0.0.2").status_code == 302


def test_failures_from_many_addresses_start_a_short_back_off_the_owner_passes(client, make_case, settings):
    settings.CASE_LOOKUP_CASE_FAILURES = 8
    make_case()
    for attempt in range(settings.CASE_LOOKUP_CASE_FAILURES):
        assert look_up(client, code="AAAAA-BBBBB", REMOTE_ADDR=f"10.0.1.{attempt}").status_code == 400
    # an address that already failed on the case waits the short back-off, and is told so consistently
    again = look_up(client, code="AAAAA-BBBBB", REMOTE_ADDR="10.0.1.0")
    assert again.status_code == 429
    minutes = settings.CASE_LOOKUP_CASE_BACKOFF_SECONDS // 60
    assert again["Retry-After"] == str(minutes * 60)
    assert f"{minutes} " in again.content.decode()
    # a correct code from an address with no failures gets through the per-case back-off
    assert look_up(client, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_addresses_that_differ_only_in_their_dots_have_separate_limits(client, make_case, settings):
    make_case()
    for _ in range(settings.CASE_LOOKUPS_PER_MINUTE):
        look_up(client, number="WSC-II-S.6151.9999.2026", REMOTE_ADDR="127.0.1.11")
    limited = look_up(client, REMOTE_ADDR="127.0.1.11", language="en")
    assert limited.status_code == 429 and limited["Retry-After"] == "60"
    assert "wait 1 minute and" in limited.content.decode()
    assert look_up(client, REMOTE_ADDR="127.0.11.1").status_code == 302


def test_ipv6_addresses_of_one_network_share_a_limit(client, make_case, settings):
    make_case()
    for host in range(settings.CASE_LOOKUPS_PER_MINUTE):
        look_up(client, number="WSC-II-S.6151.9999.2026", REMOTE_ADDR=f"2001:db8:1:2::{host + 1:x}")
    assert look_up(client, REMOTE_ADDR="2001:db8:1:2:ffff::1").status_code == 429
    assert look_up(client, REMOTE_ADDR="2001:db8:1:3::1").status_code == 302


def test_one_address_is_limited_per_minute(client, make_case, settings):
    make_case()
    for _ in range(settings.CASE_LOOKUPS_PER_MINUTE):
        look_up(client, number="WSC-II-S.6151.9999.2026")
    assert look_up(client).status_code == 429


def test_the_result_needs_a_lookup_in_this_browser_and_closes(client, make_case):
    make_case()
    assert client.get(url_in("pl", "cases:result")).url == url_in("pl", "cases:lookup")
    look_up(client)
    assert client.get(url_in("pl", "cases:result")).status_code == 200
    client.post(url_in("pl", "cases:close"))
    assert client.get(url_in("pl", "cases:result")).status_code == 302


def test_the_result_expires_after_half_an_hour(client, make_case, monkeypatch):
    make_case()
    look_up(client)
    import time as time_module

    later = time_module.time() + 31 * 60
    monkeypatch.setattr("time.time", lambda: later)
    assert client.get(url_in("pl", "cases:result")).status_code == 302


def test_the_case_number_never_reaches_the_log(client, make_case, caplog):
    make_case()
    with caplog.at_level("DEBUG"):
        look_up(client)
        look_up(client, code="AAAAA-BBBBB")
    assert "6151" not in caplog.text


@pytest.mark.parametrize("events", [3, 30])
def test_the_result_page_uses_the_same_number_of_queries_whatever_the_history(
    client, make_case, events, django_assert_num_queries
):
    history = ["filed", "formal-check", "formal-deficiencies", "review"] * (events // 4) + ["personal-appearance"]
    make_case(*history, days_apart=1)
    look_up(client)
    # Rendered: the case overview (3), the banner, and from the booking app the visit booked for the case. No
    # session is read: the lookup is a signed cookie.
    with django_assert_num_queries(4 + URGENT_BANNER_QUERIES):
        assert client.get(reverse("cases:result")).status_code == 200
    # From the cache: only the booking app's part, drawn for every request.
    with django_assert_num_queries(1):
        assert client.get(reverse("cases:result")).status_code == 200


def test_a_case_anonymized_while_open_sends_the_reader_back_to_the_form(client, make_case):
    case = make_case()
    look_up(client)
    Case.objects.filter(pk=case.pk).update(anonymized_at=timezone.now())
    for name in ("cases:result", "cases:complaint"):
        assert client.get(url_in("pl", name)).url == url_in("pl", "cases:lookup")

"""What the case page says about a visit: fingerprints by the office's letter, a booking offered only where the
site books the visit, and the part other apps draw on the page (registered, as `cases` cannot import them)."""

import pytest

from appointments import demo as appointments_demo
from cases import selectors
from cases.demo_catalogue import STATUSES
from tests.cases.conftest import ACCESS_CODE
from tests.factories import url_in

pytestmark = pytest.mark.django_db
NUMBER = "WSC-II-S.6151.1234.2026"


def open_case(client):
    response = client.post(url_in("uk", "cases:lookup"), {"number": NUMBER, "access_code": ACCESS_CODE})
    assert response.status_code == 302
    return client.get(url_in("uk", "cases:result")).content.decode()


def test_fingerprints_are_given_on_the_day_of_the_letter_and_never_booked_online(client, make_case):
    appearance = next(status for status in STATUSES if status["code"] == "personal-appearance")
    assert appearance["visit"] == ""
    assert all("wezwanie" in text for text in appearance["applicant_action"].values())
    assert not any(service["case_visit"] == "personal-appearance" for service in appointments_demo.SERVICES)
    make_case("filed", "formal-check", "personal-appearance")
    page = open_case(client)
    assert "Дочекайтеся виклику" in page
    assert url_in("uk", "appointments:from_case") not in page
    assert "Запишіться на візит" not in page


def test_the_case_page_asks_the_registered_parts_and_draws_their_templates(client, make_case, monkeypatch):
    monkeypatch.setattr(selectors, "_CASE_PAGE_PROVIDERS", [])
    make_case("filed", "card-ready")
    without = open_case(client)
    assert url_in("uk", "appointments:from_case") not in without

    seen = []

    def provider(overview):
        seen.append(overview.case.number)
        return selectors.CasePageBlock("cases/_updates.html", {})

    selectors.case_page_provider_register(provider)
    selectors.case_page_provider_register(provider)  # registering twice draws it once
    client.get(url_in("uk", "cases:result"))
    assert seen == [NUMBER]


def test_the_looked_up_case_expires_from_the_cookie(client, make_case, monkeypatch, rf):
    case = make_case("filed")
    open_case(client)
    cookie = client.cookies[selectors.LOOKUP_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["max-age"] == selectors.LOOKUP_SECONDS
    assert str(case.pk) in cookie.value and NUMBER not in cookie.value and ACCESS_CODE not in cookie.value
    request = rf.get("/", HTTP_COOKIE=f"{selectors.LOOKUP_COOKIE}={cookie.value}")
    assert selectors.case_looked_up(request) == case.pk
    other_case = cookie.value.replace(str(case.pk), str(case.pk + 1), 1)
    forged = rf.get("/", HTTP_COOKIE=f"{selectors.LOOKUP_COOKIE}={other_case}")
    assert selectors.case_looked_up(forged) is None
    monkeypatch.setattr("time.time", lambda: 10**12)
    assert selectors.case_looked_up(request) is None

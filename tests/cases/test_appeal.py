"""After a refusal: links to the right guides, the appeal letter (PDF) and the appeal deadline for a calendar."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from cases.appeal import APPEAL_DAYS, appeal_deadline
from tests.cases.test_lookup import look_up
from tests.factories import URGENT_BANNER_QUERIES, make_guide, url_in

pytestmark = pytest.mark.django_db
LANGUAGES = ["pl", "en", "uk", "ru"]


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).replace("\n", " ")


@pytest.fixture
def refused(make_case):
    make_guide("appeal-against-decision", category="work")
    make_guide("family-reunification")
    return make_case("filed", "review", "decision-refused", days_apart=5, procedure="temporary-residence-family")


def _dates(decided_days_ago=6, delivered_days_ago=3):
    today = timezone.localdate()
    return (today - timedelta(days=decided_days_ago)).isoformat(), (today - timedelta(days=delivered_days_ago))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_refusal_links_the_appeal_letter_the_appeal_guide_and_the_guide_of_its_own_procedure(
    client, refused, language
):
    from cases.demo import procedures_load

    procedures_load()  # links the procedures to the guides made above
    look_up(client, language=language)
    page = client.get(url_in(language, "cases:result")).content.decode()
    assert url_in(language, "cases:appeal") in page
    assert url_in(language, "guide_detail", slug="appeal-against-decision") in page
    assert url_in(language, "guide_detail", slug="family-reunification") in page
    assert url_in(language, "guide_detail", slug="temporary-residence-work") not in page


def test_a_case_still_under_review_is_offered_no_appeal(client, make_case):
    make_case("filed", "review")
    look_up(client)
    assert url_in("pl", "cases:appeal") not in client.get(url_in("pl", "cases:result")).content.decode()
    assert client.get(url_in("pl", "cases:appeal")).url == url_in("pl", "cases:result")


def test_the_appeal_page_needs_a_lookup_first(client, db):
    assert client.get(url_in("pl", "cases:appeal")).url == url_in("pl", "cases:lookup")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_appeal_page_opens_in_every_language_with_constant_queries(
    client, refused, language, django_assert_num_queries
):
    look_up(client, language=language)
    with django_assert_num_queries(4 + URGENT_BANNER_QUERIES):  # no session: the lookup is a signed cookie
        response = client.get(url_in(language, "cases:appeal"))
    assert response.status_code == 200
    assert 'name="decision_date"' in response.content.decode()


def test_the_letter_is_polish_with_the_case_the_dates_the_authorities_and_a_ukrainian_translation(client, refused):
    look_up(client, language="uk")
    decided, delivered = _dates()
    response = client.post(
        url_in("uk", "cases:appeal"),
        {"action": "pdf", "decision_date": decided, "delivered_on": delivered.isoformat(), "full_name": ""},
    )
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "ODWOŁANIE" in text.upper()
    assert "WSC-II-S.6151.1234.2026" in text
    assert "Szef Urzędu do Spraw Cudzoziemców" in text
    assert "za pośrednictwem" in text and "Wojewoda Wielkopolski" in text
    assert "art. 127 § 1 i 2" in text
    assert "połączenia z rodziną" in text  # the procedure of the case, as written in Polish letters
    deadline = appeal_deadline(delivered)
    assert str(deadline.year) in text and "14" in text
    assert "Апеляц" in text or "оскарж" in text.lower()  # the Ukrainian column
    assert "(podpis)" in text and "(imię i nazwisko)" in text  # left blank for the hand


def test_a_polish_reader_gets_the_letter_alone_with_the_filing_note_in_polish(client, refused):
    look_up(client)
    decided, delivered = _dates()
    response = client.post(
        url_in("pl", "cases:appeal"),
        {"action": "pdf", "decision_date": decided, "delivered_on": delivered.isoformat(), "full_name": "Jan Nowak"},
    )
    text = pdf_text(response.content)
    assert "Jan Nowak" in text
    assert "Termin wynosi 14 dni" in text
    assert "Tłumaczenie do Twojej wiadomości" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_decision_date_gives_a_translated_message(client, refused, language):
    look_up(client, language=language)
    response = client.post(url_in(language, "cases:appeal"), {"action": "pdf", "delivered_on": ""})
    assert response.status_code == 400
    page = response.content.decode()
    english = "Enter the date of the decision, as printed at its top."
    assert (english in page) == (language == "en")
    assert 'aria-invalid="true"' in page


def test_dates_in_the_future_or_in_the_wrong_order_are_refused(client, refused):
    look_up(client, language="en")
    today = timezone.localdate()
    future = (today + timedelta(days=2)).isoformat()
    page = client.post(url_in("en", "cases:appeal"), {"decision_date": future, "delivered_on": future}).content
    assert b"This date is in the future" in page
    earlier, later = (today - timedelta(days=5)).isoformat(), (today - timedelta(days=2)).isoformat()
    page = client.post(url_in("en", "cases:appeal"), {"decision_date": later, "delivered_on": earlier}).content
    assert b"cannot have reached you before" in page
    page = client.post(url_in("en", "cases:appeal"), {"decision_date": "yesterday", "delivered_on": "x"}).content
    assert b"Enter the date as day, month and year" in page


def test_the_calendar_file_holds_the_last_day_to_appeal_and_no_personal_data(client, refused):
    look_up(client, language="en")
    _decided, delivered = _dates()
    response = client.post(url_in("en", "cases:appeal"), {"action": "ics", "delivered_on": delivered.isoformat()})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    event = next(component for component in Calendar.from_ical(response.content).walk("VEVENT"))
    assert event.decoded("dtstart") == appeal_deadline(delivered)
    assert "appeal" in str(event.get("summary")).lower()
    assert b"6151" not in response.content  # no case number travels to a calendar service
    assert next(iter(event.walk("VALARM"))).decoded("trigger") == timedelta(days=-3)


def test_the_calendar_is_in_the_readers_language(client, refused):
    look_up(client, language="uk")
    _decided, delivered = _dates()
    response = client.post(url_in("uk", "cases:appeal"), {"action": "ics", "delivered_on": delivered.isoformat()})
    summary = str(next(iter(Calendar.from_ical(response.content).walk("VEVENT"))).get("summary"))
    assert "odwołanie" in summary and "Останній день" in summary


def test_a_deadline_already_passed_gives_no_calendar_file_but_a_message(client, refused):
    look_up(client, language="en")
    delivered = timezone.localdate() - timedelta(days=APPEAL_DAYS + 1)
    response = client.post(url_in("en", "cases:appeal"), {"action": "ics", "delivered_on": delivered.isoformat()})
    assert response.status_code == 400
    assert b"have already passed" in response.content


def test_the_calendar_needs_the_day_of_delivery(client, refused):
    look_up(client, language="en")
    response = client.post(url_in("en", "cases:appeal"), {"action": "ics", "delivered_on": ""})
    assert response.status_code == 400
    assert b"Enter the day you received the decision" in response.content


def test_the_deadline_is_fourteen_days_after_delivery():
    from datetime import date

    assert appeal_deadline(date(2026, 11, 20)) == date(2026, 12, 4)
    assert appeal_deadline(date(2026, 12, 12)) == date(2026, 12, 28)  # 26 December: a holiday and a Saturday


@pytest.mark.parametrize("reviews", [1, 12])
def test_the_refusal_page_uses_the_same_number_of_queries_whatever_the_history(
    client, make_case, reviews, django_assert_num_queries
):
    make_guide("appeal-against-decision")
    make_case("filed", *["formal-check", "review"] * reviews, "decision-refused", days_apart=1)
    look_up(client)
    with django_assert_num_queries(5 + URGENT_BANNER_QUERIES):  # the case's three, the appeal guide's link, its visit
        assert client.get(url_in("pl", "cases:result")).status_code == 200

"""The ponaglenie PDF: offered only when the case is late; Polish letter with the reader's translation."""

import io

import pytest
from pypdf import PdfReader

from tests.cases.test_lookup import look_up
from tests.factories import url_in

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_an_overdue_case_gets_a_complaint_in_polish_with_a_ukrainian_translation(client, make_case):
    make_case("filed", "personal-appearance", "review", days_apart=10, start_days_ago=150)
    look_up(client, language="uk")
    result = client.get(url_in("uk", "cases:result")).content.decode()
    assert url_in("uk", "cases:complaint") in result
    page = client.get(url_in("uk", "cases:complaint"))
    assert page.status_code == 200
    assert "Не підтверджено" in page.content.decode()  # the suspension after 4 March 2026 is an open question
    response = client.post(url_in("uk", "cases:complaint"), {"full_name": "Olena Kovalenko", "address": ""})
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Ponaglenie" in text or "PONAGLENIE" in text.upper()
    assert "art. 37 § 1 pkt 1" in text.replace("\n", " ") or "Art. 37 § 1 pkt 1" in text
    assert "Szef Urzędu do Spraw Cudzoziemców" in text.replace("\n", " ")
    assert "WSC-II-S.6151.1234.2026" in text
    assert "Olena Kovalenko" in text
    assert "Скарга" in text or "скарг" in text  # the Ukrainian column
    assert "ą" in text or "ę" in text or "ó" in text  # Polish letters came out as text, not as missing glyphs
    assert "Не підтверджено" in text  # the same caveat travels with the PDF


def test_a_case_on_time_is_not_offered_a_complaint(client, make_case):
    make_case("filed", "review", days_apart=2)
    look_up(client)
    assert url_in("pl", "cases:complaint") not in client.get(url_in("pl", "cases:result")).content.decode()
    response = client.get(url_in("pl", "cases:complaint"))
    assert response.status_code == 302


def test_the_complaint_needs_a_lookup_first(client, db):
    assert client.get(url_in("pl", "cases:complaint")).status_code == 302

"""The PDF checklist of a guide: its text in every alphabet, its fonts, the cache, failures and the worker path."""

import io
import logging
import re
from unittest import mock

import pytest
from django.utils import dateformat, timezone, translation
from pypdf import PdfReader

from portal import pdf, tasks
from portal.celery import app as celery_app
from portal.guide_content import guide_import
from portal.models import Category, Guide
from tests.factories import PlaceFactory, url_in

pytestmark = pytest.mark.django_db


def texts(pl: str, en: str, uk: str, ru: str) -> dict[str, str]:
    return {"pl": pl, "en": en, "uk": uk, "ru": ru}


GUIDE = {
    "slug": "work-permit",
    "category": "work",
    "title": texts(
        "Zezwolenie na pobyt i pracę",
        "Residence and work permit",
        "Дозвіл на проживання й роботу",
        "Разрешение на пребывание и работу",
    ),
    "summary": texts("Jedna decyzja.", "One decision.", "Одне рішення.", "Одно решение."),
    "legal_basis": "art. 114 ust. 1 ustawy o cudzoziemcach",
    "legal_basis_explained": texts(
        "Artykuł mówi, kiedy wojewoda udziela zezwolenia.",
        "The article says when the voivode grants the permit.",
        "Стаття визначає, коли воєвода надає дозвіл.",
        "Статья определяет, когда воевода выдаёт разрешение.",
    ),
    "steps": [
        {
            "title": texts(
                "Złóż wniosek w MOS", "File the application in MOS", "Подайте заяву в MOS", "Подайте заявление в MOS"
            ),
            "body": texts("Podpisz wniosek.", "Sign the application.", "Підпишіть заяву.", "Подпишите заявление."),
        },
        {
            "title": texts(
                "Oddaj odciski palców", "Give fingerprints", "Здайте відбитки пальців", "Сдайте отпечатки пальцев"
            )
        },
    ],
    "documents": [
        {
            "name": texts(
                "Zaświadczenie o zatrudnieniu",
                "Certificate of employment",
                "Довідка про працевлаштування",
                "Справка о трудоустройстве",
            ),
            "notes": texts(
                "Zażółć gęślą jaźń.",
                "Ask your employer for it.",
                "Якщо довідка є, додайте її і копію.",
                "Если выписка есть, приложите её; это ускорит дело.",
            ),
            "form": "original_and_copy",
            "translation_needed": True,
            "issued_by": texts("Pracodawca", "Employer", "Роботодавець або ґміна", "Работодатель"),
        },
    ],
    "fees": [
        {
            "kind": "card_fee",
            "amount_pln": "100.00",
            "reduced_amount_pln": "50.00",
            "label": texts(
                "Opłata za kartę pobytu", "Residence card fee", "Плата за карту побиту", "Плата за карту побыту"
            ),
            "reduction_rule": texts("Dzieci do 16 lat.", "Children under 16.", "Діти до 16 років.", "Дети до 16 лет."),
            "account": "70 1010 1469 0000 3922 3100 0000",
            "account_holder": "Wielkopolski Urząd Wojewódzki w Poznaniu",
            "payment_title": texts("Karta pobytu", "Residence card", "Карта побиту", "Карта побыту"),
        },
    ],
    "last_reviewed": "2026-11-02",
    "next_review": "2027-05-02",
}

# What must come back out of the PDF, character for character, in each language.
EXPECTED = {
    "pl": [
        "Zezwolenie na pobyt i pracę",
        "Złóż wniosek w MOS",
        "Zaświadczenie o zatrudnieniu",
        "Zażółć gęślą jaźń",
        "Opłata za kartę pobytu",
        "Delegatura w Pile",
        "Artykuł mówi, kiedy wojewoda udziela zezwolenia.",
    ],
    "en": [
        "Residence and work permit",
        "File the application in MOS",
        "Certificate of employment",
        "Residence card fee",
        "Branch office in Piła",
        "Step by step",
        "Documents checklist",
        "sworn translation into Polish needed",
        "Account holder:",
        "Transfer title:",
        "Legal basis",
    ],
    "uk": [
        "Дозвіл на проживання й роботу",
        "Підпишіть заяву.",
        "Якщо довідка є, додайте її і копію.",
        "Роботодавець або ґміна",
        "Плата за карту побиту",
        "Філія в Пілі",
        "Стаття визначає, коли воєвода надає дозвіл.",
    ],
    "ru": [
        "Разрешение на пребывание и работу",
        "Сдайте отпечатки пальцев",
        "Если выписка есть, приложите её; это ускорит дело.",
        "Справка о трудоустройстве",
        "Плата за карту побыту",
        "Филиал в Пиле",
        "Статья определяет, когда воевода выдаёт разрешение.",
    ],
}
LETTERS = {"pl": "ąęłńóśźżćĄĘŁŃÓŚŹŻ", "uk": "їєіґ", "ru": "ыэё"}


@pytest.fixture
def guide() -> Guide:
    Category.objects.create(slug="work", name_pl="Praca")
    place = PlaceFactory(
        slug="pila",
        name_pl="Delegatura w Pile",
        name_en="Branch office in Piła",
        name_uk="Філія в Пілі",
        name_ru="Филиал в Пиле",
        street="ul. Dzieci Polskich 26",
        postal_code="64-920",
        city="Piła",
        phone="+48 61 850 87 77",
    )
    data = {**GUIDE, "title": {**GUIDE["title"], "pl": "Zezwolenie na pobyt i pracę ĄĘŁŃÓŚŹŻ"}, "places": [place.slug]}
    return guide_import(data=data)


@pytest.fixture
def worker_mode():
    """Tasks go to a broker, as with REDIS_URL set; nothing runs them unless the test does."""
    celery_app.conf.task_always_eager = False
    try:
        with mock.patch.object(tasks.render_guide_checklist, "delay") as delay:
            yield delay
    finally:
        celery_app.conf.task_always_eager = True


def checklist_url(language: str, slug: str = GUIDE["slug"]) -> str:
    return url_in(language, "guide_checklist_pdf", slug=slug)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def pdf_font_names(content: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = page["/Resources"]["/Font"]
        names |= {str(fonts[name].get_object()["/BaseFont"]) for name in fonts}
    return names


def squeezed(text: str) -> str:
    """Text without whitespace: line breaks in the PDF fall wherever the line is full."""
    return "".join(text.split())


# --- The document ---------------------------------------------------------------------------------------------


def test_checklist_is_a_pdf_download_with_an_ascii_file_name(client, guide):
    response = client.get(checklist_url("uk"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="checklist-work-permit-uk.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_checklist_text_comes_back_out_of_the_pdf_in_the_readers_language(client, guide, language):
    text = squeezed(pdf_text(client.get(checklist_url(language)).content))
    for expected in EXPECTED[language]:
        assert squeezed(expected) in text
    for letter in LETTERS.get(language, ""):
        assert letter in text
    assert squeezed(f"http://127.0.0.1:8000/{language}/guides/work-permit/") in text
    assert "art.114ust.1ustawyocudzoziemcach" in text  # the legal basis stays in Polish
    assert "7010101469000039223100000" in text
    assert "+48618508777" in text


@pytest.mark.parametrize("language", ["pl", "uk", "ru"])
def test_every_letter_is_drawn_with_dejavu_sans_and_no_fallback_font(client, guide, language):
    """A font without Cyrillic or Polish letters would show up here as a second font (or as .notdef boxes)."""
    fonts = pdf_font_names(client.get(checklist_url(language)).content)
    assert fonts
    assert all("DejaVu" in name for name in fonts), fonts
    assert any(re.search(r"DejaVu-?Sans-?Bold", name) for name in fonts)


def test_checklist_has_dates_page_numbers_and_fee_details_in_english(client, guide, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    content = client.get(checklist_url("en")).content
    assert not [record for record in caplog.records if record.name.startswith("weasyprint")]  # e.g. a lost image
    text = " ".join(pdf_text(content).split())
    pages = len(PdfReader(io.BytesIO(content)).pages)
    with translation.override("en"):
        today = dateformat.format(timezone.localdate(), "j E Y")
    assert f"Checklist prepared on {today}; last reviewed 2 November 2026" in text
    assert f"Page 1 of {pages}" in text
    assert "100 zł" in text and "Reduced amount: 50 zł" in text and "Children under 16." in text
    assert "Original and copy" in text


def test_checklist_html_is_a_standalone_document_with_a_css_tick_box_per_document(guide):
    html = pdf.guide_checklist_html(guide, "uk")
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert '<html lang="uk">' in html
    assert html.count('class="tickbox"') == 1
    assert "base.html" not in html and "site-header" not in html


# --- Cache --------------------------------------------------------------------------------------------------


def test_second_request_is_served_from_the_cache_without_rendering_again(client, guide, django_assert_num_queries):
    with mock.patch.object(pdf, "guide_checklist_pdf_bytes", wraps=pdf.guide_checklist_pdf_bytes) as render:
        first = client.get(checklist_url("uk"))
        with django_assert_num_queries(1):
            second = client.get(checklist_url("uk"))
        client.get(checklist_url("ru"))
    assert second.status_code == 200
    assert second.content == first.content
    assert [call.args[1] for call in render.call_args_list] == ["uk", "ru"]


def test_rendering_uses_a_fixed_number_of_queries_whatever_the_size_of_the_guide(
    client, guide, django_assert_num_queries
):
    with django_assert_num_queries(12):
        assert client.get(checklist_url("pl")).status_code == 200
    guide_import(
        data={**GUIDE, "steps": GUIDE["steps"] * 3, "documents": GUIDE["documents"] * 3, "fees": GUIDE["fees"] * 2}
    )
    with django_assert_num_queries(12):
        assert client.get(checklist_url("pl")).status_code == 200


def test_editing_the_guide_renders_the_checklist_again(client, guide):
    with mock.patch.object(pdf, "guide_checklist_pdf_bytes", wraps=pdf.guide_checklist_pdf_bytes) as render:
        client.get(checklist_url("uk"))
        guide.title_uk = "Дозвіл на проживання (нова редакція)"
        guide.save()
        response = client.get(checklist_url("uk"))
    assert render.call_count == 2
    assert squeezed("Дозвіл на проживання (нова редакція)") in squeezed(pdf_text(response.content))


def test_cache_key_names_the_guide_the_language_the_last_change_and_the_content_version(guide):
    from portal.text import content_version, content_version_bump

    key = pdf.checklist_cache_key(guide, "uk")
    assert key.endswith(f":{guide.pk}:uk:{guide.updated_at.isoformat()}:{content_version()}")
    content_version_bump()  # e.g. a place shown in the PDF was edited
    assert pdf.checklist_cache_key(guide, "uk") != key


# --- Failures and hidden guides -----------------------------------------------------------------------------


def test_rendering_failure_is_a_503_page_in_the_readers_language_and_is_logged(client, guide, caplog):
    caplog.set_level(logging.ERROR, logger="portal.pdf")
    with mock.patch("weasyprint.HTML.write_pdf", side_effect=RuntimeError("Pango gave up")) as write_pdf:
        response = client.get(checklist_url("en"))
        again = client.get(checklist_url("en"))
    content = response.content.decode()
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="en">' in content
    assert "We could not prepare the PDF right now. The guide page still works; try again in a few minutes." in content
    assert 'href="/en/guides/work-permit/"' in content
    [record] = [record for record in caplog.records if record.name == "portal.pdf"]
    assert record.exc_info is not None
    assert record.getMessage() == f"Checklist PDF of guide {guide.pk} in en could not be rendered"
    # Clicking again at once does not hammer WeasyPrint: the failure is remembered for a moment.
    assert again.status_code == 503
    assert write_pdf.call_count == 1


def test_rendering_failure_page_is_served_in_ukrainian_to_ukrainian_readers(client, guide):
    with mock.patch("weasyprint.HTML.write_pdf", side_effect=RuntimeError("Pango gave up")):
        response = client.get(checklist_url("uk"))
    assert response.status_code == 503
    assert '<html lang="uk">' in response.content.decode()
    assert 'href="/uk/guides/work-permit/"' in response.content.decode()


def test_unknown_and_draft_guides_are_404(client, guide):
    Guide.objects.filter(pk=guide.pk).update(status=Guide.Status.DRAFT)
    with mock.patch.object(pdf, "guide_checklist_pdf_bytes") as render:
        for slug in ("work-permit", "no-such-guide"):
            response = client.get(checklist_url("uk", slug))
            assert response.status_code == 404
            assert 'lang="uk"' in response.content.decode()
    render.assert_not_called()


def test_only_get_is_allowed(client, guide):
    assert client.post(checklist_url("en")).status_code == 405


# --- With a worker ------------------------------------------------------------------------------------------


def test_with_a_worker_the_reader_is_asked_to_wait_and_the_task_is_queued_once(client, guide, worker_mode):
    first = client.get(checklist_url("en"))
    second = client.get(checklist_url("en"))
    content = first.content.decode()
    assert first.status_code == 202
    assert "Your checklist is being prepared" in content
    assert 'http-equiv="refresh"' not in content  # no timed refresh (WCAG 2.2.1); the button asks again
    assert 'href="/en/guides/work-permit/checklist.pdf"' in content
    assert second.status_code == 202
    worker_mode.assert_called_once_with(guide.pk, "en")


def test_with_a_worker_the_pdf_is_served_once_the_task_has_run(client, guide, worker_mode):
    client.get(checklist_url("uk"))
    assert tasks.render_guide_checklist(guide.pk, "uk") == "rendered"
    response = client.get(checklist_url("uk"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert squeezed("Дозвіл на проживання й роботу") in squeezed(pdf_text(response.content))


def test_with_a_worker_that_never_comes_the_reader_is_told_to_try_later(client, guide, worker_mode, caplog):
    client.get(checklist_url("en"))
    with mock.patch("portal.pdf.time.time", return_value=pdf.time.time() + pdf.QUEUE_PATIENCE_SECONDS + 1):
        response = client.get(checklist_url("en"))
    assert response.status_code == 503
    assert "try again in a few minutes" in response.content.decode()
    assert any("is overdue" in record.getMessage() for record in caplog.records)
    worker_mode.assert_called_once()


def test_with_a_worker_a_failed_rendering_is_a_503_page(client, guide, worker_mode):
    client.get(checklist_url("en"))
    with mock.patch("weasyprint.HTML.write_pdf", side_effect=RuntimeError("Pango gave up")):
        assert tasks.render_guide_checklist(guide.pk, "en") == "failed"
    assert client.get(checklist_url("en")).status_code == 503


def test_task_renders_once_and_skips_guides_that_are_gone(guide):
    assert tasks.render_guide_checklist.delay(guide.pk, "ru").get() == "rendered"
    assert pdf.checklist_cached(guide, "ru").startswith(b"%PDF-")
    assert tasks.render_guide_checklist.delay(guide.pk, "ru").get() == "cached"
    assert tasks.render_guide_checklist.delay(guide.pk, "xx").get() == "unknown language"
    Guide.objects.filter(pk=guide.pk).update(status=Guide.Status.DRAFT)
    assert tasks.render_guide_checklist.delay(guide.pk, "pl").get() == "gone"
    assert tasks.render_guide_checklist.delay(guide.pk + 1000, "pl").get() == "gone"


def test_page_counter_follows_the_translations_word_order_and_cannot_break_out_of_the_css_string():
    with mock.patch("portal.pdf.gettext", return_value='%(pages)s: "%(page)s"</style>'):
        assert pdf._page_counter_css() == 'counter(pages) ": \\22 " counter(page) "\\22 \\3c /style\\3e "'

"""The public web form at /<lang>/ask/ and the private page of the signed link."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from infopoints import services
from infopoints.models import Enquiry, SuggestionOpen
from infopoints.selectors import enquiry_link_token
from portal.models import Category
from tests.factories import make_guide, url_in
from tests.infopoints.enquiry_helpers import PDF, coordinator, media_in_tmp, web_enquiry  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return make_guide()


def step_two(client, question="Jak złożyć wniosek o zezwolenie na pobyt czasowy i pracę?"):
    return client.post(url_in("pl", "ask"), {"step": "1", "question": question, "draft": "a" * 32})


def test_first_step_without_javascript_lists_the_suggestions_and_the_rest_of_the_form(client, guide):
    response = step_two(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"/pl/ask/open/guide/{guide.pk}/?d=" in html
    assert 'name="email"' in html and 'name="topic"' in html and 'name="website"' in html
    assert 'name="suggestions_shown" value="1"' in html


def test_suggestions_fragment_answers_htmx_while_typing(client, guide):
    response = client.get(url_in("pl", "ask_suggestions"), {"question": "pobyt czasowy praca", "draft": "b" * 32},
                          HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.content.decode() and f"/open/guide/{guide.pk}/" in response.content.decode()


def test_opening_a_suggestion_is_counted_and_redirects_to_the_guide(client, guide):
    response = client.get(url_in("pl", "ask_open", kind="guide", pk=guide.pk) + "?d=" + "c" * 32)
    assert response.status_code == 302 and response.url == guide.get_absolute_url()
    assert SuggestionOpen.objects.get().question_sent is False


def test_opening_a_suggested_faq_entry_is_counted_and_redirects_to_it_and_other_kinds_are_not_found(client):
    from tests.portal.test_faq import make_entry

    entry = make_entry("collecting-the-card")
    response = client.get(url_in("pl", "ask_open", kind="faq", pk=entry.pk) + "?d=" + "e" * 32)
    assert response.status_code == 302 and response.url == entry.get_absolute_url()
    assert SuggestionOpen.objects.get().faq_id == entry.pk
    assert client.get(url_in("pl", "ask_open", kind="page", pk=entry.pk)).status_code == 404
    draft = make_entry("draft-entry", status=entry.Status.DRAFT)
    assert client.get(url_in("pl", "ask_open", kind="faq", pk=draft.pk)).status_code == 404


def test_sending_the_question_marks_the_opened_suggestions_as_followed_by_a_question(client, guide):
    client.get(url_in("pl", "ask_open", kind="guide", pk=guide.pk) + "?d=" + "d" * 32)
    topic = Category.objects.first()
    response = client.post(url_in("pl", "ask"), {
        "step": "2", "question": "Mam pytanie o pobyt czasowy i pracę.", "draft": "d" * 32, "topic": str(topic.pk),
        "email": "anna@example.org", "suggestions_shown": "1", "website": "",
        "files": [SimpleUploadedFile("scan.pdf", PDF, "application/pdf")],
    })
    assert response.status_code == 302 and response.url == url_in("pl", "ask_sent")
    enquiry = Enquiry.objects.get()
    assert enquiry.topic == topic and enquiry.suggestions_shown == 1
    assert SuggestionOpen.objects.get().question_sent is True
    page = client.get(response.url).content.decode()
    assert enquiry.reference in page


def test_a_disguised_attachment_is_refused_with_a_clear_message(client):
    response = client.post(url_in("en", "ask"), {
        "step": "2", "question": "A question about my residence card.", "draft": "e" * 32, "topic": "other",
        "email": "anna@example.org",
        "files": [SimpleUploadedFile("photo.png", b"GIF89a not allowed", "image/png")],
    })
    assert response.status_code == 400
    assert "is not a PDF, JPEG or PNG file" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_too_many_questions_from_one_address_get_429(client, settings):
    settings.ENQUIRY_WEB_PER_HOUR = 1
    data = {"step": "2", "question": "A question about my residence card.", "draft": "f" * 32, "topic": "other",
            "email": "anna@example.org"}
    assert client.post(url_in("en", "ask"), data).status_code == 302
    response = client.post(url_in("en", "ask"), data)
    assert response.status_code == 429 and "try again in an hour" in response.content.decode()


def test_empty_question_is_refused_at_the_first_step(client):
    response = client.post(url_in("en", "ask"), {"step": "1", "question": "", "draft": ""})
    assert response.status_code == 400


def test_private_page_shows_answers_but_not_internal_notes_and_takes_a_reply(client):
    enquiry = web_enquiry()
    user = coordinator()
    services.enquiry_reply(user=user, enquiry_id=enquiry.pk, body="Nasza odpowiedź", wait_for_person=True)
    services.enquiry_note_add(user=user, enquiry_id=enquiry.pk, body="Tajna notatka")
    url = url_in("uk", "ask_thread", token=enquiry_link_token(enquiry))
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and "Nasza odpowiedź" in html and "Tajna notatka" not in html
    assert page["Referrer-Policy"] == "same-origin"  # the token never leaves the site in a Referer
    response = client.post(url, {"body": "Дякую, надсилаю скан."})
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == "in_progress"


def test_the_confirmation_link_opens_the_private_page(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        web_enquiry()
    # Once sent, the outbox keeps no text (the link is a secret): read the message as it was sent.
    (sent,) = mail.outbox
    body = sent.body
    path = re.search(r"http://[^/]+(/uk/ask/[^\s]+/)", body).group(1)
    assert client.get(path).status_code == 200


def test_a_tampered_link_says_so_without_an_error(client):
    enquiry = web_enquiry()
    token = enquiry_link_token(enquiry)
    response = client.get(url_in("en", "ask_thread", token=token[:-3] + "abc"))
    assert response.status_code == 404 and "incomplete or has been changed" in response.content.decode()


def test_a_link_to_an_erased_enquiry_says_the_messages_were_deleted(client, settings):
    enquiry = web_enquiry()
    token = enquiry_link_token(enquiry)
    services.enquiry_status_set(user=coordinator(), enquiry_id=enquiry.pk, status="closed")
    services.enquiries_erase_closed(now=timezone.now() + timezone.timedelta(days=settings.ENQUIRY_RETENTION_DAYS + 1))
    response = client.get(url_in("en", "ask_thread", token=token))
    assert response.status_code == 410 and "deleted" in response.content.decode()
    assert client.post(url_in("en", "ask_thread", token=token), {"body": "hello"}).status_code == 410


def test_an_oversized_file_is_refused_and_the_form_states_the_limits(client, settings):
    settings.ENQUIRY_ATTACHMENT_MAX_BYTES = 1024 * 1024
    form = client.post(url_in("en", "ask"), {"step": "1", "question": "A question about cards", "draft": "a" * 32})
    assert "Up to 3 files, PDF, JPEG or PNG, at most 1 MB each." in form.content.decode()
    response = client.post(url_in("en", "ask"), {
        "step": "2", "question": "A question about my residence card.", "draft": "g" * 32, "topic": "other",
        "email": "anna@example.org",
        "files": [SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024), "application/pdf")],
    })
    assert response.status_code == 400 and "is larger than 1 MB" in response.content.decode()
    assert not Enquiry.objects.exists()

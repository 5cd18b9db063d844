"""The admin of the enquiry desk: enquiries read-only with their audit trail, canned answers in four languages."""

import pytest
from django.urls import reverse
from django.utils import translation

from infopoints.models import CannedAnswer
from portal import roles
from tests.factories import UserFactory
from tests.infopoints.enquiry_helpers import coordinator, media_in_tmp, web_enquiry  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    translation.activate("en")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def test_coordinators_read_an_enquiry_with_its_audit_trail_but_cannot_change_or_delete_it(client):
    enquiry = web_enquiry()
    client.force_login(coordinator())
    page = client.get(reverse("admin:infopoints_enquiry_change", args=[enquiry.pk]))
    assert page.status_code == 200
    assert "enquiry.open" in page.content.decode()
    assert client.get(reverse("admin:infopoints_enquiry_delete", args=[enquiry.pk])).status_code == 403
    assert client.get(reverse("admin:infopoints_enquiry_add")).status_code == 403


def test_editors_write_canned_answers_in_four_languages(client):
    client.force_login(UserFactory(role=roles.CONTENT_EDITOR, with_totp=True))
    response = client.post(reverse("admin:infopoints_cannedanswer_add"), {
        "title_pl": "Opłata", "title_en": "Fee", "title_uk": "Збір", "title_ru": "Сбор",
        "body_pl": "Tekst", "body_en": "Text", "body_uk": "Текст", "body_ru": "Текст",
        "is_active": "on", "order": "0",
    })
    assert response.status_code == 302
    assert CannedAnswer.objects.get().body_uk == "Текст"


def test_consultants_cannot_edit_canned_answers(client):
    client.force_login(UserFactory(role=roles.HOTLINE_CONSULTANT, with_totp=True))
    assert client.get(reverse("admin:infopoints_cannedanswer_add")).status_code == 403

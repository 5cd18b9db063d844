"""Helpers shared by the enquiry desk's tests (plain functions, so the queue's tests stay independent)."""

from dataclasses import dataclass, field

import pytest

from portal import roles
from tests.factories import PlaceFactory, UserFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def consultant(**kwargs):
    return UserFactory(role=roles.HOTLINE_CONSULTANT, with_totp=True, **kwargs)


def place_staff(place=None, **kwargs):
    user = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True, **kwargs)
    user.places.add(place or PlaceFactory())
    return user


def coordinator(**kwargs):
    return UserFactory(role=roles.COORDINATOR, with_totp=True, **kwargs)


@dataclass
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass
class Mail:
    """Shaped like infopoints.mail_intake.ParsedEmail (written by the e-mail intake)."""

    message_id: str = "<m1@example.org>"
    in_reply_to: str = ""
    references: list = field(default_factory=list)
    from_address: str = "olena@example.org"
    from_name: str = "Olena"
    subject: str = "Pytanie o kartę pobytu"
    text: str = "Dzień dobry, kiedy odbiorę kartę pobytu?"
    language_hint: str = "pl"
    attachments: list = field(default_factory=list)


def web_enquiry(**overrides):
    from infopoints.services import enquiry_submit_web

    data = {
        "language": "uk",
        "question": "Коли я отримаю карту побиту?",
        "email": "olena@example.org",
        "client_key": "127.0.0.1",
    }
    data.update(overrides)
    return enquiry_submit_web(**data).enquiry


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Attachments are written under a temporary MEDIA_ROOT (import this fixture into a test module)."""
    settings.MEDIA_ROOT = tmp_path / "media"

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from portal import roles
from portal.models import Place
from tests.factories import PASSWORD, TOTP_SECRET, PlaceFactory, UserFactory, url_in

pytestmark = pytest.mark.django_db


def current_code() -> str:
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


def log_in(client, user, *, code: str | None = None):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    if code is not None:
        response = client.post(reverse("mfa_authenticate"), {"code": code})
    return response


def test_every_role_exists_as_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_ROLES)


def test_staff_without_totp_is_sent_to_set_it_up_before_any_staff_page(client):
    user = UserFactory(role=roles.CASE_OFFICER)
    client.force_login(user)
    for url in (reverse("staff_home"), reverse("admin:index"), reverse("admin:portal_place_changelist")):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == reverse("mfa_activate_totp")


def test_first_login_leads_to_totp_setup_which_is_reachable_without_totp(client):
    response = log_in(client, UserFactory())
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    # allauth asks for the password once more before enrolling a factor; that page must stay reachable too.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))
    response = client.post(response.url, {"password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_login_asks_for_the_second_factor_and_then_opens_the_staff_page(client):
    user = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    response = log_in(client, user)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("staff_home")).status_code == 302  # not signed in yet

    response = client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert response.status_code == 302
    assert client.get(reverse("staff_home")).status_code == 200


def test_wrong_second_factor_code_keeps_the_person_out(client):
    user = UserFactory(with_totp=True)
    log_in(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000" if current_code() != "000000" else "111111"})
    assert response.status_code == 200
    assert client.get(reverse("staff_home")).status_code == 302


def test_admin_login_goes_through_allauth_so_mfa_applies(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_repeated_failed_logins_are_rate_limited_with_a_clear_message(client):
    user = UserFactory(with_totp=True)
    url = url_in("en", "account_login")
    for _attempt in range(5):
        client.post(url, {"login": user.email, "password": "wrong password"})
    response = client.post(url, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get(reverse("staff_home")).status_code == 302


def test_rate_limit_message_is_in_the_readers_language(client):
    user = UserFactory(with_totp=True)
    url = url_in("uk", "account_login")
    for _attempt in range(6):
        response = client.post(url, {"login": user.email, "password": "wrong password"})
    assert "Занадто багато невдалих спроб входу" in response.content.decode()
    assert 'lang="uk"' in response.content.decode()


def test_nobody_can_sign_up(client):
    response = client.post(
        reverse("account_signup"), {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 200
    assert not Place.objects.exists()
    from portal.models import User

    assert not User.objects.filter(email="new@example.org").exists()


def test_content_editor_may_edit_places_but_not_staff_accounts(client):
    editor = UserFactory(role=roles.CONTENT_EDITOR, with_totp=True)
    place = PlaceFactory()
    client.force_login(editor)
    assert client.get(reverse("admin:portal_place_change", args=[place.pk])).status_code == 200
    assert client.get(reverse("admin:portal_user_changelist")).status_code == 403


def test_case_officer_may_view_places_but_not_change_them(client):
    officer = UserFactory(role=roles.CASE_OFFICER, with_totp=True)
    place = PlaceFactory()
    client.force_login(officer)
    response = client.get(reverse("admin:portal_place_change", args=[place.pk]))
    assert response.status_code == 200
    assert b'name="_save"' not in response.content
    assert client.post(reverse("admin:portal_place_change", args=[place.pk]), {}).status_code == 403


def test_administrator_manages_staff_accounts(client):
    client.force_login(UserFactory(role=roles.ADMINISTRATOR, with_totp=True))
    assert client.get(reverse("admin:portal_user_changelist")).status_code == 200


def test_staff_page_lists_roles_and_places(client):
    user = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True)
    place = PlaceFactory(name_pl="Welcome Center UAM")
    user.places.add(place)
    client.force_login(user)
    content = client.get(reverse("staff_home")).content.decode()
    assert roles.role_label(roles.INFO_POINT_STAFF) in content  # in the page's language (Polish here)
    assert "Welcome Center UAM" in content


def test_password_reset_for_an_unknown_address_sends_nothing(client, django_capture_on_commit_callbacks):
    from portal.models import OutboundEmail

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "stranger@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
    assert not OutboundEmail.objects.exists()


def test_password_reset_mail_goes_through_the_outbox_and_its_link_is_not_kept(
    client, settings, django_capture_on_commit_callbacks
):
    from portal.models import OutboundEmail

    settings.EMAIL_PER_RECIPIENT_PER_HOUR = 2
    user = UserFactory(email="officer@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        for _attempt in range(3):
            client.post(reverse("account_reset_password"), {"email": user.email})
    assert len(mail.outbox) == 2 and "/password/reset/key/" in mail.outbox[0].body
    statuses = sorted(OutboundEmail.objects.values_list("status", flat=True))
    assert statuses == ["sent", "sent", "suppressed"]
    assert not OutboundEmail.objects.exclude(body_text="").exists()

"""Registered office devices share the office's public address with strangers: the per-address limits, meant for
strangers, do not throttle a kiosk or a display, while a stranger on the same address is still limited."""

import pytest
from django.test import Client, RequestFactory

from infopoints import services
from infopoints.models import Device
from infopoints.views_devices import COOKIE
from portal import ratelimit
from portal.selectors import client_address
from tests.cases.conftest import make_case, procedures, statuses  # noqa: F401 (fixtures)
from tests.factories import url_in
from tests.infopoints.conftest import make_device
from tests.infopoints.test_queue_pages import enrolled_client

pytestmark = pytest.mark.django_db

OFFICE = "198.51.100.20"  # the office's one public address, shared by its kiosks and its visitors' phones


def look_up(client: Client):
    return client.post(
        url_in("en", "cases:lookup"),
        {"number": "WSC-II-S.6151.1234.2026", "access_code": "K7PX3-MQAB9"},
        REMOTE_ADDR=OFFICE,
    )


@pytest.fixture
def office_kiosk(place):
    """A kiosk at the place the test cases are handled at."""
    return make_device(place)


def test_a_kiosk_is_not_throttled_by_the_address_limit_and_a_stranger_on_its_address_is(
    office_kiosk, make_case, settings  # noqa: F811
):
    make_case()
    kiosk = office_kiosk
    kiosk_browser = enrolled_client(kiosk)
    for _ in range(settings.CASE_LOOKUPS_PER_MINUTE + 3):
        assert look_up(kiosk_browser).status_code == 302
    stranger = Client()
    for _ in range(settings.CASE_LOOKUPS_PER_MINUTE):
        assert look_up(stranger).status_code == 302  # the kiosk's lookups were not counted against the address
    assert look_up(stranger).status_code == 429
    assert look_up(kiosk_browser).status_code == 302  # and the stranger's limit does not stop the kiosk


def test_a_revoked_device_is_limited_like_a_stranger(
    office_kiosk, make_case, settings, django_user_model  # noqa: F811
):
    make_case()
    kiosk = office_kiosk
    kiosk_browser = enrolled_client(kiosk)
    services.device_revoke(device_id=kiosk.pk, user=django_user_model.objects.create(email="admin@example.org"))
    for _ in range(settings.CASE_LOOKUPS_PER_MINUTE):
        look_up(kiosk_browser)
    assert look_up(kiosk_browser).status_code == 429


def test_a_made_up_device_cookie_counts_as_a_stranger(kiosk):
    request = RequestFactory().get("/", REMOTE_ADDR=OFFICE)
    request.COOKIES[COOKIE] = f"{kiosk.pk}:{kiosk.secret_version}"  # right content, no signature
    assert client_address(request) == OFFICE
    assert not isinstance(client_address(request), ratelimit.DeviceClient)


def test_an_enrolled_device_is_answered_by_its_own_key_not_the_address(kiosk):
    browser = enrolled_client(kiosk)
    request = RequestFactory().get("/", REMOTE_ADDR=OFFICE)
    request.COOKIES[COOKIE] = browser.cookies[COOKIE].value
    key = client_address(request)
    assert isinstance(key, ratelimit.DeviceClient) and OFFICE not in key
    assert ratelimit.client_bucket(key) is key
    assert not any(ratelimit.hit("test-scope", key, limit=1, window=60) for _ in range(5))
    assert not ratelimit.hit("test-scope", ("case-hash", key), limit=0, window=60)
    assert ratelimit.hit("test-scope", OFFICE, limit=0, window=60)


def test_a_display_is_an_office_device_too(queue_place):
    display = Device.objects.create(place=queue_place, kind=Device.Kind.DISPLAY, name="hall")
    display = services.device_enrol(token=services.device_enrolment_token(display))
    browser = enrolled_client(display)
    request = RequestFactory().get("/", REMOTE_ADDR=OFFICE)
    request.COOKIES[COOKIE] = browser.cookies[COOKIE].value
    assert isinstance(client_address(request), ratelimit.DeviceClient)

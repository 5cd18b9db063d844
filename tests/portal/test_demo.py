import io

import pytest
from django.core.management import CommandError, call_command

from portal import roles
from portal.models import OpeningHours, Place, User
from tests.factories import has_totp

pytestmark = pytest.mark.django_db


def test_demo_data_creates_the_seven_places_and_one_enrolled_user_per_role_and_can_run_twice(settings):
    settings.DEBUG = True
    for _run in range(2):
        out = io.StringIO()
        call_command("load_demo", stdout=out)
    assert Place.objects.count() == 7
    assert set(Place.objects.values_list("kind", flat=True)) == set(Place.Kind.values)
    assert OpeningHours.objects.filter(place__slug="poznan-foreigners-department").exists()
    assert all(place.name_uk and place.name_ru and place.name_en for place in Place.objects.all())
    staff = User.objects.all()
    assert sorted(user.groups.get().name for user in staff) == sorted(roles.ALL_ROLES)
    assert all(has_totp(user) for user in staff)
    assert "admin@demo.kierunek.invalid" in out.getvalue()


def test_demo_data_refuses_to_run_in_production_mode(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.exists()

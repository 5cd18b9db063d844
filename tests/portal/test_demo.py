import io

import pytest
from django.core.management import CommandError, call_command

from portal import roles
from portal.models import OpeningHours, Place, User
from tests.factories import has_totp

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("short_demo_history")]


def test_demo_data_creates_the_seven_places_and_enrolled_users_of_every_role_and_can_run_twice(settings):
    settings.DEBUG = True
    for _run in range(2):
        out = io.StringIO()
        call_command("load_demo", stdout=out)
    assert Place.objects.count() == 7
    assert set(Place.objects.values_list("kind", flat=True)) == set(Place.Kind.values)
    assert OpeningHours.objects.filter(place__slug="poznan-foreigners-department").exists()
    assert all(place.name_uk and place.name_ru and place.name_en for place in Place.objects.all())
    staff = User.objects.all()
    assert {user.groups.get().name for user in staff} == set(roles.ALL_ROLES)
    assert all(has_totp(user) for user in staff)
    assert "admin@demo.kierunek.invalid" in out.getvalue()


def test_demo_data_gives_every_place_an_info_point_account_and_coordinators_every_day(settings):
    from appointments.selectors import places_for_staff

    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    info_point_staff = User.objects.filter(groups__name=roles.INFO_POINT_STAFF)
    for place in Place.objects.all():
        assert info_point_staff.filter(places=place).exists(), place.slug
    for email in ["koordynator@demo.kierunek.invalid", "admin@demo.kierunek.invalid"]:
        user = User.objects.get(email=email)
        assert set(places_for_staff(user)) == set(Place.objects.all()), email
    kalisz = User.objects.get(email="punkt.kalisz@demo.kierunek.invalid")
    assert [place.slug for place in places_for_staff(kalisz)] == ["kalisz-branch-office"]


def test_demo_data_refuses_to_run_in_production_mode(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.exists()


def test_demo_information_site_notices_faq_fees_and_partners(settings):
    from portal import selectors
    from portal.models import FaqEntry, Guide, GuideFee, Notice, Partner

    settings.DEBUG = True
    for _run in range(2):
        call_command("load_demo", stdout=io.StringIO())
    notices = Notice.objects.all()
    assert notices.count() >= 12
    assert len(selectors.notices_urgent_in_force()) == 2
    assert selectors.notices_public().count() == notices.count() - 1  # one is scheduled in the future
    assert all(notice.title_uk and notice.title_ru and notice.summary_en for notice in notices)
    entries = FaqEntry.objects.filter(status=FaqEntry.Status.PUBLISHED)
    assert entries.count() >= 30
    assert all(entry.question_uk and entry.answer_ru and entry.answer_en for entry in entries)
    assert all(entry.question_uk != entry.question_ru for entry in entries)  # two languages, not one copied
    free_of_charge = {"international-protection", "before-you-apply"}  # nothing is paid to any office
    assert all(guide.fees.exists() for guide in Guide.objects.exclude(slug__in=free_of_charge))
    assert not GuideFee.objects.filter(guide__slug__in=free_of_charge).exists()
    assert all(fee.account and fee.payment_title_pl for fee in GuideFee.objects.all())
    partners = Partner.objects.filter(is_published=True)
    assert partners.count() >= 10
    assert all(partner.is_illustrative for partner in partners)  # none is presented as a real institution

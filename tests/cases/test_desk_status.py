"""What desk and helpline staff see of a case a visitor names: scoped to their places, same answer otherwise."""

import pytest

from cases.selectors import case_status_for_staff
from portal.roles import CONTENT_EDITOR, HOTLINE_CONSULTANT, INFO_POINT_STAFF
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_info_point_staff_of_the_case_place_see_its_status_typed_any_way(make_case, place):
    case = make_case("filed", "review")
    desk = UserFactory(role=INFO_POINT_STAFF)
    desk.places.add(place)
    seen = case_status_for_staff(user=desk, number=" wsc ii s 6151 1234 2026 ")
    assert seen is not None and seen.case_id == case.pk and seen.status == case.status.name


def test_a_case_at_another_place_looks_exactly_like_an_unknown_one(make_case):
    make_case("filed")
    desk = UserFactory(role=HOTLINE_CONSULTANT)
    desk.places.add(PlaceFactory())
    assert case_status_for_staff(user=desk, number="WSC-II-S.6151.1234.2026") is None
    assert case_status_for_staff(user=desk, number="WSC-II-S.6151.9999.2026") is None


def test_staff_without_the_desk_permission_see_nothing(make_case, place):
    make_case("filed")
    editor = UserFactory(role=CONTENT_EDITOR)
    editor.places.add(place)
    assert case_status_for_staff(user=editor, number="WSC-II-S.6151.1234.2026") is None


def test_the_lookup_is_one_query(make_case, place, django_assert_num_queries):
    make_case("filed", "review")
    desk = UserFactory(role=INFO_POINT_STAFF)
    desk.places.add(place)
    desk = type(desk).objects.get(pk=desk.pk)
    desk.has_perm("cases.view_case")  # permissions are cached on the user after the first check
    with django_assert_num_queries(1):
        assert case_status_for_staff(user=desk, number="WSC-II-S.6151.1234.2026") is not None

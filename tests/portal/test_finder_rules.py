"""The rules of "Which permit fits me?", one test per rule; plain Python, no database."""

import itertools
from datetime import date, timedelta

import pytest
from django.utils import translation
from django.utils.functional import Promise

from portal import finder
from portal.finder import Answers, Citizenship, FamilyTie, Purpose, StayBasis, recommend

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def in_english():
    """The rules' messages are lazily translated; these tests read their English source text."""
    with translation.override("en"):
        yield


def answers(**overrides) -> Answers:
    """A citizen of a third country on a visa that ends well in the future, new in Poland, with no family tie."""
    values = {
        "citizenship": Citizenship.OTHER,
        "purpose": Purpose.WORK,
        "current_basis": StayBasis.VISA,
        "stay_ends": TODAY + timedelta(days=200),
        "years_in_poland": 0,
        "family_tie": FamilyTie.NONE,
    }
    return Answers(**(values | overrides))


def slugs(**overrides) -> list[str]:
    return recommend(answers(**overrides), TODAY).slugs


def warnings(**overrides) -> tuple:
    return recommend(answers(**overrides), TODAY).warnings


def test_citizens_of_the_eu_eea_and_switzerland_are_told_to_register_and_get_no_permit_guide():
    result = recommend(answers(citizenship=Citizenship.EU, current_basis=StayBasis.NONE, stay_ends=None), TODAY)
    assert result.items == ()
    assert result.warnings == (finder.WARNING_EU_CITIZEN,)
    assert "register your residence" in str(result.warnings[0])


def test_ukrainian_with_temporary_protection_is_sent_to_the_ukraine_guide_first_and_then_to_the_purpose_guide():
    result = recommend(
        answers(citizenship=Citizenship.UKRAINE, current_basis=StayBasis.TEMPORARY_PROTECTION, stay_ends=None), TODAY
    )
    assert result.slugs == ["ukrainian-citizens", "temporary-residence-work"]
    assert "CUKR" in str(result.items[0].reason) and "4 March 2027" in str(result.items[0].reason)


def test_temporary_protection_always_warns_that_it_ends_on_4_march_2027():
    result_warnings = warnings(current_basis=StayBasis.TEMPORARY_PROTECTION, stay_ends=None)
    assert finder.WARNING_TEMPORARY_PROTECTION_ENDS in result_warnings
    assert "4 March 2027" in str(finder.WARNING_TEMPORARY_PROTECTION_ENDS)


def test_ukrainian_without_protection_is_told_temporary_protection_may_still_be_open():
    result = recommend(answers(citizenship=Citizenship.UKRAINE, current_basis=StayBasis.VISA_FREE), TODAY)
    assert result.items[0] == ("ukrainian-citizens", finder.REASON_UKRAINIAN_WITHOUT_PROTECTION)
    assert slugs(citizenship=Citizenship.UKRAINE, current_basis=StayBasis.TEMPORARY_RESIDENCE) == [
        "temporary-residence-work"
    ]


def test_work_leads_to_the_temporary_residence_and_work_permit():
    assert slugs(purpose=Purpose.WORK) == ["temporary-residence-work"]


def test_highly_qualified_work_leads_to_the_eu_blue_card_with_the_work_permit_as_the_alternative():
    result = recommend(answers(purpose=Purpose.HIGHLY_QUALIFIED_WORK), TODAY)
    assert result.items == (
        ("eu-blue-card", finder.REASON_BLUE_CARD),
        ("temporary-residence-work", finder.REASON_WORK_AS_ALTERNATIVE),
    )


def test_studies_lead_to_the_permit_for_studies():
    assert slugs(purpose=Purpose.STUDIES) == ["temporary-residence-studies"]


def test_family_of_a_foreigner_living_in_poland_leads_to_family_reunification():
    assert slugs(purpose=Purpose.FAMILY, family_tie=FamilyTie.FOREIGNER) == ["family-reunification"]
    assert slugs(purpose=Purpose.FAMILY, family_tie=FamilyTie.NONE) == ["family-reunification"]


def test_family_of_a_polish_citizen_is_not_sent_to_family_reunification_but_told_of_their_own_procedure():
    result = recommend(answers(purpose=Purpose.FAMILY, family_tie=FamilyTie.POLISH_CITIZEN), TODAY)
    assert "family-reunification" not in result.slugs
    assert finder.WARNING_FAMILY_OF_POLISH_CITIZEN in result.warnings
    assert result.needs_advice


def test_family_of_an_eu_citizen_is_told_that_the_eu_rules_may_be_easier():
    result = recommend(answers(purpose=Purpose.FAMILY, family_tie=FamilyTie.EU_CITIZEN), TODAY)
    assert "family-reunification" not in result.slugs
    assert finder.WARNING_FAMILY_OF_EU_CITIZEN in result.warnings
    assert result.needs_advice


def test_business_leads_to_the_permit_for_business():
    assert slugs(purpose=Purpose.BUSINESS) == ["temporary-residence-business"]


def test_another_purpose_gets_no_guide_but_advice_from_our_places():
    result = recommend(answers(purpose=Purpose.OTHER), TODAY)
    assert result.items == ()
    assert result.warnings == (finder.WARNING_OTHER_PURPOSE,)
    assert result.needs_advice


def test_five_years_of_legal_residence_suggest_eu_long_term_residence_and_say_that_conditions_apply():
    result = recommend(answers(years_in_poland=5), TODAY)
    assert result.slugs == ["temporary-residence-work", "eu-long-term-residence"]
    assert "Conditions apply" in str(result.items[1].reason)
    assert "eu-long-term-residence" not in slugs(years_in_poland=4)


def test_a_stay_on_temporary_protection_does_not_lead_to_eu_long_term_residence():
    assert "eu-long-term-residence" not in slugs(years_in_poland=5, current_basis=StayBasis.TEMPORARY_PROTECTION)


def test_husband_wife_or_child_of_a_polish_citizen_may_qualify_for_permanent_residence():
    result = recommend(answers(family_tie=FamilyTie.POLISH_CITIZEN, current_basis=StayBasis.TEMPORARY_RESIDENCE), TODAY)
    assert "permanent-residence" in result.slugs
    reason = str(dict(result.items)["permanent-residence"])
    assert "may qualify" in reason and "3 years" in reason and "2 years" in reason
    assert "permanent-residence" not in slugs(family_tie=FamilyTie.FOREIGNER, years_in_poland=10)


def test_holder_of_a_permit_with_no_time_limit_needs_only_a_new_card():
    result = recommend(answers(current_basis=StayBasis.PERMANENT, years_in_poland=8, stay_ends=None), TODAY)
    assert result.slugs == ["residence-card-replacement"]
    assert result.warnings == ()


def test_holder_of_a_permanent_permit_can_be_joined_by_family():
    assert slugs(current_basis=StayBasis.PERMANENT, purpose=Purpose.FAMILY) == [
        "family-reunification",
        "residence-card-replacement",
    ]


@pytest.mark.parametrize("days_left", [0, 1, 30])
def test_stay_ending_within_30_days_warns_to_apply_in_mos_while_the_stay_is_legal(days_left):
    result_warnings = warnings(stay_ends=TODAY + timedelta(days=days_left))
    assert result_warnings == (finder.WARNING_STAY_ENDS_SOON,)
    assert "MOS" in str(result_warnings[0])


def test_stay_ending_in_more_than_30_days_or_unknown_gives_no_deadline_warning():
    assert warnings(stay_ends=TODAY + timedelta(days=31)) == ()
    assert warnings(stay_ends=None) == ()


def test_stay_that_already_ended_warns_it_may_be_illegal_and_sends_for_advice():
    result = recommend(answers(stay_ends=TODAY - timedelta(days=1)), TODAY)
    assert result.warnings == (finder.WARNING_STAY_ENDED,)
    assert result.needs_advice


def test_temporary_protection_deadline_counts_from_4_march_2027_whatever_date_is_given():
    near_the_end = date(2027, 2, 20)
    protection = {"current_basis": StayBasis.TEMPORARY_PROTECTION}
    assert finder.WARNING_STAY_ENDS_SOON in recommend(answers(**protection, stay_ends=None), near_the_end).warnings
    late_date = answers(**protection, stay_ends=date(2030, 1, 1))
    assert finder.WARNING_STAY_ENDED in recommend(late_date, date(2027, 3, 5)).warnings


def test_permanent_permit_has_no_deadline_even_if_the_card_date_has_passed():
    result = recommend(answers(current_basis=StayBasis.PERMANENT, stay_ends=TODAY - timedelta(days=3)), TODAY)
    assert result.warnings == ()


def test_no_legal_basis_warns_to_seek_advice():
    result = recommend(answers(current_basis=StayBasis.NONE, stay_ends=None), TODAY)
    assert finder.WARNING_NO_LEGAL_BASIS in result.warnings
    assert result.needs_advice


def test_answers_that_match_no_guide_send_the_person_for_advice():
    result = recommend(answers(purpose=Purpose.OTHER, family_tie=FamilyTie.NONE), TODAY)
    assert result.needs_advice and result.items == ()


def test_answers_refuse_impossible_values():
    for bad in ({"years_in_poland": -1}, {"years_in_poland": 100}, {"purpose": "tourism"}, {"stay_ends": "soon"}):
        with pytest.raises(ValueError):
            answers(**bad)
    assert answers(purpose="studies").purpose == Purpose.STUDIES


def test_every_combination_of_answers_gives_known_guides_once_each_with_translatable_reasons():
    for citizenship, purpose, basis, tie, years, ends in itertools.product(
        Citizenship, Purpose, StayBasis, FamilyTie, (0, 5), (None, TODAY - timedelta(days=1), TODAY)
    ):
        result = recommend(
            answers(
                citizenship=citizenship,
                purpose=purpose,
                current_basis=basis,
                family_tie=tie,
                years_in_poland=years,
                stay_ends=ends,
            ),
            TODAY,
        )
        assert set(result.slugs) <= set(finder.GUIDE_SLUGS)
        assert len(result.slugs) == len(set(result.slugs))
        assert result.items or result.warnings
        assert all(isinstance(message, Promise) for message in (*result.warnings, *dict(result.items).values()))

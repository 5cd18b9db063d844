"""The "Which permit fits me?" pages: each step with and without htmx, the result, bad and tampered input."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.guide_content import guide_import
from portal.models import Category, Guide
from tests.factories import URGENT_BANNER_QUERIES, url_in

pytestmark = pytest.mark.django_db

WORK_ANSWERS = {"citizenship": "other", "purpose": "work"}
STAY_ANSWERS = {"current_basis": "visa", "stay_ends": ""}
HISTORY_ANSWERS = {"years_in_poland": "6", "family_tie": "none"}
ALL_ANSWERS = WORK_ANSWERS | STAY_ANSWERS | HISTORY_ANSWERS


def add_guide(slug: str, title: str, status: str = Guide.Status.PUBLISHED) -> Guide:
    """A minimal guide whose title says which language it is in (e.g. "Work permit [uk]")."""
    Category.objects.get_or_create(slug="work", defaults={"name_pl": "Praca"})
    return guide_import(
        data={
            "slug": slug,
            "category": "work",
            "title": {code: f"{title} [{code}]" for code in ("pl", "en", "uk", "ru")},
            "summary": {"pl": "Krótki opis."},
            "legal_basis": "art. 114 ust. 1 ustawy o cudzoziemcach",
            "last_reviewed": "2026-11-01",
            "next_review": "2027-05-01",
        },
        status=status,
    )


def post(client, data: dict, language: str = "en", htmx: bool = False):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(url_in(language, "guide_finder"), data, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_first_step_is_a_page_with_radio_groups_in_fieldsets_that_works_without_javascript(client):
    response = client.get(url_in("en", "guide_finder"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" in content
    assert "Step 1 of 3" in content and "<h1" in content
    assert content.count("<fieldset") == 2 and "<legend>What is your citizenship?</legend>" in content
    assert '<form method="post" action="/en/guides/finder/"' in content
    assert 'data-hx-post="/en/guides/finder/"' in content and 'data-hx-target="#finder"' in content
    assert 'name="back"' not in content  # nothing to go back to


@pytest.mark.parametrize(
    ("data", "heading"),
    [
        ({"step": "1"} | WORK_ANSWERS, "Step 2 of 3"),
        ({"step": "2"} | WORK_ANSWERS | STAY_ANSWERS, "Step 3 of 3"),
        ({"step": "3"} | ALL_ANSWERS, "Guides that fit your answers"),
    ],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_each_step_leads_to_the_next_as_a_whole_page_or_with_htmx_as_the_fragment_only(client, data, heading, htmx):
    content = post(client, data, htmx=htmx)
    assert heading in content
    assert 'id="finder"' in content
    assert ("<html" in content) is not htmx
    if htmx:
        assert "autofocus" in content  # focus moves to the new heading after the swap


def test_earlier_answers_travel_in_hidden_fields_and_not_in_the_address(client):
    content = post(client, {"step": "1"} | WORK_ANSWERS)
    assert '<input type="hidden" name="citizenship" value="other">' in content
    assert '<input type="hidden" name="purpose" value="work">' in content
    assert "?citizenship" not in content


def test_full_path_shows_the_guides_that_fit_in_order_with_their_reasons_and_links(client):
    work = add_guide("temporary-residence-work", "Work permit")
    long_term = add_guide("eu-long-term-residence", "EU long-term resident")
    add_guide("temporary-residence-studies", "Studies")
    content = post(client, {"step": "3"} | ALL_ANSWERS)
    assert "Work permit [en]" in content and "EU long-term resident [en]" in content
    assert content.index("Work permit [en]") < content.index("EU long-term resident [en]")
    assert "Studies [en]" not in content
    assert f'href="{work.get_absolute_url()}"' in content and f'href="{long_term.get_absolute_url()}"' in content
    assert "the temporary residence and work permit (the single permit)" in content
    assert "Conditions apply" in content
    assert 'href="/en/places/"' in content and "Start again" in content


def test_a_draft_guide_is_never_recommended(client):
    add_guide("temporary-residence-work", "Work permit", status=Guide.Status.DRAFT)
    add_guide("eu-long-term-residence", "EU long-term resident")
    content = post(client, {"step": "3"} | ALL_ANSWERS)
    assert "Work permit" not in content
    assert "EU long-term resident [en]" in content


def test_warnings_are_shown_in_a_notice_box_with_a_link_to_our_places(client):
    ends_soon = (timezone.localdate() + timedelta(days=10)).isoformat()
    content = post(client, {"step": "3"} | ALL_ANSWERS | {"stay_ends": ends_soon})
    assert 'class="notice notice-important finder-warnings"' in content
    assert "the application must be filed in MOS while your stay is still legal" in content

    content = post(client, {"step": "3"} | ALL_ANSWERS | {"current_basis": "none"})
    assert "Get advice before you do anything else" in content
    assert "Find a place where our staff can advise you" in content


def test_an_eu_citizen_goes_straight_to_the_answer_that_no_permit_is_needed(client):
    add_guide("temporary-residence-work", "Work permit")
    content = post(client, {"step": "1", "citizenship": "eu", "purpose": "work"})
    assert "Guides that fit your answers" in content
    assert "register your residence" in content
    assert "Work permit" not in content


def test_back_shows_the_previous_step_with_the_answers_given(client):
    content = post(client, {"step": "2", "back": "1"} | WORK_ANSWERS | {"current_basis": "visa"})
    assert "Step 1 of 3" in content
    assert 'value="work" id="id_purpose_0" checked' in content
    assert '<input type="hidden" name="current_basis" value="visa">' in content  # kept for the way forward

    content = post(client, {"step": "4", "back": "1"} | ALL_ANSWERS, htmx=True)
    assert "Step 3 of 3" in content and 'value="6"' in content


def test_a_missing_answer_shows_the_step_again_with_a_message_tied_to_the_question(client):
    content = post(client, {"step": "1", "citizenship": "other"})
    assert "Step 1 of 3" in content
    assert 'role="alert"' in content and 'href="#id_purpose_0"' in content
    assert '<fieldset class="finder-question" aria-describedby="id_purpose_error">' in content
    assert '<span class="errorlist" id="id_purpose_error">Choose one of the answers.</span>' in content
    assert 'value="work" id="id_purpose_0" aria-invalid="true"' in content
    assert 'value="other" id="id_citizenship_2" checked' in content


@pytest.mark.parametrize("bad_date", ["2026-02-30", "tomorrow", "0001-01-01"])
def test_an_impossible_end_date_shows_the_step_again(client, bad_date):
    content = post(client, {"step": "2"} | WORK_ANSWERS | {"current_basis": "visa", "stay_ends": bad_date}, htmx=True)
    assert "Step 2 of 3" in content
    assert 'id="id_stay_ends_error"' in content
    assert 'aria-describedby="id_stay_ends_helptext id_stay_ends_error"' in content


@pytest.mark.parametrize("years", ["-1", "abc", "100", "1.5"])
def test_impossible_years_show_the_step_again(client, years):
    content = post(client, {"step": "3"} | ALL_ANSWERS | {"years_in_poland": years})
    assert "Step 3 of 3" in content and 'id="id_years_in_poland_error"' in content


def test_a_day_month_year_date_typed_without_a_date_picker_is_understood(client):
    content = post(client, {"step": "2"} | WORK_ANSWERS | {"current_basis": "visa", "stay_ends": "04.03.2027"})
    assert "Step 3 of 3" in content
    assert '<input type="hidden" name="stay_ends" value="04.03.2027">' in content


@pytest.mark.parametrize(
    ("data", "shown_step"),
    [
        ({"step": "x"} | ALL_ANSWERS, "Step 1 of 3"),
        ({"step": "99"} | ALL_ANSWERS, "Step 1 of 3"),
        ({}, "Step 1 of 3"),
        ({"step": "3"} | ALL_ANSWERS | {"citizenship": "martian"}, "Step 1 of 3"),
        ({"step": "4"} | ALL_ANSWERS | {"current_basis": "bribe"}, "Step 2 of 3"),
        ({"step": "4"} | WORK_ANSWERS | STAY_ANSWERS, "Step 3 of 3"),
        ({"step": "3"} | ALL_ANSWERS | {"purpose": "x" * 5000}, "Step 1 of 3"),
    ],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_tampered_or_missing_hidden_answers_send_the_person_back_to_the_step_concerned(client, data, shown_step, htmx):
    content = post(client, data, htmx=htmx)
    assert shown_step in content
    assert "Please check your answers" in content
    assert "x" * 100 not in content  # long values are not echoed back


def test_refreshing_a_step_resends_the_same_answers_and_shows_the_same_page(client):
    data = {"step": "3"} | ALL_ANSWERS
    assert post(client, data) == post(client, data)


def test_other_methods_are_refused(client):
    assert client.put(url_in("en", "guide_finder")).status_code == 405


def test_result_page_uses_one_query_whatever_the_number_of_guides(client, django_assert_num_queries):
    data = {"step": "3"} | ALL_ANSWERS | {"citizenship": "ukraine", "current_basis": "temporary_protection"}
    data |= {"purpose": "highly_qualified_work", "family_tie": "polish_citizen", "years_in_poland": "1"}
    add_guide("ukrainian-citizens", "Ukraine")
    with django_assert_num_queries(1 + URGENT_BANNER_QUERIES):
        post(client, data)
    for slug in ("eu-blue-card", "temporary-residence-work", "permanent-residence"):
        add_guide(slug, slug)
    with django_assert_num_queries(1):  # the banner is cached now
        content = post(client, data)
    positions = [content.index(f"{title} [en]") for title in ("Ukraine", "eu-blue-card", "permanent-residence")]
    assert positions == sorted(positions)  # the order of the rules, not of the database


def test_steps_use_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(URGENT_BANNER_QUERIES):
        client.get(url_in("en", "guide_finder"))
        post(client, {"step": "1"} | WORK_ANSWERS, htmx=True)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_pages_render_in_ukrainian_and_russian(client, language):
    add_guide("temporary-residence-work", "Work permit")
    response = client.get(url_in(language, "guide_finder"))
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    assert f'action="/{language}/guides/finder/"' in response.content.decode()
    content = post(client, {"step": "3"} | ALL_ANSWERS, language=language)
    assert f"Work permit [{language}]" in content
    assert f'href="/{language}/guides/temporary-residence-work/"' in content


def test_django_validation_messages_come_in_the_readers_language(client):
    content = post(client, {"step": "3"} | ALL_ANSWERS | {"years_in_poland": "-1"}, language="uk")
    assert 'id="id_years_in_poland_error"' in content
    assert "Переконайтеся" in content  # Django's own Ukrainian "Ensure this value is greater than or equal to 0."

"""The demo guide files: every one keeps to SCHEMA.md, and the guides added for issue 12 load in four languages,
render with a constant number of queries, are found by search and are reached by the finder."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.demo import categories_data, places_data
from portal.demo.loader import GUIDES_DIR, load_guides
from portal.models import Guide, GuideDocument, GuideFee
from tests.factories import url_in

LANGUAGES = ("pl", "en", "uk", "ru")
NEW_GUIDES = (
    "visa-extension",
    "temporary-residence-spouse-of-polish-citizen",
    "temporary-residence-research",
    "job-search-after-graduation",
    "permit-change-and-job-loss",
    "work-permits",
    "invitation-for-a-foreigner",
    "eu-citizens-and-family-members",
    "travel-and-identity-documents",
    "permit-withdrawal",
    "certificates-from-the-office",
    "tolerated-and-humanitarian-stay",
    "international-protection",
    "before-you-apply",
)
TOP_LEVEL_KEYS = {
    "slug", "category", "order", "title", "summary", "who_for", "not_for", "legal_basis", "legal_basis_explained",
    "processing_time", "processing_time_days", "apply_channels", "how_to_apply", "places", "fees", "steps",
    "documents", "mistakes", "faq", "related", "sources", "last_reviewed", "next_review",
}  # fmt: skip
TEXT_KEYS = ("title", "summary", "who_for", "not_for", "legal_basis_explained", "processing_time", "how_to_apply")
DOCUMENTS = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(GUIDES_DIR.glob("*.json"))]
BY_SLUG = {document["slug"]: document for document in DOCUMENTS}


def is_text(value) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGUAGES) and all(value[code].strip() for code in LANGUAGES)


def texts_of(document: dict) -> list:
    """Every translated text of a guide file, wherever it sits."""
    found = [document[key] for key in TEXT_KEYS]
    found += [step[part] for step in document["steps"] for part in ("title", "body")]
    found += [item[part] for item in document["documents"] for part in ("name", "notes")]
    found += [item["issued_by"] for item in document["documents"] if "issued_by" in item]
    found += [fee[part] for fee in document["fees"] for part in ("label", "payment_title")]
    found += [fee["reduction_rule"] for fee in document["fees"] if fee["reduction_rule"] is not None]
    found += document["mistakes"]
    found += [faq[part] for faq in document["faq"] for part in ("question", "answer")]
    return found


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document["slug"])
def test_every_guide_file_keeps_to_the_schema(document):
    path = GUIDES_DIR / f"{document['slug']}.json"
    assert path.exists()
    assert set(document) >= TOP_LEVEL_KEYS - {"who_for", "not_for"}
    assert document["category"] in {item["slug"] for item in categories_data.CATEGORIES}
    assert set(document["places"]) <= {item["slug"] for item in places_data.PLACES}
    assert set(document["related"]) <= set(BY_SLUG) - {document["slug"]}
    assert set(document["apply_channels"]) <= {"mos", "in_person", "post", "epuap"}
    assert document["legal_basis"].strip()
    days = document["processing_time_days"]
    assert days is None or (isinstance(days, int) and days > 0)
    for fee in document["fees"]:
        assert fee["kind"] in set(GuideFee.Kind.values)
        assert float(fee["amount_pln"]) > 0 and fee["account"] and fee["account_holder"]
    for item in document["documents"]:
        assert item["form"] in set(GuideDocument.Form.values) and isinstance(item["translation_needed"], bool)
    assert document["steps"] and document["sources"]
    for source in document["sources"]:
        assert source["title"] and source["url"].startswith(("https://", "http://"))
        date.fromisoformat(source["date"])
    assert date.fromisoformat(document["last_reviewed"]) < date.fromisoformat(document["next_review"])
    assert path.read_text(encoding="utf-8") == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("slug", NEW_GUIDES)
def test_new_guides_have_every_text_in_four_languages_and_neutral_polish(slug):
    document = BY_SLUG[slug]
    assert all(is_text(text) for text in texts_of(document)), slug
    polish = " ".join(text["pl"] for text in texts_of(document))
    for masculine in ("złożyłeś", "stawiłeś", "jesteś pewien", "Zgubiłem", "Dostałem", "poradnik"):
        assert masculine.lower() not in polish.lower()
    assert "to be confirmed" in json.dumps(document["sources"]) or "art." in document["legal_basis"]


@pytest.fixture
def demo_guides(db):
    load_guides()
    return {guide.slug: guide for guide in Guide.objects.filter(slug__in=NEW_GUIDES)}


def test_the_demo_loader_loads_every_new_guide_published_in_four_languages(demo_guides):
    assert set(demo_guides) == set(NEW_GUIDES)
    for guide in demo_guides.values():
        assert guide.status == Guide.Status.PUBLISHED
        assert all(getattr(guide, f"title_{code}") and getattr(guide, f"summary_{code}") for code in LANGUAGES)
        assert all(step.title_uk and step.body_ru and step.body_en for step in guide.steps.all())
        assert guide.sources.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_new_guide_page_renders_with_the_same_number_of_queries(client, demo_guides, language):
    counts = {}
    for slug in NEW_GUIDES:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url_in(language, "guide_detail", slug=slug))
        assert response.status_code == 200, slug
        assert demo_guides[slug].title_pl.split()[0] in response.content.decode() or language != "pl"
        counts[slug] = len(queries.captured_queries)
    assert len(set(counts.values())) == 1, counts


def test_a_procedure_not_handled_by_the_voivode_lists_no_way_to_apply_at_our_places(client, demo_guides):
    content = client.get(url_in("en", "guide_detail", slug="international-protection")).content.decode()
    assert 'class="channels"' not in content and "In person at one of our places" not in content
    assert "Border Guard" in content
    visa = client.get(url_in("en", "guide_detail", slug="visa-extension")).content.decode()
    assert 'class="channels"' in visa and "In person at one of our places" in visa


def test_the_guide_list_shows_the_new_categories_and_guides(client, demo_guides):
    content = client.get(url_in("uk", "guide_list")).content.decode()
    for slug in NEW_GUIDES:
        assert demo_guides[slug].get_absolute_url() in content or f"/uk/guides/{slug}/" in content
    assert "Візи та запрошення" in content and "Перед поданням заяви" in content


@pytest.mark.parametrize(
    ("language", "query", "slug"),
    [
        ("pl", "zaproszenie", "invitation-for-a-foreigner"),
        ("uk", "запрошення", "invitation-for-a-foreigner"),
        ("pl", "apostille", "before-you-apply"),
        ("uk", "апостиль", "before-you-apply"),
        ("pl", "uchodźcy", "international-protection"),
        ("uk", "біженця", "international-protection"),
    ],
)
def test_search_finds_a_new_guide_by_a_polish_and_a_ukrainian_word(client, demo_guides, language, query, slug):
    content = client.get(url_in(language, "search"), {"q": query}).content.decode()
    assert f'<a href="/{language}/guides/{slug}/">' in content


FINDER_BASE = {"step": "3", "citizenship": "other", "purpose": "work", "current_basis": "visa", "stay_ends": ""}


@pytest.mark.parametrize(
    ("answers", "slug"),
    [
        ({"purpose": "family", "family_tie": "polish_citizen"}, "temporary-residence-spouse-of-polish-citizen"),
        ({"purpose": "family", "family_tie": "eu_citizen"}, "eu-citizens-and-family-members"),
        ({"current_basis": "temporary_residence", "years_in_poland": "2"}, "permit-change-and-job-loss"),
        ({"stay_ends": "soon"}, "visa-extension"),
    ],
)
def test_the_finder_reaches_the_new_guides_it_is_wired_to(client, demo_guides, answers, slug):
    data = FINDER_BASE | {"years_in_poland": "0", "family_tie": "none"} | answers
    if data["stay_ends"] == "soon":
        data["stay_ends"] = (timezone.localdate() + timedelta(days=10)).isoformat()
    response = client.post(url_in("en", "guide_finder"), data)
    assert response.status_code == 200
    assert f'<h2><a href="/en/guides/{slug}/">' in response.content.decode()


def test_the_finder_does_not_suggest_a_visa_extension_once_the_stay_has_ended(client, demo_guides):
    ended = (timezone.localdate() - timedelta(days=1)).isoformat()
    data = FINDER_BASE | {"years_in_poland": "0", "family_tie": "none", "stay_ends": ended}
    assert "/en/guides/visa-extension/" not in client.post(url_in("en", "guide_finder"), data).content.decode()


def test_readme_lists_every_new_guide():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert all(slug in readme for slug in NEW_GUIDES)


@pytest.mark.parametrize("slug", ["international-protection", "work-permits", "visa-extension"])
def test_the_checklist_pdf_of_a_new_guide_is_made(client, demo_guides, slug):
    response = client.get(url_in("uk", "guide_checklist_pdf", slug=slug))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")

import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from portal import search
from portal.guide_content import guide_import
from portal.models import Category, Guide
from tests.factories import URGENT_BANNER_QUERIES, url_in

pytestmark = pytest.mark.django_db

# Queries of one search: SQLite 4 (guides, steps, documents, FAQ); PostgreSQL 5 (ranking statement, guides, steps,
# documents, FAQ) plus the savepoint and its release that guard the ranking statement inside the test transaction;
# then one for the FAQ entries (portal.search.faq_search), one for the application forms (portal.search.forms_search)
# and the urgent-notice banner of the page.
MAX_SEARCH_QUERIES = 7 + 1 + 1 + URGENT_BANNER_QUERIES


def texts(pl: str, en: str = "", uk: str = "", ru: str = "") -> dict[str, str]:
    return {"pl": pl, "en": en, "uk": uk, "ru": ru}


def make_guide(slug: str, *, title: dict, summary: dict | None = None, status=Guide.Status.PUBLISHED, **parts):
    """A guide through the same import the demo content uses; `parts` are steps, documents and faq as in SCHEMA.md."""
    data = {
        "slug": slug,
        "category": "work",
        "title": title,
        "summary": summary or texts("Krótki opis procedury.", "A short description."),
        "legal_basis": "art. 114 ust. 1 ustawy o cudzoziemcach",
        "last_reviewed": "2026-11-01",
        "next_review": "2027-05-01",
        **parts,
    }
    return guide_import(data=data, status=status)


@pytest.fixture(autouse=True)
def full_text_search_answers(caplog):
    """On PostgreSQL every test must go through the full-text statement, never through its Python fallback."""
    yield
    assert "full-text query failed" not in caplog.text


@pytest.fixture(autouse=True)
def guides():
    Category.objects.create(slug="work", name_pl="Praca", name_en="Work")
    card = make_guide(
        "residence-card-replacement",
        title=texts("Wymiana karty pobytu", "Residence card replacement", "Обмін посвідки", "Замена карточки"),
        summary=texts(
            "Nowa karta, gdy zmieniły się Twoje dane.",
            "A new card when your details change.",
            "Нова картка, коли змінилися ваші дані.",
            "Новая карточка, если изменились ваши данные.",
        ),
    )
    work = make_guide(
        "temporary-residence-work",
        title=texts("Zezwolenie na pobyt czasowy i pracę", "Temporary residence and work permit"),
        steps=[{"title": texts("Złóż wniosek w MOS"), "body": texts("Dołącz skan paszportu i zdjęcie.")}],
        documents=[{"name": texts("Zaświadczenie o niekaralności"), "notes": texts("Z Krajowego Rejestru Karnego.")}],
        faq=[{"question": texts("Czy mogę podróżować?"), "answer": texts("Tak, po strefie Schengen z ważną wizą.")}],
    )
    return {"card": card, "work": work}


def get(client, language: str, query: str | None = None, **headers):
    params = {} if query is None else {"q": query}
    return client.get(url_in(language, "search"), params, headers=headers)


def result_urls(response) -> list[str]:
    """The guide addresses linked from the results, in order."""
    content = response.content.decode()
    urls = []
    for guide in Guide.objects.all():
        position = content.find(f'<h2><a href="{guide.get_absolute_url()}">')
        if position >= 0:
            urls.append((position, guide.get_absolute_url()))
    return [url for _position, url in sorted(urls)]


def guide_url(guide: Guide, language: str) -> str:
    return url_in(language, "guide_detail", slug=guide.slug)


# --- Finding ------------------------------------------------------------------------------------------------


def test_search_page_has_its_address_in_every_language():
    assert reverse("search") == "/pl/search/"
    assert url_in("uk", "search") == "/uk/search/"


def test_a_word_of_the_title_finds_the_guide_and_is_highlighted(client, guides):
    response = get(client, "pl", "wymiana")
    content = response.content.decode()
    assert response.status_code == 200
    assert result_urls(response) == [guide_url(guides["card"], "pl")]
    assert "<mark>Wymiana</mark> karty pobytu" in content
    assert "Nowa karta, gdy zmieniły się Twoje dane." in content  # the summary


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("paszportu", "paszportu"),  # in a step
        ("niekaralnosci", "niekaralności"),  # in a document, typed without the Polish letters
        ("schengen", "Schengen"),  # in an answer of the FAQ
    ],
)
def test_a_word_only_in_a_step_document_or_faq_finds_the_guide_with_a_snippet(client, guides, query, marked):
    response = get(client, "pl", query)
    assert result_urls(response) == [guide_url(guides["work"], "pl")]
    snippet = response.content.decode().split('<p class="search-snippet">')[1].split("</p>")[0]
    assert f"<mark>{marked}</mark>" in snippet


@pytest.mark.parametrize(("query", "guide"), [("pobytó", "card"), ("kartu pobytu", "card"), ("zezwolenei", "work")])
def test_one_typo_is_tolerated(client, guides, query, guide):
    assert guide_url(guides[guide], "pl") in result_urls(get(client, "pl", query))


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_latin_polish_words_find_the_guide_in_the_ukrainian_and_russian_versions(client, guides, language):
    response = get(client, language, "karta pobytu")
    content = response.content.decode()
    assert result_urls(response)[0] == guide_url(guides["card"], language)
    assert {"uk": "Обмін посвідки", "ru": "Замена карточки"}[language] in content  # the title in the reader's language
    # The match is in the Polish text, shown as such.
    assert '<p class="search-snippet" lang="pl">Wymiana <mark>karty</mark> <mark>pobytu</mark></p>' in content


def test_the_readers_language_is_searched(client, guides):
    assert result_urls(get(client, "en", "replacement")) == [guide_url(guides["card"], "en")]
    assert result_urls(get(client, "uk", "посвідки")) == [guide_url(guides["card"], "uk")]
    assert result_urls(get(client, "pl", "replacement")) == []  # English is not searched on the Polish page


def test_title_matches_rank_above_matches_in_the_body(client, guides):
    in_title = make_guide("eu-blue-card", title=texts("Paszport tymczasowy dla cudzoziemca"))
    response = get(client, "pl", "paszport")
    assert result_urls(response) == [guide_url(in_title, "pl"), guide_url(guides["work"], "pl")]


def test_guides_with_every_word_come_before_and_instead_of_guides_with_some(client, guides):
    response = get(client, "pl", "pobytu pracę")
    assert result_urls(response) == [guide_url(guides["work"], "pl")]
    response = get(client, "en", "wymiana xyzzyqv")
    assert result_urls(response) == [guide_url(guides["card"], "en")]
    assert "No guide contains all the words you typed." in response.content.decode()


def test_draft_guides_never_appear(client, guides):
    draft = make_guide("draft", title=texts("Tajny szkic o pobycie"), status=Guide.Status.DRAFT)
    response = get(client, "pl", "tajny")
    assert result_urls(response) == []
    assert "Tajny" not in response.content.decode()
    assert guide_url(draft, "pl") not in get(client, "pl", "pobycie szkic").content.decode()


# --- Bad input ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [None, "", "   ", "\x00\x01"])
def test_empty_query_shows_the_form_and_suggestions(client, query):
    response = get(client, "en", query)
    content = response.content.decode()
    assert response.status_code == 200
    assert '<label for="search-q">' in content and 'type="search"' in content and 'name="q"' in content
    assert '<p id="search-status" role="status"></p>' in content
    assert f'href="{url_in("en", "guide_list")}"' in content
    assert 'href="/en/search/?q=karta%20pobytu" lang="pl"' in content
    assert "No guides found" not in content


def test_over_long_query_is_cut_to_200_characters_searched_and_says_so(client, guides):
    query = ("wymiana " * 40).strip()  # 319 characters
    response = get(client, "en", query)
    content = response.content.decode()
    assert response.status_code == 200
    assert "only its first 200 characters were searched" in content
    assert result_urls(response) == [guide_url(guides["card"], "en")]
    value = content.split('name="q" value="')[1].split('"')[0]
    assert len(value) <= 200


@pytest.mark.parametrize("query", ["?!…;", "— * —", "a", "xyzzyqv"])
def test_punctuation_or_unknown_words_answer_no_results_with_suggestions(client, query):
    response = get(client, "en", query)
    content = response.content.decode()
    assert response.status_code == 200
    assert '<p id="search-status" role="status">No guides found.</p>' in content
    assert "Suggestions" in content and f'href="{url_in("en", "guide_list")}"' in content


def test_html_in_the_query_is_escaped(client):
    response = get(client, "en", '<script>alert("x")</script>')
    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content


def test_highlighting_escapes_the_guide_text_around_the_marked_word(client):
    make_guide(
        "html-text",
        title=texts("Formularz wniosku"),
        faq=[{"question": texts("Co wpisać?"), "answer": texts('Nie wpisuj <script>alert("x")</script> w polu.')}],
    )
    content = get(client, "pl", "<script>").content.decode()
    assert "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;" in content
    assert "<script>" not in content.split("<main")[1]


def test_the_query_is_never_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    get(client, "pl", "nazwisko-kowalski-1984")
    get(client, "pl", "nazwisko-kowalski-1984", HX_Request="true")
    assert "kowalski" not in caplog.text


def test_other_methods_than_get_are_refused(client):
    assert client.post(url_in("pl", "search"), {"q": "karta"}).status_code == 405


# --- Queries, htmx ------------------------------------------------------------------------------------------


def test_search_uses_the_same_number_of_queries_whatever_the_number_of_guides(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_SEARCH_QUERIES) as few:
        response = get(client, "uk", "karta pobytu")
    assert len(result_urls(response)) == 1
    for number in range(10):
        make_guide(
            f"extra-{number}",
            title=texts(f"Karta pobytu {number}"),
            steps=[{"title": texts("Krok"), "body": texts("Odbierz kartę pobytu.")}],
            documents=[{"name": texts("Paszport")}],
            faq=[{"question": texts("Pytanie?"), "answer": texts("Odpowiedź o karcie pobytu.")}],
        )
    cache.clear()  # results are cached until content changes; in a test transaction on_commit never fires
    with django_assert_max_num_queries(MAX_SEARCH_QUERIES) as many:
        response = get(client, "uk", "karta pobytu")
    assert len(result_urls(response)) == 11
    assert len(many) == len(few)


def test_empty_query_does_not_touch_the_guides(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(URGENT_BANNER_QUERIES):  # the banner only, never the guides
        assert get(client, "pl", "").status_code == 200


def test_htmx_request_gets_only_the_results_fragment_with_the_status_out_of_band(client, guides):
    response = get(client, "pl", "wymiana", HX_Request="true")
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and "<form" not in content
    assert guide_url(guides["card"], "pl") in content
    assert '<p id="search-status" data-hx-swap-oob="innerHTML">' in content
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    response = get(client, "pl", "wymiana", HX_Request="true", HX_History_Restore_Request="true")
    assert "<html" in response.content.decode()


def test_page_is_accessible_and_works_without_javascript(client):
    content = get(client, "en", "wymiana").content.decode()
    assert '<form class="search-form" method="get" action="/en/search/" role="search">' in content
    assert '<button type="submit">' in content
    assert 'data-hx-get="/en/search/"' in content and 'data-hx-trigger="input changed delay:300ms, search"' in content
    main = content.split('<main id="main"')[1]
    assert main.index("<h1>") < main.index("<h2>")
    assert '<p id="search-status" role="status">1 guide found.</p>' in content


# --- Units ---------------------------------------------------------------------------------------------------------


def test_query_is_one_line_without_control_characters_and_at_most_200_characters():
    assert search.query_clean("  karta\tpobytu\x00\n ") == ("karta pobytu", False)
    query, truncated = search.query_clean("x" * 201)
    assert (len(query), truncated) == (200, True)


def test_query_words_drop_single_letters_and_repeats_and_are_bounded():
    assert search.query_tokens("Karta i KARTA pobytu, w Poznaniu!") == ("karta", "pobytu", "poznaniu")
    assert len(search.query_tokens(" ".join(f"word{number}" for number in range(30)))) == search.MAX_TOKENS


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("pobyto", "pobytu", True),
        ("zezwolenei", "zezwolenie", True),
        ("pobyt", "pobytu", True),
        ("karta", "kart", True),
        ("karta", "krata", True),  # two neighbours swapped
        ("karta", "kruta", False),  # two letters changed
        ("karta", "kara", True),
        ("praca", "paca", True),
        ("pobyt", "podatek", False),
    ],
)
def test_one_edit_covers_a_change_a_gap_an_extra_letter_and_a_swap(a, b, expected):
    assert search._within_one_edit(a, b) is expected


def test_folding_ignores_case_and_accents_in_polish_ukrainian_and_russian():
    assert search.fold("ZAŚWIADCZENIE Łódź") == "zaswiadczenie lodz"
    assert search.fold("Її ЙОГО ёлка") == "іі иого елка"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search and trigrams")
def test_postgresql_ranks_with_full_text_search_and_trigrams_not_the_fallback(guides, caplog):
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent') ORDER BY extname")
        assert [row[0] for row in cursor.fetchall()] == ["pg_trgm", "unaccent"]
    scored = search._score_postgresql(("zezwolenei",), "pl")
    assert scored is not None and [item.guide for item in scored] == [guides["work"]]
    scored = search._score_postgresql(("karta", "pobytu"), "uk")
    assert scored is not None and scored[0].guide == guides["card"] and scored[0].matched == 2
    assert "full-text query failed" not in caplog.text


# --- The results cache ------------------------------------------------------------------------------------------


def test_a_repeated_search_is_answered_from_the_cache_without_a_query(client, guides, django_assert_num_queries):
    first = get(client, "uk", "karta pobytu").content.decode()
    with django_assert_num_queries(0):  # the banner of urgent notices is cached as well
        again = get(client, "uk", "karta pobytu").content.decode()
    assert again == first and guide_url(guides["card"], "uk") in again


def test_a_content_change_shows_in_the_results_at_once(client, guides, django_capture_on_commit_callbacks):
    assert guide_url(guides["work"], "pl") not in get(client, "pl", "karta pobytu").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        guides["work"].title_pl = "Karta pobytu na pracę"
        guides["work"].save()
    assert guide_url(guides["work"], "pl") in get(client, "pl", "karta pobytu").content.decode()


def test_the_query_is_shown_back_as_typed_but_never_kept_with_the_results(client, monkeypatch):
    import pickle

    stored = []
    real_set = cache.set

    def recording_set(key, value, timeout=None):
        if key.startswith("search-found:"):
            stored.append(pickle.dumps((key, value)))
        return real_set(key, value, timeout)

    monkeypatch.setattr(cache, "set", recording_set)
    get(client, "en", "Xyzzy Plugh")
    content = get(client, "en", "xyzzy plugh").content.decode()  # the same search, other letter case
    assert "No guide matches “xyzzy plugh”." in content
    assert stored and not any(b"xyzzy" in entry.lower() for entry in stored)

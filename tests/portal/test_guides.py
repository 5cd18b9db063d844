import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import roles, services
from portal.models import ContentRevision, GlossaryTerm, Guide, MistakeReport
from portal.translation_state import source_revision_record
from tests.factories import URGENT_BANNER_QUERIES, UserFactory, guide_data, make_guide, url_in

pytestmark = pytest.mark.django_db


def test_guide_list_shows_published_guides_by_category_and_hides_drafts(client):
    make_guide("work-permit")
    make_guide("draft-permit", status=Guide.Status.DRAFT, title={"pl": "Szkic", "en": "Draft", "uk": "", "ru": ""})
    content = client.get(url_in("en", "guide_list")).content.decode()
    assert "Temporary residence and work" in content
    assert "Draft" not in content
    assert "Work" in content  # the category heading


def test_guide_page_shows_steps_checklist_fees_and_sources_in_the_readers_language(client):
    guide = make_guide()
    response = client.get(url_in("uk", "guide_detail", slug=guide.slug))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Тимчасове проживання та робота" in content
    assert "Створіть обліковий запис у MOS" in content
    document = guide.documents.get()
    assert f'<input type="checkbox" id="document-{document.pk}"' in content
    assert f'<label for="document-{document.pk}">Паспорт</label>' in content
    assert "440 zł" in content and "94 1020 4027 0000 1602 1262 0763" in content
    assert 'href="https://mos.cudzoziemcy.gov.pl/"' in content
    assert "art. 114 ust. 1" in content
    assert 'href="#steps"' in content  # table of contents


def test_missing_translation_falls_back_to_polish_and_says_so(client):
    guide = make_guide(how_to_apply={"pl": "Złóż wniosek w MOS.", "en": "", "uk": "", "ru": ""})
    content = client.get(url_in("en", "guide_detail", slug=guide.slug)).content.decode()
    assert "Złóż wniosek w MOS." in content
    assert "This section is not yet available in your language; the Polish text follows." in content
    assert content.count("This section is not yet available") == 1


def test_outdated_translation_shows_a_notice_with_a_link_to_the_polish_text(client):
    guide = make_guide()
    source_revision_record(item=guide, significance=ContentRevision.Significance.URGENT, note="new law")
    content = client.get(url_in("ru", "guide_detail", slug=guide.slug)).content.decode()
    assert f'href="/pl/guides/{guide.slug}/"' in content
    assert "notice-important" in content


def test_a_typo_fix_in_polish_keeps_translations_up_to_date(client):
    guide = make_guide()
    source_revision_record(item=guide, significance=ContentRevision.Significance.TYPO)
    content = client.get(url_in("ru", "guide_detail", slug=guide.slug)).content.decode()
    assert "notice-important" not in content


@pytest.mark.parametrize("slug", ["no-such-guide", "draft-guide"])
def test_unknown_and_draft_guides_are_a_translated_404(client, slug):
    make_guide("draft-guide", status=Guide.Status.DRAFT)
    response = client.get(url_in("uk", "guide_detail", slug=slug))
    assert response.status_code == 404
    assert 'lang="uk"' in response.content.decode()


def test_editors_preview_a_draft_and_the_public_cannot(client):
    make_guide("draft-guide", status=Guide.Status.DRAFT)
    url = url_in("pl", "guide_preview", slug="draft-guide")
    assert client.get(url).status_code == 302  # to the login
    client.force_login(UserFactory(role=roles.CONTENT_EDITOR, with_totp=True))
    response = client.get(url)
    assert response.status_code == 200
    assert "Pobyt czasowy i praca" in response.content.decode()


def test_staff_without_guide_rights_cannot_preview(client):
    make_guide("draft-guide", status=Guide.Status.DRAFT)
    client.force_login(UserFactory(with_totp=True))
    assert client.get(url_in("pl", "guide_preview", slug="draft-guide")).status_code == 403


def test_repeated_anonymous_guide_request_is_served_from_the_cache(client, django_assert_max_num_queries):
    guide = make_guide()
    url = url_in("pl", "guide_detail", slug=guide.slug)
    client.get(url)
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200


def test_editing_a_guide_shows_the_new_text_at_once(client, django_capture_on_commit_callbacks):
    guide = make_guide()
    url = url_in("en", "guide_detail", slug=guide.slug)
    assert "A single permit" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        guide.summary_en = "A completely new summary."
        guide.save()
    assert "A completely new summary." in client.get(url).content.decode()


@pytest.mark.parametrize("page", ["guide_list", "guide_detail"])
def test_guide_pages_use_the_same_number_of_queries_whatever_the_size(client, page, django_assert_num_queries):
    def url():
        return url_in("pl", page, slug="guide-0") if page == "guide_detail" else url_in("pl", page)

    make_guide("guide-0")
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        client.get(url())
    for number in range(1, 6):
        make_guide(
            f"guide-{number}",
            steps=guide_data()["steps"] * 4,
            documents=guide_data()["documents"] * 3,
            related=[f"guide-{n}" for n in range(number)],
        )
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url()).status_code == 200


def test_glossary_terms_are_explained_in_place_and_listed_on_the_glossary_page(client):
    GlossaryTerm.objects.create(
        slug="karta-pobytu",
        term_pl="karta pobytu",
        term_en="residence card",
        explanation_pl="Dokument pobytu.",
        explanation_en="Your residence document in Poland.",
    )
    guide = make_guide(
        summary={
            "pl": "Dostaniesz kartę.",
            "en": "You will get a residence card after the decision.",
            "uk": "",
            "ru": "",
        }
    )
    content = client.get(url_in("en", "guide_detail", slug=guide.slug)).content.decode()
    assert 'href="/en/glossary/#karta-pobytu"' in content
    assert '<span lang="pl">karta pobytu</span>: Your residence document in Poland.' in content
    glossary = client.get(url_in("en", "glossary")).content.decode()
    assert 'id="karta-pobytu"' in glossary and "residence card" in glossary and "karta pobytu" in glossary


def test_text_from_editors_cannot_inject_markup(client):
    guide = make_guide(summary={"pl": "<script>alert(1)</script>", "en": "", "uk": "", "ru": ""})
    content = client.get(url_in("pl", "guide_detail", slug=guide.slug)).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content


def test_page_views_are_counted_in_the_cache_and_flushed_to_the_guide(client):
    guide = make_guide()
    for _view in range(3):
        client.get(url_in("pl", "guide_detail", slug=guide.slug))
    assert services.guide_views_flush() == 1
    guide.refresh_from_db()
    assert guide.views == 3
    assert services.guide_views_flush() == 0


def test_sitemap_lists_every_guide_in_every_language_with_alternates(client):
    make_guide()
    content = client.get("/sitemap.xml").content.decode()
    for language in ("pl", "en", "uk", "ru"):
        assert f"/{language}/guides/temporary-residence-work/</loc>" in content
        assert f'hreflang="{language}"' in content
    assert "x-default" in content


class TestReportMistake:
    def post(self, client, **data):
        return client.post(
            url_in("en", "report_mistake"), {"page": "/en/guides/", "message": "The fee is wrong.", **data}
        )

    def test_report_reaches_the_editors_and_the_reader_returns_to_the_page(self, client):
        response = self.post(client, email="reader@example.org")
        assert response.status_code == 302 and response.url == "/en/guides/"
        report = MistakeReport.objects.get()
        assert report.page_path == "/en/guides/" and report.language == "en" and report.email == "reader@example.org"

    def test_the_thank_you_on_the_guide_page_is_never_cached_for_the_next_reader(self, client):
        from django.test import Client

        guide = make_guide()
        page = url_in("en", "guide_detail", slug=guide.slug)
        Client().get(page)  # an anonymous reader has the page cached already
        response = client.post(
            url_in("en", "report_mistake"), {"page": page, "message": "The fee is wrong."}, follow=True
        )
        assert "Thank you. Your report has reached our editors." in response.content.decode()
        assert "Thank you" not in Client().get(page).content.decode()

    def test_empty_report_gets_a_clear_message_in_the_readers_language(self, client):
        response = client.post(url_in("uk", "report_mistake"), {"page": "/uk/", "message": ""})
        assert response.status_code == 400
        assert "обов" in response.content.decode().lower()  # Django's "This field is required." in Ukrainian
        assert not MistakeReport.objects.exists()

    def test_bots_filling_the_honeypot_are_ignored_silently(self, client):
        response = self.post(client, website="http://spam.example")
        assert response.status_code == 302
        assert not MistakeReport.objects.exists()

    def test_reports_are_rate_limited_per_address(self, client):
        for _report in range(services.MISTAKE_REPORTS_PER_HOUR):
            assert self.post(client).status_code == 302
        response = self.post(client)
        assert response.status_code == 429
        assert "try again in an hour" in response.content.decode()
        assert MistakeReport.objects.count() == services.MISTAKE_REPORTS_PER_HOUR

    def test_an_outside_address_as_the_page_is_ignored(self, client):
        response = self.post(client, page="https://evil.example/")
        assert response.url == reverse("home")


class TestEditorsAdmin:
    def test_saving_a_polish_change_records_its_significance_and_marks_translations(self, client):
        guide = make_guide()
        editor = UserFactory(role=roles.CONTENT_EDITOR, with_totp=True)
        client.force_login(editor)
        url = reverse("admin:portal_guide_change", args=[guide.pk])
        form = client.get(url).context["adminform"].form
        data = {key: value for key, value in form.initial.items() if value is not None and not isinstance(value, list)}
        data.update(_inline_management_data(client.get(url).context))
        data.update(
            summary_pl="Nowe streszczenie.",
            significance="3",
            change_note="nowa ustawa",
            translations_updated=["uk"],
            last_reviewed="2026-11-25",
            next_review="2027-05-25",
            category=guide.category_id,
        )
        response = client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
        revision = ContentRevision.objects.filter(object_id=guide.pk).latest("number")
        assert revision.significance == ContentRevision.Significance.URGENT and revision.author == editor
        from portal.translation_state import State, translation_states

        states = translation_states([Guide.objects.get(pk=guide.pk)], title_field="title")
        assert states[guide.pk, "uk"] == State.UP_TO_DATE
        assert states[guide.pk, "ru"] == State.URGENT

    def test_translation_dashboard_puts_the_most_urgent_first(self, client):
        fine, urgent = make_guide("fine-guide"), make_guide("urgent-guide")
        source_revision_record(item=urgent, significance=ContentRevision.Significance.URGENT)
        client.force_login(UserFactory(role=roles.CONTENT_EDITOR, with_totp=True))
        response = client.get(reverse("admin:portal_guide_translations"))
        rows = response.context["rows"]
        assert [row.guide.slug for row in rows] == ["urgent-guide", "fine-guide"]
        from django.utils import translation

        from portal.translation_state import State

        with translation.override("pl"):
            assert State.URGENT.label in response.content.decode()
        assert fine.pk != urgent.pk

    def test_dashboard_is_only_for_staff_with_guide_rights(self, client):
        client.force_login(UserFactory(with_totp=True))
        assert client.get(reverse("admin:portal_guide_translations")).status_code in (302, 403)


def _inline_management_data(context) -> dict:
    data = {}
    for formset in context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name, field in management.fields.items():
            data[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial)
        for form in formset.formset.forms:
            for name, value in form.initial.items():
                if value is not None and not isinstance(value, list):
                    data[f"{form.prefix}-{name}"] = value
            data[f"{form.prefix}-id"] = form.instance.pk
            data[f"{form.prefix}-guide"] = form.instance.guide_id
    return data


def test_a_term_never_matches_inside_an_escaped_character(client):
    GlossaryTerm.objects.create(slug="quot", term_pl="quot", explanation_pl="x")
    guide = make_guide(summary={"pl": 'Napis "quot" w cudzysłowie.', "en": "", "uk": "", "ru": ""})
    content = client.get(url_in("pl", "guide_detail", slug=guide.slug)).content.decode()
    assert "&quot;" in content
    assert '<a href="/pl/glossary/#quot"' in content  # the word itself is still explained


def test_polish_fallback_text_is_marked_as_polish_for_screen_readers(client):
    guide = make_guide(how_to_apply={"pl": "Złóż wniosek w MOS.", "en": "", "uk": "", "ru": ""})
    content = client.get(url_in("en", "guide_detail", slug=guide.slug)).content.decode()
    assert '<div class="prose" lang="pl"><p>Złóż wniosek w MOS.</p></div>' in content
    assert "<h1>Temporary residence and work</h1>" in content  # translated parts keep the page's language


def test_unknown_guides_are_not_counted_as_page_views(client):
    client.get(url_in("pl", "guide_detail", slug="no-such-guide"))
    assert cache.get(services.GUIDE_VIEWS_KEY.format(slug="no-such-guide")) is None


def test_glossary_page_uses_a_fixed_number_of_queries(client, django_assert_num_queries):
    for number in range(5):
        GlossaryTerm.objects.create(slug=f"term-{number}", term_pl=f"termin {number}")
    with django_assert_num_queries(1 + URGENT_BANNER_QUERIES):
        assert client.get(url_in("pl", "glossary")).status_code == 200


class TestMistakeReportRetention:
    def test_handling_a_report_erases_the_readers_email(self):
        report = MistakeReport.objects.create(page_path="/pl/", language="pl", message="Błąd", email="a@example.org")
        services.mistake_report_status_set(report_id=report.pk, status=MistakeReport.Status.DONE)
        report.refresh_from_db()
        assert report.status == MistakeReport.Status.DONE and report.email == ""

    def test_old_reports_are_deleted_by_the_scheduled_task(self, settings):
        from datetime import timedelta

        from django.utils import timezone

        from portal.tasks import purge_mistake_reports

        settings.MISTAKE_REPORT_RETENTION_DAYS = 30
        old = MistakeReport.objects.create(page_path="/pl/", language="pl", message="stary")
        MistakeReport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
        recent = MistakeReport.objects.create(page_path="/pl/", language="pl", message="nowy")
        assert purge_mistake_reports.delay().get() == 1
        assert list(MistakeReport.objects.values_list("pk", flat=True)) == [recent.pk]


def test_administrators_cannot_make_anyone_a_superuser(client):
    admin_user = UserFactory(role=roles.ADMINISTRATOR, with_totp=True)
    colleague = UserFactory()
    client.force_login(admin_user)
    content = client.get(reverse("admin:portal_user_change", args=[colleague.pk])).content.decode()
    assert 'name="is_superuser"' not in content
    superuser = UserFactory(is_superuser=True)
    url = reverse("admin:portal_user_change", args=[superuser.pk])
    assert 'name="_save"' not in client.get(url).content.decode()  # may see the account, not change it
    assert client.post(url, {"email": "taken@example.org"}).status_code == 403


# --- The article cache: readers the page cache does not serve --------------------------------------------------


def test_readers_the_page_cache_skips_get_the_article_from_its_own_cache(client, django_assert_num_queries):
    guide = make_guide()
    url = url_in("en", "guide_detail", slug=guide.slug) + "?utm_source=leaflet"  # a query string skips the page cache
    cache.clear()
    client.get(url)
    with django_assert_num_queries(0):  # the banner of urgent notices is cached too
        content = client.get(url).content.decode()
    assert "Temporary residence and work" in content and "A single permit" in content


def test_an_edit_shows_at_once_on_the_cached_article(client, django_capture_on_commit_callbacks):
    guide = make_guide()
    url = url_in("en", "guide_detail", slug=guide.slug) + "?x=1"
    assert "A single permit" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        guide.summary_en = "A completely new summary."
        guide.save()
    assert "A completely new summary." in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        guide.status = Guide.Status.DRAFT
        guide.save()
    assert client.get(url).status_code == 404


def test_the_cached_article_shows_a_notice_about_the_guide_once_its_time_comes(client):
    from datetime import timedelta

    from django.utils import timezone

    from portal import services
    from portal.models import Notice
    from tests.portal.test_notices import make_notice

    guide = make_guide()
    make_notice("later", guides=[guide], published_at=timezone.now() + timedelta(minutes=5))
    url = url_in("en", "guide_detail", slug=guide.slug) + "?x=1"  # a query string: past the page cache
    services.notices_visibility_refresh()
    assert "Notice later" not in client.get(url).content.decode()
    # Its time comes; nothing is saved. The minute's visibility refresh moves the content version.
    Notice.objects.filter(slug="later").update(published_at=timezone.now() - timedelta(seconds=1))
    assert "Notice later" not in client.get(url).content.decode()  # still the cached article
    assert services.notices_visibility_refresh() is True
    assert "Notice later" in client.get(url).content.decode()


def test_each_glossary_term_is_explained_at_its_first_use_on_the_page_with_unique_ids(client):
    GlossaryTerm.objects.create(slug="wniosek", term_pl="wniosek", explanation_pl="Pismo do urzędu.")
    GlossaryTerm.objects.create(slug="pesel", term_pl="PESEL", explanation_pl="Numer ewidencyjny.")
    guide = make_guide(
        summary={"pl": "Wniosek składasz w MOS.", "en": "", "uk": "", "ru": ""},
        how_to_apply={"pl": "W MOS złóż wniosek, podaj PESEL. Wniosek wraca z PESEL.", "en": "", "uk": "", "ru": ""},
    )
    for _request in range(2):  # built, then from the cache: the same page
        content = client.get(url_in("pl", "guide_detail", slug=guide.slug) + "?x=1").content.decode()
        assert content.count('href="/pl/glossary/#wniosek"') == 1
        assert content.count('href="/pl/glossary/#pesel"') == 1
        assert content.count('id="term-1"') == 1 and content.count('id="term-2"') == 1
        assert content.index('id="term-1"') < content.index("W MOS złóż")  # in the summary, not in the later sections

"""The project page with its live figures, application forms with versioned files, and the contact page."""

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfWriter

from appointments.models import BookableService, Booking
from cases.models import LookupRecord
from infopoints.models import Enquiry, Matter
from portal import application_forms, project_figures, roles
from portal.admin_office import ApplicationFormFileForm
from portal.models import ApplicationForm, ApplicationFormFile, AuditEvent, Guide, OpeningHours, ProjectFigure
from tests.factories import URGENT_BANNER_QUERIES, PlaceFactory, SpokenLanguageFactory, UserFactory, make_guide, url_in

pytestmark = pytest.mark.django_db
ZONE = ZoneInfo("Europe/Warsaw")


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def publish(*keys: str) -> None:
    for order, key in enumerate(keys):
        ProjectFigure.objects.create(key=key, is_published=True, order=order)


def shown(today: date) -> dict[str, project_figures.FigureValue]:
    return {figure.key: figure.value for figure in project_figures.figures_shown(today=today)}


@pytest.mark.parametrize(
    ("language", "facts"),
    [
        (
            "pl",
            [
                "Kierunek Wielkopolska: migranci w centrum uwagi",
                "14 324 000 zł",
                "10 743 000 zł",
                "3 581 000 zł",
                "maj 2024 – grudzień 2029",
                "Współfinansowane ze środków Unii Europejskiej",
                "Fundusz Azylu, Migracji i Integracji",
                "Ministerstwo Spraw Wewnętrznych i Administracji",
            ],
        ),
        (
            "en",
            [
                "PLN 14,324,000",
                "PLN 10,743,000",
                "PLN 3,581,000",
                "May 2024 – December 2029",
                "Co-funded by the European Union",
                "Asylum, Migration and Integration Fund",
                "Ministry of the Interior and Administration",
            ],
        ),
        (
            "uk",
            [
                "14 324 000 злотих",
                "Співфінансується Європейським Союзом",
                "Фонд притулку, міграції та інтеграції",
                "Міністерство внутрішніх справ і адміністрації",
            ],
        ),
        (
            "ru",
            [
                "14 324 000 злотых",
                "Софинансируется Европейским союзом",
                "Фонд убежища, миграции и интеграции",
                "Министерство внутренних дел и администрации",
            ],
        ),
    ],
)
def test_project_page_states_the_projects_facts_and_the_funding_statement_in_each_language(client, language, facts):
    content = client.get(url_in(language, "project")).content.decode()
    for fact in facts:
        assert fact in content
    assert content.count("<li>", content.index('class="project-results"')) >= 13
    assert "img/eu-emblem" in content


def test_the_emblem_is_a_3_to_2_flag_with_twelve_stars_sized_by_the_eu_rules():
    from pathlib import Path

    svg = (Path(__file__).resolve().parents[2] / "static" / "img" / "eu-emblem.svg").read_text()
    assert 'viewBox="0 0 810 540"' in svg  # 3:2
    assert svg.count("<polygon") == 12
    first_star = [tuple(map(float, p.split(","))) for p in svg.split('points="')[1].split('"')[0].split()]
    top = min(y for _x, y in first_star)
    assert abs((270 - 180 - 30) - top) < 0.01  # circle radius h/3, star radius h/18, one point up


def test_every_pages_footer_links_the_funding_notice_to_the_project_page_and_the_contact_page(client):
    content = client.get(url_in("en", "home")).content.decode()
    assert f'href="{url_in("en", "project")}"' in content
    assert f'href="{url_in("en", "contact")}"' in content


def test_portal_figures_match_counted_data():
    today = date(2026, 6, 10)
    poznan = PlaceFactory(slug="a")
    poznan.staff_languages.set([SpokenLanguageFactory(code="pl"), SpokenLanguageFactory(code="uk")])
    hidden = PlaceFactory(slug="b", is_published=False)
    hidden.staff_languages.set([SpokenLanguageFactory(code="de")])
    make_guide("one")
    untranslated = make_guide("two")
    Guide.objects.filter(pk=untranslated.pk).update(title_uk="", summary_uk="")
    make_guide("draft", status="draft")
    publish("languages-served", "guides-per-language")
    values = shown(today)
    assert values["languages-served"].total == 2
    guides = values["guides-per-language"]
    assert guides.total == 2
    assert [count for _label, count in guides.parts] == [2, 2, 1, 2]  # pl, en, uk, ru


def test_app_figures_match_counted_data(django_assert_num_queries):
    today = timezone.localdate()
    place = PlaceFactory(slug="poznan")
    OpeningHours.objects.create(place=place, weekday=today.weekday(), opens="08:00", closes="15:00")
    Matter.objects.create(place=place, letter="A", name="Info", is_open=True)
    Matter.objects.create(place=place, letter="B", name="More", is_open=True)
    closed = PlaceFactory(slug="closed-today")
    closed.opening_hours.all().delete()  # the factory's Monday and Wednesday: on those days it would be open
    OpeningHours.objects.create(place=closed, weekday=(today.weekday() + 1) % 7, opens="08:00", closes="15:00")
    Matter.objects.create(place=closed, letter="A", name="Info", is_open=True)

    for outcome in ["found", "found", "not-found", "limited"]:
        LookupRecord.objects.create(number_hash="x", outcome=outcome)

    service = BookableService.objects.create(code="fingerprints", name="Fingerprints")
    now = timezone.now()
    start = datetime(today.year, 3, 1, 9, tzinfo=ZONE)
    for n, (status, confirmed) in enumerate(
        [("confirmed", now), ("completed", now), ("checked_in", now), ("no_show", now), ("held", None)]
    ):
        Booking.objects.create(
            reference=f"R{n}",
            service=service,
            place=place,
            starts_at=start + timedelta(hours=n),
            status=status,
            confirmed_at=confirmed,
        )
    Booking.objects.create(
        reference="OLD",
        service=service,
        place=place,
        starts_at=start - timedelta(days=400),
        status="completed",
        confirmed_at=now - timedelta(days=400),
    )

    Enquiry.objects.create(reference="ZG-2026-000001", channel="phone", resolved_at=now)
    Enquiry.objects.create(reference="ZG-2026-000002", channel="web")
    Enquiry.objects.create(reference="ZG-2025-000003", channel="web", resolved_at=now - timedelta(days=400))

    publish("info-points-open-today", "case-status-lookups", "bookings-made", "bookings-kept", "enquiries-answered")
    with django_assert_num_queries(6):  # the choice, then one aggregate per figure
        values = shown(today)
    assert values["info-points-open-today"].total == 1
    assert values["case-status-lookups"].total == 3
    assert values["bookings-made"].total == 4
    assert values["bookings-kept"].total == 2
    assert values["enquiries-answered"].total == 1


def test_only_published_figures_with_a_data_source_are_shown(client):
    ProjectFigure.objects.create(key="languages-served", is_published=False)
    ProjectFigure.objects.create(key="no-such-source", is_published=True)
    content = client.get(url_in("en", "project")).content.decode()
    assert "figure-languages-served" not in content and "no-such-source" not in content
    assert "figures-heading" not in content  # no section, no placeholder number


def test_project_page_query_count_does_not_grow_with_data(client, django_assert_num_queries):
    publish(*[figure.key for figure in project_figures.registered()])
    client.get(url_in("pl", "project"))  # the layout's urgent-notice banner is cached from here on
    with CaptureQueriesContext(connection) as small:
        client.get(url_in("pl", "project"))
    # the figures' choice and one aggregate per published figure, beside the layout's own queries
    assert len(small.captured_queries) <= 1 + len(project_figures.registered()) + URGENT_BANNER_QUERIES
    for n in range(5):
        PlaceFactory(slug=f"p{n}").staff_languages.set([SpokenLanguageFactory(code=f"l{n}")])
        make_guide(f"g{n}")
        LookupRecord.objects.create(number_hash="x", outcome="found")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url_in("pl", "project"))


def test_a_coordinator_publishes_a_figure_in_the_admin_and_it_is_audited(client):
    coordinator = UserFactory(role=roles.COORDINATOR, is_staff=True, with_totp=True)
    client.force_login(coordinator)
    response = client.post(
        "/admin/portal/projectfigure/add/", {"key": "languages-served", "is_published": "on", "order": "1"}
    )
    assert response.status_code == 302
    figure = ProjectFigure.objects.get(key="languages-served")
    event = AuditEvent.objects.get(object_type="portal.projectfigure", object_id=str(figure.pk))
    assert event.action == "project_figure.create" and event.changes["is_published"] == [None, True]


def test_an_editor_cannot_choose_project_figures(client):
    client.force_login(UserFactory(role=roles.CONTENT_EDITOR, is_staff=True, with_totp=True))
    assert client.get("/admin/portal/projectfigure/add/").status_code == 403


def make_form(slug="card", guide=None, **fields) -> ApplicationForm:
    return ApplicationForm.objects.create(
        slug=slug, title_pl=f"Formularz {slug}", title_en=f"Form {slug}", guide=guide, **fields
    )


def add_file(form, version: date, language="pl", content: bytes | None = None) -> ApplicationFormFile:
    data = content or pdf_bytes()
    item = ApplicationFormFile(form=form, language=language, version_date=version, size=len(data))
    item.file.save("x.pdf", ContentFile(data), save=True)
    return item


def test_the_stable_address_serves_the_newest_version_and_old_versions_stay_stored(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    form = make_form()
    add_file(form, date(2024, 1, 1), content=pdf_bytes(1))
    add_file(form, date(2025, 1, 1), content=pdf_bytes(2))
    response = client.get(url_in("en", "application_form_download", slug="card"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "card-2025-01-01.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == pdf_bytes(2)
    assert form.files.count() == 2


def translated_url(code: str) -> str:
    with translation.override("uk"):
        return reverse("application_form_download_translation", kwargs={"slug": "card", "language": code})


def test_unofficial_translations_have_their_own_address_and_are_marked(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    form = make_form()
    add_file(form, date(2025, 1, 1))
    add_file(form, date(2025, 1, 1), language="uk")
    response = client.get(translated_url("uk"))
    assert "unofficial" in response["Content-Disposition"]
    assert client.get(translated_url("de")).status_code == 404
    assert client.get(translated_url("ru")).status_code == 404
    content = client.get(url_in("en", "application_form_list")).content.decode()
    assert "Unofficial translation" in content


def test_unpublished_or_unknown_forms_are_not_found(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    add_file(make_form(is_published=False), date(2025, 1, 1))
    assert client.get(url_in("pl", "application_form_download", slug="card")).status_code == 404
    assert client.get(url_in("pl", "application_form_download", slug="nope")).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"MZ\x90\x00 not a pdf", "not_pdf"),
        (b"%PDF-1.7\nbroken", "damaged"),
        (b"", "empty"),
    ],
)
def test_uploads_are_checked_by_content(data, message):
    form = make_form()
    upload = SimpleUploadedFile("form.pdf", data, content_type="application/pdf")
    bound = ApplicationFormFileForm(
        data={"language": "pl", "version_date": "2025-01-01"},
        files={"file": upload},
        instance=ApplicationFormFile(form=form),
    )
    assert not bound.is_valid()
    assert [error.code for error in bound.errors.as_data()["file"]] == [message]


def test_a_real_pdf_is_accepted_and_an_oversized_one_refused(monkeypatch):
    from portal import application_forms

    form = make_form()
    good = ApplicationFormFileForm(
        data={"language": "pl", "version_date": "2025-01-01"},
        files={"file": SimpleUploadedFile("form.pdf", pdf_bytes(), content_type="application/pdf")},
        instance=ApplicationFormFile(form=form),
    )
    assert good.is_valid(), good.errors
    monkeypatch.setattr(application_forms, "MAX_BYTES", 100)
    monkeypatch.setattr("portal.admin_office.MAX_BYTES", 100)
    big = ApplicationFormFileForm(
        data={"language": "pl", "version_date": "2025-01-01"},
        files={"file": SimpleUploadedFile("form.pdf", pdf_bytes(), content_type="application/pdf")},
        instance=ApplicationFormFile(form=form),
    )
    assert not big.is_valid() and big.errors.as_data()["file"][0].code == "too_large"


def test_forms_page_lists_forms_by_procedure_with_constant_queries(
    client, settings, tmp_path, django_assert_num_queries
):
    settings.MEDIA_ROOT = tmp_path
    guide = make_guide("residence-card-replacement")
    add_file(make_form("a", guide=guide), date(2025, 1, 1))
    add_file(make_form("b"), date(2025, 1, 1))
    make_form("no-file-yet")
    client.get(url_in("en", "application_form_list"))  # caches the layout's urgent-notice banner
    with CaptureQueriesContext(connection) as small:
        content = client.get(url_in("en", "application_form_list") + "?uncached=1").content.decode()
    assert content.index("Form a") < content.index("Form b") and "no-file-yet" not in content
    for n in range(4):
        add_file(make_form(f"x{n}", guide=make_guide(f"guide-{n}")), date(2025, 1, 1))
        add_file(ApplicationForm.objects.get(slug=f"x{n}"), date(2025, 1, 1), language="uk")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url_in("en", "application_form_list") + "?uncached=1")


def test_a_guide_page_links_its_forms(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    guide = make_guide("residence-card-replacement")
    add_file(make_form("card", guide=guide), date(2025, 1, 1))
    content = client.get(guide.get_absolute_url()).content.decode()
    assert 'id="forms"' in content and url_in("pl", "application_form_download", slug="card") in content


def test_contact_page_gives_every_channel_and_the_places_hours(client, django_assert_num_queries):
    place = PlaceFactory(slug="poznan", name_en="Poznań office")
    OpeningHours.objects.create(place=place, weekday=0, opens="08:15", closes="15:15")
    client.get(url_in("en", "contact"))  # caches the layout's urgent-notice banner
    with CaptureQueriesContext(connection) as small:
        content = client.get(url_in("en", "contact") + "?uncached=1").content.decode()
    for fact in [
        "61 850 87 77",
        "cudzoziemcy@poznan.uw.gov.pl",
        "pl. Wolności 17",
        "e-Doręczenia",
        url_in("en", "ask"),
        url_in("en", "cases:lookup"),
        url_in("en", "appointments:start"),
        "Poznań office",
        "08:15–15:15",
        "To be confirmed: call before you come",
    ]:
        assert fact in content
    for n in range(4):
        other = PlaceFactory(slug=f"p{n}")
        OpeningHours.objects.create(place=other, weekday=1, opens="08:00", closes="12:00")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url_in("en", "contact") + "?uncached=1")


def test_the_new_pages_are_in_the_sitemap(client):
    content = client.get("/sitemap.xml").content.decode()
    for path in ["/pl/project/", "/uk/forms/", "/ru/contact/"]:
        assert path in content


def test_the_site_search_finds_forms_in_the_readers_language_and_in_polish(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    form = make_form("card", title_uk="Заява про обмін карти побиту")
    add_file(form, date(2025, 1, 1))
    add_file(make_form("hidden", title_uk="Заява прихована", is_published=False), date(2025, 1, 1))
    content = client.get(url_in("uk", "search") + "?q=обмін").content.decode()
    assert url_in("uk", "application_form_list") + "#form-card" in content
    assert client.get(url_in("uk", "search") + "?q=Formularz+card").content.decode().count("#form-card") == 1
    assert "#form-hidden" not in client.get(url_in("uk", "search") + "?q=прихована").content.decode()


def test_demo_forms_are_real_pdfs_marked_as_demo_and_loading_twice_changes_nothing(settings, tmp_path):
    from portal.application_forms import pdf_check
    from portal.demo import office_data

    settings.MEDIA_ROOT = tmp_path
    office_data.load(io.StringIO())
    office_data.load(io.StringIO())
    forms = ApplicationForm.objects.all()
    assert forms.count() >= 4 and all(form.is_demo for form in forms)
    files = ApplicationFormFile.objects.all()
    assert files.filter(language="pl").count() == forms.count()
    for item in files:
        with item.file.open("rb") as handle:
            pdf_check(handle.read())
    published = set(ProjectFigure.objects.filter(is_published=True).values_list("key", flat=True))
    assert published == {figure.key for figure in project_figures.registered()}


def test_an_editor_uploads_a_new_version_in_the_admin_and_it_is_audited(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    form = make_form()
    add_file(form, date(2024, 1, 1))
    editor = UserFactory(role=roles.CONTENT_EDITOR, is_staff=True, with_totp=True)
    client.force_login(editor)
    prefix = "files"
    data = {
        "title_pl": form.title_pl,
        "title_en": form.title_en,
        "title_uk": "",
        "title_ru": "",
        "description_pl": "",
        "description_en": "",
        "description_uk": "",
        "description_ru": "",
        "slug": form.slug,
        "guide": "",
        "is_published": "on",
        "order": "0",
        f"{prefix}-TOTAL_FORMS": "2",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-id": str(form.files.get().pk),
        f"{prefix}-0-form": str(form.pk),
        f"{prefix}-1-form": str(form.pk),
        f"{prefix}-1-language": "pl",
        f"{prefix}-1-version_date": "2026-01-05",
        f"{prefix}-1-file": SimpleUploadedFile("new.pdf", pdf_bytes(3), content_type="application/pdf"),
    }
    response = client.post(f"/admin/portal/applicationform/{form.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert form.files.count() == 2
    newest = application_forms.form_file_current(slug=form.slug)
    assert newest.version_date == date(2026, 1, 5) and newest.size == len(pdf_bytes(3))
    assert AuditEvent.objects.filter(action="application_form.file_upload", object_id=str(newest.pk)).exists()

    data[f"{prefix}-1-file"] = SimpleUploadedFile("fake.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    data[f"{prefix}-1-version_date"] = "2026-02-01"
    response = client.post(f"/admin/portal/applicationform/{form.pk}/change/", data)
    assert response.status_code == 200 and form.files.count() == 2


def test_a_case_officer_cannot_manage_forms(client):
    client.force_login(UserFactory(role=roles.CASE_OFFICER, is_staff=True, with_totp=True))
    assert client.get("/admin/portal/applicationform/add/").status_code == 403

"""Creates the places and one demo staff member per role. Idempotent: running it again updates in place."""

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from portal import roles
from portal.demo import categories_data, faq_data, glossary_data, notices_data, partners_data, places_data
from portal.guide_content import guide_import, guide_link_related
from portal.models import (
    Category,
    ContentRevision,
    FaqEntry,
    GlossaryTerm,
    Guide,
    GuideChange,
    Notice,
    OpeningHours,
    Partner,
    PartnerTopic,
    Place,
    Service,
    SpokenLanguage,
    User,
)
from portal.text import content_version_bump
from portal.translation_state import source_revision_record, translation_mark_current

LANGUAGES = ("pl", "en", "uk", "ru")
DEMO_PASSWORD = "Kierunek-demo-2026"  # noqa: S105 (published demo password, development only)  # documented in the README; load_demo refuses to run in production mode

DEMO_STAFF = [
    # (e-mail, name, role, place slugs)
    ("redaktor@demo.kierunek.invalid", "Anna Redaktorka", roles.CONTENT_EDITOR, []),
    (
        "urzednik@demo.kierunek.invalid",
        "Piotr Urzędnik",
        roles.CASE_OFFICER,
        ["poznan-foreigners-department"],
    ),
    (
        "punkt@demo.kierunek.invalid",
        "Olena Informacja",
        roles.INFO_POINT_STAFF,
        ["uam-welcome-center", "poznan-foreigners-department"],
    ),
    (
        "infolinia@demo.kierunek.invalid",
        "Marek Infolinia",
        roles.HOTLINE_CONSULTANT,
        ["poznan-foreigners-department"],
    ),
    # One info-point account for each other place, so every desk can be tried as its own staff would see it.
    (
        "punkt.obywatelskie@demo.kierunek.invalid",
        "Iryna Obywatelska",
        roles.INFO_POINT_STAFF,
        ["poznan-civic-affairs-department"],
    ),
    ("punkt.kalisz@demo.kierunek.invalid", "Tomasz Kaliski", roles.INFO_POINT_STAFF, ["kalisz-branch-office"]),
    ("punkt.konin@demo.kierunek.invalid", "Natalia Konińska", roles.INFO_POINT_STAFF, ["konin-branch-office"]),
    ("punkt.leszno@demo.kierunek.invalid", "Marta Leszczyńska", roles.INFO_POINT_STAFF, ["leszno-branch-office"]),
    ("punkt.pila@demo.kierunek.invalid", "Oleh Pilski", roles.INFO_POINT_STAFF, ["pila-branch-office"]),
    ("koordynator@demo.kierunek.invalid", "Ewa Koordynatorka", roles.COORDINATOR, []),
    ("admin@demo.kierunek.invalid", "Jan Administrator", roles.ADMINISTRATOR, []),
]


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": values.get(code, "") for code in LANGUAGES}


@transaction.atomic
def load_places() -> list[Place]:
    languages = {}
    for order, item in enumerate(places_data.SPOKEN_LANGUAGES):
        languages[item["code"]], _ = SpokenLanguage.objects.update_or_create(
            code=item["code"], defaults={"order": order, **_translated("name", item["name"])}
        )
    services = {}
    for order, item in enumerate(places_data.SERVICES):
        services[item["code"]], _ = Service.objects.update_or_create(
            code=item["code"],
            defaults={
                "order": order,
                **_translated("name", item["name"]),
                **_translated("description", item["description"]),
            },
        )
    places = []
    for item in places_data.PLACES:
        place, _ = Place.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "kind": item["kind"],
                "order": item["order"],
                "street": item["street"],
                "postal_code": item["postal_code"],
                "city": item["city"],
                "phone": item.get("phone", ""),
                "email": item.get("email", ""),
                "step_free_entrance": item.get("step_free_entrance", False),
                **{f"{detail}_confirmed": detail in item["confirmed"] for detail in PLACE_DETAILS},
                **_translated("name", item["name"]),
                **_translated("description", item["description"]),
                **_translated("accessibility_notes", item.get("accessibility_notes", {})),
            },
        )
        place.staff_languages.set([languages[code] for code in item["staff_languages"]])
        place.services.set([services[code] for code in item["services"]])
        place.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(
                place=place,
                weekday=weekday,
                opens=time.fromisoformat(opens),
                closes=time.fromisoformat(closes),
            )
            for weekday, opens, closes in item["opening_hours"]
        )
        places.append(place)
    return places


@transaction.atomic
def load_staff() -> list[User]:
    users = []
    for email, name, role, place_slugs in DEMO_STAFF:
        user, created = User.objects.get_or_create(email=email, defaults={"name": name, "is_staff": True})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set([Group.objects.get(name=role)])
        user.places.set(Place.objects.filter(slug__in=place_slugs))
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, settings.DEMO_TOTP_SECRET)
        users.append(user)
    return users


GUIDES_DIR = Path(__file__).parent / "guides"
PLACE_DETAILS = ("address", "hours", "phone", "accessibility")

MOS_CHANGE = {
    "pl": "Od 27 kwietnia 2026 r. wniosek składa się wyłącznie elektronicznie w MOS; "
    "zaktualizowaliśmy kroki i dokumenty.",
    "en": "Since 27 April 2026 the application is filed only online in MOS; we updated the steps and documents.",
    "uk": "З 27 квітня 2026 року заяву подають лише онлайн у MOS; ми оновили кроки та документи.",
    "ru": "С 27 апреля 2026 года заявление подают только онлайн в MOS; мы обновили шаги и документы.",
}
REVIEW_CHANGE = {
    "pl": "Sprawdziliśmy przewodnik z przepisami i opłatami obowiązującymi w listopadzie 2026 r.",
    "en": "We checked the guide against the law and fees in force in November 2026.",
    "uk": "Ми перевірили довідник на відповідність законам і зборам, чинним у листопаді 2026 року.",
    "ru": "Мы проверили руководство на соответствие законам и сборам, действующим в ноябре 2026 года.",
}
# One guide whose Polish text changed after the Russian translation, so the dashboard and the reader's notice
# ("this translation may be out of date") can be seen at once in the demo.
OUTDATED_DEMO = ("residence-card-replacement", ["en", "uk"])


@transaction.atomic
def load_guides() -> list[Guide]:
    for index, item in enumerate(categories_data.CATEGORIES):
        Category.objects.update_or_create(
            slug=item["slug"],
            defaults={
                # How often people need a group decides its place (categories_data.py); unranked ones go last.
                "order": item.get("order", categories_data.UNRANKED_ORDER + index),
                **_translated("name", item["name"]),
                **_translated("description", item["description"]),
            },
        )
    for item in glossary_data.GLOSSARY:
        GlossaryTerm.objects.update_or_create(
            slug=item["slug"],
            defaults={
                **_translated("term", item["term"]),
                **_translated("explanation", item["explanation"]),
                **_translated("avoid", {language: "\n".join(words) for language, words in item["avoid"].items()}),
            },
        )
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(GUIDES_DIR.glob("*.json"))]
    guides = [guide_import(data=data) for data in documents]
    for data in documents:
        guide_link_related(data=data)
    ContentRevision.objects.filter(
        content_type=ContentType.objects.get_for_model(Guide), object_id__in=[guide.pk for guide in guides]
    ).delete()
    for guide in guides:
        if guide.apply_online_mos:
            GuideChange.objects.create(guide=guide, changed_on=date(2026, 4, 27), **_translated("summary", MOS_CHANGE))
        GuideChange.objects.create(guide=guide, changed_on=guide.last_reviewed, **_translated("summary", REVIEW_CHANGE))
        source_revision_record(item=guide, significance=ContentRevision.Significance.CONTENT, note="Demo content")
        translation_mark_current(item=guide, languages=["en", "uk", "ru"])
    slug, updated_languages = OUTDATED_DEMO
    guide = Guide.objects.get(slug=slug)
    source_revision_record(item=guide, significance=ContentRevision.Significance.CONTENT, note="Demo: fee wording")
    translation_mark_current(item=guide, languages=updated_languages)
    content_version_bump()
    return guides


def _demo_time(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def _track_translations(items: list) -> None:
    """Demo items start with one Polish revision and every translation made from it."""
    if not items:
        return
    ContentRevision.objects.filter(
        content_type=ContentType.objects.get_for_model(items[0]), object_id__in=[item.pk for item in items]
    ).delete()
    for item in items:
        source_revision_record(item=item, significance=ContentRevision.Significance.CONTENT, note="Demo content")
        translation_mark_current(item=item, languages=["en", "uk", "ru"])


@transaction.atomic
def load_notices() -> list[Notice]:
    """Notices of the last months. The scheduled one is kept in the future whenever the demo is loaded, and the
    subscribers of the past ones count as told already (the demo has no subscribers anyway)."""
    now = timezone.now()
    notices = []
    for item in notices_data.NOTICES:
        published_at = _demo_time(item["published_at"])
        if item.get("scheduled"):
            published_at = max(published_at, now + timedelta(days=1))
        valid_until = _demo_time(item["valid_until"]) if item.get("valid_until") else None
        if valid_until is not None and valid_until <= published_at:
            valid_until = published_at + timedelta(days=14)
        notice, _ = Notice.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "status": Notice.Status.PUBLISHED,
                "importance": item["importance"],
                "published_at": published_at,
                "valid_until": valid_until,
                "announced_at": None if published_at > now else published_at,
                **_translated("title", item["title"]),
                **_translated("summary", item["summary"]),
                **_translated("body", item["body"]),
            },
        )
        notice.places.set(Place.objects.filter(slug__in=item["places"]))
        notice.guides.set(Guide.objects.filter(slug__in=item["guides"]))
        notices.append(notice)
    _track_translations(notices)
    return notices


@transaction.atomic
def load_faq() -> list[FaqEntry]:
    categories = {category.slug: category for category in Category.objects.all()}
    entries = []
    for order, item in enumerate(faq_data.FAQ):
        entry, _ = FaqEntry.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "category": categories[item["category"]],
                "order": order,
                "status": FaqEntry.Status.PUBLISHED,
                **_translated("question", item["question"]),
                **_translated("answer", item["answer"]),
            },
        )
        entries.append(entry)
    _track_translations(entries)
    return entries


@transaction.atomic
def load_partners() -> list[Partner]:
    topics = {}
    for order, item in enumerate(partners_data.TOPICS):
        topics[item["code"]], _ = PartnerTopic.objects.update_or_create(
            code=item["code"], defaults={"order": order, **_translated("name", item["name"])}
        )
    languages = {language.code: language for language in SpokenLanguage.objects.all()}
    partners = []
    for order, item in enumerate(partners_data.PARTNERS):
        partner, _ = Partner.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "order": order,
                "is_published": True,
                "is_illustrative": True,
                "street": item["street"],
                "postal_code": item["postal_code"],
                "city": item["city"],
                "email": item["email"],
                **_translated("name", item["name"]),
                **_translated("description", item["description"]),
                **_translated("opening_hours", item["opening_hours"]),
            },
        )
        partner.topics.set([topics[code] for code in item["topics"]])
        partner.languages.set([languages[code] for code in item["languages"]])
        partners.append(partner)
    _track_translations(partners)
    return partners


def load_information() -> None:
    """Notices, FAQ and partner institutions (they refer to the places and guides, so those come first)."""
    load_notices()
    load_faq()
    load_partners()
    content_version_bump()


def load(stdout) -> None:
    places = load_places()
    stdout.write(f"Places: {len(places)}")
    guides = load_guides()
    stdout.write(f"Guides: {len(guides)}, glossary terms: {GlossaryTerm.objects.count()}")
    load_information()
    stdout.write(
        f"Notices: {Notice.objects.count()}, FAQ entries: {FaqEntry.objects.count()}, "
        f"partner institutions (illustrative): {Partner.objects.count()}"
    )
    from portal.demo import office_data

    office_data.load(stdout)
    users = load_staff()
    stdout.write(
        f"Demo staff logins (password for all: {DEMO_PASSWORD}; TOTP secret for all: {settings.DEMO_TOTP_SECRET}):"
    )
    for user in users:
        role = user.groups.first()
        stdout.write(f"  {user.email:40} {role.name if role else '-'}")
    stdout.write("Current TOTP code: .venv/bin/python manage.py demo_totp")

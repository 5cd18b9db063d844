"""factory_boy factories for the site core; feature apps add theirs in tests/<app>/factories.py."""

from datetime import time

import factory
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from portal.models import OpeningHours, Place, Service, SpokenLanguage, User

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# Every full page reads the urgent notices for its banner once a minute per language (portal.context_processors);
# query counts of pages rendered with an empty cache include it.
URGENT_BANNER_QUERIES = 1
PASSWORD = "a-long-test-password-2026"


class SpokenLanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpokenLanguage
        django_get_or_create = ["code"]

    code = factory.Iterator(["pl", "en", "uk", "ru"])
    name_pl = factory.LazyAttribute(lambda o: f"język {o.code}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    code = factory.Sequence(lambda n: f"service-{n}")
    name_pl = factory.Sequence(lambda n: f"Usługa {n}")
    name_en = factory.Sequence(lambda n: f"Service {n}")


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"place-{n}")
    kind = Place.Kind.BRANCH_OFFICE
    name_pl = factory.Sequence(lambda n: f"Delegatura {n}")
    name_en = factory.Sequence(lambda n: f"Branch office {n}")
    description_pl = "Pomagamy złożyć wniosek w MOS."
    street = "ul. Testowa 1"
    postal_code = "60-001"
    city = "Poznań"

    @factory.post_generation
    def with_details(self, create, extracted, **kwargs):
        if not create:
            return
        OpeningHours.objects.create(place=self, weekday=0, opens=time(8), closes=time(16))
        OpeningHours.objects.create(place=self, weekday=2, opens=time(10), closes=time(18))
        self.staff_languages.add(SpokenLanguageFactory(code="uk"))
        self.services.add(ServiceFactory())


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    name = factory.Sequence(lambda n: f"Staff Member {n}")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            if not Group.objects.filter(name=extracted).exists():
                roles_restore()  # a transactional test before this one emptied the tables
            self.groups.add(Group.objects.get(name=extracted))
        self.save()

    @factory.post_generation
    def with_totp(self, create, extracted, **kwargs):
        if create and extracted:
            TOTP.activate(self, TOTP_SECRET)


def has_totp(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def url_in(language: str, name: str, **kwargs) -> str:
    """The address of a named page in one language, e.g. url_in("uk", "place_list") == "/uk/places/"."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def guide_data(slug: str = "temporary-residence-work", **overrides) -> dict:
    """A small but complete guide in the JSON shape of portal/demo/guides/SCHEMA.md."""

    def text(pl: str, en: str = "", uk: str = "", ru: str = "") -> dict:
        return {"pl": pl, "en": en, "uk": uk, "ru": ru}

    data = {
        "slug": slug,
        "category": "work",
        "title": text(
            "Pobyt czasowy i praca",
            "Temporary residence and work",
            "Тимчасове проживання та робота",
            "Временное пребывание и работа",
        ),
        "summary": text(
            "Jednolite zezwolenie na pobyt i pracę.",
            "A single permit to stay and work.",
            "Єдиний дозвіл на проживання та роботу.",
            "Единое разрешение на пребывание и работу.",
        ),
        "who_for": text(
            "- Pracujesz w Polsce", "- You work in Poland", "- Ви працюєте в Польщі", "- Вы работаете в Польше"
        ),
        "legal_basis": "art. 114 ust. 1 ustawy o cudzoziemcach",
        "processing_time": text("60 dni", "60 days", "60 днів", "60 дней"),
        "processing_time_days": 60,
        "apply_channels": ["mos"],
        "how_to_apply": text(
            "Złóż wniosek w MOS.", "File the application in MOS.", "Подайте заяву в MOS.", "Подайте заявление в MOS."
        ),
        "places": [],
        "fees": [
            {
                "kind": "stamp_duty",
                "amount_pln": "440.00",
                "reduced_amount_pln": None,
                "label": text("Opłata skarbowa", "Stamp duty", "Гербовий збір", "Гербовый сбор"),
                "account": "94 1020 4027 0000 1602 1262 0763",
                "account_holder": "Urząd Miasta Poznania",
                "payment_title": text("Opłata skarbowa", "Stamp duty", "Гербовий збір", "Гербовый сбор"),
            }
        ],
        "steps": [
            {
                "title": text(
                    "Załóż konto w MOS",
                    "Create a MOS account",
                    "Створіть обліковий запис у MOS",
                    "Создайте учётную запись в MOS",
                ),
                "body": text(
                    "Zaloguj się przez login.gov.pl.",
                    "Log in through login.gov.pl.",
                    "Увійдіть через login.gov.pl.",
                    "Войдите через login.gov.pl.",
                ),
            }
        ],
        "documents": [
            {
                "name": text("Paszport", "Passport", "Паспорт", "Паспорт"),
                "notes": text(
                    "Skan wszystkich stron.", "A scan of all pages.", "Скан усіх сторінок.", "Скан всех страниц."
                ),
                "form": "scan",
                "translation_needed": False,
                "issued_by": text("Państwo obywatelstwa", "Your country", "Ваша країна", "Ваша страна"),
            }
        ],
        "mistakes": [
            text("Wniosek bez podpisu.", "An unsigned application.", "Непідписана заява.", "Неподписанное заявление.")
        ],
        "faq": [
            {
                "question": text("Czy mogę pracować?", "May I work?", "Чи можу я працювати?", "Могу ли я работать?"),
                "answer": text("Tak.", "Yes.", "Так.", "Да."),
            }
        ],
        "related": [],
        "sources": [{"title": "MOS", "url": "https://mos.cudzoziemcy.gov.pl/", "date": "2026-04-29"}],
        "last_reviewed": "2026-11-25",
        "next_review": "2027-05-25",
    }
    data.update(overrides)
    return data


def make_guide(slug: str = "temporary-residence-work", *, status: str = "published", **overrides):
    from portal.guide_content import guide_import
    from portal.models import Category
    from portal.translation_state import source_revision_record, translation_mark_current

    Category.objects.get_or_create(slug="work", defaults={"name_pl": "Praca", "name_en": "Work", "name_uk": "Робота"})
    guide = guide_import(data=guide_data(slug, **overrides), status=status)
    source_revision_record(item=guide, significance=2)
    translation_mark_current(item=guide, languages=["en", "uk", "ru"])
    return guide


def roles_restore() -> None:
    """The roles and their permissions, as the data migrations give them: a transactional test (a live server, a
    concurrency test) empties every table when it ends, the migrations' rows with them."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key in sorted(loader.disk_migrations):
        for operation in loader.disk_migrations[key].operations:
            if isinstance(operation, RunPython) and "grant_role_permissions" in operation.code.__code__.co_names:
                operation.code(apps, None)

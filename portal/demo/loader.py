"""Creates the places and one demo staff member per role. Idempotent: running it again updates in place."""

from datetime import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from portal import roles
from portal.demo import places_data
from portal.models import OpeningHours, Place, Service, SpokenLanguage, User

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


def load(stdout) -> None:
    places = load_places()
    stdout.write(f"Places: {len(places)}")
    users = load_staff()
    stdout.write(
        f"Demo staff logins (password for all: {DEMO_PASSWORD}; TOTP secret for all: {settings.DEMO_TOTP_SECRET}):"
    )
    for user in users:
        stdout.write(f"  {user.email:40} {user.groups.first().name}")
    stdout.write("Current TOTP code: python manage.py demo_totp")

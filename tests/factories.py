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

"""Fields translated into pl/en/uk/ru by django-modeltranslation; Polish is the source and the fallback."""

from modeltranslation.translator import TranslationOptions, register

from portal.models import Place, Service, SpokenLanguage


@register(SpokenLanguage)
class SpokenLanguageTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("pl",)


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"pl": ("name",)}


@register(Place)
class PlaceTranslation(TranslationOptions):
    fields = ("name", "description", "accessibility_notes")
    required_languages = {"pl": ("name", "description")}

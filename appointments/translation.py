"""Fields of the bookable services translated into pl/en/uk/ru; Polish is the source and the fallback."""

from modeltranslation.translator import TranslationOptions, register

from appointments.models import BookableService, ScheduleException


@register(BookableService)
class BookableServiceTranslation(TranslationOptions):
    fields = ("name", "description", "what_to_bring")
    required_languages = {"pl": ("name",)}


@register(ScheduleException)
class ScheduleExceptionTranslation(TranslationOptions):
    fields = ("reason",)

"""Fields translated into pl/en/uk/ru by django-modeltranslation; Polish is the source and the fallback."""

from modeltranslation.translator import TranslationOptions, register

from infopoints.models import CannedAnswer


@register(CannedAnswer)
class CannedAnswerTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("pl",)

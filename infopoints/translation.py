"""Fields translated into pl/en/uk/ru by django-modeltranslation; Polish is the source and the fallback."""

from modeltranslation.translator import TranslationOptions, register

from infopoints.models import CannedAnswer, Matter


@register(CannedAnswer)
class CannedAnswerTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("pl",)


@register(Matter)
class MatterTranslation(TranslationOptions):
    """The matter names shown at the kiosk and on the display."""

    fields = ("name",)
    required_languages = {"pl": ("name",)}

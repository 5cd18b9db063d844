"""Translated fields of the queue: the matter names shown at the kiosk and on the display."""

from modeltranslation.translator import TranslationOptions, register

from infopoints.models import Matter


@register(Matter)
class MatterTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"pl": ("name",)}

"""Fields translated into pl/en/uk/ru by django-modeltranslation; Polish is the source and the fallback."""

from modeltranslation.translator import TranslationOptions, register

from portal.models import (
    ApplicationForm,
    Category,
    FaqEntry,
    GlossaryTerm,
    Guide,
    GuideChange,
    GuideDocument,
    GuideFaq,
    GuideFee,
    GuideMistake,
    GuideStep,
    Notice,
    Partner,
    PartnerTopic,
    Place,
    Service,
    SpokenLanguage,
)


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


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"pl": ("name",)}


@register(Guide)
class GuideTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "who_for",
        "not_for",
        "legal_basis_explained",
        "processing_time",
        "how_to_apply",
    )
    required_languages = {"pl": ("title", "summary")}


@register(GuideStep)
class GuideStepTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = {"pl": ("title",)}


@register(GuideDocument)
class GuideDocumentTranslation(TranslationOptions):
    fields = ("name", "notes", "issued_by")
    required_languages = {"pl": ("name",)}


@register(GuideFee)
class GuideFeeTranslation(TranslationOptions):
    fields = ("label", "reduction_rule", "payment_title")
    required_languages = {"pl": ("label",)}


@register(GuideMistake)
class GuideMistakeTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("pl",)


@register(GuideFaq)
class GuideFaqTranslation(TranslationOptions):
    fields = ("question", "answer")
    required_languages = ("pl",)


@register(GuideChange)
class GuideChangeTranslation(TranslationOptions):
    fields = ("summary",)
    required_languages = ("pl",)


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term", "explanation", "avoid")
    required_languages = {"pl": ("term",)}


@register(Notice)
class NoticeTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"pl": ("title", "summary")}


@register(FaqEntry)
class FaqEntryTranslation(TranslationOptions):
    fields = ("question", "answer")
    required_languages = ("pl",)


@register(PartnerTopic)
class PartnerTopicTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("pl",)


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "description", "opening_hours")
    required_languages = {"pl": ("name", "description")}


@register(ApplicationForm)
class ApplicationFormTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"pl": ("title",)}

"""Fields of the case catalogue translated into pl/en/uk/ru; Polish is the source and the fallback."""

from modeltranslation.translator import TranslationOptions, register

from cases.models import CaseStatus, Procedure, StatusEvent


@register(CaseStatus)
class CaseStatusTranslation(TranslationOptions):
    fields = ("name", "explanation", "applicant_action")
    required_languages = {"pl": ("name", "explanation")}


@register(Procedure)
class ProcedureTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("pl",)


@register(StatusEvent)
class StatusEventTranslation(TranslationOptions):
    # An officer writes the note in Polish and, where they can, in the applicant's language.
    fields = ("note_to_applicant",)

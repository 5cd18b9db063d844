"""Published content changed: pages rendered from it are stale (their cache keys carry the content version)."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal import models
from portal.text import content_version_bump

CONTENT_MODELS = [
    models.Category,
    models.Guide,
    models.GuideStep,
    models.GuideDocument,
    models.GuideFee,
    models.GuideMistake,
    models.GuideFaq,
    models.GuideSource,
    models.GuideChange,
    models.GlossaryTerm,
    models.Place,
    models.OpeningHours,
    models.ContentRevision,
    models.TranslationStatus,
    models.SpokenLanguage,
    models.Service,
    models.Notice,
    models.FaqEntry,
    models.Partner,
    models.PartnerTopic,
    models.ApplicationForm,
    models.ApplicationFormFile,
]


def _content_changed(sender, **kwargs) -> None:
    transaction.on_commit(content_version_bump)


def connect() -> None:
    for model in CONTENT_MODELS:
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"content-version-save-{model.__name__}")
        post_delete.connect(_content_changed, sender=model, dispatch_uid=f"content-version-delete-{model.__name__}")
    for through in (
        models.Guide.places.through,
        models.Guide.related.through,
        models.Place.staff_languages.through,
        models.Place.services.through,
        models.Notice.places.through,
        models.Notice.guides.through,
        models.Partner.languages.through,
        models.Partner.topics.through,
    ):
        m2m_changed.connect(_content_changed, sender=through, dispatch_uid=f"content-version-m2m-{through.__name__}")

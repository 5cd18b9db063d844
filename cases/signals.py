"""Changes that make case result pages stale (`cases.result_cache`): a case or its history, or the catalogue the
page is drawn from. Writes with `update()` send no signal; the services that make them call `result_cache` too."""

from django.db.models.signals import post_delete, post_save

from cases import result_cache
from cases.models import Case, CaseStatus, Procedure, ProcessingTime, StatusEvent


def _case_saved(sender, instance, **kwargs) -> None:
    result_cache.case_changed(instance.pk)


def _event_saved(sender, instance, **kwargs) -> None:
    result_cache.case_changed(instance.case_id)


def _catalogue_saved(sender, **kwargs) -> None:
    result_cache.catalogue_changed()


def connect() -> None:
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(_case_saved, sender=Case, dispatch_uid=f"case-page-case-{name}")
        signal.connect(_event_saved, sender=StatusEvent, dispatch_uid=f"case-page-event-{name}")
        for model in (CaseStatus, Procedure, ProcessingTime):
            signal.connect(_catalogue_saved, sender=model, dispatch_uid=f"case-page-{model.__name__}-{name}")

"""Translation state as data: which Polish revision each translation was made from, and what follows from it.

An item (a guide; later notices, FAQ entries, partners) has Polish source revisions (`ContentRevision`), each with
a significance. A translation records the revision it was made from (`TranslationStatus`). The state of one
translation is then computed from those rows, for many items at once in a fixed number of queries.
"""

import enum
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from portal.models import ContentRevision, TranslationStatus

TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "pl"]


class State(enum.IntEnum):
    """Ordered by urgency, so sorting by state puts what to translate first on top."""

    MISSING = 4
    URGENT = 3
    UPDATE_NEEDED = 2
    UP_TO_DATE = 1

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self])


STATE_LABELS = {
    State.MISSING: _("missing"),
    State.URGENT: _("urgent update needed"),
    State.UPDATE_NEEDED: _("update needed"),
    State.UP_TO_DATE: _("up to date"),
}


def translation_states(
    items: list, *, title_field: str, required_fields: tuple[str, ...] = ()
) -> dict[tuple[int, str], State]:
    """The state of every translation of `items` (all of one model), keyed by (item pk, language).

    A translation is missing when the title or any of `required_fields` has no text in that language.
    """
    if not items:
        return {}
    content_type = ContentType.objects.get_for_model(items[0])
    pks = [item.pk for item in items]
    revisions = defaultdict(list)
    for revision in ContentRevision.objects.filter(content_type=content_type, object_id__in=pks).only(
        "object_id", "number", "significance"
    ):
        revisions[revision.object_id].append(revision)
    based_on = {
        (status.object_id, status.language): status.based_on_revision
        for status in TranslationStatus.objects.filter(content_type=content_type, object_id__in=pks)
    }
    states = {}
    for item in items:
        for language in TRANSLATED_LANGUAGES:
            if not all(getattr(item, f"{name}_{language}", "") for name in (title_field, *required_fields)):
                states[item.pk, language] = State.MISSING
                continue
            since = [r for r in revisions[item.pk] if r.number > based_on.get((item.pk, language), 0)]
            worst = max((r.significance for r in since), default=0)
            if worst >= ContentRevision.Significance.URGENT:
                states[item.pk, language] = State.URGENT
            elif worst >= ContentRevision.Significance.CONTENT:
                states[item.pk, language] = State.UPDATE_NEEDED
            else:
                states[item.pk, language] = State.UP_TO_DATE
    return states


@transaction.atomic
def source_revision_record(*, item, significance: int, note: str = "", author=None) -> ContentRevision:
    """Record a change to the Polish text of `item`; numbers are consecutive per item."""
    content_type = ContentType.objects.get_for_model(item)
    # Lock the item itself, so two editors saving at once (even the first revision) cannot take the same number.
    type(item).objects.select_for_update().filter(pk=item.pk).first()
    last = ContentRevision.objects.filter(content_type=content_type, object_id=item.pk).aggregate(n=Max("number"))["n"]
    return ContentRevision.objects.create(
        content_type=content_type,
        object_id=item.pk,
        number=(last or 0) + 1,
        significance=significance,
        note=note[:300],
        author=author,
    )


@transaction.atomic
def translation_mark_current(*, item, languages: list[str]) -> None:
    """Record that the translations of `item` into `languages` now match its latest Polish revision."""
    content_type = ContentType.objects.get_for_model(item)
    last = ContentRevision.objects.filter(content_type=content_type, object_id=item.pk).aggregate(n=Max("number"))["n"]
    for language in languages:
        TranslationStatus.objects.update_or_create(
            content_type=content_type,
            object_id=item.pk,
            language=language,
            defaults={"based_on_revision": last or 0},
        )

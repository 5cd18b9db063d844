"""Live figures on the project page: a registry the apps fill, and the coordinators' choice of what is shown.

`portal` may not import the apps to its right, so each app registers its own figures from its AppConfig.ready()
(`cases/project_figures.py`, …), computed by its own selectors with one aggregate query each. A figure is shown
only when it is registered (its data source exists) and a coordinator published it; nothing is ever invented to
fill a gap. Figures are counts over the whole office, never about a person.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import Promise

from portal.audit import audit_record
from portal.models import Guide, ProjectFigure, SpokenLanguage, User


@dataclass(frozen=True)
class FigureValue:
    """A computed figure: a total, optionally split into labelled parts (e.g. guides per language)."""

    total: int
    parts: Sequence[tuple[str, int]] = field(default_factory=tuple)


@dataclass(frozen=True)
class RegisteredFigure:
    key: str
    label: str | Promise
    compute: Callable[[date], FigureValue]
    note: str | Promise = ""


@dataclass(frozen=True)
class ShownFigure:
    key: str
    label: str
    value: FigureValue
    note: str


_REGISTRY: dict[str, RegisteredFigure] = {}


def register(
    key: str, label: str | Promise, compute: Callable[[date], FigureValue], *, note: str | Promise = ""
) -> None:
    """Make a figure available to coordinators; `compute(today)` runs one aggregate query."""
    _REGISTRY[key] = RegisteredFigure(key=key, label=label, compute=compute, note=note)


def registered() -> list[RegisteredFigure]:
    return list(_REGISTRY.values())


def figure_label(key: str) -> str:
    figure = _REGISTRY.get(key)
    return str(figure.label) if figure else key


def figures_shown(*, today: date | None = None) -> list[ShownFigure]:
    """The published figures whose data source exists, computed now: one query plus one per figure."""
    today = today or timezone.localdate()
    shown = []
    for row in ProjectFigure.objects.filter(is_published=True):
        figure = _REGISTRY.get(row.key)
        if figure is None:
            continue
        shown.append(
            ShownFigure(key=row.key, label=str(figure.label), value=figure.compute(today), note=str(figure.note))
        )
    return shown


@transaction.atomic
def project_figure_save(*, actor: User, figure: ProjectFigure, before: dict[str, object] | None = None) -> None:
    """Save a coordinator's change to a figure and record it in the audit trail (before: the old field values)."""
    if figure.key not in _REGISTRY:
        raise ValueError(f"Unknown project figure {figure.key!r}")
    created = figure.pk is None
    figure.save()
    after = {"is_published": figure.is_published, "order": figure.order}
    changes = {name: ((before or {}).get(name), value) for name, value in after.items()}
    changes = {name: pair for name, pair in changes.items() if created or pair[0] != pair[1]}
    audit_record(
        actor=actor,
        action="project_figure.create" if created else "project_figure.change",
        obj=figure,
        changes=changes,
        label=figure.key,
    )


# The site core's own figures.


def _languages_served(today: date) -> FigureValue:
    total = SpokenLanguage.objects.filter(places__is_published=True).aggregate(n=Count("pk", distinct=True))["n"]
    return FigureValue(total=total)


GUIDE_LANGUAGES = ("pl", "en", "uk", "ru")


def _guides_per_language(today: date) -> FigureValue:
    """Published guides whose title and summary exist in each language (the rest falls back to Polish)."""

    def translated(code: str) -> Q:
        return ~Q(**{f"title_{code}": ""}) & Q(**{f"title_{code}__isnull": False}) & ~Q(**{f"summary_{code}": ""})

    counts = Guide.objects.filter(status=Guide.Status.PUBLISHED).aggregate(
        total=Count("pk"),
        **{
            code: Count("pk", filter=translated(code) & Q(**{f"summary_{code}__isnull": False}))
            for code in GUIDE_LANGUAGES
        },
    )
    from django.utils.translation import gettext as _

    names = {"pl": _("Polish"), "en": _("English"), "uk": _("Ukrainian"), "ru": _("Russian")}
    return FigureValue(total=counts["total"], parts=[(names[code], counts[code]) for code in GUIDE_LANGUAGES])


def register_portal_figures() -> None:
    from django.utils.translation import gettext_lazy as _

    register("languages-served", _("Languages our staff serve people in"), _languages_served)
    register(
        "guides-per-language",
        _("Guides available in each language"),
        _guides_per_language,
        note=_("A guide counts in a language when its title and summary are translated."),
    )


__all__ = [
    "FigureValue",
    "ShownFigure",
    "figure_label",
    "figures_shown",
    "project_figure_save",
    "register",
    "registered",
]

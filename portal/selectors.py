"""Reads with a rule attached: what the public may see of places, and in which shape pages need it."""

from dataclasses import dataclass
from datetime import time

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from portal.models import Category, Guide, OpeningHours, Place


def places_published() -> QuerySet[Place]:
    """Published places with everything their list and detail pages show, in a fixed number of queries."""
    return Place.objects.filter(is_published=True).prefetch_related(
        Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens")),
        "staff_languages",
        "services",
    )


def places_for_home() -> QuerySet[Place]:
    """Published places with only what the home page shows (name and address): one query."""
    return Place.objects.filter(is_published=True)


def place_get_published(*, slug: str) -> Place:
    """The published place with this slug; raises Place.DoesNotExist otherwise (drafts stay hidden)."""
    return places_published().get(slug=slug)


@dataclass(frozen=True)
class DayHours:
    weekday: int
    label: str
    periods: list[tuple[time, time]]


def place_week(place: Place) -> list[DayHours]:
    """The seven days of the week with the place's opening periods (empty list = closed), from prefetched rows."""
    periods: dict[int, list[tuple[time, time]]] = {day: [] for day in OpeningHours.Weekday.values}
    for hours in place.opening_hours.all():
        periods[hours.weekday].append((hours.opens, hours.closes))
    return [DayHours(day, str(label), periods[day]) for day, label in OpeningHours.Weekday.choices]


# --- Guides ---------------------------------------------------------------------------------------------------


def guides_published() -> QuerySet[Guide]:
    """Guides the public may read, with their category, in reading order."""
    return Guide.objects.filter(status=Guide.Status.PUBLISHED).select_related("category")


def categories_with_published_guides() -> list[tuple[Category, list[Guide]]]:
    """Categories that have at least one published guide, each with its guides (two queries in all)."""
    guides_by_category: dict[int, list[Guide]] = {}
    for guide in guides_published():
        guides_by_category.setdefault(guide.category_id, []).append(guide)
    categories = Category.objects.filter(pk__in=guides_by_category)
    return [(category, guides_by_category[category.pk]) for category in categories]


def guide_for_page(*, slug: str, include_drafts: bool = False) -> Guide:
    """A guide with everything its page, checklist and PDF show, in a fixed number of queries.

    Drafts are found only with `include_drafts` (editors' preview); raises Guide.DoesNotExist otherwise.
    """
    guides = Guide.objects.all() if include_drafts else Guide.objects.filter(status=Guide.Status.PUBLISHED)
    return (
        guides.select_related("category")
        .prefetch_related(
            "steps",
            "documents",
            "fees",
            "mistakes",
            "faqs",
            "sources",
            "changes",
            Prefetch("places", queryset=Place.objects.filter(is_published=True)),
            Prefetch("related", queryset=guides_published()),
        )
        .get(slug=slug)
    )


def field_is_translated(item, field: str, language: str) -> bool:
    """Whether `item.<field>` has its own text in `language` (Polish is the source and always counts)."""
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return True
    return bool(getattr(item, f"{field}_{language}", ""))


GUIDE_SECTIONS = {
    # section id on the page: (where its text lives, field)
    "summary": ("guide", "summary"),
    "who-for": ("guide", "who_for"),
    "steps": ("steps", "title"),
    "documents": ("documents", "name"),
    "fees": ("fees", "label"),
    "how-to-apply": ("guide", "how_to_apply"),
    "processing-time": ("guide", "processing_time"),
    "mistakes": ("mistakes", "text"),
    "faq": ("faqs", "question"),
}


def guide_untranslated_sections(guide: Guide, language: str) -> set[str]:
    """Sections of the page shown in Polish because their text in `language` is missing (from prefetched rows)."""
    missing = set()
    for section, (source, field) in GUIDE_SECTIONS.items():
        if source == "guide":
            if getattr(guide, f"{field}_pl") and not field_is_translated(guide, field, language):
                missing.add(section)
        elif any(not field_is_translated(part, field, language) for part in getattr(guide, source).all()):
            missing.add(section)
    return missing


def guide_translation_outdated(guide: Guide, language: str) -> bool:
    """Whether the Polish text changed in substance since this language's translation was made."""
    from portal.translation_state import State, translation_states

    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return False
    state = translation_states([guide], title_field="title", required_fields=("summary",))[guide.pk, language]
    return state in (State.UPDATE_NEEDED, State.URGENT)


def guide_url_in(guide: Guide, language: str) -> str:
    from django.utils import translation

    with translation.override(language):
        return guide.get_absolute_url()


def safe_local_path(path: str) -> str:
    """A path on this site (for "back to the page"), never an outside address."""
    from django.utils.http import url_has_allowed_host_and_scheme

    path = (path or "")[:300]
    if path.startswith("/") and not path.startswith("//") and url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return path
    return ""


def client_address(request) -> str:
    """The reader's address for rate limits, honouring the configured number of trusted proxies in front."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


@dataclass(frozen=True)
class DashboardRow:
    guide: Guide
    states: list  # translation_state.State per language, in TRANSLATED_LANGUAGES order
    worst: int
    review_due: bool


def guide_translation_dashboard() -> list[DashboardRow]:
    """Every guide with the state of each translation, most urgent first, then the most read."""
    from django.utils import timezone

    from portal.translation_state import TRANSLATED_LANGUAGES, translation_states

    guides = list(Guide.objects.select_related("category"))
    states = translation_states(guides, title_field="title", required_fields=("summary",))
    today = timezone.localdate()
    rows = []
    for guide in guides:
        row_states = [states[guide.pk, language] for language in TRANSLATED_LANGUAGES]
        rows.append(DashboardRow(guide, row_states, max(row_states), guide.next_review <= today))
    rows.sort(key=lambda row: (-row.worst, -row.guide.views, row.guide.slug))
    return rows

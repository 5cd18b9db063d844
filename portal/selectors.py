"""Reads with a rule attached: what the public may see of places, and in which shape pages need it."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.db.models import Exists, Model, OuterRef, Prefetch, Q, QuerySet, Sum
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme

from portal import ratelimit
from portal.models import (
    Category,
    FaqEntry,
    Guide,
    GuideFee,
    Notice,
    NoticeSubscription,
    OpeningHours,
    OutboundEmail,
    PageViewDay,
    Partner,
    PartnerTopic,
    Place,
    Service,
    SpokenLanguage,
    User,
)
from portal.roles import ADMINISTRATOR, COORDINATOR
from portal.translation_state import TRANSLATED_LANGUAGES, State, translation_states


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


def services_public() -> QuerySet[Service]:
    """The services of the catalogue with the published places that offer them (two queries)."""
    return Service.objects.order_by("order", "code").prefetch_related(
        Prefetch("places", queryset=Place.objects.filter(is_published=True).order_by("order", "pk"))
    )


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


def guide_links(*, slugs: list[str]) -> dict[str, tuple[str, str]]:
    """Title and address of each published guide among `slugs`, for pages of other apps that link them (one query)."""
    return {guide.slug: (guide.title, guide.get_absolute_url()) for guide in guides_published().filter(slug__in=slugs)}


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
            Prefetch("notices", queryset=notices_in_force(), to_attr="notices_in_force"),
        )
        .get(slug=slug)
    )


def field_is_translated(item: Model, field: str, language: str) -> bool:
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
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return False
    state = translation_states([guide], title_field="title", required_fields=("summary",))[guide.pk, language]
    return state in (State.UPDATE_NEEDED, State.URGENT)


def guide_url_in(guide: Guide, language: str) -> str:
    with translation.override(language):
        return guide.get_absolute_url()


def guide_public_links(guide: Guide | None, language: str) -> dict[str, str]:
    """Absolute links to a published guide and its checklist PDF in `language` (empty for a draft or no guide)."""
    if guide is None or guide.status != Guide.Status.PUBLISHED:
        return {}
    with translation.override(language):
        return {
            "guide_url": settings.SITE_URL + guide.get_absolute_url(),
            "checklist_url": settings.SITE_URL + reverse("guide_checklist_pdf", kwargs={"slug": guide.slug}),
        }


def safe_local_path(path: str) -> str:
    """A path on this site (for "back to the page"), never an outside address."""
    path = (path or "")[:300]
    if path.startswith("/") and not path.startswith("//") and url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return path
    return ""


def client_address(request: HttpRequest) -> str:
    """The reader's address for rate limits, honouring the configured number of trusted proxies in front.

    A registered office device is answered by its own key instead (`ratelimit.office_device`), which the
    per-address limits do not throttle: kiosks and desks often share the office's one public address.
    """
    device = ratelimit.office_device(request)
    if device is not None:
        return device
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return str(forwarded[-proxies])
    return str(request.META.get("REMOTE_ADDR", ""))


def places_for_staff(user: User) -> QuerySet[Place]:
    """The places whose desks `user` works with: every place for administrators (superusers and the
    administrator role) and coordinators, who oversee all of them; otherwise the places they work at."""
    if user.is_superuser or user.groups.filter(name__in=[COORDINATOR, ADMINISTRATOR]).exists():
        return Place.objects.all()
    return user.places.all()


@dataclass(frozen=True)
class DashboardRow:
    guide: Guide
    states: list[State]  # per language, in TRANSLATED_LANGUAGES order
    worst: int
    review_due: bool


def guide_translation_dashboard() -> list[DashboardRow]:
    """Every guide with the state of each translation, most urgent first, then the most read."""

    guides = list(Guide.objects.select_related("category"))
    states = translation_states(guides, title_field="title", required_fields=("summary",))
    today = timezone.localdate()
    rows = []
    for guide in guides:
        row_states = [states[guide.pk, language] for language in TRANSLATED_LANGUAGES]
        rows.append(DashboardRow(guide, row_states, max(row_states), guide.next_review <= today))
    rows.sort(key=lambda row: (-row.worst, -row.guide.views, row.guide.slug))
    return rows


# --- Notices ------------------------------------------------------------------------------------------------


def notices_public(*, now: datetime | None = None) -> QuerySet[Notice]:
    """Notices the public may read: published, and their publication time has come (scheduled ones wait)."""

    return Notice.objects.filter(status=Notice.Status.PUBLISHED, published_at__lte=now or timezone.now())


def notices_in_force(*, now: datetime | None = None) -> QuerySet[Notice]:
    """Public notices that have not expired."""
    now = now or timezone.now()
    return notices_public(now=now).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))


def notices_urgent_in_force(*, now: datetime | None = None) -> list[Notice]:
    """The urgent notices in force, newest first: the banner on every public page (one query)."""
    return list(notices_in_force(now=now).filter(importance=Notice.Importance.URGENT))


def notices_for_list(*, place: Place | None = None, guide: Guide | None = None) -> QuerySet[Notice]:
    """Public notices for the list and the feed, optionally about one place or procedure, with what they concern."""
    notices = notices_public().prefetch_related(
        Prefetch("places", queryset=Place.objects.filter(is_published=True)),
        Prefetch("guides", queryset=guides_published().select_related(None)),
    )
    if place is not None:
        notices = notices.filter(places=place)
    if guide is not None:
        notices = notices.filter(guides=guide)
    return notices


def notice_for_page(*, slug: str, include_unpublished: bool = False) -> Notice:
    """A notice with the places and procedures it concerns; drafts and scheduled ones only for editors' preview.

    Raises Notice.DoesNotExist otherwise. Expired notices are returned: the page says that they expired.
    """
    notices = Notice.objects.all() if include_unpublished else notices_public()
    return notices.prefetch_related(
        Prefetch("places", queryset=Place.objects.filter(is_published=True)),
        Prefetch("guides", queryset=guides_published().select_related(None)),
    ).get(slug=slug)


def notice_filter_choices() -> tuple[list[Place], list[Guide]]:
    """The places and procedures a reader may filter notices or subscriptions by (two queries)."""
    return list(Place.objects.filter(is_published=True)), list(guides_published().select_related(None))


def notice_subscribers(notice: Notice) -> QuerySet[NoticeSubscription]:
    """Confirmed subscriptions (any language) that want this notice: a notice about no place or procedure in
    particular goes to everyone; otherwise to those who chose nothing, and those whose chosen places or procedures
    include one the notice concerns."""

    place_ids = list(notice.places.values_list("pk", flat=True))
    guide_ids = list(notice.guides.values_list("pk", flat=True))
    confirmed = NoticeSubscription.objects.filter(confirmed_at__isnull=False)
    if not place_ids and not guide_ids:
        return confirmed
    places_through: type[Model] = NoticeSubscription.places.through
    guides_through: type[Model] = NoticeSubscription.guides.through
    through_places = places_through._default_manager.filter(noticesubscription=OuterRef("pk"))
    through_guides = guides_through._default_manager.filter(noticesubscription=OuterRef("pk"))
    wants_all = ~Exists(through_places) & ~Exists(through_guides)
    wants_this = Exists(through_places.filter(place__in=place_ids)) | Exists(through_guides.filter(guide__in=guide_ids))
    return confirmed.filter(Q(wants_all) | Q(wants_this))


# --- FAQ ----------------------------------------------------------------------------------------------------


def faq_published() -> QuerySet[FaqEntry]:
    return FaqEntry.objects.filter(status=FaqEntry.Status.PUBLISHED).select_related("category")


def faq_by_category() -> list[tuple[Category, list[FaqEntry]]]:
    """Published FAQ entries grouped by guide category, in reading order (one query)."""
    groups: dict[int, tuple[Category, list[FaqEntry]]] = {}
    for entry in faq_published():
        groups.setdefault(entry.category_id, (entry.category, []))[1].append(entry)
    return list(groups.values())


def faq_for_page(*, slug: str, include_drafts: bool = False) -> FaqEntry:
    entries = FaqEntry.objects.select_related("category") if include_drafts else faq_published()
    return entries.get(slug=slug)


# --- Fees ---------------------------------------------------------------------------------------------------


def fees_overview() -> list[GuideFee]:
    """Every fee of every published guide, in the order of the guide list: the fees page (one query)."""
    return list(
        GuideFee.objects.filter(guide__in=guides_published().select_related(None))
        .select_related("guide", "guide__category")
        .order_by("guide__category__order", "guide__order", "guide__slug", "order", "pk")
    )


# --- Partner institutions -------------------------------------------------------------------------------------


def partners_published(
    *, topic: PartnerTopic | None = None, language: SpokenLanguage | None = None, town: str = ""
) -> QuerySet[Partner]:
    """Published partner institutions, optionally helping with a topic, in a language, or in a town."""
    partners = Partner.objects.filter(is_published=True).prefetch_related("languages", "topics")
    if topic is not None:
        partners = partners.filter(topics=topic)
    if language is not None:
        partners = partners.filter(languages=language)
    if town:
        partners = partners.filter(city=town)
    return partners


def partner_for_preview(*, slug: str) -> Partner:
    """Any partner institution, published or not, for the editors' preview; raises Partner.DoesNotExist."""
    return Partner.objects.prefetch_related("languages", "topics").get(slug=slug)


def partner_filter_choices() -> tuple[list[PartnerTopic], list[SpokenLanguage], list[str]]:
    """Topics, languages and towns that published partners have: what the filter form offers (three queries)."""
    published = Partner.objects.filter(is_published=True)
    topics = list(PartnerTopic.objects.filter(partners__in=published).distinct())
    languages = list(SpokenLanguage.objects.filter(partners__in=published).distinct())
    towns = sorted(set(published.values_list("city", flat=True)))
    return topics, languages, towns


# --- Translation dashboard for notices, FAQ and partners ---------------------------------------------------------


@dataclass(frozen=True)
class ItemDashboardRow:
    item: Any  # a Notice, FaqEntry or Partner
    kind: str  # the model's verbose name
    admin_url: str
    views: int | None  # FAQ entries count page views; notices and partners do not
    states: list[State]
    worst: int


def content_translation_dashboard() -> list[ItemDashboardRow]:
    """Notices, FAQ entries and partners with the state of each translation, most urgent first, then the most read."""

    rows = []
    for model, title_field, required in (
        (Notice, "title", ("summary",)),
        (FaqEntry, "question", ("answer",)),
        (Partner, "name", ("description",)),
    ):
        items = list(model.objects.all())
        states = translation_states(items, title_field=title_field, required_fields=required)
        for item in items:
            row_states = [states[item.pk, language] for language in TRANSLATED_LANGUAGES]
            admin_url = reverse(f"admin:portal_{model._meta.model_name}_change", args=[item.pk])
            views = getattr(item, "views", None)
            rows.append(
                ItemDashboardRow(item, str(model._meta.verbose_name), admin_url, views, row_states, max(row_states))
            )
    rows.sort(key=lambda row: (-row.worst, -(row.views or 0), row.kind, row.item.pk))
    return rows


# --- Places with a check-in kiosk ---------------------------------------------------------------------------------
# The kiosks are registered devices of the info-point app, built on the booking app, which therefore cannot ask it.
# The info-point app registers its answer here at start-up (`AppConfig.ready`), like the outbox's attachment
# builders; without it no place has a kiosk, so the booking pages never promise one that does not exist.
_KIOSK_PLACE_PROVIDERS: list[Callable[[Iterable[int]], set[int]]] = []


def kiosk_places_provider_register(provider: Callable[[Iterable[int]], set[int]]) -> None:
    if provider not in _KIOSK_PLACE_PROVIDERS:
        _KIOSK_PLACE_PROVIDERS.append(provider)


def places_with_checkin_kiosk(place_ids: Iterable[int]) -> set[int]:
    """Which of `place_ids` have a working check-in kiosk (one query per registered provider)."""
    ids = list(place_ids)
    found: set[int] = set()
    for provider in _KIOSK_PLACE_PROVIDERS:
        found |= provider(ids)
    return found


# --- Figures for the indicator reports (aggregates only) ---------------------------------------------------


def emails_sent(*, since: datetime, until: datetime, kind: str) -> int:
    """E-mails of one outbox kind (e.g. "case-event") actually sent in [since, until)."""
    return OutboundEmail.objects.filter(
        kind=kind, status=OutboundEmail.Status.SENT, sent_at__gte=since, sent_at__lt=until
    ).count()


def page_views_by_language(*, first_day: date, last_day: date) -> list[Any]:
    """Page views from `first_day` to `last_day` per page kind and language: rows of `page`, `language`, `views`."""
    return list(
        PageViewDay.objects.filter(day__gte=first_day, day__lte=last_day)
        .exclude(page=PageViewDay.Page.SEARCH_EMPTY)
        .values("page", "language")
        .annotate(views=Sum("views"))
        .order_by("page", "language")
    )


def searches_without_result(*, first_day: date, last_day: date, limit: int = 20) -> list[Any]:
    """The most frequent searches that found nothing: rows of `item` (the words), `language`, `views`."""
    return list(
        PageViewDay.objects.filter(day__gte=first_day, day__lte=last_day, page=PageViewDay.Page.SEARCH_EMPTY)
        .values("item", "language")
        .annotate(views=Sum("views"))
        .order_by("-views", "item", "language")[:limit]
    )

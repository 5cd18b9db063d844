"""Public, read-only endpoints of the portal app: places, guides, notices, FAQ and services (scope `read`).

Everything here is what the public pages show; drafts, scheduled notices and unpublished places stay hidden.
Translated fields come in the language of `?lang=` or `Accept-Language` (Polish when a text has no
translation, as on the site), and the answer's `Content-Language` says which was used.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from portal import selectors
from portal.api.lists import Language, Page, answer_language, cached_answer, page_of
from portal.models import FaqEntry, Guide, Notice, Place, Service

router = Router(tags=["public information"])


class PageQuery(Schema):
    page: int = Query(1, ge=1, le=10_000)
    page_size: int = Query(20, ge=1, le=100)
    lang: Language | None = Query(None, description="pl, en, uk or ru; otherwise Accept-Language decides.")


class LangQuery(Schema):
    lang: Language | None = Query(None, description="pl, en, uk or ru; otherwise Accept-Language decides.")


class Hours(Schema):
    weekday: int = Field(description="0 is Monday.")
    # Local time (Europe/Warsaw) as HH:MM: JSON Schema's "time" format needs a UTC offset, which would change twice
    # a year for the same opening hours.
    opens: str = Field(pattern=r"^\d\d:\d\d$")
    closes: str = Field(pattern=r"^\d\d:\d\d$")


class PlaceOut(Schema):
    slug: str
    kind: str
    name: str
    description: str
    accessibility_notes: str
    step_free_entrance: bool
    street: str
    postal_code: str
    city: str
    phone: str
    email: str
    languages: list[str]
    services: list[str]
    opening_hours: list[Hours]
    url: str


class PlacePage(Page):
    results: list[PlaceOut]


def _place(place: Place) -> dict[str, Any]:
    return {
        "slug": place.slug,
        "kind": place.kind,
        "name": place.name,
        "description": place.description,
        "accessibility_notes": place.accessibility_notes,
        "step_free_entrance": place.step_free_entrance,
        "street": place.street,
        "postal_code": place.postal_code,
        "city": place.city,
        "phone": place.phone,
        "email": place.email,
        "languages": [language.code for language in place.staff_languages.all()],
        "services": [service.code for service in place.services.all()],
        "opening_hours": [
            {"weekday": hours.weekday, "opens": f"{hours.opens:%H:%M}", "closes": f"{hours.closes:%H:%M}"}
            for hours in place.opening_hours.all()
        ],
        "url": place.get_absolute_url(),
    }


@router.get("/places/", response=PlacePage, url_name="places", summary="Places: opening hours, languages, services")
def place_list(request: HttpRequest, response: HttpResponse, query: Query[PageQuery]) -> dict[str, Any]:
    places = selectors.places_published().order_by("order", "pk")
    return cached_answer(
        "places",
        answer_language(query.lang),
        (query.page, query.page_size),
        response,
        lambda: page_of(places, page=query.page, page_size=query.page_size, row=_place),
    )


@router.get("/places/{slug}/", response=PlaceOut, url_name="place", summary="One place")
def place_detail(request: HttpRequest, response: HttpResponse, slug: str, query: Query[LangQuery]) -> dict[str, Any]:
    def build() -> dict[str, Any] | None:
        place = selectors.places_published().filter(slug=slug).first()
        return None if place is None else _place(place)

    answer = cached_answer("place", answer_language(query.lang), slug, response, build)
    if answer is None:
        raise Http404
    return answer


class CategoryOut(Schema):
    slug: str
    name: str


class GuideOut(Schema):
    slug: str
    title: str
    summary: str
    category: CategoryOut
    updated_at: datetime
    url: str


class GuidePage(Page):
    results: list[GuideOut]


class StepOut(Schema):
    title: str
    body: str


class DocumentOut(Schema):
    name: str
    notes: str
    form: str
    translation_needed: bool
    issued_by: str


class FeeOut(Schema):
    kind: str
    label: str
    amount_pln: Decimal
    reduced_amount_pln: Decimal | None
    reduction_rule: str
    account: str
    account_holder: str
    payment_title: str


class GuideDetailOut(GuideOut):
    who_for: str
    not_for: str
    legal_basis: str
    processing_time: str
    how_to_apply: str
    apply_online_mos: bool
    apply_in_person: bool
    apply_by_post: bool
    apply_epuap: bool
    last_reviewed: str
    steps: list[StepOut]
    documents: list[DocumentOut]
    fees: list[FeeOut]
    places: list[str]


def _guide(guide: Guide) -> dict[str, Any]:
    return {
        "slug": guide.slug,
        "title": guide.title,
        "summary": guide.summary,
        "category": {"slug": guide.category.slug, "name": guide.category.name},
        "updated_at": guide.updated_at,
        "url": guide.get_absolute_url(),
    }


def _guide_detail(guide: Guide) -> dict[str, Any]:
    return {
        **_guide(guide),
        "who_for": guide.who_for,
        "not_for": guide.not_for,
        "legal_basis": guide.legal_basis,
        "processing_time": guide.processing_time,
        "how_to_apply": guide.how_to_apply,
        "apply_online_mos": guide.apply_online_mos,
        "apply_in_person": guide.apply_in_person,
        "apply_by_post": guide.apply_by_post,
        "apply_epuap": guide.apply_epuap,
        "last_reviewed": guide.last_reviewed.isoformat(),
        "steps": [{"title": step.title, "body": step.body} for step in guide.steps.all()],
        "documents": [
            {
                "name": document.name,
                "notes": document.notes,
                "form": document.form,
                "translation_needed": document.translation_needed,
                "issued_by": document.issued_by,
            }
            for document in guide.documents.all()
        ],
        "fees": [
            {
                "kind": fee.kind,
                "label": fee.label,
                "amount_pln": fee.amount_pln,
                "reduced_amount_pln": fee.reduced_amount_pln,
                "reduction_rule": fee.reduction_rule,
                "account": fee.account,
                "account_holder": fee.account_holder,
                "payment_title": fee.payment_title,
            }
            for fee in guide.fees.all()
        ],
        "places": [place.slug for place in guide.places.all()],
    }


@router.get("/guides/", response=GuidePage, url_name="guides", summary="Published guides")
def guide_list(request: HttpRequest, response: HttpResponse, query: Query[PageQuery]) -> dict[str, Any]:
    guides = selectors.guides_published().order_by("category__order", "order", "pk")
    return cached_answer(
        "guides",
        answer_language(query.lang),
        (query.page, query.page_size),
        response,
        lambda: page_of(guides, page=query.page, page_size=query.page_size, row=_guide),
    )


@router.get("/guides/{slug}/", response=GuideDetailOut, url_name="guide", summary="One guide: steps, documents, fees")
def guide_detail(request: HttpRequest, response: HttpResponse, slug: str, query: Query[LangQuery]) -> dict[str, Any]:
    def build() -> dict[str, Any] | None:
        try:
            return _guide_detail(selectors.guide_for_page(slug=slug))
        except Guide.DoesNotExist:
            return None

    answer = cached_answer("guide", answer_language(query.lang), slug, response, build)
    if answer is None:
        raise Http404
    return answer


class NoticeQuery(PageQuery):
    since: datetime | None = Query(None, description="Only notices published or changed at or after this time.")


class NoticeOut(Schema):
    slug: str
    title: str
    summary: str
    body: str
    importance: str
    published_at: datetime | None
    valid_until: datetime | None
    updated_at: datetime
    places: list[str]
    guides: list[str]
    url: str


class NoticePage(Page):
    results: list[NoticeOut]


def _notice(notice: Notice) -> dict[str, Any]:
    return {
        "slug": notice.slug,
        "title": notice.title,
        "summary": notice.summary,
        "body": notice.body,
        "importance": notice.importance,
        "published_at": notice.published_at,
        "valid_until": notice.valid_until,
        "updated_at": notice.updated_at,
        "places": [place.slug for place in notice.places.all()],
        "guides": [guide.slug for guide in notice.guides.all()],
        "url": notice.get_absolute_url(),
    }


@router.get("/notices/", response=NoticePage, url_name="notices", summary="Public notices, newest first")
def notice_list(request: HttpRequest, response: HttpResponse, query: Query[NoticeQuery]) -> dict[str, Any]:
    notices = selectors.notices_for_list().order_by("-published_at", "-pk")
    if query.since is not None:
        notices = notices.filter(updated_at__gte=query.since)
    return cached_answer(
        "notices",
        answer_language(query.lang),
        (query.page, query.page_size, query.since.isoformat() if query.since else None),
        response,
        lambda: page_of(notices, page=query.page, page_size=query.page_size, row=_notice),
    )


class FaqOut(Schema):
    slug: str
    question: str
    answer: str
    category: CategoryOut
    url: str


class FaqPage(Page):
    results: list[FaqOut]


def _faq(entry: FaqEntry) -> dict[str, Any]:
    return {
        "slug": entry.slug,
        "question": entry.question,
        "answer": entry.answer,
        "category": {"slug": entry.category.slug, "name": entry.category.name},
        "url": entry.get_absolute_url(),
    }


@router.get("/faq/", response=FaqPage, url_name="faq", summary="Frequently asked questions")
def faq_list(request: HttpRequest, response: HttpResponse, query: Query[PageQuery]) -> dict[str, Any]:
    entries = selectors.faq_published().order_by("category__order", "order", "pk")
    return cached_answer(
        "faq",
        answer_language(query.lang),
        (query.page, query.page_size),
        response,
        lambda: page_of(entries, page=query.page, page_size=query.page_size, row=_faq),
    )


class ServiceOut(Schema):
    code: str
    name: str
    description: str
    places: list[str]


class ServicePage(Page):
    results: list[ServiceOut]


def _service(service: Service) -> dict[str, Any]:
    return {
        "code": service.code,
        "name": service.name,
        "description": service.description,
        # The reverse side of Place.services, prefetched by the selector (the stubs do not see reverse names).
        "places": [place.slug for place in service.places.all()],  # type: ignore[attr-defined]
    }


@router.get("/services/", response=ServicePage, url_name="services", summary="What can be done at the places")
def service_list(request: HttpRequest, response: HttpResponse, query: Query[PageQuery]) -> dict[str, Any]:
    services = selectors.services_public()
    return cached_answer(
        "services",
        answer_language(query.lang),
        (query.page, query.page_size),
        response,
        lambda: page_of(services, page=query.page, page_size=query.page_size, row=_service),
    )

"""Load a guide from its JSON description (see portal/demo/guides/SCHEMA.md) into the database."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from portal.models import (
    Category,
    Guide,
    GuideChange,
    GuideDocument,
    GuideFaq,
    GuideFee,
    GuideMistake,
    GuideSource,
    GuideStep,
    Place,
)

LANGUAGES = ("pl", "en", "uk", "ru")


def translated(field: str, values: dict[str, str] | None) -> dict[str, str]:
    values = values or {}
    return {f"{field}_{code}": values.get(code, "") for code in LANGUAGES}


@transaction.atomic
def guide_import(*, data: dict, status: str = Guide.Status.PUBLISHED) -> Guide:
    """Create or replace one guide and its parts from `data`; related guides are linked by `guide_link_related`."""
    channels = set(data.get("apply_channels", []))
    guide, _ = Guide.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "category": Category.objects.get(slug=data["category"]),
            "order": data.get("order", 0),
            "status": status,
            "legal_basis": data["legal_basis"],
            "processing_time_days": data.get("processing_time_days"),
            "apply_online_mos": "mos" in channels,
            "apply_in_person": "in_person" in channels,
            "apply_by_post": "post" in channels,
            "apply_epuap": "epuap" in channels,
            "last_reviewed": date.fromisoformat(data["last_reviewed"]),
            "next_review": date.fromisoformat(data["next_review"]),
            **translated("title", data["title"]),
            **translated("summary", data["summary"]),
            **translated("who_for", data.get("who_for")),
            **translated("not_for", data.get("not_for")),
            **translated("legal_basis_explained", data.get("legal_basis_explained")),
            **translated("processing_time", data.get("processing_time")),
            **translated("how_to_apply", data.get("how_to_apply")),
        },
    )
    for model in (GuideStep, GuideDocument, GuideFee, GuideMistake, GuideFaq, GuideSource, GuideChange):
        model.objects.filter(guide=guide).delete()
    GuideStep.objects.bulk_create(
        GuideStep(
            guide=guide, order=order, **translated("title", step["title"]), **translated("body", step.get("body"))
        )
        for order, step in enumerate(data.get("steps", []))
    )
    GuideDocument.objects.bulk_create(
        GuideDocument(
            guide=guide,
            order=order,
            form=document.get("form", GuideDocument.Form.ORIGINAL),
            translation_needed=bool(document.get("translation_needed")),
            **translated("name", document["name"]),
            **translated("notes", document.get("notes")),
            **translated("issued_by", document.get("issued_by")),
        )
        for order, document in enumerate(data.get("documents", []))
    )
    GuideFee.objects.bulk_create(
        GuideFee(
            guide=guide,
            order=order,
            kind=fee["kind"],
            amount_pln=Decimal(fee["amount_pln"]),
            reduced_amount_pln=Decimal(fee["reduced_amount_pln"]) if fee.get("reduced_amount_pln") else None,
            account=fee.get("account") or "",
            account_holder=fee.get("account_holder") or "",
            **translated("label", fee["label"]),
            **translated("reduction_rule", fee.get("reduction_rule")),
            **translated("payment_title", fee.get("payment_title")),
        )
        for order, fee in enumerate(data.get("fees", []))
    )
    GuideMistake.objects.bulk_create(
        GuideMistake(guide=guide, order=order, **translated("text", text))
        for order, text in enumerate(data.get("mistakes", []))
    )
    GuideFaq.objects.bulk_create(
        GuideFaq(
            guide=guide, order=order, **translated("question", faq["question"]), **translated("answer", faq["answer"])
        )
        for order, faq in enumerate(data.get("faq", []))
    )
    GuideSource.objects.bulk_create(
        GuideSource(
            guide=guide,
            order=order,
            title=source["title"][:300],
            url=source["url"],
            published=date.fromisoformat(source["date"]) if source.get("date") else None,
        )
        for order, source in enumerate(data.get("sources", []))
    )
    GuideChange.objects.bulk_create(
        GuideChange(
            guide=guide, changed_on=date.fromisoformat(change["date"]), **translated("summary", change["summary"])
        )
        for change in data.get("changes", [])
    )
    guide.places.set(Place.objects.filter(slug__in=data.get("places", [])))
    return guide


def guide_link_related(*, data: dict) -> None:
    guide = Guide.objects.get(slug=data["slug"])
    guide.related.set(Guide.objects.filter(slug__in=data.get("related", [])))

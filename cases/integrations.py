"""Tokens of the systems that call the integration API (`/api/v1/`, and the status import's old path).

A token has scopes (read, case-status, book, import), a rate limit per minute, and belongs to a set of places or
is explicitly office-wide (see `selectors.place_scope_of_token`); only a hash of it is stored. Creating,
narrowing and revoking a token are recorded in the audit trail; each call it makes is an `ApiCall`.
"""

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cases.models import ApiCall, IntegrationToken
from portal.audit import audit_record
from portal.retention import process_in_batches

# `last_used_at` is written at most this often, so a busy integration does not write the token row every call.
LAST_USED_PRECISION = timedelta(minutes=1)


def _token_hash(plaintext: str) -> str:
    # The token is 32 random bytes, so a plain hash is enough: there is nothing to guess.
    return hashlib.sha256(plaintext.encode()).hexdigest()


@transaction.atomic
def integration_token_create(
    *,
    name: str,
    created_by=None,
    places=(),
    office_wide: bool = False,
    scopes: Iterable[str] = ("import",),
    requests_per_minute: int = 120,
    plaintext: str = "",
) -> tuple[IntegrationToken, str]:
    """A token for one system, for the cases of `places` or (explicitly) of every place.

    The plain text is returned once and never stored. A token with neither places nor `office_wide` may change
    nothing, which is the safe reading of a form left empty. `scopes` are names of `IntegrationToken.SCOPES`.
    """
    scopes = set(scopes)
    unknown = scopes - set(IntegrationToken.SCOPES)
    if unknown:
        raise ValueError(f"unknown scopes {sorted(unknown)}")
    # A plain text given in advance is for demo data only (load_demo refuses to run in production).
    plaintext = plaintext or "kw_" + secrets.token_urlsafe(32)
    token = IntegrationToken.objects.create(
        name=name,
        token_hash=_token_hash(plaintext),
        prefix=plaintext[:8],
        created_by=created_by,
        office_wide=office_wide,
        requests_per_minute=requests_per_minute,
        **{field: name in scopes for name, field in IntegrationToken.SCOPES.items()},
    )
    token.places.set(places)
    audit_record(
        actor=created_by,
        action="integration_token.create",
        obj=token,
        changes={
            "office_wide": (None, office_wide),
            "places": (None, sorted(place.pk for place in places)),
            "scopes": (None, sorted(scopes)),
        },
        label=token.name,
    )
    return token, plaintext


@transaction.atomic
def integration_token_scope_set(*, token: IntegrationToken, places, office_wide: bool, changed_by=None) -> None:
    """Narrow or widen the places a token may change; recorded in the audit trail."""
    token = IntegrationToken.objects.select_for_update().get(pk=token.pk)
    before = (token.office_wide, sorted(token.places.values_list("pk", flat=True)))
    IntegrationToken.objects.filter(pk=token.pk).update(office_wide=office_wide)
    token.places.set(places)
    audit_record(
        actor=changed_by,
        action="integration_token.scope_set",
        obj=token,
        changes={
            "office_wide": (before[0], office_wide),
            "places": (before[1], sorted(place.pk for place in places)),
        },
        label=token.name,
    )


@transaction.atomic
def integration_token_revoke(*, token: IntegrationToken, revoked_by=None) -> None:
    now = timezone.now()
    if IntegrationToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now):
        audit_record(
            actor=revoked_by,
            action="integration_token.revoke",
            obj=token,
            changes={"revoked_at": (None, now)},
            label=token.name,
        )


def integration_token_authenticate(plaintext: str) -> IntegrationToken | None:
    """The active token with this plain text, or None (unknown and revoked tokens are the same to a caller)."""
    if not plaintext or len(plaintext) > 200:
        return None
    token = IntegrationToken.objects.filter(token_hash=_token_hash(plaintext), revoked_at__isnull=True).first()
    if token is not None:
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
            IntegrationToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
    return token


def api_call_outcome(status_code: int) -> str:
    if status_code in (401, 403):
        return ApiCall.Outcome.REFUSED
    if status_code == 429:
        return ApiCall.Outcome.LIMITED
    if status_code >= 500:
        return ApiCall.Outcome.FAILED
    if status_code >= 400:
        return ApiCall.Outcome.REJECTED
    return ApiCall.Outcome.OK


def api_call_record(*, token_id: int, method: str, endpoint: str, status_code: int) -> ApiCall:
    """One line of the API's audit trail: the token, the route (never the values in it), the answer's status."""
    return ApiCall.objects.create(
        token_id=token_id,
        method=method[:8],
        endpoint=endpoint[:200],
        status_code=status_code,
        outcome=api_call_outcome(status_code),
    )


def api_calls_purge(*, now=None) -> int:
    """Calls older than API_CALL_RETENTION_DAYS are deleted, in independent batches."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.API_CALL_RETENTION_DAYS)
    return process_in_batches(
        ApiCall.objects.filter(occurred_at__lt=cutoff),
        lambda ids: ApiCall.objects.filter(pk__in=ids).delete(),
        job="cases.api_calls",
        batch_size=1000,
    ).done

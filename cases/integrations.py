"""Tokens of the office's systems that send status changes to the API (`cases.api`).

A token belongs to a set of places or is explicitly office-wide (see `selectors.place_scope_of_token`); only a
hash of it is stored. Creating, narrowing and revoking a token are recorded in the audit trail.
"""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from cases.models import IntegrationToken
from portal.audit import audit_record


def _token_hash(plaintext: str) -> str:
    # The token is 32 random bytes, so a plain hash is enough: there is nothing to guess.
    return hashlib.sha256(plaintext.encode()).hexdigest()


@transaction.atomic
def integration_token_create(
    *, name: str, created_by=None, places=(), office_wide: bool = False
) -> tuple[IntegrationToken, str]:
    """A token for one system, for the cases of `places` or (explicitly) of every place.

    The plain text is returned once and never stored. A token with neither places nor `office_wide` may change
    nothing, which is the safe reading of a form left empty.
    """
    plaintext = "kw_" + secrets.token_urlsafe(32)
    token = IntegrationToken.objects.create(
        name=name,
        token_hash=_token_hash(plaintext),
        prefix=plaintext[:8],
        created_by=created_by,
        office_wide=office_wide,
    )
    token.places.set(places)
    audit_record(
        actor=created_by,
        action="integration_token.create",
        obj=token,
        changes={"office_wide": (None, office_wide), "places": (None, sorted(place.pk for place in places))},
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
    token = IntegrationToken.objects.filter(token_hash=_token_hash(plaintext), revoked_at__isnull=True).first()
    if token is not None:
        IntegrationToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token

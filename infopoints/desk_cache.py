"""The enquiry desk's list pages, cached per person for at most a minute.

Staff keep the desk open and come back to it after every action: each visit would count the views, read a page of
enquiries and draw fifty rows again (a dozen queries and most of the page's time in the templates). What one
person sees on one list (the views with their counts, the filters, the rows) is drawn once and cached under:

- the desk's version, moved once a transaction commits that changed an enquiry, the name of a place or a topic,
  or who belongs to a team (the signals below; `update()` sends none, so the services that use it call
  `desk_changed` themselves);
- the minute: deadlines become "due soon" and "overdue" with the clock alone, so a list is drawn for the start of
  its minute and is never shown after it;
- the person (what they may see and their "mine"), the language and the list's parameters, hashed (a search may
  hold a name; the key says nothing of it).

The counts of the views and the filters' choices (the "frame") are cached the same way, once per person and
minute rather than per list: a new search or filter is drawn without counting again.
"""

import hashlib
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.cache_versions import bump_versions_on_commit, current_version

VERSION_KEY = "infopoints:enquiry-desk-version"
LIST_SECONDS = 60


def desk_changed() -> None:
    """Every cached list is stale once the current transaction commits."""
    bump_versions_on_commit(VERSION_KEY)


def keys(*, user_id: int, language: str, minute: datetime, query: str) -> tuple[str, str]:
    """(the list's key, the frame's key). The list: what `query` (the address's parameters, the page number
    included) shows. The frame: the person's counts of the views and the filters' choices, the same for all their
    lists, so that a new search or filter is drawn without counting again."""
    version = current_version(VERSION_KEY)

    def key(kind: str, *parts: object) -> str:
        digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]
        return f"infopoints:enquiry-desk:{kind}:{version}:{digest}"

    when = minute.isoformat()
    return key("list", user_id, language, when, query), key("frame", user_id, language, when)


def cached(*keys: str) -> list[Any]:
    """What is cached under each key (one round trip), None where nothing is."""
    found = cache.get_many(keys)
    return [found.get(key) for key in keys]


def store(key: str, value: Any) -> None:
    cache.set(key, value, LIST_SECONDS)


def _changed(**kwargs) -> None:
    desk_changed()


def connect() -> None:
    from infopoints.models import Enquiry
    from portal.models import Category, Place, User

    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        for model in (Enquiry, Place, Category):
            signal.connect(_changed, sender=model, dispatch_uid=f"enquiry-desk-{model.__name__}-{name}")
    # Who sees which team's enquiries (a person's places and roles) changes what their lists hold.
    m2m_changed.connect(_changed, sender=User.places.through, dispatch_uid="enquiry-desk-user-places")
    m2m_changed.connect(_changed, sender=User.groups.through, dispatch_uid="enquiry-desk-user-groups")

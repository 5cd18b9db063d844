"""Counting page views per page, language and day without tracking anyone (see `portal.models.stats`).

`counts_views` wraps a public view, outside `page_cache.public_page`, so a page served from the page cache is
counted too. A view is a cache increment (no database write per request); `page_views_flush` (a beat task) adds
the counts of today and yesterday to `PageViewDay` rows. Searches that found nothing are not cached pages, and
their words are not known in advance, so they are written at once (`search_empty_count`).
"""

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language

from portal.models import FaqEntry, Guide, Notice, PageViewDay, Place

KEY = "page-views:{day}:{language}:{page}:{item}"
KEY_SECONDS = 3 * 24 * 60 * 60  # long enough for a flush to find yesterday's counts
ITEM_LENGTH = 100
PERSONAL_LOOKING = re.compile(r"[0-9@]")
SEARCH_WORDS_DAYS = 180
Page = PageViewDay.Page

# Pages with one address per item, and where their items (slugs) are listed for the flush.
ITEM_PAGES = {
    Page.GUIDE: Guide,
    Page.FAQ: FaqEntry,
    Page.NOTICE: Notice,
    Page.PLACE: Place,
}
SINGLE_PAGES = [Page.NOTICES, Page.PLACES, Page.FEES, Page.HELP, Page.FINDER]


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _language() -> str | None:
    language = (get_language() or "")[:2]
    return language if language in _languages() else None


def page_view_count(*, page: str, item: str = "") -> None:
    language = _language()
    if language is None:
        return
    key = KEY.format(day=timezone.localdate().isoformat(), language=language, page=page, item=item[:ITEM_LENGTH])
    cache_counter_increment(key, KEY_SECONDS)


def cache_counter_increment(key: str, timeout: int | None) -> None:
    """Add one to a counter in the cache (no database write on the request's path)."""
    if hasattr(cache, "counter_increment"):  # Redis (portal.cache_backend): one round trip instead of three
        cache.counter_increment(key, timeout)
        return
    if not cache.add(key, 1, timeout):
        try:
            cache.incr(key)
        except ValueError:  # expired or evicted between add and incr
            cache.set(key, 1, timeout)


def counts_views(page: str, *, item_from: str | None = None):
    """Count each successful GET of the wrapped view; `item_from` names the URL argument that is the item."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.method == "GET" and response.status_code == 200:
                page_view_count(page=page, item=str(kwargs.get(item_from, "")) if item_from else "")
            return response

        return wrapper

    return decorator


def _add(*, day: date, language: str, page: str, item: str, views: int) -> None:
    lookup = {"day": day, "language": language, "page": page, "item": item}
    if PageViewDay.objects.filter(**lookup).update(views=F("views") + views):
        return
    try:
        with transaction.atomic():
            PageViewDay.objects.create(**lookup, views=views)
    except IntegrityError:  # created meanwhile by a concurrent flush or search
        PageViewDay.objects.filter(**lookup).update(views=F("views") + views)


def search_empty_count(*, words: str) -> None:
    """A search that found nothing, by its words (lower case, spaces collapsed): what people miss on the site.

    Words with a digit or an @ are not kept: people paste case numbers, phone numbers and e-mail addresses into
    search boxes, and those must never be stored. The words are erased after SEARCH_WORDS_DAYS.
    """
    language = _language()
    item = " ".join(words.lower().split())[:ITEM_LENGTH]
    if language is None or not item or PERSONAL_LOOKING.search(item):
        return
    _add(day=timezone.localdate(), language=language, page=Page.SEARCH_EMPTY, item=item, views=1)


def _candidate_keys(days: Iterable[date]) -> dict[str, tuple[date, str, str, str]]:
    items = [(page, "") for page in SINGLE_PAGES]
    for page, model in ITEM_PAGES.items():
        items += [(page, slug) for slug in model._default_manager.values_list("slug", flat=True)]
    return {
        KEY.format(day=day.isoformat(), language=language, page=page, item=item): (day, language, page, item)
        for day in days
        for language in _languages()
        for page, item in items
    }


def page_views_flush() -> int:
    """Move the counts of today and yesterday from the cache to the rows, and erase search words older than
    SEARCH_WORDS_DAYS; returns how many rows changed."""
    today = timezone.localdate()
    PageViewDay.objects.filter(
        page=Page.SEARCH_EMPTY, day__lt=today - timedelta(days=SEARCH_WORDS_DAYS)
    ).delete()
    keys = _candidate_keys([today - timedelta(days=1), today])
    changed = 0
    for key, count in cache.get_many(list(keys)).items():
        if count:
            cache.decr(key, count)
            day, language, page, item = keys[key]
            _add(day=day, language=language, page=page, item=item, views=count)
            changed += 1
    return changed

"""Page views without tracking: how often each public page was read, per language and day.

A row is a number and nothing else: no address, no cookie, no identifier of the reader is ever stored or used.
Views are counted in the cache while the pages are served (also when the page itself comes from the page cache)
and added to these rows by a beat task (`services.page_views_flush`).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PageViewDay(models.Model):
    class Page(models.TextChoices):
        GUIDE = "guide", _("guide")
        FAQ = "faq", _("FAQ entry")
        NOTICE = "notice", _("notice")
        NOTICES = "notices", _("list of notices")
        PLACE = "place", _("place")
        PLACES = "places", _("list of places")
        FEES = "fees", _("fees")
        HELP = "help", _("help and partner institutions")
        FINDER = "finder", _("guide finder results")
        SEARCH_EMPTY = "search-empty", _("search with no result")

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=2)
    page = models.CharField(_("page"), max_length=20, choices=Page.choices)
    item = models.CharField(
        _("item"), max_length=100, blank=True,
        help_text=_("The slug of the guide, notice, entry or place; the words of a search with no result."),
    )
    views = models.PositiveIntegerField(_("page views"), default=0)

    class Meta:
        ordering = ["-day", "page", "item", "language"]
        verbose_name = _("page views of a day")
        verbose_name_plural = _("page views per day")
        constraints = [
            models.UniqueConstraint(fields=["day", "language", "page", "item"], name="page_view_day_unique"),
            models.CheckConstraint(condition=Q(language__in=["pl", "en", "uk", "ru"]), name="page_view_language"),
        ]
        indexes = [models.Index(fields=["page", "day"], name="page_view_page_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.language} {self.page} {self.item}: {self.views}"

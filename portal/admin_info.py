"""Admin for notices, FAQ entries and partner institutions: tabbed translations, preview, translation state.

The same "how much does this change to the Polish text matter" choice as the guides records a ContentRevision on
every save, so these items appear in the translation dashboard next to the guides.
"""

from django.contrib import admin
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from portal.admin_translation import TRANSLATION_FIELDS, TrackedTranslationAdmin
from portal.models import FaqEntry, Notice, NoticeSubscription, Partner, PartnerTopic


def _preview(url_name: str, slug: str) -> str:
    return format_html('<a href="{}">{}</a>', reverse(url_name, kwargs={"slug": slug}), _("preview"))


@admin.register(Notice)
class NoticeAdmin(TrackedTranslationAdmin):
    list_display = ["title", "status", "importance", "published_at", "valid_until", "announced_at", "preview_link"]
    list_filter = ["status", "importance"]
    search_fields = ["title_pl", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_pl"]}
    filter_horizontal = ["places", "guides"]
    date_hierarchy = "published_at"
    readonly_fields = ["announced_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "importance", "summary", "body"]}),
        (_("When"), {"fields": ["published_at", "valid_until", "announced_at", "updated_at"]}),
        (_("What it concerns"), {"fields": ["places", "guides"]}),
        (_("Translations"), {"fields": TRANSLATION_FIELDS}),
    ]

    @admin.display(description=_("preview"))
    def preview_link(self, notice: Notice) -> str:
        return _preview("notice_preview", notice.slug)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        from portal.tasks import announce_due_notices

        # Subscribers of a notice published now hear of it at once, not at the next beat.
        transaction.on_commit(announce_due_notices.delay)


@admin.register(FaqEntry)
class FaqEntryAdmin(TrackedTranslationAdmin):
    """The changelist is also the editors' report: sort by views for the most read, by "no" for the least helpful."""

    list_display = [
        "question",
        "category",
        "status",
        "views",
        "helpful_yes",
        "helpful_no",
        "helpful_share",
        "preview_link",
    ]
    list_filter = ["status", "category"]
    search_fields = ["question_pl", "question_en", "slug"]
    prepopulated_fields = {"slug": ["question_pl"]}
    readonly_fields = ["views", "helpful_yes", "helpful_no", "updated_at"]
    fieldsets = [
        (None, {"fields": ["question", "slug", "category", "order", "status", "answer"]}),
        (_("Readers"), {"fields": ["views", "helpful_yes", "helpful_no", "updated_at"]}),
        (_("Translations"), {"fields": TRANSLATION_FIELDS}),
    ]

    @admin.display(description=_("helpful"))
    def helpful_share(self, entry: FaqEntry) -> str:
        total = entry.helpful_yes + entry.helpful_no
        return f"{round(100 * entry.helpful_yes / total)}%" if total else "–"

    @admin.display(description=_("preview"))
    def preview_link(self, entry: FaqEntry) -> str:
        return _preview("faq_preview", entry.slug)


@admin.register(PartnerTopic)
class PartnerTopicAdmin(TabbedTranslationAdmin):
    list_display = ["name", "code", "order"]


@admin.register(Partner)
class PartnerAdmin(TrackedTranslationAdmin):
    list_display = ["name", "city", "is_published", "is_illustrative", "preview_link"]
    list_filter = ["is_published", "is_illustrative", "city", "topics"]
    search_fields = ["name_pl", "name_en", "city", "slug"]
    prepopulated_fields = {"slug": ["name_pl"]}
    filter_horizontal = ["languages", "topics"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "is_published", "is_illustrative", "order", "description", "topics"]}),
        (_("Address and contact"), {"fields": ["street", "postal_code", "city", "phone", "email", "website"]}),
        (_("Languages and hours"), {"fields": ["languages", "opening_hours"]}),
        (_("Translations"), {"fields": TRANSLATION_FIELDS}),
    ]

    @admin.display(description=_("preview"))
    def preview_link(self, partner: Partner) -> str:
        return _preview("partner_preview", partner.slug)


@admin.register(NoticeSubscription)
class NoticeSubscriptionAdmin(admin.ModelAdmin):
    """Administrators may see that subscriptions exist and delete one on request; nobody edits them by hand."""

    list_display = ["pk", "language", "created_at", "confirmed_at"]
    list_filter = ["language"]
    readonly_fields = ["email", "language", "places", "guides", "created_at", "confirmed_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

"""Admin for guides: tabbed translations, preview, "how much does this change matter", translation dashboard."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from portal import selectors, services
from portal.admin_translation import TrackedTranslationAdmin, TrackedTranslationForm
from portal.models import (
    Category,
    GlossaryTerm,
    Guide,
    GuideChange,
    GuideDocument,
    GuideFaq,
    GuideFee,
    GuideMistake,
    GuideSource,
    GuideStep,
    MistakeReport,
)
from portal.translation_state import TRANSLATED_LANGUAGES


class GuideAdminForm(TrackedTranslationForm):
    class Meta:
        model = Guide
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose what is shown)


class StepInline(TranslationStackedInline):
    model = GuideStep
    extra = 0


class DocumentInline(TranslationStackedInline):
    model = GuideDocument
    extra = 0


class FeeInline(TranslationStackedInline):
    model = GuideFee
    extra = 0


class MistakeInline(TranslationTabularInline):
    model = GuideMistake
    extra = 0


class FaqInline(TranslationStackedInline):
    model = GuideFaq
    extra = 0


class SourceInline(admin.TabularInline):
    model = GuideSource
    extra = 0


class ChangeInline(TranslationTabularInline):
    model = GuideChange
    extra = 0


@admin.register(Guide)
class GuideAdmin(TrackedTranslationAdmin):
    form = GuideAdminForm
    list_display = ["title", "category", "status", "last_reviewed", "review_due", "views", "preview_link"]
    list_filter = ["status", "category"]
    search_fields = ["title_pl", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    filter_horizontal = ["places", "related"]
    readonly_fields = ["views", "updated_at"]
    inlines = [StepInline, DocumentInline, FeeInline, MistakeInline, FaqInline, SourceInline, ChangeInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "order", "status", "summary"]}),
        (_("Who it is for"), {"fields": ["who_for", "not_for"]}),
        (
            _("Law and time"),
            {"fields": ["legal_basis", "legal_basis_explained", "processing_time", "processing_time_days"]},
        ),
        (
            _("Where and how to apply"),
            {
                "fields": [
                    "how_to_apply",
                    "apply_online_mos",
                    "apply_in_person",
                    "apply_by_post",
                    "apply_epuap",
                    "places",
                ]
            },
        ),
        (_("Review"), {"fields": ["last_reviewed", "next_review", "related", "views", "updated_at"]}),
        (_("Translations"), {"fields": ["significance", "change_note", "translations_updated"]}),
    ]

    @admin.display(description=_("review due"), boolean=True)
    def review_due(self, guide: Guide) -> bool:
        return guide.next_review <= timezone.localdate()

    @admin.display(description=_("preview"))
    def preview_link(self, guide: Guide) -> str:
        return format_html('<a href="{}">{}</a>', reverse("guide_preview", kwargs={"slug": guide.slug}), _("preview"))

    def get_urls(self):
        dashboard = self.admin_site.admin_view(self.translation_dashboard)
        return [path("translations/", dashboard, name="portal_guide_translations"), *super().get_urls()]

    def translation_dashboard(self, request):
        """Each guide and language: missing, urgent, update needed or up to date; most urgent and most read first.
        Then the same for notices, FAQ entries and partner institutions."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = selectors.guide_translation_dashboard()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation dashboard"),
            "rows": rows,
            "other_rows": selectors.content_translation_dashboard(),
            "languages": TRANSLATED_LANGUAGES,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/portal/translation_dashboard.html", context)


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(TabbedTranslationAdmin):
    list_display = ["term", "slug"]
    search_fields = ["term_pl", "term_en", "term_uk", "term_ru"]


@admin.register(MistakeReport)
class MistakeReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "page_path", "language", "status"]
    list_filter = ["status", "language"]
    list_editable = ["status"]
    readonly_fields = ["page_path", "language", "message", "email", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        services.mistake_report_status_set(report_id=obj.pk, status=obj.status)

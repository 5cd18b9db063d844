from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal import selectors


class I18nSitemap(Sitemap):
    """Every page in every language, each entry carrying hreflang alternates for the others."""

    i18n = True
    alternates = True
    x_default = True
    languages = [code for code, _name in settings.LANGUAGES]

    def get_protocol(self, protocol=None):
        return settings.SITE_URL.split("://", 1)[0]

    def get_domain(self, site=None):
        return settings.SITE_URL.split("://", 1)[1]


class GuideSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return selectors.guides_published().select_related(None).only("slug", "updated_at")

    def lastmod(self, guide):
        return guide.updated_at


class PageSitemap(I18nSitemap):
    def items(self):
        return [
            "home",
            "guide_list",
            "guide_finder",
            "place_list",
            "glossary",
            "notice_list",
            "faq_list",
            "fee_list",
            "law",
            "partner_list",
            "accessibility",
            "privacy",
            "project",
            "application_form_list",
            "contact",
        ]

    def location(self, name):
        return reverse(name)


class PlaceSitemap(I18nSitemap):
    def items(self):
        return selectors.places_published().prefetch_related(None).only("slug")


class NoticeSitemap(I18nSitemap):
    changefreq = "daily"

    def items(self):
        return selectors.notices_in_force().only("slug", "updated_at")

    def lastmod(self, notice):
        return notice.updated_at


class FaqSitemap(I18nSitemap):
    def items(self):
        return selectors.faq_published().select_related(None).only("slug", "updated_at")

    def lastmod(self, entry):
        return entry.updated_at


sitemaps = {
    "pages": PageSitemap,
    "guides": GuideSitemap,
    "places": PlaceSitemap,
    "notices": NoticeSitemap,
    "faq": FaqSitemap,
}

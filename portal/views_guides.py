"""Guide pages, the glossary and "report a mistake": thin views over portal.selectors and portal.services."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal import application_forms, selectors, services
from portal.forms import MistakeReportForm
from portal.models import GlossaryTerm, Guide
from portal.page_cache import public_page
from portal.page_views import Page, counts_views
from portal.text import TermMarker, content_version

GUIDE_ARTICLE_CACHE_SECONDS = 60 * 60


@public_page
def guide_list(request):
    return render(request, "portal/guide_list.html", {"categories": selectors.categories_with_published_guides()})


@counts_views(Page.GUIDE, item_from="slug")
def guide_detail(request, slug: str):
    """A published guide. Page views are counted in the cache, even when the page itself comes from it."""
    response = _guide_page(request, slug)  # raises Http404 first, so unknown slugs are never counted
    services.guide_view_count(slug=slug)
    return response


@public_page
def _guide_page(request, slug: str):
    return render(request, "portal/guide_detail.html", {"article": _guide_article_cached(slug, get_language())})


@never_cache
@login_required
@permission_required("portal.view_guide", raise_exception=True)
def guide_preview(request, slug: str):
    """Editors see a draft exactly as a migrant would, with a banner saying it is a preview (never from the cache)."""
    try:
        guide = selectors.guide_for_page(slug=slug, include_drafts=True)
    except Guide.DoesNotExist as exc:
        raise Http404 from exc
    context = {
        "article": _guide_article(guide, get_language()),
        "preview": True,
        "preview_status": guide.get_status_display(),
    }
    return render(request, "portal/guide_detail.html", context)


@dataclass(frozen=True)
class GuideArticle:
    """A published guide's page without the site's frame around it: the same for every reader of a language."""

    title: str
    summary: str
    html: SafeString  # breadcrumbs and the article, glossary terms marked


def _guide_article_cached(slug: str, language: str) -> GuideArticle:
    """The article from the cache, built from the database once per guide and language after each content change.

    Readers the page cache does not serve (a session cookie, a query string such as a campaign tag) get it from
    here instead of 11 queries and ~60 text fields with glossary terms marked (~40 ms). The content version in
    the key makes any edit show at once, and a notice about the guide coming out or expiring by the clock too
    (`services.notices_visibility_refresh`, every minute, as for the page cache). Raises Http404 for an unknown
    or unpublished guide (never cached).
    """
    key = f"guide-article:{language}:{content_version()}:{slug}"
    article = cache.get(key)
    if article is None:
        try:
            guide = selectors.guide_for_page(slug=slug)
        except Guide.DoesNotExist as exc:
            raise Http404 from exc
        article = _guide_article(guide, language)
        cache.set(key, article, GUIDE_ARTICLE_CACHE_SECONDS)
    return article


def _guide_article(guide: Guide, language: str) -> GuideArticle:
    """The article in one pass, so each glossary term is explained at its first use on the page (ids unique)."""
    html = render_to_string("portal/_guide_article.html", _guide_context(guide, language))
    return GuideArticle(title=guide.title, summary=guide.summary, html=html)


def _guide_context(guide: Guide, language: str) -> dict:
    return {
        "guide": guide,
        "term_marker": TermMarker.for_language(language),
        "untranslated": selectors.guide_untranslated_sections(guide, language),
        "translation_outdated": selectors.guide_translation_outdated(guide, language),
        "polish_url": selectors.guide_url_in(guide, "pl"),
        "application_forms": application_forms.forms_for_guide(guide),
    }


@public_page
def glossary(request):
    return render(request, "portal/glossary.html", {"terms": GlossaryTerm.objects.all()})


@require_http_methods(["GET", "POST"])
def report_mistake(request):
    """A short form that reaches the editors; `page` says which page the reader was on (a path, not personal)."""
    page = selectors.safe_local_path(request.POST.get("page") or request.GET.get("page", ""))
    form = MistakeReportForm(request.POST or None, initial={"page": page})
    rate_limited = False
    if request.method == "POST" and form.is_valid():
        outcome = services.mistake_report_submit(
            page_path=page,
            language=get_language(),
            message=form.cleaned_data["message"],
            email=form.cleaned_data["email"],
            client_key=selectors.client_address(request),
            honeypot=form.cleaned_data["website"],
        )
        if outcome == services.ReportOutcome.RATE_LIMITED:
            rate_limited = True
            form.add_error(None, _("You have sent several reports in a short while. Please try again in an hour."))
        else:
            messages.success(request, _("Thank you. Your report has reached our editors."))
            return redirect(page or reverse("home"))
    status = 429 if rate_limited else (400 if form.errors else 200)
    return render(request, "portal/report_mistake.html", {"form": form, "page": page}, status=status)

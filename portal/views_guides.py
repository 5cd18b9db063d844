"""Guide pages, the glossary and "report a mistake": thin views over portal.selectors and portal.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal import application_forms, selectors, services
from portal.forms import MistakeReportForm
from portal.models import GlossaryTerm, Guide
from portal.page_cache import public_page
from portal.page_views import Page, counts_views
from portal.text import TermMarker


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
    try:
        guide = selectors.guide_for_page(slug=slug)
    except Guide.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "portal/guide_detail.html", _guide_context(guide, get_language()))


@never_cache
@login_required
@permission_required("portal.view_guide", raise_exception=True)
def guide_preview(request, slug: str):
    """Editors see a draft exactly as a migrant would, with a banner saying it is a preview."""
    try:
        guide = selectors.guide_for_page(slug=slug, include_drafts=True)
    except Guide.DoesNotExist as exc:
        raise Http404 from exc
    context = {**_guide_context(guide, get_language()), "preview": True}
    return render(request, "portal/guide_detail.html", context)


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

"""The office's own pages: the EU project with its live figures, application forms, and contact."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from portal import application_forms, office_contact, project_figures, selectors
from portal.models import ApplicationFormFile
from portal.page_cache import public_page

UNOFFICIAL_LANGUAGES = ("en", "uk", "ru")


@require_GET
def project(request):
    """Not page-cached: the figures are live (one query for the choice, one aggregate query per figure)."""
    return render(
        request,
        "portal/project.html",
        {"figures": project_figures.figures_shown(), "body_template": f"portal/project/body_{get_language()}.html"},
    )


@public_page
def form_list(request):
    return render(request, "portal/form_list.html", {"groups": application_forms.forms_by_procedure()})


@require_GET
def form_download(request, slug: str, language: str = ApplicationFormFile.Language.OFFICIAL):
    """A form's stable address: always the current version, whichever version was current when it was linked."""
    if language != ApplicationFormFile.Language.OFFICIAL and language not in UNOFFICIAL_LANGUAGES:
        raise Http404
    current = application_forms.form_file_current(slug=slug, language=language)
    if current is None:
        raise Http404
    try:
        handle = current.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    suffix = "" if language == ApplicationFormFile.Language.OFFICIAL else f"-{language}-unofficial"
    response = FileResponse(
        handle,
        content_type="application/pdf",
        filename=f"{slug}-{current.version_date:%Y-%m-%d}{suffix}.pdf",
    )
    # Short: a replaced form must reach people soon, and the address stays the same.
    response["Cache-Control"] = "public, max-age=300"
    return response


@public_page
def contact(request):
    places = [(place, selectors.place_week(place)) for place in selectors.places_published()]
    return render(request, "portal/contact.html", {"contact": office_contact.CONTACT, "places": places})

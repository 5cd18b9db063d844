"""The PDF checklist of a guide: served from the cache, rendered in the request or queued for a worker."""

import logging

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal import pdf, selectors, tasks
from portal.celery import app as celery_app
from portal.models import Guide

logger = logging.getLogger(__name__)


@never_cache  # the same address answers "being prepared" first and the PDF later
@require_GET
def guide_checklist_pdf(request, slug: str):
    """The checklist in the language of the address; one query when it is in the cache already."""
    language = get_language()
    try:
        guide = selectors.guides_published().get(slug=slug)
    except Guide.DoesNotExist as exc:
        raise Http404 from exc

    content = pdf.checklist_cached(guide, language)
    if content is None:
        if pdf.checklist_failed_recently(guide, language):
            return _unavailable(request, guide)
        if not celery_app.conf.task_always_eager:
            return _queue(request, guide, language)
        try:
            content = pdf.checklist_render_and_store(selectors.guide_for_page(slug=slug), language)
        except Guide.DoesNotExist as exc:  # unpublished a moment ago
            raise Http404 from exc
        except pdf.ChecklistRenderError:
            return _unavailable(request, guide)

    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.checklist_filename(guide, language)}"'
    return response


def _queue(request, guide: Guide, language: str):
    if pdf.checklist_mark_queued(guide, language):
        tasks.render_guide_checklist.delay(guide.pk, language)
    elif pdf.checklist_waited_too_long(guide, language):
        logger.warning("Checklist PDF of guide %s in %s is overdue: is a Celery worker running?", guide.pk, language)
        return _unavailable(request, guide)
    response = render(request, "portal/pdf/checklist_preparing.html", {"guide": guide}, status=202)
    response["Retry-After"] = "5"
    return response


def _unavailable(request, guide: Guide):
    response = render(request, "portal/pdf/checklist_unavailable.html", {"guide": guide}, status=503)
    response["Retry-After"] = str(pdf.FAILURE_PAUSE_SECONDS)
    return response

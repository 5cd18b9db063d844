"""The printable checklist of a guide: one A4 PDF per guide and language, rendered by WeasyPrint and cached.

A migrant takes it to the office or to the bank: steps, documents with boxes to tick, fees with the account
and transfer title, where to go, and the legal basis, in their language, with the address of the guide online.

Rendering takes about a second, so the bytes are kept in the cache under a key made of the guide, the language
and `guide.updated_at`: editing the guide changes the key, and the stale PDF simply expires. Without a worker
(the embedded default) the view renders in the request; with one, the view queues `render_guide_checklist` and
asks the reader to come back. Two short-lived markers in the cache tell the view what is going on meanwhile:
"queued" (do not queue again; after QUEUE_PATIENCE_SECONDS stop saying "being prepared") and "failed" (WeasyPrint
raised; say so for FAILURE_PAUSE_SECONDS instead of failing again on every click).
"""

import logging
import re
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal import selectors
from portal.models import Guide
from portal.text import content_version

logger = logging.getLogger(__name__)

TEMPLATE = "portal/pdf/checklist.html"
STYLESHEET = "css/pdf.css"
# Places and the interface translations can change without touching the guide: a day bounds how long they lag.
CACHE_SECONDS = 60 * 60 * 24
QUEUED_SECONDS = 60 * 3
QUEUE_PATIENCE_SECONDS = 60
FAILURE_PAUSE_SECONDS = 60 * 2


class ChecklistRenderError(Exception):
    """WeasyPrint could not turn the checklist into a PDF (already logged with its traceback)."""


def checklist_cache_key(guide: Guide, language: str) -> str:
    # The content version also changes when a place or the glossary changes, which the PDF shows too.
    return f"guide-checklist-pdf:{guide.pk}:{language}:{guide.updated_at.isoformat()}:{content_version()}"


def checklist_filename(guide: Guide, language: str) -> str:
    """An ASCII file name: slugs are ASCII, and so are the language codes."""
    return f"checklist-{guide.slug}-{language}.pdf"


def guide_checklist_html(guide: Guide, language: str) -> str:
    """The checklist as a standalone HTML document in `language`, from a guide loaded by `guide_for_page`."""
    with translation.override(language):
        context = {
            "guide": guide,
            "language": language,
            "portal_name": settings.PORTAL_NAME,
            "prepared_on": timezone.localdate(),
            "guide_url": settings.SITE_URL + guide.get_absolute_url(),
            "page_counter": page_counter_css(),
        }
        return render_to_string(TEMPLATE, context)


def guide_checklist_pdf_bytes(guide: Guide, language: str) -> bytes:
    """The checklist as PDF bytes: A4, DejaVu Sans (Polish, Ukrainian and Russian letters), tagged for readers."""
    import weasyprint  # loads Pango; only the processes that render PDFs pay for it

    found = finders.find(STYLESHEET)
    if not isinstance(found, str):
        raise ImproperlyConfigured(f"{STYLESHEET} is missing from the static files.")
    stylesheet = Path(found)
    html = weasyprint.HTML(string=guide_checklist_html(guide, language), base_url=stylesheet.parents[1].as_uri() + "/")
    return html.write_pdf(stylesheets=[weasyprint.CSS(filename=stylesheet)], pdf_tags=True)


# --- The cache, shared by the view and the worker -----------------------------------------------------------


def checklist_cached(guide: Guide, language: str) -> bytes | None:
    return cache.get(checklist_cache_key(guide, language))


def checklist_render_and_store(guide: Guide, language: str) -> bytes:
    """Render and cache the checklist; on failure log it, remember it for a while and raise ChecklistRenderError."""
    key = checklist_cache_key(guide, language)
    try:
        pdf = guide_checklist_pdf_bytes(guide, language)
    except Exception as exc:
        logger.exception("Checklist PDF of guide %s in %s could not be rendered", guide.pk, language)
        cache.set(f"{key}:failed", True, FAILURE_PAUSE_SECONDS)
        cache.delete(f"{key}:queued")
        raise ChecklistRenderError from exc
    cache.set(key, pdf, CACHE_SECONDS)
    cache.delete(f"{key}:queued")
    return pdf


def checklist_failed_recently(guide: Guide, language: str) -> bool:
    return bool(cache.get(f"{checklist_cache_key(guide, language)}:failed"))


def checklist_mark_queued(guide: Guide, language: str) -> bool:
    """Note that a worker will render the checklist; False if it was queued already (then do not queue again)."""
    return cache.add(f"{checklist_cache_key(guide, language)}:queued", time.time(), QUEUED_SECONDS)


def checklist_waited_too_long(guide: Guide, language: str) -> bool:
    """Whether the queued rendering is overdue, e.g. because no worker is running: time to stop saying "wait"."""
    queued_at = cache.get(f"{checklist_cache_key(guide, language)}:queued")
    return queued_at is not None and time.time() - queued_at > QUEUE_PATIENCE_SECONDS


def checklist_prepare(*, guide_id: int, language: str) -> str:
    """What the worker does: render the checklist of a published guide into the cache unless it is there already."""
    if language not in dict(settings.LANGUAGES):
        return "unknown language"
    try:
        slug = selectors.guides_published().values_list("slug", flat=True).get(pk=guide_id)
        guide = selectors.guide_for_page(slug=slug)
    except Guide.DoesNotExist:
        return "gone"  # unpublished or deleted before the worker got to it
    if checklist_cached(guide, language) is not None:
        return "cached"
    try:
        checklist_render_and_store(guide, language)
    except ChecklistRenderError:
        return "failed"  # logged; retrying would fail the same way, and the reader is told to try again later
    return "rendered"


def page_counter_css() -> str:
    """The CSS `content` of the footer: "Page X of Y" in the reader's word order, X and Y as page counters.

    Public: the appointment confirmation PDF uses the same footer.
    """
    text = gettext("Page %(page)s of %(pages)s")
    tokens = []
    for part in re.split(r"(%\(pages?\)s)", text):
        if part == "%(page)s":
            tokens.append("counter(page)")
        elif part == "%(pages)s":
            tokens.append("counter(pages)")
        elif part:
            tokens.append('"' + re.sub(r'[\\"<>\n]', lambda match: f"\\{ord(match.group()):x} ", part) + '"')
    return " ".join(tokens)


_page_counter_css = page_counter_css  # the former private name, for callers not yet moved

"""The indicator report as an A4 PDF (WeasyPrint): the office's heading, the funding notice, the headline figures
with their change, the charts and every table; in Polish, or in English on request."""

from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import timezone, translation

from infopoints.reports import charts
from infopoints.reports.indicators import indicator_report
from infopoints.reports.periods import Period
from portal import pdf as portal_pdf
from portal.models import Place

TEMPLATE = "infopoints/reports/pdf.html"
STYLESHEETS = ["css/pdf.css", "css/report-pdf.css"]


def indicator_report_html(period: Period, *, place: Place | None, language: str) -> str:
    with translation.override(language):
        report = indicator_report(period, place=place, places=list(Place.objects.all()))
        context = {
            "report": report,
            "language": language,
            "portal_name": settings.PORTAL_NAME,
            "prepared_on": timezone.localdate(),
            "page_counter": portal_pdf.page_counter_css(),
            "bar_charts": [charts.bar_chart(bars, chart_id=f"bars-{n}") for n, bars in enumerate(report.bars)],
            "line_charts": [
                charts.line_chart(line, chart_id=f"line-{n}", step=period.step) for n, line in enumerate(report.lines)
            ],
        }
        return render_to_string(TEMPLATE, context)


def indicator_report_pdf(
    period: Period, *, place: Place | None, language: str, on_progress: Callable[[int], None] = lambda _p: None
) -> bytes:
    import weasyprint  # loads Pango; only the worker that renders pays for it

    paths = []
    for name in STYLESHEETS:
        found = finders.find(name)
        if not isinstance(found, str):
            raise ImproperlyConfigured(f"{name} is missing from the static files.")
        paths.append(Path(found))
    html = indicator_report_html(period, place=place, language=language)
    on_progress(50)
    document = weasyprint.HTML(string=html, base_url=paths[0].parents[1].as_uri() + "/")
    content = document.write_pdf(stylesheets=[weasyprint.CSS(filename=path) for path in paths], pdf_tags=True)
    on_progress(95)
    return content

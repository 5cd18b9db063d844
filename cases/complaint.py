"""The ponaglenie (art. 37 of the Code of Administrative Procedure) as a PDF the applicant signs and files.

The left column is the Polish letter the authority reads; beside it the same text in the applicant's language,
so they know what they sign. Both come from one template rendered twice ({% language %}), so the translation
cannot say something the letter does not. Nothing typed into the form is stored: it is rendered and forgotten,
which is also why the PDF is rendered in the request and never cached.
"""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string

from cases.selectors import CaseOverview

TEMPLATE = "cases/pdf/complaint.html"
STYLESHEET = "css/pdf.css"
# The higher-level authority for the voivode's residence cases (art. 37 § 3 pkt 1 KPA).
HIGHER_AUTHORITY_ADDRESS = ["ul. Taborowa 33", "02-699 Warszawa"]


def complaint_html(overview: CaseOverview, *, language: str, full_name: str, address: str, today: date) -> str:
    context = {
        "overview": overview,
        "case": overview.case,
        "language": language,
        "full_name": full_name,
        "address": address,
        "today": today,
        "side_by_side": language != "pl",
        "higher_authority_address": HIGHER_AUTHORITY_ADDRESS,
        "portal_name": settings.PORTAL_NAME,
    }
    return render_to_string(TEMPLATE, context)


def complaint_pdf_bytes(overview: CaseOverview, *, language: str, full_name: str, address: str, today: date) -> bytes:
    import weasyprint

    found = finders.find(STYLESHEET)
    if not isinstance(found, str):
        raise ImproperlyConfigured(f"{STYLESHEET} is missing from the static files.")
    stylesheet = Path(found)
    html = weasyprint.HTML(
        string=complaint_html(overview, language=language, full_name=full_name, address=address, today=today),
        base_url=stylesheet.parents[1].as_uri() + "/",
    )
    return html.write_pdf(stylesheets=[weasyprint.CSS(filename=stylesheet)], pdf_tags=True)

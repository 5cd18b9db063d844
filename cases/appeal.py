"""The appeal (odwołanie) against the voivode's refusal: a letter to print and sign, and its deadline for a calendar.

The appeal goes to the Head of the Office for Foreigners, the authority above the voivode, but is filed through
the voivode who issued the decision, within 14 days of its delivery (art. 127 § 2 and art. 129 § 1–2 of the
Code of Administrative Procedure; docs/sources.md, `limit-appeal`). As with the ponaglenie, the Polish letter
is rendered beside the same text in the reader's language from one template, nothing typed is stored, and the
reasons, the decision's number and the signature are left blank: the person writes them by hand.
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.selectors import CaseOverview, working_day_on_or_after

APPEAL_DAYS = 14
# The guide that explains appeals; the refusal page links it beside the guide of the case's own procedure.
APPEAL_GUIDE_SLUG = "appeal-against-decision"
TEMPLATE = "cases/pdf/appeal.html"
STYLESHEET = "css/pdf.css"
HIGHER_AUTHORITY_ADDRESS = ["ul. Taborowa 33", "02-699 Warszawa"]


@dataclass(frozen=True)
class AppealLetter:
    overview: CaseOverview
    language: str
    decision_date: date
    delivered_on: date | None
    full_name: str
    address: str

    @property
    def deadline(self) -> date | None:
        return appeal_deadline(self.delivered_on) if self.delivered_on else None


def appeal_deadline(delivered_on: date) -> date:
    """The last day to file: 14 days counted from the day after delivery (art. 57 § 1 KPA), moved to the next
    working day when it ends on a Saturday, a Sunday or a public holiday (art. 57 § 4 KPA)."""
    return working_day_on_or_after(delivered_on + timedelta(days=APPEAL_DAYS))


def appeal_html(letter: AppealLetter) -> str:
    case = letter.overview.case
    context = {
        "letter": letter,
        "case": case,
        "language": letter.language,
        "side_by_side": letter.language != "pl",
        "higher_authority_address": HIGHER_AUTHORITY_ADDRESS,
        "appeal_days": APPEAL_DAYS,
        "portal_name": settings.PORTAL_NAME,
    }
    return render_to_string(TEMPLATE, context)


def appeal_pdf_bytes(letter: AppealLetter) -> bytes:
    import weasyprint

    found = finders.find(STYLESHEET)
    if not isinstance(found, str):
        raise ImproperlyConfigured(f"{STYLESHEET} is missing from the static files.")
    stylesheet = Path(found)
    html = weasyprint.HTML(string=appeal_html(letter), base_url=stylesheet.parents[1].as_uri() + "/")
    return html.write_pdf(stylesheets=[weasyprint.CSS(filename=stylesheet)], pdf_tags=True)


def appeal_deadline_ics(*, deadline: date, place_name: str, guide_url: str) -> bytes:
    """An all-day calendar event on the last day to appeal, with a reminder three days before.

    It carries no case number or name: calendars are synchronised to services the person may not control.
    """
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Kierunek Wielkopolska//appeal deadline//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{uuid.uuid4()}@{settings.SITE_URL.split('://', 1)[1]}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", deadline)
    event.add("dtend", deadline + timedelta(days=1))
    event.add("summary", _("Last day to appeal against the voivode's decision (odwołanie)"))
    event.add(
        "description",
        _(
            "File the signed appeal at %(place)s or post it by Polish Post today at the latest (the posting date "
            "counts). How to appeal: %(url)s"
        )
        % {"place": place_name, "url": guide_url},
    )
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("The appeal deadline is in three days."))
    alarm.add("trigger", timedelta(days=-3))
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()


"""The indicators of a period, each with its value in the previous period of the same length.

`indicator_report` runs a fixed number of aggregate queries (whatever the period and the amount of data) and
returns headline figures, tables (shown, exported as CSV/XLSX and printed in the PDF) and the data of the charts.
The README's section "Indicators" says what each figure counts; keep the two in step.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from appointments import selectors as appointment_selectors
from cases import selectors as case_selectors
from infopoints.models import Enquiry
from infopoints.reports import figures, rolled
from infopoints.reports.periods import Period, change
from infopoints.reports.rolled import Split
from portal import selectors as portal_selectors
from portal.models import PageViewDay, Place


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: float | None
    previous: float | None
    unit: str = ""

    @property
    def change(self) -> float | None:
        return change(self.value, self.previous)


@dataclass
class Table:
    slug: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class Bars:
    title: str
    unit: str
    items: list[tuple[str, float]]  # (label, value)


@dataclass(frozen=True)
class Line:
    title: str
    points: list[tuple[date, float]]


@dataclass
class Report:
    period: Period
    previous: Period
    place: Place | None
    figures: list[Figure]
    tables: list[Table]
    bars: list[Bars]
    lines: list[Line]

    def table(self, slug: str) -> Table:
        return next(table for table in self.tables if table.slug == slug)

    def figure(self, key: str) -> Figure:
        return next(figure for figure in self.figures if figure.key == key)


TABLE_SLUGS = [
    "served", "languages", "enquiries", "appointments", "waiting-list", "case-status", "page-views", "searches",
]

PAGE_LABELS: dict[str, Any] = {
    PageViewDay.Page.GUIDE: gettext_lazy("guides"),
    PageViewDay.Page.FAQ: gettext_lazy("FAQ entries"),
    PageViewDay.Page.NOTICE: gettext_lazy("notices"),
    PageViewDay.Page.NOTICES: gettext_lazy("list of notices"),
    PageViewDay.Page.PLACE: gettext_lazy("places"),
    PageViewDay.Page.PLACES: gettext_lazy("list of places"),
    PageViewDay.Page.FEES: gettext_lazy("fees"),
    PageViewDay.Page.HELP: gettext_lazy("help and partner institutions"),
    PageViewDay.Page.FINDER: gettext_lazy("guide finder results"),
}


def _language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code) or _("not recorded")


def _share(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


def _series(period: Period, rows: list[dict], key: str = "value") -> list[tuple[date, float]]:
    values = {row["bucket"]: row[key] for row in rows}
    return [(bucket, values.get(bucket, 0)) for bucket in period.buckets()]


def _sum(rows: list[dict], key: str) -> int:
    return sum(row[key] for row in rows)


def _queue(period: Split, previous: Split, place_id, names) -> tuple[list[Figure], list[Table], list[Bars], list[Line]]:
    now, before = figures.ticket_totals(period, place_id), figures.ticket_totals(previous, place_id)
    by_place = figures.ticket_figures_by_place(period, place_id)
    before_by_place = {
        row["place_id"]: row for row in figures.ticket_figures_by_place(previous, place_id, waits=False)
    }
    served = Table(
        "served",
        _("People served at information points"),
        [_("Place"), _("Tickets issued"), _("People served"), _("Served in the previous period"), _("Change (%)"),
         _("Did not come when called"), _("Median wait (min)"), _("90th percentile of the wait (min)")],
    )
    for row in by_place:
        earlier = before_by_place.get(row["place_id"], {}).get("served", 0)
        served.rows.append([
            names.get(row["place_id"], "?"), row["issued"], row["served"], earlier, change(row["served"], earlier),
            row["no_show"], figures.minutes(row["median_wait"]), figures.minutes(row["p90_wait"]),
        ])
    languages = Table("languages", _("People served by language of the service"), [_("Language"), _("People served")])
    languages.rows = [
        [_language_name(row["language"]), row["served"]] for row in figures.served_by_language(period, place_id)
    ]
    result = [
        Figure("served", _("People served at information points"), now["served"], before["served"]),
        Figure("issued", _("Queue tickets issued"), now["issued"], before["issued"]),
        Figure("median_wait", _("Median wait (min)"), figures.minutes(now["median_wait"]),
               figures.minutes(before["median_wait"]), "min"),
        Figure("p90_wait", _("90th percentile of the wait (min)"), figures.minutes(now["p90_wait"]),
               figures.minutes(before["p90_wait"]), "min"),
    ]
    bars = [Bars(_("People served per place"), "", [(names.get(r["place_id"], "?"), r["served"]) for r in by_place]),
            Bars(_("Median wait per place (min)"), "min",
                 [(names.get(r["place_id"], "?"), figures.minutes(r["median_wait"]) or 0) for r in by_place])]
    line = Line(_("People served over time"), _series(period.period, figures.served_series(period, place_id)))
    return result, [served, languages], bars, [line]


def _enquiries(period: Split, previous: Split, place_id) -> tuple[list[Figure], list[Table], list[Line]]:
    rows, before = figures.enquiry_figures(period, place_id), figures.enquiry_figures(previous, place_id)
    channels = dict(Enquiry.Channel.choices)
    table = Table(
        "enquiries",
        _("Enquiries by channel and language"),
        [_("Channel"), _("Language"), _("Received"), _("Answered"), _("Answered within the service level (%)")],
    )
    table.rows = [
        [str(channels.get(r["channel"], r["channel"])), _language_name(r["language"]), r["received"], r["answered"],
         _share(r["in_time"], r["with_level"])]
        for r in rows
    ]
    result = [
        Figure("enquiries_received", _("Enquiries received"), _sum(rows, "received"), _sum(before, "received")),
        Figure("enquiries_answered", _("Enquiries answered"), _sum(rows, "answered"), _sum(before, "answered")),
        Figure("in_time", _("Answered within the service level (%)"),
               _share(_sum(rows, "in_time"), _sum(rows, "with_level")),
               _share(_sum(before, "in_time"), _sum(before, "with_level")), "%"),
    ]
    line = Line(_("Enquiries received over time"), _series(period.period, figures.enquiry_series(period, place_id)))
    return result, [table], [line]


def _appointments(parts: Split, previous_parts: Split, place_id, names) -> tuple[list[Figure], list[Table],
                                                                                  list[Bars], list[Line]]:
    period = parts.period
    since, until = period.bounds()
    before_since, before_until = previous_parts.period.bounds()
    rows = figures.booking_figures(parts, place_id)
    before = figures.booking_figures(previous_parts, place_id)
    table = Table(
        "appointments",
        _("Appointments by place and service"),
        [_("Place"), _("Service"), _("Booked"), _("Kept"), _("Cancelled"), _("No-shows")],
    )
    per_place: dict[int, int] = defaultdict(int)
    for r in rows:
        table.rows.append([names.get(r["place_id"], "?"), r["service_name"], r["booked"], r["kept"],
                           r["cancelled"], r["no_show"]])
        per_place[r["place_id"]] += r["booked"]
    result = [
        Figure("booked", _("Appointments booked"), _sum(rows, "booked"), _sum(before, "booked")),
        Figure("kept", _("Appointments kept"), _sum(rows, "kept"), _sum(before, "kept")),
        Figure("cancelled", _("Appointments cancelled"), _sum(rows, "cancelled"), _sum(before, "cancelled")),
        Figure("no_show", _("Appointments not kept (did not come)"), _sum(rows, "no_show"), _sum(before, "no_show")),
    ]
    waiting = appointment_selectors.waiting_list_figures(since=since, until=until, place_id=place_id)
    waiting_before = appointment_selectors.waiting_list_figures(
        since=before_since, until=before_until, place_id=place_id
    )
    draws = appointment_selectors.draw_figures(since=since, until=until, place_id=place_id)
    draws_before = appointment_selectors.draw_figures(since=before_since, until=before_until, place_id=place_id)
    labels = [
        (waiting, waiting_before, "joined", _("Joined a waiting list")),
        (waiting, waiting_before, "confirmed", _("Confirmed their place on the list")),
        (waiting, waiting_before, "booked", _("Got a time from the list")),
        (waiting, waiting_before, "left", _("Left the list")),
        (draws, draws_before, "draws", _("Draws held")),
        (draws, draws_before, "entered", _("Requests in the draws")),
        (draws, draws_before, "won", _("Requests given a time")),
        (draws, draws_before, "not_drawn", _("Requests not drawn")),
    ]
    lists = Table("waiting-list", _("Waiting lists and draws"),
                  [_("Figure"), _("This period"), _("Previous period"), _("Change (%)")])
    lists.rows = [[label, now[key], then[key], change(now[key], then[key])] for now, then, key, label in labels]
    bars = [Bars(_("Appointments booked per place"), "", [(names.get(k, "?"), v) for k, v in per_place.items()])]
    series = figures.booking_series(parts, place_id)
    line = Line(_("Appointments booked over time"), _series(period, series, "booked"))
    return result, [table, lists], bars, [line]


def _office(period, previous) -> tuple[list[Figure], list[Table], list[Line]]:
    since, until = period.bounds()
    before_since, before_until = previous.bounds()
    lookups = case_selectors.lookup_figures(since=since, until=until)
    lookups_before = case_selectors.lookup_figures(since=before_since, until=before_until)
    kind = case_selectors.STATUS_NOTIFICATION_KIND
    sent = portal_selectors.emails_sent(since=since, until=until, kind=kind)
    sent_before = portal_selectors.emails_sent(since=before_since, until=before_until, kind=kind)
    note = _("For the whole office: these figures are not kept per place.")
    cases = Table("case-status", _("Case status online"),
                  [_("Figure"), _("This period"), _("Previous period"), _("Change (%)")], note=note)
    for key, label in [("lookups", _("Case-status lookups")), ("found", _("Lookups that found the case")),
                       ("not_found", _("Wrong number or code")), ("limited", _("Refused: too many attempts"))]:
        cases.rows.append([label, lookups[key], lookups_before[key], change(lookups[key], lookups_before[key])])
    cases.rows.append([_("Status notifications sent"), sent, sent_before, change(sent, sent_before)])
    views = portal_selectors.page_views_by_language(first_day=period.first_day, last_day=period.last_day)
    views_before = portal_selectors.page_views_by_language(first_day=previous.first_day, last_day=previous.last_day)
    codes = [code for code, _name in settings.LANGUAGES]
    grid: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(codes, 0))
    for r in views:
        grid[r["page"]][r["language"]] = r["views"]
    pages = Table("page-views", _("Page views by language"),
                  [_("Pages"), *[_language_name(code) for code in codes], _("Total")], note=note)
    pages.rows = [[str(PAGE_LABELS.get(page, page)), *[grid[page][c] for c in codes], sum(grid[page].values())]
                  for page in sorted(grid)]
    searches = Table("searches", _("Searches that found nothing"), [_("Words"), _("Language"), _("Searches")],
                     note=note)
    searches.rows = [
        [r["item"], _language_name(r["language"]), r["views"]]
        for r in portal_selectors.searches_without_result(first_day=period.first_day, last_day=period.last_day)
    ]
    result = [
        Figure("lookups", _("Case-status lookups"), lookups["lookups"], lookups_before["lookups"]),
        Figure("notifications", _("Status notifications sent"), sent, sent_before),
        Figure("page_views", _("Page views"), _sum(views, "views"), _sum(views_before, "views")),
    ]
    series = case_selectors.lookup_series(since=since, until=until, trunc=period.trunc)
    return result, [cases, pages, searches], [Line(_("Case-status lookups over time"), _series(period, series,
                                                                                              "lookups"))]


def indicator_report(period: Period, *, place: Place | None, places: Sequence[Place]) -> Report:
    """Every indicator of `period` (at `place`, or everywhere) and of the period before it. `places` names them."""
    previous = period.previous()
    names = {p.pk: p.name for p in places}
    place_id = place.pk if place is not None else None
    done = rolled.rolled_days(previous.first_day, period.last_day)
    parts, previous_parts = rolled.split(period, done), rolled.split(previous, done)
    queue_figures, queue_tables, queue_bars, queue_lines = _queue(parts, previous_parts, place_id, names)
    enquiry_figures, enquiry_tables, enquiry_lines = _enquiries(parts, previous_parts, place_id)
    booking_figures, booking_tables, booking_bars, booking_lines = _appointments(
        parts, previous_parts, place_id, names
    )
    office_figures, office_tables, office_lines = _office(period, previous)
    return Report(
        period=period,
        previous=previous,
        place=place,
        figures=[*queue_figures, *enquiry_figures, *booking_figures, *office_figures],
        tables=[*queue_tables, *enquiry_tables, *booking_tables, *office_tables],
        bars=[*queue_bars, *booking_bars],
        lines=[*queue_lines, *enquiry_lines, *booking_lines, *office_lines],
    )

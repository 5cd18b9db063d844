"""Reads of the cases app: what the applicant sees about their case, and what other apps may ask about a case.

`case_overview` gathers everything the result page shows in a fixed number of queries: the case with its
procedure, place and guide; its history; the catalogue for the progress line; and the precomputed processing
times of similar cases. The rules (deadlines, the statutory time limit, when to offer a ponaglenie) are plain
functions of those rows, so they are tested without a request.
"""

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import TYPE_CHECKING, Any

import holidays
from django.conf import settings
from django.db.models import Count, DateField, Q, QuerySet
from django.db.models.functions.datetime import TruncBase
from django.utils import timezone

from cases.codes import ACCESS_CODE_LENGTH, NUMBER_MAX_LENGTH, access_code_normalize, number_key
from cases.models import Case, CaseStatus, IntegrationToken, LookupRecord, ProcessingTime, Stage, StatusEvent

if TYPE_CHECKING:
    from django.http import HttpRequest

    from portal.models import User

# Figures from fewer cases than this say more about chance than about the office; they are not shown.
MIN_SAMPLE_SIZE = 10
# "Well beyond the usual": waiting this many times the 80th percentile counts as protraction worth a ponaglenie.
PROTRACTION_FACTOR = 1.25


@dataclass(frozen=True)
class Figures:
    median_days: int
    p80_days: int
    sample_size: int


@dataclass(frozen=True)
class StageStep:
    stage: int
    label: str
    state: str  # "done", "current" or "next"


@dataclass
class CaseOverview:
    case: Case
    events: list[StatusEvent]
    steps: list[StageStep]
    current_event: StatusEvent | None
    action_deadline: date | None
    whole_case: Figures | None
    current_stage: Figures | None
    days_in_stage: int
    days_since_filing: int
    time_limit_start: date | None
    time_limit_end: date | None
    overdue: bool
    protracted: bool
    visit: str = ""

    @property
    def complaint_offered(self) -> bool:
        return self.overdue or self.protracted

    @property
    def decided(self) -> bool:
        return self.case.status.stage >= Stage.DECISION

    @property
    def appeal_offered(self) -> bool:
        """A refusal not yet final can be appealed; the page offers the letter and the deadline."""
        return self.case.status.outcome == CaseStatus.Outcome.NEGATIVE and not self.case.status.is_final


def case_overview(*, case_id: int, today: date | None = None) -> CaseOverview:
    """Everything the result page shows about one case, in four queries whatever the size of the history."""
    today = today or timezone.localdate()
    case = Case.objects.select_related("procedure", "procedure__guide", "place", "status").get(
        pk=case_id, anonymized_at__isnull=True
    )
    events = list(StatusEvent.objects.filter(case_id=case.pk).select_related("status").order_by("occurred_at", "pk"))
    figures = {
        row.stage: Figures(row.median_days, row.p80_days, row.sample_size)
        for row in ProcessingTime.objects.filter(
            procedure_id=case.procedure_id, place_id=case.place_id, sample_size__gte=MIN_SAMPLE_SIZE
        )
    }
    current_event = _current_event(case, events)
    stage_since = _current_stage_since(case, events)
    start, end = statutory_time_limit(case, events)
    whole_case = figures.get(ProcessingTime.WHOLE_CASE)
    days_since_filing = (today - case.filed_on).days
    decided = case.status.stage >= Stage.DECISION
    return CaseOverview(
        case=case,
        events=events,
        steps=progress_line(case.status, events),
        current_event=current_event,
        action_deadline=action_deadline(case.status, current_event),
        whole_case=whole_case,
        current_stage=None if decided else figures.get(case.status.stage),
        days_in_stage=(today - stage_since).days if stage_since else 0,
        days_since_filing=days_since_filing,
        time_limit_start=start,
        time_limit_end=end,
        overdue=bool(end and today > end and not decided),
        protracted=bool(whole_case and not decided and days_since_filing > whole_case.p80_days * PROTRACTION_FACTOR),
        visit=case.status.visit,
    )


def progress_line(status: CaseStatus, events: list[StatusEvent]) -> list[StageStep]:
    """The stages in order, marked done, current or next.

    After a refusal or a discontinuation (the latest decision in the history) there is no card to produce, so
    the line goes from the decision straight to "closed". A request for missing documents is shown only to
    those who had one: it is a detour, not a step every case passes.
    """
    decisions = [event.status.outcome for event in events if event.status.outcome]
    without_card = bool(decisions) and decisions[-1] != CaseStatus.Outcome.POSITIVE
    stages_seen = {event.status.stage for event in events} | {status.stage}
    steps = []
    for stage, label in Stage.choices:
        if without_card and Stage.DECISION < stage < Stage.CLOSED:
            continue
        if stage == Stage.MISSING_DOCUMENTS and stage not in stages_seen:
            continue
        state = "done" if stage < status.stage else "current" if stage == status.stage else "next"
        steps.append(StageStep(stage=stage, label=str(label), state=state))
    return steps


def action_deadline(status: CaseStatus, current_event: StatusEvent | None) -> date | None:
    """The applicant's deadline, counted from the date of the status (e.g. 14 days from delivery of a request)."""
    if status.action_deadline_days is None or current_event is None:
        return None
    return working_day_on_or_after(
        timezone.localdate(current_event.occurred_at) + timedelta(days=status.action_deadline_days)
    )


def working_day_on_or_after(day: date) -> date:
    """A time limit that ends on a Saturday or a public holiday ends on the next working day (art. 57 § 4 KPA)."""
    public_holidays = holidays.country_holidays("PL", years=(day.year, day.year + 1))
    while day.weekday() == 5 or day.weekday() == 6 or day in public_holidays:
        day += timedelta(days=1)
    return day


def statutory_time_limit(case: Case, events: list[StatusEvent]) -> tuple[date | None, date | None]:
    """When the statutory time limit for the decision started and ends, or (None, None) if it has not started.

    Art. 112a ust. 2 of the Act on Foreigners starts the time limit once the application is complete and the
    applicant has appeared in person: here, the day the case last entered review after any request for
    documents or appearance. Time before settings.CASE_TIME_LIMITS_SUSPENDED_UNTIL does not count (the
    suspension of the Ukrainian special act, which ended on 4 March 2026).
    """
    days, months = case.procedure.time_limit_days, case.procedure.time_limit_months
    if not days and not months:
        return None, None
    start = None
    for event in events:
        if event.status.stage < Stage.REVIEW:
            start = None
        elif start is None and event.status.stage == Stage.REVIEW:
            start = timezone.localdate(event.occurred_at)
    if start is None:
        return None, None
    suspended_until = settings.CASE_TIME_LIMITS_SUSPENDED_UNTIL
    if suspended_until and start <= suspended_until:
        start = suspended_until + timedelta(days=1)
    if months:
        return start, add_months(start, months)
    return start, start + timedelta(days=days or 0)


def add_months(day: date, months: int) -> date:
    """The day a time limit of `months` months ends (art. 57 § 3 KPA): the same day of the month, or the month's
    last day when that month is shorter (31 August + 6 months = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _current_event(case: Case, events: list[StatusEvent]) -> StatusEvent | None:
    matching = [event for event in events if event.status_id == case.status_id]
    return matching[-1] if matching else None


def _current_stage_since(case: Case, events: list[StatusEvent]) -> date | None:
    """The day the case entered its current stage (several statuses in a row may share one stage)."""
    since = None
    for event in events:
        since = since or timezone.localdate(event.occurred_at) if event.status.stage == case.status.stage else None
    return since


def works_office_wide(user: "User") -> bool:
    """Whether `user` acts on cases of every place: superusers only.

    The `administrator` role manages accounts, catalogues and integration tokens but has no right to change
    cases, so it gains nothing from seeing all of them; a person who must import for every place is made a
    superuser on purpose. Everyone else works on the cases of `user.places`. The case admin, the status import
    and the desk lookup all ask this one function, so they cannot disagree.
    """
    return bool(user.is_superuser)


def cases_visible_to(user: "User") -> QuerySet[Case]:
    """Staff see the cases of the places they work at; administrators (superusers) see all."""
    if works_office_wide(user):
        return Case.objects.all()
    return Case.objects.filter(place__in=user.places.all())


@dataclass(frozen=True)
class PlaceScope:
    """The places whose cases an officer or an integration may change: a set of places, or explicitly all.

    There is no default: an import or an API call states its scope, so forgetting it cannot mean "everywhere".
    """

    place_ids: frozenset[int] = frozenset()
    office_wide: bool = False

    def allows(self, place_id: int | None) -> bool:
        return self.office_wide or place_id in self.place_ids


def place_scope_of_user(user: "User") -> PlaceScope:
    if works_office_wide(user):
        return PlaceScope(office_wide=True)
    return PlaceScope(place_ids=frozenset(user.places.values_list("pk", flat=True)))


def place_scope_of_token(token: IntegrationToken) -> PlaceScope:
    """An integration token changes the cases of its places, or of every place if it is marked office-wide."""
    if token.office_wide:
        return PlaceScope(office_wide=True)
    return PlaceScope(place_ids=frozenset(token.places.values_list("pk", flat=True)))


# The case opened by a lookup in this browser: a signed cookie (salted, timestamped, HttpOnly) holding only the case
# id, never its number or code. A cookie rather than the session: a lookup then writes no session row (two commits
# of the three a lookup made), and the result page reads no session. The booking pages read it through
# `case_looked_up` to skip a second check.
LOOKUP_COOKIE = "case_lookup"
LOOKUP_COOKIE_SALT = "cases.lookup.cookie"
# How long a successful lookup stays open in this browser: enough to read, short enough for a shared phone.
LOOKUP_SECONDS = 30 * 60


def case_looked_up(request: "HttpRequest") -> int | None:
    """The id of the case opened by a successful lookup in this browser and not yet timed out, or None."""
    value = request.get_signed_cookie(LOOKUP_COOKIE, default=None, salt=LOOKUP_COOKIE_SALT, max_age=LOOKUP_SECONDS)
    return int(value) if value and value.isdigit() else None


@dataclass(frozen=True)
class CaseVisit:
    """What booking needs of a case whose status calls for a visit: the visit and the place handling the case."""

    case_id: int
    number: str
    visit: str
    place_id: int
    place_slug: str
    place_name: str


def case_visit_due(*, case_id: int) -> CaseVisit | None:
    """The visit the case's current status calls for, with its place; None if none (or anonymized). One query."""
    row = (
        Case.objects.filter(pk=case_id, anonymized_at__isnull=True)
        .exclude(status__visit="")
        .select_related("status", "place")
        .first()
    )
    if row is None:
        return None
    return CaseVisit(
        case_id=row.pk, number=row.number, visit=row.status.visit, place_id=row.place_id,
        place_slug=row.place.slug,
        place_name=row.place.name,
    )


def case_place_id(*, case_id: int) -> int | None:
    """The place handling the case (for booking rules tied to it), or None. One query."""
    return Case.objects.filter(pk=case_id, anonymized_at__isnull=True).values_list("place_id", flat=True).first()


@dataclass(frozen=True)
class CasePageBlock:
    """A part of the case page that an app to the right draws (the visit booked for the case): its template and
    context. The template is included by name, so `cases` needs no import of the app that provides it."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


# `cases` may not import the apps built on it (the layering contract), yet the case page must show what those apps
# know about the case, e.g. a visit booked for it. So they register a provider at start-up (`AppConfig.ready`),
# like the outbox's attachment builders: the case page asks every provider, in a fixed number of queries each.
_CASE_PAGE_PROVIDERS: list[Callable[["CaseOverview"], CasePageBlock | None]] = []


def case_page_provider_register(provider: Callable[["CaseOverview"], CasePageBlock | None]) -> None:
    if provider not in _CASE_PAGE_PROVIDERS:
        _CASE_PAGE_PROVIDERS.append(provider)


def case_page_blocks(overview: "CaseOverview") -> list[CasePageBlock]:
    """The blocks the registered apps draw on this case's page (none when no app has anything to say)."""
    return [block for provider in _CASE_PAGE_PROVIDERS if (block := provider(overview)) is not None]


def case_calls_for_visit(*, case_id: int, visit: str) -> bool:
    """Whether the case's current status asks the applicant to book `visit` (a `Visit` value); used by booking."""
    return Case.objects.filter(pk=case_id, anonymized_at__isnull=True, status__visit=visit).exclude(
        status__visit=""
    ).exists()


# For other apps' forms: the longest case number a field should accept (the column's length).
CASE_NUMBER_MAX_LENGTH = NUMBER_MAX_LENGTH


def access_code_clean(code: str) -> str | None:
    """An access code as typed, normalized (upper case, no separators), or None if it cannot be one."""
    normalized = access_code_normalize(code or "")
    return normalized if len(normalized) == ACCESS_CODE_LENGTH else None


def case_id_for_number(*, number: str) -> int | None:
    """The id of the case (not anonymized) with `number` typed any way, or None; for other apps that link to it.

    No access code: for callers who checked the person's identity themselves (the desk). One query.
    """
    key = number_key(number or "")
    if not key or len(number) > NUMBER_MAX_LENGTH:
        return None
    return Case.objects.filter(number_key=key, anonymized_at__isnull=True).values_list("pk", flat=True).first()


@dataclass(frozen=True)
class CaseAtDesk:
    """What staff at a desk or on the helpline may see of a case a visitor or caller names."""

    case_id: int
    number: str
    procedure: str
    status: str
    status_explanation: str
    status_since: date
    place: str
    is_final: bool


def case_status_for_staff(*, user: "User", number: str) -> CaseAtDesk | None:
    """The current status of the case with `number` (typed any way), for staff of the places that handle it.

    Scoped exactly as the case admin (`cases_visible_to`) and answering None both for an unknown number and for a
    case outside the user's places, so a desk cannot learn that a case exists elsewhere. Staff without the right
    to view cases get None too. One query.
    """
    if not (user.has_perm("cases.view_case") or user.has_perm("cases.view_case_status_at_desk")):
        return None
    key = number_key(number or "")
    if not key:
        return None
    case = (
        cases_visible_to(user)
        .filter(number_key=key, anonymized_at__isnull=True)
        .select_related("procedure", "status", "place")
        .first()
    )
    if case is None:
        return None
    return CaseAtDesk(
        case_id=case.pk,
        number=case.number,
        procedure=case.procedure.name,
        status=case.status.name,
        status_explanation=case.status.explanation,
        status_since=timezone.localdate(case.status_changed_at),
        place=case.place.name,
        is_final=case.status.is_final,
    )


def lookups_answered_since(*, since: date) -> int:
    """Case-status lookups the page answered (found, or wrong number or code) from `since`: one count, no person."""
    start = timezone.make_aware(datetime.combine(since, clock_time.min))
    return LookupRecord.objects.filter(created_at__gte=start).exclude(outcome=LookupRecord.Outcome.LIMITED).count()


# --- Figures for the indicator reports (aggregates only) ---------------------------------------------------

# The outbox kind of the e-mail telling a subscriber that their case moved (`services`: "case-event:<ids>").
STATUS_NOTIFICATION_KIND = "case-event"


def lookup_figures(*, since: datetime, until: datetime) -> dict[str, int]:
    """Case-status lookups in [since, until): all, found, wrong number or code, refused for too many attempts."""
    return LookupRecord.objects.filter(created_at__gte=since, created_at__lt=until).aggregate(
        lookups=Count("pk"),
        found=Count("pk", filter=Q(outcome=LookupRecord.Outcome.FOUND)),
        not_found=Count("pk", filter=Q(outcome=LookupRecord.Outcome.NOT_FOUND)),
        limited=Count("pk", filter=Q(outcome=LookupRecord.Outcome.LIMITED)),
    )


def lookup_series(*, since: datetime, until: datetime, trunc: Callable[..., TruncBase]) -> list[Any]:
    """Lookups per day, week or month: `bucket`, `lookups`."""
    return list(
        LookupRecord.objects.filter(created_at__gte=since, created_at__lt=until)
        .annotate(bucket=trunc("created_at", output_field=DateField()))
        .values("bucket")
        .annotate(lookups=Count("pk"))
        .order_by("bucket")
    )
